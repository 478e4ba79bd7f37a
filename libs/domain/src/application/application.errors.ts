import type { CalendarDate } from '../shared/calendar.js';
import { conflict, notFound, ruleBroken } from '../shared/domain-error.js';
import type { ApplicationFile, DecidedApplication, Endorsement, NotEndorsedApplication } from './application.state.js';

export const applicationNotFound = (applicationId: string) =>
  notFound('ApplicationNotFound', `no application ${applicationId} has been submitted`);

export const applicationAlreadySubmitted = (application: ApplicationFile) =>
  conflict(
    'ApplicationAlreadySubmitted',
    `application ${application.applicationId} was already submitted on ${application.submittedOn} by ${application.cityName}`,
  );

export const applicationAlreadyEndorsed = (applicationId: string, endorsement: Endorsement) =>
  conflict('ApplicationAlreadyEndorsed', `application ${applicationId} was already endorsed by ${endorsement.by} on ${endorsement.endorsedOn}`);

export const applicationAlreadyDecided = (applicationId: string, state: DecidedApplication) =>
  conflict('ApplicationAlreadyDecided', `application ${applicationId} was already decided on ${state.decidedOn}: ${state.decision}`);

export const endorsementRequired = (applicationId: string) =>
  ruleBroken(
    'EndorsementRequired',
    `application ${applicationId} cannot lead to a designation: the national commission for UNESCO has not endorsed it`,
  );

export const callBeforeNetworkFounded = (callYear: number) =>
  ruleBroken('CallBeforeNetworkFounded', `there was no call in ${callYear}: the network was founded in 2004`);

export const applicationDateOutOfOrder = (what: string, date: CalendarDate, after: string, afterDate: CalendarDate) =>
  ruleBroken('ApplicationDateOutOfOrder', `the ${what} on ${date} cannot come before the ${after} on ${afterDate}`);

export const applicationEnded = (applicationId: string, state: NotEndorsedApplication) =>
  conflict(
    'ApplicationEnded',
    `application ${applicationId} ended on ${state.endorsement.endorsedOn}: ${state.endorsement.by} found the city not a suitable candidate`,
  );

/** DESIGN §2.2 and §2.6: a city is designated once; an application cannot designate it again. */
export const cityAlreadyOnRecord = (cityId: string, designatedOn: CalendarDate, field: string) =>
  conflict('CityAlreadyOnRecord', `${cityId} is already on record, designated on ${designatedOn} in ${field}: an application cannot designate it again`);

export const callYearOutOfRange = (callYear: number, submittedOn: CalendarDate) =>
  ruleBroken('CallYearOutOfRange', `an application submitted on ${submittedOn} answers the call of that year or the next, not ${callYear}`);

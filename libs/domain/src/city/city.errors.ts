import type { CalendarDate } from '../shared/calendar.js';
import { conflict, notFound, ruleBroken } from '../shared/domain-error.js';
import type { CityReport, CityState, MemberCity, WithdrawnCity } from './city.state.js';

export const cityNotFound = (cityId: string) =>
  notFound('CityNotFound', `no city ${cityId} has been designated in the network`);

export const cityAlreadyDesignated = (cityId: string, state: MemberCity | WithdrawnCity) =>
  conflict(
    'CityAlreadyDesignated',
    state.status === 'withdrawn'
      ? `${cityId} was designated on ${state.designatedOn} and left the network on ${state.withdrawnOn}; a city is designated only once`
      : `${cityId} was already designated on ${state.designatedOn} in ${state.field}; to move it to another field, change its field`,
  );

export const designationBeforeNetworkFounded = (designatedOn: CalendarDate, foundedOn: CalendarDate) =>
  ruleBroken(
    'DesignationBeforeNetworkFounded',
    `no city can be designated on ${designatedOn}: the network was founded on ${foundedOn}`,
  );

/** Says which side of the membership the date falls on: before the designation or after leaving. */
export const cityNotMemberOn = (cityId: string, state: CityState, date: CalendarDate, doing: string) => {
  if (state.status === 'unknown') return cityNotFound(cityId);
  const why =
    date < state.designatedOn
      ? `it was designated only on ${state.designatedOn}`
      : `it left the network on ${(state as WithdrawnCity).withdrawnOn}`;
  return ruleBroken('CityNotMemberOnDate', `${cityId} cannot ${doing} on ${date}: ${why}`);
};

export const fieldUnchanged = (cityId: string, field: string) =>
  conflict('FieldUnchanged', `${cityId} already holds the field ${field}; a field change must name a different field`);

export const fieldChangeOutOfOrder = (cityId: string, effectiveOn: CalendarDate, since: CalendarDate, what: string) =>
  ruleBroken(
    'FieldChangeOutOfOrder',
    `${cityId} cannot change field on ${effectiveOn}: the change must come after its ${what} on ${since}`,
  );

export const reportAlreadySubmitted = (cityId: string, report: CityReport) =>
  conflict('ReportAlreadySubmitted', `${cityId} already submitted report ${report.reportId} on ${report.submittedOn}; report ids are unique within a city`);

export const reportNotFound = (cityId: string, reportId: string) =>
  notFound('ReportNotFound', `${cityId} has submitted no report ${reportId}`);

export const reportAlreadyAccepted = (cityId: string, report: CityReport) =>
  conflict('ReportAlreadyAccepted', `report ${report.reportId} of ${cityId} was already accepted on ${report.lastReviewedOn}; an accepted report is not reviewed again`);

export const reviewBeforeSubmission = (report: CityReport, reviewedOn: CalendarDate) =>
  ruleBroken('ReviewBeforeSubmission', `report ${report.reportId} cannot be reviewed on ${reviewedOn}: it was submitted on ${report.submittedOn}`);

export const reviewBeforePreviousReview = (report: CityReport, reviewedOn: CalendarDate) =>
  ruleBroken('ReviewBeforePreviousReview', `report ${report.reportId} cannot be reviewed on ${reviewedOn}: it was last reviewed on ${report.lastReviewedOn}`);

export const membershipAlreadyWithdrawn = (cityId: string, state: WithdrawnCity) =>
  conflict('MembershipAlreadyWithdrawn', `${cityId} already left the network on ${state.withdrawnOn} (${state.withdrawalReason})`);

export const withdrawalBeforeDesignation = (cityId: string, effectiveOn: CalendarDate, designatedOn: CalendarDate) =>
  ruleBroken('WithdrawalBeforeDesignation', `${cityId} cannot leave on ${effectiveOn}: it was designated only on ${designatedOn}`);

export const withdrawalBeforeRecordedActivity = (cityId: string, effectiveOn: CalendarDate, lastActivityOn: CalendarDate) =>
  ruleBroken(
    'WithdrawalBeforeRecordedActivity',
    `${cityId} cannot have left on ${effectiveOn}: the register shows it active as a member on ${lastActivityOn}`,
  );

export const correctionChangesNothing = (what: string) =>
  conflict('CorrectionChangesNothing', `the correction changes nothing: ${what} already holds every value it names`);

/** DESIGN §2.7: the record as corrected must still be valid; says which fact it would contradict. */
export const correctionContradicts = (cityId: string, fact: string, why: string) =>
  ruleBroken('CorrectionContradictsRecord', `the correction would contradict the record of ${cityId}: ${fact}: ${why}`);

export const noWithdrawalToRetract = (cityId: string) =>
  conflict('NoWithdrawalToRetract', `${cityId} is a member: there is no withdrawal on record to retract`);

export const cityHasLeftNetwork = (cityId: string, state: WithdrawnCity, doing: string) =>
  conflict('CityHasLeftNetwork', `${cityId} left the network on ${state.withdrawnOn}: it cannot ${doing}`);

export const focalPointUnchanged = (cityId: string) =>
  conflict('FocalPointUnchanged', `this person is already the focal point of ${cityId}`);

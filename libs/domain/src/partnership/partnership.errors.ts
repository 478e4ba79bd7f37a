import type { CalendarDate } from '../shared/calendar.js';
import { conflict, notFound, ruleBroken } from '../shared/domain-error.js';
import type { ConcludedPartnership, PartnerMembership, PartnershipCharter } from './partnership.state.js';

export const partnershipNotFound = (partnershipId: string) =>
  notFound('PartnershipNotFound', `no partnership ${partnershipId} has been launched`);

export const partnershipAlreadyLaunched = (charter: PartnershipCharter) =>
  conflict('PartnershipAlreadyLaunched', `partnership ${charter.partnershipId} ("${charter.name}") was already launched on ${charter.startsOn}`);

export const partnershipAlreadyConcluded = (partnershipId: string, state: ConcludedPartnership) =>
  conflict('PartnershipAlreadyConcluded', `partnership ${partnershipId} was concluded on ${state.concludedOn}; it takes no more changes`);

export const partnerAlreadyInPartnership = (partnershipId: string, member: PartnerMembership) =>
  conflict(
    'PartnerAlreadyInPartnership',
    `${member.partner.name} (${member.partner.country}) has been a partner of ${partnershipId} since ${member.joinedOn}`,
  );

export const joinedOutsidePartnershipDates = (partnershipId: string, joinedOn: CalendarDate, charter: PartnershipCharter) =>
  ruleBroken(
    'JoinedOutsidePartnershipDates',
    `a partner cannot join ${partnershipId} on ${joinedOn}: it runs from ${charter.startsOn}${charter.endsOn ? ` to ${charter.endsOn}` : ''}`,
  );

export const partnershipDateOutOfOrder = (what: string, date: CalendarDate, after: string, afterDate: CalendarDate) =>
  ruleBroken('PartnershipDateOutOfOrder', `the ${what} on ${date} cannot come before the ${after} on ${afterDate}`);

export const contactAlreadyRecorded = (partnershipId: string, role: string) =>
  conflict('ContactAlreadyRecorded', `this person is already a contact of partnership ${partnershipId} as ${role}`);

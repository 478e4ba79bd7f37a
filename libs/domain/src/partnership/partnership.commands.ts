import type { CalendarDate } from '../shared/calendar.js';
import type { CityStates } from '../city/member-cities.js';
import type { CommandOf } from '../shared/decider.js';
import type { RecordedContact } from '../shared/personal-data.js';
import type { Partner, PartnershipConcluded, PartnershipContactAdded } from './partnership.events.js';

/** Seed 004: EU "Creative Cities", Central Europe Programme, lead partner City of Leipzig. */
export interface LaunchPartnership {
  readonly type: 'LaunchPartnership';
  readonly partnershipId: string;
  readonly name: string;
  readonly programme?: string;
  readonly leadPartner: Partner;
  readonly partners: readonly Partner[];
  readonly creativeIndustries?: readonly string[];
  readonly startsOn: CalendarDate;
  /** the planned end; may be after today ("the project runs until December 2012") */
  readonly endsOn?: CalendarDate;
  /** sealed by the application before the domain sees them (DESIGN §7) */
  readonly contacts?: readonly RecordedContact[];
  /** the member cities the partners name by `cityId` */
  readonly cities: CityStates;
  readonly today: CalendarDate;
}

export interface AddPartner {
  readonly type: 'AddPartner';
  readonly partnershipId: string;
  readonly name: string;
  readonly country: string;
  readonly cityId?: string;
  readonly joinedOn: CalendarDate;
  /** the member city the partner names by `cityId` */
  readonly cities: CityStates;
  readonly today: CalendarDate;
}

export type ConcludePartnership = CommandOf<'ConcludePartnership', PartnershipConcluded['data']>;

export type AddPartnershipContact = CommandOf<'AddPartnershipContact', PartnershipContactAdded['data']>;

export type PartnershipCommand = LaunchPartnership | AddPartner | ConcludePartnership | AddPartnershipContact;

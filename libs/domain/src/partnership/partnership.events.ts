import type { CalendarDate } from '../shared/calendar.js';
import type { DomainEvent } from '../shared/decider.js';
import type { RecordedContact } from '../shared/personal-data.js';

/** An organisation in a partnership; `cityId` when it is (or stands for) a member city. */
export interface Partner {
  readonly name: string;
  readonly country: string;
  readonly cityId?: string;
}

export type PartnershipLaunched = DomainEvent<
  'PartnershipLaunched',
  {
    readonly partnershipId: string;
    readonly name: string;
    readonly programme?: string;
    readonly leadPartner: Partner;
    readonly partners: readonly Partner[];
    readonly creativeIndustries: readonly string[];
    readonly startsOn: CalendarDate;
    readonly endsOn?: CalendarDate;
    /** the people to write to (seed 004: the lead partner's contact, a communication manager), sealed */
    readonly contacts?: readonly RecordedContact[];
  }
>;

export type PartnerJoined = DomainEvent<
  'PartnerJoined',
  { readonly partnershipId: string; readonly partner: Partner; readonly joinedOn: CalendarDate }
>;

export type PartnershipConcluded = DomainEvent<
  'PartnershipConcluded',
  { readonly partnershipId: string; readonly concludedOn: CalendarDate; readonly outcome?: string }
>;

/** A person to write to about the partnership, added after its launch (DESIGN §7). */
export type PartnershipContactAdded = DomainEvent<
  'PartnershipContactAdded',
  { readonly partnershipId: string; readonly contact: RecordedContact }
>;

export type PartnershipEvent = PartnershipLaunched | PartnerJoined | PartnershipConcluded | PartnershipContactAdded;

export const partnershipStreamId = (partnershipId: string) => `partnership-${partnershipId}`;

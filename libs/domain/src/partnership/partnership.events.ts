import type { CalendarDate } from '../shared/calendar.js';
import type { DomainEvent } from '../shared/decider.js';

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

export type PartnershipEvent = PartnershipLaunched | PartnerJoined | PartnershipConcluded;

export const partnershipStreamId = (partnershipId: string) => `partnership-${partnershipId}`;

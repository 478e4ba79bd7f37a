import type { CalendarDate } from '../shared/calendar.js';
import type { DomainEvent } from '../shared/decider.js';

export type MeetingKind = 'annual-conference' | 'subnetwork' | 'national';
export const MEETING_KINDS: readonly MeetingKind[] = ['annual-conference', 'subnetwork', 'national'];

export type MeetingFormat = 'in-person' | 'online' | 'hybrid';
export const MEETING_FORMATS: readonly MeetingFormat[] = ['in-person', 'online', 'hybrid'];

export type MeetingScheduled = DomainEvent<
  'MeetingScheduled',
  {
    readonly meetingId: string;
    readonly kind: MeetingKind;
    readonly title: string;
    /** annual conferences: the edition number (XII → 12) */
    readonly edition?: number;
    /** sub-network meetings: the creative field */
    readonly field?: string;
    /** national meetings: the country (ISO 3166-1 alpha-2) */
    readonly country?: string;
    /** may be empty when a venue is given (UNESCO Headquarters, Paris, 2008) */
    readonly hostCityIds: readonly string[];
    readonly venue?: string;
    readonly startsOn: CalendarDate;
    readonly endsOn: CalendarDate;
    readonly theme?: string;
    readonly format: MeetingFormat;
  }
>;

export type MeetingHosted = DomainEvent<
  'MeetingHosted',
  {
    readonly meetingId: string;
    readonly attendeeCityIds: readonly string[];
    readonly heldFrom: CalendarDate;
    readonly heldTo: CalendarDate;
    readonly format: MeetingFormat;
  }
>;

export type MeetingCancelled = DomainEvent<
  'MeetingCancelled',
  {
    readonly meetingId: string;
    readonly cancelledOn: CalendarDate;
    readonly reason: string;
    readonly forceMajeure: boolean;
  }
>;

export type MeetingEvent = MeetingScheduled | MeetingHosted | MeetingCancelled;

export const meetingStreamId = (meetingId: string) => `meeting-${meetingId}`;

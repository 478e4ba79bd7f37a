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
    /**
     * the cancelled meeting this one was rescheduled in place of (XIV Santos 2022 for Santos 2020):
     * of the same kind and, for an annual conference, the same edition (DESIGN §6)
     */
    readonly replaces?: string;
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

/**
 * The facts of a meeting's record that a correction may amend. For a meeting that took place,
 * `startsOn`, `endsOn` and `format` are the days it was held and how.
 */
export interface MeetingFacts {
  readonly title: string;
  readonly edition: number;
  readonly theme: string;
  readonly venue: string;
  readonly hostCityIds: readonly string[];
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly format: MeetingFormat;
  /** a rescheduled meeting's link to the cancelled one it replaces, learned after it was scheduled */
  readonly replaces: string;
}

/** DESIGN §6: what was recorded (`before`), what is true (`after`, only what changes) and why. */
export type MeetingRecordCorrected = DomainEvent<
  'MeetingRecordCorrected',
  {
    readonly meetingId: string;
    readonly reason: string;
    readonly before: Partial<MeetingFacts>;
    readonly after: Partial<MeetingFacts>;
  }
>;

/** Cities that took part in a meeting already held, known only later (the import records none). */
export type MeetingAttendanceRecorded = DomainEvent<
  'MeetingAttendanceRecorded',
  {
    readonly meetingId: string;
    /** the cities added: never one already recorded as attending */
    readonly attendeeCityIds: readonly string[];
  }
>;

export type MeetingEvent = MeetingScheduled | MeetingHosted | MeetingCancelled | MeetingRecordCorrected | MeetingAttendanceRecorded;

export const meetingStreamId = (meetingId: string) => `meeting-${meetingId}`;

import type { CalendarDate } from '../shared/calendar.js';
import type { CityStates } from '../city/member-cities.js';
import type { FieldCatalogue } from '../network/network.state.js';
import type { CommandOf } from '../shared/decider.js';
import type { MeetingCancelled, MeetingFormat, MeetingScheduled } from './meeting.events.js';
import type { MeetingState } from './meeting.state.js';


/** Meetings are scheduled ahead: `startsOn` may be after `today`. */
export type ScheduleMeeting = CommandOf<
  'ScheduleMeeting',
  MeetingScheduled['data'],
  {
    readonly catalogue: FieldCatalogue;
    readonly cities: CityStates;
    /** the state of the meeting named by `replaces`, folded by the application from its stream */
    readonly replaced?: MeetingState;
  }
>;

/** Held dates and format default to the scheduled ones. */
export interface RecordMeetingHosted {
  readonly type: 'RecordMeetingHosted';
  readonly meetingId: string;
  readonly attendeeCityIds?: readonly string[];
  readonly heldFrom?: CalendarDate;
  readonly heldTo?: CalendarDate;
  readonly format?: MeetingFormat;
  readonly cities: CityStates;
  readonly today: CalendarDate;
}

/** Santos 2020, postponed because of COVID-19: force majeure. */
export type CancelMeeting = CommandOf<'CancelMeeting', MeetingCancelled['data']>;

/** DESIGN §6: name only the facts recorded wrong; `cities` holds the hosts and attendees, old and new. */
export interface CorrectMeetingRecord {
  readonly type: 'CorrectMeetingRecord';
  readonly meetingId: string;
  readonly reason: string;
  readonly title?: string;
  readonly edition?: number;
  readonly theme?: string;
  readonly venue?: string;
  readonly hostCityIds?: readonly string[];
  readonly startsOn?: CalendarDate;
  readonly endsOn?: CalendarDate;
  readonly format?: MeetingFormat;
  readonly replaces?: string;
  readonly cities: CityStates;
  /** the meeting it replaces, as corrected (`replaces`) or as recorded, folded from its stream */
  readonly replaced?: MeetingState;
  readonly today: CalendarDate;
}

/** Adds attendees to a meeting already held, at any later time. */
export interface RecordMeetingAttendance {
  readonly type: 'RecordMeetingAttendance';
  readonly meetingId: string;
  readonly attendeeCityIds: readonly string[];
  readonly cities: CityStates;
  readonly today: CalendarDate;
}

export type MeetingCommand = ScheduleMeeting | RecordMeetingHosted | CancelMeeting | CorrectMeetingRecord | RecordMeetingAttendance;

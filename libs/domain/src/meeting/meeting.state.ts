import type { CalendarDate } from '../shared/calendar.js';
import { assertNever } from '../shared/decider.js';
import type { MeetingEvent, MeetingFacts, MeetingHosted, MeetingScheduled } from './meeting.events.js';

export type MeetingPlan = MeetingScheduled['data'];
export type MeetingHeld = Omit<MeetingHosted['data'], 'meetingId'>;

export interface UnknownMeeting {
  readonly status: 'unknown';
}
export interface ScheduledMeeting {
  readonly status: 'scheduled';
  readonly plan: MeetingPlan;
}
export interface HostedMeeting {
  readonly status: 'hosted';
  readonly plan: MeetingPlan;
  readonly held: MeetingHeld;
}
export interface CancelledMeeting {
  readonly status: 'cancelled';
  readonly plan: MeetingPlan;
  readonly cancelledOn: CalendarDate;
  readonly reason: string;
  readonly forceMajeure: boolean;
}

export type MeetingState = UnknownMeeting | ScheduledMeeting | HostedMeeting | CancelledMeeting;

export const initialMeetingState: MeetingState = { status: 'unknown' };

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingScheduled':
      return state.status === 'unknown' ? { status: 'scheduled', plan: event.data } : state;
    case 'MeetingHosted': {
      if (state.status !== 'scheduled') return state;
      const { attendeeCityIds, heldFrom, heldTo, format } = event.data;
      return { status: 'hosted', plan: state.plan, held: { attendeeCityIds, heldFrom, heldTo, format } };
    }
    case 'MeetingCancelled': {
      if (state.status !== 'scheduled') return state;
      const { cancelledOn, reason, forceMajeure } = event.data;
      return { status: 'cancelled', plan: state.plan, cancelledOn, reason, forceMajeure };
    }
    case 'MeetingRecordCorrected':
      return state.status === 'unknown' ? state : withMeetingFacts(state, event.data.after);
    case 'MeetingAttendanceRecorded': {
      if (state.status !== 'hosted') return state;
      return { ...state, held: { ...state.held, attendeeCityIds: [...state.held.attendeeCityIds, ...event.data.attendeeCityIds] } };
    }
    default:
      return assertNever(event);
  }
}

/** The meeting's record as a correction sees it: for a meeting held, the days and format it was held. */
export function meetingFactsOf(state: ScheduledMeeting | HostedMeeting | CancelledMeeting): Partial<MeetingFacts> {
  const { title, edition, theme, venue, hostCityIds, startsOn, endsOn, format, replaces } = state.plan;
  const held = state.status === 'hosted' ? { startsOn: state.held.heldFrom, endsOn: state.held.heldTo, format: state.held.format } : {};
  return Object.fromEntries(
    Object.entries({ title, edition, theme, venue, hostCityIds, startsOn, endsOn, format, replaces, ...held }).filter(([, v]) => v !== undefined),
  ) as Partial<MeetingFacts>;
}

function withMeetingFacts<S extends ScheduledMeeting | HostedMeeting | CancelledMeeting>(state: S, after: Partial<MeetingFacts>): S {
  if (state.status !== 'hosted') return { ...state, plan: { ...state.plan, ...after } };
  const { startsOn, endsOn, format, ...plan } = after;
  const held: MeetingHeld = {
    ...state.held,
    ...(startsOn === undefined ? {} : { heldFrom: startsOn }),
    ...(endsOn === undefined ? {} : { heldTo: endsOn }),
    ...(format === undefined ? {} : { format }),
  };
  return { ...state, plan: { ...state.plan, ...plan }, held };
}

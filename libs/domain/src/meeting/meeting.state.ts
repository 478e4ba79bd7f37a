import type { CalendarDate } from '../shared/calendar.js';
import { assertNever } from '../shared/decider.js';
import type { MeetingEvent, MeetingHosted, MeetingScheduled } from './meeting.events.js';

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
    default:
      return assertNever(event);
  }
}

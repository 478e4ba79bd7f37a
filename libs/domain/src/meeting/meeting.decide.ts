import { assertNever, decideBy, type Decider } from '../shared/decider.js';
import {
  requireBoolean,
  requireCountry,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireOptionalDate,
  requireOptionalText,
  requireOrderedPeriod,
  requirePositiveInteger,
  requireSlug,
  requireSlugList,
  requireText,
  requireToday,
} from '../shared/validation.js';
import { requireFieldOpenOn, requireKnownField } from '../network/network.decide.js';
import type { CreativeField } from '../network/network.state.js';
import type {
  CancelMeeting,
  CorrectMeetingRecord,
  MeetingCommand,
  RecordMeetingAttendance,
  RecordMeetingHosted,
  ScheduleMeeting,
} from './meeting.commands.js';
import { correctMeetingRecord, recordMeetingAttendance } from './meeting.corrections.js';
import { requireMembersOn } from '../city/member-cities.js';
import { requireReplaceable } from './meeting.rules.js';
import {
  cancelledAfterMeetingEnded,
  cancelledMeetingCannotBeHosted,
  hostedMeetingCannotBeCancelled,
  meetingAlreadyCancelled,
  meetingAlreadyHosted,
  meetingAlreadyScheduled,
  meetingNeedsHostOrVenue,
  meetingNotFound,
} from './meeting.errors.js';
import {
  MEETING_FORMATS,
  MEETING_KINDS,
  type MeetingCancelled,
  type MeetingEvent,
  type MeetingHosted,
  type MeetingScheduled,
} from './meeting.events.js';
import { evolveMeeting, initialMeetingState, type MeetingState } from './meeting.state.js';

/*
 * Checks run in the order shape (400) → state (404/409) → dated rules (422), as in every decider.
 * "Once a year" is a habit, not an invariant (two meetings in 2008: Paris and Santa Fe), so nothing
 * here looks at other meetings, but for the cancelled one a rescheduled meeting `replaces`.
 */

function scheduleMeeting(command: ScheduleMeeting, state: MeetingState): MeetingScheduled[] {
  requireToday(command.today);
  const meetingId = requireSlug(command.meetingId, 'meetingId');
  const kind = requireOneOf(command.kind, MEETING_KINDS, 'kind');
  const title = requireText(command.title, 'title');
  const format = requireOneOf(command.format, MEETING_FORMATS, 'format');
  const hostCityIds = requireSlugList(command.hostCityIds, 'hostCityIds');
  const venue = requireOptionalText(command.venue, 'venue');
  const theme = requireOptionalText(command.theme, 'theme');
  const startsOn = requireDate(command.startsOn, 'startsOn');
  const endsOn = requireDate(command.endsOn, 'endsOn');
  requireOrderedPeriod(startsOn, endsOn, 'startsOn', 'endsOn');
  const replaces = command.replaces === undefined ? undefined : requireSlug(command.replaces, 'replaces');

  // what each kind of meeting is about: its edition, its field, its country
  let edition: number | undefined;
  let field: CreativeField | undefined;
  let country: string | undefined;
  switch (kind) {
    case 'annual-conference':
      // numbered editions are the network's conferences in person; the one the network held
      // online instead (2021, between XIII and XIV) has none, and inventing one would be false
      edition = format === 'online' && command.edition === undefined ? undefined : requirePositiveInteger(command.edition, 'edition');
      break;
    case 'subnetwork':
      field = requireKnownField(command.catalogue, command.field, 'field');
      break;
    case 'national':
      country = requireCountry(command.country, 'country');
      break;
    default:
      assertNever(kind);
  }

  if (state.status !== 'unknown') throw meetingAlreadyScheduled(meetingId, state);
  if (replaces !== undefined) requireReplaceable(meetingId, { kind, edition }, replaces, command.replaced);

  // meetings are scheduled ahead, so startsOn may be after today
  if (hostCityIds.length === 0 && venue === undefined) throw meetingNeedsHostOrVenue(meetingId);
  if (field) requireFieldOpenOn(field, startsOn);
  requireMembersOn(command.cities, hostCityIds, startsOn, 'host a meeting');

  return [
    {
      type: 'MeetingScheduled',
      data: {
        meetingId,
        kind,
        title,
        ...(edition === undefined ? {} : { edition }),
        ...(field === undefined ? {} : { field: field.field }),
        ...(country === undefined ? {} : { country }),
        hostCityIds: [...hostCityIds],
        ...(venue === undefined ? {} : { venue }),
        startsOn,
        endsOn,
        ...(theme === undefined ? {} : { theme }),
        format,
        ...(replaces === undefined ? {} : { replaces }),
      },
    },
  ];
}

/**
 * Recording what took place: dates and format default to the plan. Attendees must be members on
 * the first day held; so must the hosts, who were checked against the planned start when the
 * meeting was scheduled and are checked again only when it was held from another day.
 */
function recordMeetingHosted(command: RecordMeetingHosted, state: MeetingState): MeetingHosted[] {
  const today = requireToday(command.today);
  const meetingId = requireSlug(command.meetingId, 'meetingId');
  const attendeeCityIds = command.attendeeCityIds === undefined ? [] : requireSlugList(command.attendeeCityIds, 'attendeeCityIds');
  const heldFromGiven = requireOptionalDate(command.heldFrom, 'heldFrom');
  const heldToGiven = requireOptionalDate(command.heldTo, 'heldTo');
  const formatGiven = command.format === undefined ? undefined : requireOneOf(command.format, MEETING_FORMATS, 'format');

  if (state.status === 'unknown') throw meetingNotFound(meetingId);
  if (state.status === 'cancelled') throw cancelledMeetingCannotBeHosted(meetingId, state);
  if (state.status === 'hosted') throw meetingAlreadyHosted(meetingId, state);

  const { plan } = state;
  const heldFrom = heldFromGiven ?? plan.startsOn;
  const heldTo = heldToGiven ?? plan.endsOn;
  requireOrderedPeriod(heldFrom, heldTo, 'heldFrom', 'heldTo');

  // a meeting cannot be recorded as hosted before it has begun
  requireNotInFuture(heldFrom, today, 'heldFrom');
  if (heldFrom !== plan.startsOn) requireMembersOn(command.cities, plan.hostCityIds, heldFrom, 'host a meeting');
  requireMembersOn(command.cities, attendeeCityIds, heldFrom, 'attend a meeting');

  return [
    {
      type: 'MeetingHosted',
      data: { meetingId, attendeeCityIds: [...attendeeCityIds], heldFrom, heldTo, format: formatGiven ?? plan.format },
    },
  ];
}

function cancelMeeting(command: CancelMeeting, state: MeetingState): MeetingCancelled[] {
  const today = requireToday(command.today);
  const meetingId = requireSlug(command.meetingId, 'meetingId');
  const cancelledOn = requireDate(command.cancelledOn, 'cancelledOn');
  const reason = requireText(command.reason, 'reason');
  const forceMajeure = requireBoolean(command.forceMajeure, 'forceMajeure');

  if (state.status === 'unknown') throw meetingNotFound(meetingId);
  if (state.status === 'hosted') throw hostedMeetingCannotBeCancelled(meetingId, state);
  if (state.status === 'cancelled') throw meetingAlreadyCancelled(meetingId, state);

  requireNotInFuture(cancelledOn, today, 'cancelledOn');
  if (cancelledOn > state.plan.endsOn) throw cancelledAfterMeetingEnded(meetingId, cancelledOn, state.plan.endsOn);

  return [{ type: 'MeetingCancelled', data: { meetingId, cancelledOn, reason, forceMajeure } }];
}

/**
 * The cities whose streams the application must fold into `cities` before deciding: the hosts of
 * a meeting to schedule; the attendees and hosts of a meeting to record as hosted.
 */
export function meetingCityIds(
  command:
    | Pick<ScheduleMeeting, 'type' | 'hostCityIds'>
    | Pick<RecordMeetingHosted, 'type' | 'attendeeCityIds'>
    | Pick<CancelMeeting, 'type'>
    | Pick<CorrectMeetingRecord, 'type' | 'hostCityIds'>
    | Pick<RecordMeetingAttendance, 'type' | 'attendeeCityIds'>,
  state: MeetingState,
): readonly string[] {
  switch (command.type) {
    case 'ScheduleMeeting':
      return Array.isArray(command.hostCityIds) ? [...new Set(command.hostCityIds)] : [];
    case 'RecordMeetingHosted': {
      const hosts = state.status === 'unknown' ? [] : state.plan.hostCityIds;
      const attendees = Array.isArray(command.attendeeCityIds) ? command.attendeeCityIds : [];
      return [...new Set([...hosts, ...attendees])];
    }
    case 'CancelMeeting':
      return [];
    // a correction checks the hosts it names and, should the meeting move, those it had and its attendees
    case 'CorrectMeetingRecord': {
      const recorded = state.status === 'unknown' ? [] : state.plan.hostCityIds;
      const attendees = state.status === 'hosted' ? state.held.attendeeCityIds : [];
      const named = Array.isArray(command.hostCityIds) ? command.hostCityIds : [];
      return [...new Set([...named, ...recorded, ...attendees])];
    }
    case 'RecordMeetingAttendance':
      return Array.isArray(command.attendeeCityIds) ? [...new Set(command.attendeeCityIds)] : [];
    default:
      return assertNever(command);
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide: decideBy({
    ScheduleMeeting: scheduleMeeting,
    RecordMeetingHosted: recordMeetingHosted,
    CancelMeeting: cancelMeeting,
    CorrectMeetingRecord: correctMeetingRecord,
    RecordMeetingAttendance: recordMeetingAttendance,
  }),
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};

import { changedFacts, requireFactsNamed } from '../shared/correction.js';
import { definedOnly } from '../shared/decider.js';
import { invalid } from '../shared/domain-error.js';
import {
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requirePositiveInteger,
  requireSlug,
  requireSlugList,
  requireText,
  requireToday,
} from '../shared/validation.js';
import type { CorrectMeetingRecord, RecordMeetingAttendance } from './meeting.commands.js';
import {
  attendanceAlreadyRecorded,
  cancelledAfterMeetingEnded,
  meetingCorrectionChangesNothing,
  meetingCorrectionContradicts,
  meetingNeedsHostOrVenue,
  meetingNotFound,
  meetingNotHeld,
} from './meeting.errors.js';
import { MEETING_FORMATS, type MeetingAttendanceRecorded, type MeetingFacts, type MeetingRecordCorrected } from './meeting.events.js';
import { requireMembersOn } from '../city/member-cities.js';
import { requireReplaceable } from './meeting.rules.js';
import { evolveMeeting, meetingFactsOf, type CancelledMeeting, type HostedMeeting, type MeetingState, type ScheduledMeeting } from './meeting.state.js';

/*
 * Corrections of a meeting's record (DESIGN §6), and attendance learned after the meeting was
 * recorded as held. The meeting as corrected must keep every rule of a meeting: a host or a venue,
 * an end not before its start, an edition for a conference held in person, hosts (and, once held,
 * attendees) who were members on its first day, and the rules of the cancelled meeting it replaces.
 */

export function correctMeetingRecord(command: CorrectMeetingRecord, state: MeetingState): MeetingRecordCorrected[] {
  const today = requireToday(command.today);
  const meetingId = requireSlug(command.meetingId, 'meetingId');
  const reason = requireText(command.reason, 'reason');
  const proposed: Partial<MeetingFacts> = definedOnly({
    title: command.title === undefined ? undefined : requireText(command.title, 'title'),
    edition: command.edition === undefined ? undefined : requirePositiveInteger(command.edition, 'edition'),
    theme: command.theme === undefined ? undefined : requireText(command.theme, 'theme'),
    venue: command.venue === undefined ? undefined : requireText(command.venue, 'venue'),
    hostCityIds: command.hostCityIds === undefined ? undefined : [...requireSlugList(command.hostCityIds, 'hostCityIds')],
    startsOn: command.startsOn === undefined ? undefined : requireDate(command.startsOn, 'startsOn'),
    endsOn: command.endsOn === undefined ? undefined : requireDate(command.endsOn, 'endsOn'),
    format: command.format === undefined ? undefined : requireOneOf(command.format, MEETING_FORMATS, 'format'),
    replaces: command.replaces === undefined ? undefined : requireSlug(command.replaces, 'replaces'),
  });
  requireFactsNamed(proposed, 'title, edition, theme, venue, hostCityIds, startsOn, endsOn, format or replaces');

  if (state.status === 'unknown') throw meetingNotFound(meetingId);
  const recorded = meetingFactsOf(state);
  const { before, after } = changedFacts(recorded, proposed, () => meetingCorrectionChangesNothing(meetingId));

  const event: MeetingRecordCorrected = { type: 'MeetingRecordCorrected', data: { meetingId, reason, before, after } };
  const corrected = evolveMeeting(state, event) as ScheduledMeeting | HostedMeeting | CancelledMeeting;
  const facts = meetingFactsOf(corrected);
  const startsOn = facts.startsOn!;
  const endsOn = facts.endsOn!;
  if (endsOn < startsOn) throw meetingCorrectionContradicts(meetingId, `it would end on ${endsOn}, before it starts on ${startsOn}`);
  if ((facts.hostCityIds ?? []).length === 0 && facts.venue === undefined) throw meetingNeedsHostOrVenue(meetingId);
  if (corrected.status === 'hosted') requireNotInFuture(startsOn, today, 'startsOn');
  if (corrected.status === 'cancelled' && corrected.cancelledOn > endsOn) throw cancelledAfterMeetingEnded(meetingId, corrected.cancelledOn, endsOn);
  // a meeting that replaces a cancelled one keeps to it: named now, or already and given another edition
  if (corrected.plan.replaces !== undefined && (after.replaces !== undefined || after.edition !== undefined)) {
    requireReplaceable(meetingId, corrected.plan, corrected.plan.replaces, command.replaced);
  }
  if (after.hostCityIds !== undefined || after.startsOn !== undefined) {
    requireMembersOn(command.cities, facts.hostCityIds ?? [], startsOn, 'host a meeting');
    if (corrected.status === 'hosted') requireMembersOn(command.cities, corrected.held.attendeeCityIds, startsOn, 'attend a meeting');
  }
  return [event];
}

export function recordMeetingAttendance(command: RecordMeetingAttendance, state: MeetingState): MeetingAttendanceRecorded[] {
  requireToday(command.today);
  const meetingId = requireSlug(command.meetingId, 'meetingId');
  const named = requireSlugList(command.attendeeCityIds, 'attendeeCityIds');
  if (named.length === 0) throw invalid('NoAttendeeNamed', 'attendeeCityIds names at least one city', 'attendeeCityIds');

  if (state.status === 'unknown') throw meetingNotFound(meetingId);
  if (state.status !== 'hosted') throw meetingNotHeld(meetingId, state.status);
  const known = new Set(state.held.attendeeCityIds);
  const added = [...new Set(named)].filter((cityId) => !known.has(cityId));
  if (added.length === 0) throw attendanceAlreadyRecorded(meetingId, named);

  requireMembersOn(command.cities, added, state.held.heldFrom, 'attend a meeting');
  return [{ type: 'MeetingAttendanceRecorded', data: { meetingId, attendeeCityIds: added } }];
}

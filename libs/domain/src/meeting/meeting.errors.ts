import type { CalendarDate } from '../shared/calendar.js';
import { conflict, notFound, ruleBroken } from '../shared/domain-error.js';
import type { CancelledMeeting, HostedMeeting, ScheduledMeeting } from './meeting.state.js';

export const meetingNotFound = (meetingId: string) => notFound('MeetingNotFound', `no meeting ${meetingId} has been scheduled`);

export const meetingAlreadyScheduled = (meetingId: string, state: ScheduledMeeting | HostedMeeting | CancelledMeeting) =>
  conflict('MeetingAlreadyScheduled', `meeting ${meetingId} was already scheduled for ${state.plan.startsOn} (${state.plan.title})`);

export const meetingNeedsHostOrVenue = (meetingId: string) =>
  ruleBroken(
    'MeetingNeedsHostOrVenue',
    `meeting ${meetingId} needs a host city or a venue (UNESCO Headquarters hosted the 2008 meeting in Paris without a host city)`,
  );

export const cancelledMeetingCannotBeHosted = (meetingId: string, state: CancelledMeeting) =>
  conflict('CancelledMeetingCannotBeHosted', `meeting ${meetingId} was cancelled on ${state.cancelledOn} (${state.reason}); it cannot be recorded as hosted`);

export const meetingAlreadyHosted = (meetingId: string, state: HostedMeeting) =>
  conflict('MeetingAlreadyHosted', `meeting ${meetingId} was already recorded as held from ${state.held.heldFrom} to ${state.held.heldTo}`);

export const hostedMeetingCannotBeCancelled = (meetingId: string, state: HostedMeeting) =>
  conflict('HostedMeetingCannotBeCancelled', `meeting ${meetingId} was held from ${state.held.heldFrom}; a meeting that took place cannot be cancelled`);

export const meetingAlreadyCancelled = (meetingId: string, state: CancelledMeeting) =>
  conflict('MeetingAlreadyCancelled', `meeting ${meetingId} was already cancelled on ${state.cancelledOn}`);

export const cancelledAfterMeetingEnded = (meetingId: string, cancelledOn: CalendarDate, endsOn: CalendarDate) =>
  ruleBroken('CancelledAfterMeetingEnded', `meeting ${meetingId} was to end on ${endsOn}; it cannot be cancelled on ${cancelledOn}, after it would have ended`);

export const meetingNotHeld = (meetingId: string, status: 'scheduled' | 'cancelled') =>
  conflict(
    'MeetingNotHeld',
    status === 'cancelled'
      ? `meeting ${meetingId} was cancelled: nobody attended it`
      : `meeting ${meetingId} is not recorded as held yet: record it as hosted, with its attendees`,
  );

export const attendanceAlreadyRecorded = (meetingId: string, cityIds: readonly string[]) =>
  conflict('AttendanceAlreadyRecorded', `every city named already attended meeting ${meetingId}: ${cityIds.join(', ')}`);

export const meetingCorrectionChangesNothing = (meetingId: string) =>
  conflict('CorrectionChangesNothing', `the correction changes nothing: meeting ${meetingId} already holds every value it names`);

/** DESIGN §2.7: the meeting as corrected must still be valid; says what it would contradict. */
export const meetingCorrectionContradicts = (meetingId: string, why: string) =>
  ruleBroken('CorrectionContradictsRecord', `the correction would contradict the record of meeting ${meetingId}: ${why}`);

export const meetingCannotReplaceItself = (meetingId: string) =>
  ruleBroken('MeetingCannotReplaceItself', `meeting ${meetingId} cannot replace itself: a rescheduled meeting names the cancelled one it replaces`);

export const replacedMeetingNotCancelled = (meetingId: string, replaces: string, state: ScheduledMeeting | HostedMeeting) =>
  conflict(
    'ReplacedMeetingNotCancelled',
    state.status === 'hosted'
      ? `meeting ${meetingId} cannot replace ${replaces}: that meeting was held from ${state.held.heldFrom}; only a cancelled meeting is replaced`
      : `meeting ${meetingId} cannot replace ${replaces}: that meeting is still scheduled for ${state.plan.startsOn}; cancel it first`,
  );

export const replacedMeetingOfAnotherKind = (meetingId: string, replaces: string, kind: string, replacedKind: string) =>
  ruleBroken('ReplacedMeetingOfAnotherKind', `meeting ${meetingId} (${kind}) cannot replace ${replaces}, a meeting of another kind (${replacedKind})`);

export const replacementEditionDiffers = (meetingId: string, replaces: string, edition: number | undefined, replacedEdition: number | undefined) =>
  ruleBroken(
    'ReplacementEditionDiffers',
    `meeting ${meetingId} replaces ${replaces}, ${replacedEdition === undefined ? 'a conference without an edition' : `edition ${replacedEdition}`}: ` +
      `a conference rescheduled after a cancellation keeps the cancelled one's edition, not ${edition === undefined ? 'none' : edition}`,
  );

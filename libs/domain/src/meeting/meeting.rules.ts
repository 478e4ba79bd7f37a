import { meetingCannotReplaceItself, meetingNotFound, replacedMeetingNotCancelled, replacedMeetingOfAnotherKind, replacementEditionDiffers } from './meeting.errors.js';
import type { MeetingKind } from './meeting.events.js';
import type { MeetingState } from './meeting.state.js';

/**
 * DESIGN §6: a meeting rescheduled after a cancellation names the one it `replaces`, which must be
 * on record (else 404) and cancelled (else 409), and of the same kind; a replacing annual
 * conference has the cancelled one's edition (else 422): that is the only way an edition is reused.
 * Two meetings replacing the same cancelled one, or an edition reused without `replaces`, need the
 * other meetings' streams and are not seen here.
 */
export function requireReplaceable(
  meetingId: string,
  meeting: { readonly kind: MeetingKind; readonly edition?: number | undefined },
  replaces: string,
  replaced: MeetingState | undefined,
): void {
  if (replaces === meetingId) throw meetingCannotReplaceItself(meetingId);
  if (replaced === undefined || replaced.status === 'unknown') throw meetingNotFound(replaces);
  if (replaced.status !== 'cancelled') throw replacedMeetingNotCancelled(meetingId, replaces, replaced);
  if (replaced.plan.kind !== meeting.kind) throw replacedMeetingOfAnotherKind(meetingId, replaces, meeting.kind, replaced.plan.kind);
  if (meeting.kind === 'annual-conference' && meeting.edition !== replaced.plan.edition) {
    throw replacementEditionDiffers(meetingId, replaces, meeting.edition, replaced.plan.edition);
  }
}

import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@uccn/event-store';

/**
 * Each event's hash chains it to the previous event of its own stream, which catches an edited
 * event and one removed from the middle of a stream, but not the last events of a stream cut
 * away, nor a whole stream deleted. Anchors close that gap: every so often the registry appends
 * to `log-anchors` a digest of the WHOLE log so far (a hash rolled over every event's hash in
 * position order, and the number of events). `verify` rolls the same hash and must meet every
 * anchor exactly. A writer can still be appended to only at its end, so positions already vouched
 * for cannot be changed without the anchor disagreeing; what lies after the newest anchor is
 * vouched for by the stream chains alone, and the newest anchor itself is worth keeping outside
 * the registry (verify answers it).
 */
export const LOG_ANCHORS_STREAM = 'log-anchors';
export const LOG_ANCHORED = 'LogAnchored';

export interface LogAnchor {
  /** the last position the digest covers */
  readonly upToPosition: number;
  /** how many events the log held up to that position */
  readonly events: number;
  /** the rolling digest of those events' hashes */
  readonly logHash: string;
}

/** The rolling digest before any event. */
export const EMPTY_LOG_HASH = '';

/** Rolls one more event into the digest: sha256(previous digest, event's own chained hash). */
export function rollLogHash(previous: string, event: RecordedEvent): string {
  const hash = typeof event.metadata['hash'] === 'string' ? event.metadata['hash'] : '';
  return createHash('sha256').update(previous).update('\n').update(hash).digest('hex');
}

/** The anchors recorded in the anchors stream, oldest first (malformed ones are left out). */
export function anchorsIn(stream: readonly RecordedEvent[]): LogAnchor[] {
  return stream
    .filter((event) => event.type === LOG_ANCHORED)
    .map((event) => event.data as unknown as LogAnchor)
    .filter((a) => Number.isInteger(a.upToPosition) && Number.isInteger(a.events) && typeof a.logHash === 'string')
    .sort((a, b) => a.upToPosition - b.upToPosition);
}

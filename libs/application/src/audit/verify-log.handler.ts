import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@uccn/event-store';
import { eventHash } from '../shared/event-hash.js';
import { anchorsIn, EMPTY_LOG_HASH, LOG_ANCHORS_STREAM, rollLogHash, type LogAnchor } from './log-anchor.js';
import { VerifyLogQuery, type LogVerification } from './verify-log.query.js';

const PAGE = 1_000;

/**
 * Walks the whole log in pages, straight from the event store. Each event must carry the hash of
 * its own content and the hash of the previous event of its stream, and the log's rolling digest
 * must meet every anchor (see log-anchor.ts) at the position it names. Memory holds the last hash
 * per stream and the anchors, so the walk is bounded by streams, not events.
 */
@QueryHandler(VerifyLogQuery)
export class VerifyLogHandler implements IQueryHandler<VerifyLogQuery, LogVerification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<LogVerification> {
    // read first: anchors appended during the walk are met on the way or checked next time
    const anchors = anchorsIn(await this.store.readStream(LOG_ANCHORS_STREAM));
    const newestAnchor = anchors.at(-1);
    const pending = [...anchors];
    const lastHash = new Map<string, string>();
    let logHash = EMPTY_LOG_HASH;
    let checked = 0;
    let after = 0;
    const broken = (firstBrokenAt: number, reason: LogVerification['reason']): LogVerification => ({ ok: false, checked, firstBrokenAt, reason });
    for (;;) {
      const batch = await this.store.readAll({ after, maxCount: PAGE });
      if (batch.length === 0) break;
      for (const event of batch) {
        // an anchor vouched for a position the walk has stepped over: that event is gone
        const skipped = pending[0];
        if (skipped && skipped.upToPosition < event.position) return broken(skipped.upToPosition, 'missing');
        checked += 1;
        if (!verifies(event, lastHash.get(event.streamId))) return broken(event.position, 'hash');
        lastHash.set(event.streamId, event.metadata['hash'] as string);
        logHash = rollLogHash(logHash, event);
        after = event.position;
        if (pending[0]?.upToPosition === event.position) {
          const anchor = pending.shift()!;
          if (!meets(anchor, logHash, checked)) return broken(anchor.upToPosition, 'anchor');
        }
      }
    }
    // the log ends before positions an anchor vouched for: it was cut short
    if (pending[0]) return broken(pending[0].upToPosition, 'missing');
    return { ok: true, checked, ...(newestAnchor ? { newestAnchor } : {}) };
  }
}

function meets(anchor: LogAnchor, logHash: string, events: number): boolean {
  return anchor.logHash === logHash && anchor.events === events;
}

/** The event's own hash is right, and it names the hash of its stream's previous event (none for the first). */
function verifies(event: RecordedEvent, previousHash: string | undefined): boolean {
  const { hash, previousHash: claimed } = event.metadata;
  if (typeof hash !== 'string') return false;
  if ((claimed ?? undefined) !== previousHash) return false;
  const { streamId, revision, type, data, metadata } = event;
  return hash === eventHash({ streamId, revision, type, data, metadata });
}

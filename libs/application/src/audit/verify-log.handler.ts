import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@uccn/event-store';
import { eventHash } from '../shared/event-hash.js';
import { VerifyLogQuery, type LogVerification } from './verify-log.query.js';

const PAGE = 1_000;

/**
 * Walks the whole log in pages, straight from the event store. Each event must carry the hash of
 * its own content and the hash of the previous event of its stream; memory holds only the last
 * hash per stream, so the walk stays bounded by the number of streams, not of events.
 */
@QueryHandler(VerifyLogQuery)
export class VerifyLogHandler implements IQueryHandler<VerifyLogQuery, LogVerification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<LogVerification> {
    const lastHash = new Map<string, string>();
    let checked = 0;
    let after = 0;
    for (;;) {
      const batch = await this.store.readAll({ after, maxCount: PAGE });
      if (batch.length === 0) return { ok: true, checked };
      for (const event of batch) {
        checked += 1;
        if (!verifies(event, lastHash.get(event.streamId))) return { ok: false, checked, firstBrokenAt: event.position };
        lastHash.set(event.streamId, event.metadata['hash'] as string);
        after = event.position;
      }
    }
  }
}

/** The event's own hash is right, and it names the hash of its stream's previous event (none for the first). */
function verifies(event: RecordedEvent, previousHash: string | undefined): boolean {
  const { hash, previousHash: claimed } = event.metadata;
  if (typeof hash !== 'string') return false;
  if ((claimed ?? undefined) !== previousHash) return false;
  const { streamId, revision, type, data, metadata } = event;
  return hash === eventHash({ streamId, revision, type, data, metadata });
}

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@uccn/event-store';
import { ListEventsQuery, type EventFilter, type EventPage } from './list-events.query.js';

/** How many events one request may scan for matches before it answers with what it found. */
const SCAN_BUDGET = 20_000;
const SCAN_PAGE = 1_000;

/**
 * The raw log, straight from the event store (no projection between the auditor and the
 * record), paged by global position. A filtered page scans forward from `after` until it has
 * `limit` matches or has spent its scan budget; `next` then says where to continue, so a sparse
 * filter over a long log answers quickly with fewer items rather than scanning without end.
 */
@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery, EventPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ filter, after, limit }: ListEventsQuery): Promise<EventPage> {
    if (filter.stream) return this.fromStream(filter.stream, filter, after, limit);
    const items: RecordedEvent[] = [];
    let cursor = after;
    let scanned = 0;
    while (items.length < limit && scanned < SCAN_BUDGET) {
      const batch = await this.store.readAll({ after: cursor, maxCount: SCAN_PAGE });
      if (batch.length === 0) return { items, next: null };
      for (const event of batch) {
        cursor = event.position;
        if (matches(event, filter)) items.push(event);
        if (items.length === limit) break;
      }
      scanned += batch.length;
    }
    return { items, next: cursor };
  }

  private async fromStream(streamId: string, filter: EventFilter, after: number, limit: number): Promise<EventPage> {
    const events = (await this.store.readStream(streamId)).filter((e) => e.position > after && matches(e, filter));
    const items = events.slice(0, limit);
    return { items, next: events.length > limit ? items.at(-1)!.position : null };
  }
}

function matches(event: RecordedEvent, filter: EventFilter): boolean {
  const recordedAt = String(event.metadata.recordedAt ?? '');
  return (
    (!filter.type || event.type === filter.type) &&
    (!filter.actor || event.metadata.actor === filter.actor) &&
    (!filter.from || recordedAt >= filter.from) &&
    (!filter.to || recordedAt <= filter.to)
  );
}

import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { invalid } from '@uccn/domain';
import { EVENT_STORE, InvalidPosition, type EventStore, type RecordedEvent } from '@uccn/event-store';
import { eventHash } from '../shared/event-hash.js';
import { anchorsIn, EMPTY_LOG_HASH, LOG_ANCHORS_STREAM, rollLogHash, type LogAnchor } from './log-anchor.js';
import { logCursorOf, positionOfLogCursor } from './log-cursor.js';

/* The reads of the raw log itself: a page of its events, and the check of its hash chains. */

export interface EventFilter {
  readonly stream?: string;
  readonly type?: string;
  readonly actor?: string;
  /** recordedAt lower bound, inclusive (ISO 8601) */
  readonly from?: string;
  /** recordedAt upper bound, inclusive (ISO 8601) */
  readonly to?: string;
}

export interface EventPage {
  readonly items: readonly RecordedEvent[];
  /** an opaque cursor (log-cursor.ts) to pass as `after` for the next page; null when the log has nothing further */
  readonly next: string | null;
}

/** `oldest-first` pages forwards through the log; `newest-first` answers its newest events, one page. */
export type LogOrder = 'oldest-first' | 'newest-first';

export class ListEventsQuery extends Query<EventPage> {
  constructor(
    readonly filter: EventFilter,
    /** the `next` of the previous page; undefined from the start of the log */
    readonly after: string | undefined,
    readonly limit: number,
    readonly order: LogOrder = 'oldest-first',
  ) {
    super();
  }
}

/** A cursor the API did not hand out: a 400 naming `after`, whichever store refused it. */
const notACursor = () => invalid('InvalidLogCursor', 'after is not a cursor this API handed out: pass the `next` of a previous page, or leave it out to start from the beginning', 'after');

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

  async execute({ filter, after: given, limit, order }: ListEventsQuery): Promise<EventPage> {
    if (order === 'newest-first') return this.newest(filter, given, limit);
    const after = given === undefined ? 0 : positionOfLogCursor(given);
    if (after === null) throw notACursor();
    if (filter.stream) return this.fromStream(filter.stream, filter, after, limit);
    const items: RecordedEvent[] = [];
    let cursor = after;
    let scanned = 0;
    while (items.length < limit && scanned < SCAN_BUDGET) {
      const batch = await this.readAll(cursor);
      if (batch.length === 0) return { items, next: null };
      for (const event of batch) {
        cursor = event.position;
        if (matches(event, filter)) items.push(event);
        if (items.length === limit) break;
      }
      scanned += batch.length;
    }
    return { items, next: logCursorOf(cursor) };
  }

  /** A well-formed cursor the store has no event at (EventStoreDB checks; SQLite reads on from any number). */
  private async readAll(after: number): Promise<RecordedEvent[]> {
    try {
      return await this.store.readAll({ after, maxCount: SCAN_PAGE });
    } catch (error) {
      throw error instanceof InvalidPosition ? notACursor() : error;
    }
  }

  /**
   * The end of the log, newest first: what an auditor looks at first, read backwards from the end
   * by the store (positions may have gaps, so no client can work out where the end begins). One
   * page, unfiltered: a filtered or continued read pages forwards.
   */
  private async newest(filter: EventFilter, after: string | undefined, limit: number): Promise<EventPage> {
    if (after !== undefined) throw invalid('InvalidLogOrder', 'order=newest-first answers the newest events in one page: it takes no `after`', 'after');
    const filtered = Object.entries(filter).find(([, value]) => value !== undefined);
    if (filtered) throw invalid('InvalidLogOrder', `order=newest-first reads the end of the whole log: it takes no \`${filtered[0]}\``, filtered[0]);
    return { items: await this.store.readLast(limit), next: null };
  }

  private async fromStream(streamId: string, filter: EventFilter, after: number, limit: number): Promise<EventPage> {
    const events = (await this.store.readStream(streamId)).filter((e) => e.position > after && matches(e, filter));
    const items = events.slice(0, limit);
    return { items, next: events.length > limit ? logCursorOf(items.at(-1)!.position) : null };
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

export interface LogVerification {
  readonly ok: boolean;
  /** events whose hash was recomputed */
  readonly checked: number;
  /** the global position of the first event that does not verify (or that is missing) */
  readonly firstBrokenAt?: number;
  /**
   * why: `hash` — the event's content or its stream's chain does not match; `anchor` — the log
   * up to this position differs from what its anchor recorded (an event before it was removed or
   * inserted); `missing` — an anchor vouched for this position and the log no longer holds it
   */
  readonly reason?: 'hash' | 'anchor' | 'missing';
  /** the newest anchor met: keep it outside the registry to catch a later cut of the log's end */
  readonly newestAnchor?: LogAnchor;
}

/** Recompute the log's hash chain from position 0. */
export class VerifyLogQuery extends Query<LogVerification> {}

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

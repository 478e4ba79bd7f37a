/**
 * The port's catch-up subscription on EventStoreDB: page through $all with `readAll` until the
 * end, then hold a live `subscribeToAll` from the last position seen.
 *
 * Pull-based on purpose: the live subscription is consumed with its async iterator, which reads
 * the next event only when the consumer asks for the next batch (a Node Readable in paused mode,
 * so gRPC flow control holds the server back); a live batch is the next event and whatever the
 * Readable already buffers behind it (`BufferedBatches`). `on('data')` would push events while
 * the previous batch is still being projected and let checkpoints be written out of order.
 */
import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Position,
  START,
  excludeSystemEvents,
} from '@eventstore/db-client';
import type { RecordedEvent, Subscription } from '../event-store.port.js';
import { BufferedBatches } from './buffered-batches.js';
import { comparePositions, isSystemEvent, positionOf, toEsdbPosition, toPortError, toRecordedEvent } from './esdb-mapping.js';

export interface PageOfAll {
  /** our events after the cursor, in log order */
  readonly events: RecordedEvent[];
  /** the last position read, system events included, to continue from */
  readonly cursor: Position | undefined;
  /** true when the page came back shorter than asked: the end of the log was reached */
  readonly end: boolean;
}

/** Reads one page of $all strictly after `cursor`, at most `wanted` events (system events are read and dropped). */
export type ReadPageOfAll = (cursor: Position | undefined, wanted: number) => Promise<PageOfAll>;

/**
 * Turns what a forwards `readAll` from `cursor` returned into a page. The read includes the
 * event at `cursor` itself, so a page of n brings at most n - 1 new events; the log's end is
 * reached when the server returned fewer than asked.
 */
export function toPage(read: readonly AllStreamResolvedEvent[], cursor: Position | undefined, pageSize: number): PageOfAll {
  const events: RecordedEvent[] = [];
  let last: Position | undefined;
  for (const resolved of read) {
    const position = positionOf(resolved);
    if (!position) continue;
    if (cursor && comparePositions(position, cursor) <= 0) continue;
    last = position;
    if (!isSystemEvent(resolved)) events.push(toRecordedEvent(resolved));
  }
  return { events, cursor: last ?? cursor, end: read.length < pageSize };
}

/**
 * How many events to ask the server for so that one read brings `wanted` new events after
 * `cursor`: a forwards read from a position starts with the event at that position, which the
 * caller has already seen, so a read from a cursor asks for one more. (Asking for `wanted` alone
 * made every full page of readAll a second round trip for its last event.)
 */
export function pageSizeFor(cursor: Position | undefined, wanted: number): number {
  return Math.max(1, wanted) + (cursor ? 1 : 0);
}

const CLOSED = Symbol('closed');

export class EsdbCatchUpSubscription implements Subscription {
  private closed = false;
  private live: AllStreamSubscription | undefined;
  private readonly closedSignal: Promise<typeof CLOSED>;
  private signalClosed!: () => void;
  private started = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly readPage: ReadPageOfAll,
    private readonly after: number,
    private readonly batchSize: number,
    private readonly onClosed: (subscription: EsdbCatchUpSubscription) => void,
  ) {
    this.closedSignal = new Promise((resolve) => {
      this.signalClosed = () => resolve(CLOSED);
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    if (this.started) throw new Error('a subscription can be iterated only once');
    this.started = true;
    return this.batches();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.onClosed(this);
    await this.stopLive();
  }

  private async *batches(): AsyncGenerator<readonly RecordedEvent[]> {
    let cursor: Position | undefined = this.after > 0 ? toEsdbPosition(this.after) : undefined;
    try {
      // Catch-up: page until a page comes back short.
      for (;;) {
        const page = await this.unlessClosed(this.readPage(cursor, this.batchSize));
        if (page === CLOSED) return;
        cursor = page.cursor ?? cursor;
        if (page.events.length > 0) {
          yield page.events;
          if (this.closed) return;
        }
        if (page.end) break;
      }

      // Live: from the last position read, so nothing written between the last page and the
      // subscription is lost; whatever is delivered twice around that seam is skipped by position.
      const live = this.client.subscribeToAll({
        fromPosition: cursor ?? START,
        filter: excludeSystemEvents(),
      });
      this.live = live;
      if (this.closed) return;
      // Live events come in batches, as on SQLite: each one is delivered at once, with whatever
      // has piled up behind it (bounded by the batch size), not one transaction per event.
      const liveBatches = new BufferedBatches(live[Symbol.asyncIterator]() as AsyncIterator<AllStreamResolvedEvent>);
      for (;;) {
        const next = await this.unlessClosed(liveBatches.next(this.batchSize));
        if (next === CLOSED || next === null) return;
        const batch: RecordedEvent[] = [];
        for (const resolved of next) {
          const position = positionOf(resolved);
          if (isSystemEvent(resolved) || !position) continue;
          if (cursor && comparePositions(position, cursor) <= 0) continue;
          cursor = position;
          batch.push(toRecordedEvent(resolved));
        }
        if (batch.length > 0) yield batch;
        if (this.closed) return;
      }
    } catch (error) {
      if (this.closed) return;
      throw toPortError(error, 'subscribeToAll');
    } finally {
      await this.stopLive();
    }
  }

  /** Lets close() end a consumer that waits on a read or on the live subscription. */
  private unlessClosed<T>(work: Promise<T>): Promise<T | typeof CLOSED> {
    if (this.closed) {
      work.catch(() => undefined);
      return Promise.resolve(CLOSED);
    }
    return Promise.race([work, this.closedSignal]).then((result) => {
      if (result === CLOSED) work.catch(() => undefined);
      return result;
    });
  }

  private async stopLive(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    try {
      await live.unsubscribe();
    } catch {
      // already gone: the server or the channel ended it first
    }
  }
}

/**
 * The production event store: EventStoreDB through `@eventstore/db-client` (gRPC).
 *
 * Positions are EventStoreDB commit positions (increasing, with gaps), converted from bigint to
 * number: safe up to 2^53 bytes of transaction log. To resume after position `p` we read from the
 * (commit p, prepare p) pair and skip whatever is at or before it.
 *
 * $all also carries EventStoreDB's own $-prefixed events; every read here drops them, so the
 * port sees only the events the application appended.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  type Position,
  START,
  type StreamingRead,
  StreamNotFoundError,
  jsonEvent,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { EventStoreUnavailable } from '../event-store.port.js';
import {
  comparePositions,
  isSystemEvent,
  positionOf,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toPortError,
  toRecordedEvent,
} from './esdb-mapping.js';
import { EsdbCatchUpSubscription, type PageOfAll, pageSizeFor, toPage } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /** gRPC deadline and our own guard for short calls (append, ping, head), in ms */
  readonly operationTimeoutMs?: number;
  /** gRPC deadline for reads, which may stream many events, in ms */
  readonly readTimeoutMs?: number;
}

const DEFAULT_OPERATION_TIMEOUT_MS = 5_000;
const DEFAULT_READ_TIMEOUT_MS = 30_000;
const READ_ALL_PAGE = 1_000;
const DEFAULT_BATCH_SIZE = 500;

export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbCatchUpSubscription>();
  private readonly operationTimeoutMs: number;
  private readonly readTimeoutMs: number;

  private constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions,
  ) {
    this.operationTimeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  }

  /**
   * Creates the client; it connects lazily, on the first call, so an API can start while
   * EventStoreDB is still booting (its readiness probe calls `ping()`).
   * e.g. `esdb://localhost:2113?tls=false`.
   */
  static async connect(connectionString: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    const deadline = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    const client = EventStoreDBClient.connectionString(withDefaultDeadline(asEsdbScheme(connectionString), deadline));
    return new EsdbEventStore(client, options);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      const result = await this.guard(
        this.client.appendToStream(
          streamId,
          events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
          { expectedRevision: toEsdbExpectedRevision(expected), deadline: this.operationTimeoutMs },
        ),
        `append to ${streamId}`,
      );
      const nextRevision = Number(result.nextExpectedRevision);
      // A retry that EventStoreDB recognises as already written (same ids at the same place) is
      // acknowledged with the original revision; servers before 22.x leave the position out of
      // that answer, so we read it from the event itself.
      const position =
        result.position && result.position.commit >= 0n
          ? Number(result.position.commit)
          : await this.positionOfRevision(streamId, nextRevision);
      return { nextRevision, position };
    } catch (error) {
      throw toPortError(error, { streamId, expected });
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const fromRevision =
      options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START;
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        ...(options.maxCount !== undefined ? { maxCount: BigInt(options.maxCount) } : {}),
      });
      const resolved = await this.collect(read, this.readTimeoutMs, `read of stream ${streamId}`);
      return resolved.filter((r) => r.event).map(toRecordedEvent);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toPortError(error, `read of stream ${streamId}`);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let cursor: Position | undefined = options.after ? toEsdbPosition(options.after) : undefined;
    while (events.length < wanted) {
      const page = await this.readPageOfAll(cursor, pageSizeFor(cursor, Math.min(READ_ALL_PAGE, wanted - events.length)));
      events.push(...page.events);
      cursor = page.cursor ?? cursor;
      if (page.end) break;
    }
    return events.slice(0, wanted);
  }

  async readLast(maxCount: number): Promise<RecordedEvent[]> {
    // Walk $all backwards from the end, past EventStoreDB's own events, until enough of ours.
    const pageSize = Math.min(READ_ALL_PAGE, Math.max(1, maxCount) + 1);
    const events: RecordedEvent[] = [];
    let from: Position | typeof END = END;
    try {
      while (events.length < maxCount) {
        const page = await this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: pageSize }), this.readTimeoutMs, 'read of the end of $all');
        let last: Position | undefined;
        for (const resolved of page) {
          const position = positionOf(resolved);
          if (!position) continue;
          // a backwards read from a position may include that position again: skip it
          if (from !== END && comparePositions(position, from) >= 0) continue;
          last = position;
          if (!isSystemEvent(resolved) && events.length < maxCount) events.push(toRecordedEvent(resolved));
        }
        if (page.length < pageSize || !last) break;
        from = last;
      }
      return events;
    } catch (error) {
      throw toPortError(error, 'read of the end of $all');
    }
  }

  async headPosition(): Promise<number> {
    // Walk $all backwards from the end past EventStoreDB's own trailing events.
    const pageSize = 100;
    let from: Position | typeof END = END;
    try {
      for (;;) {
        const page = await this.collect(
          this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: pageSize }),
          this.operationTimeoutMs,
          'read of the head position',
        );
        let last: Position | undefined;
        for (const resolved of page) {
          const position = positionOf(resolved);
          if (!position) continue;
          // a backwards read from a position may include that position again: skip it
          if (from !== END && comparePositions(position, from) >= 0) continue;
          if (!isSystemEvent(resolved)) return Number(position.commit);
          last = position;
        }
        if (page.length < pageSize || !last) return 0;
        from = last;
      }
    } catch (error) {
      throw toPortError(error, 'read of the head position');
    }
  }

  /**
   * EventStoreDB counts nothing for a client, and its positions are byte offsets: the events
   * after the position are read (ours only, as every read here) and counted, at most `max`.
   */
  async countAfter(after: number, max: number): Promise<number> {
    return (await this.readAll({ after, maxCount: Math.max(0, max) })).length;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = new EsdbCatchUpSubscription(
      this.client,
      (cursor, batchSize) => this.readPageOfAll(cursor, pageSizeFor(cursor, batchSize)),
      options.after ?? 0,
      Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE),
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    try {
      await this.collect(
        this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }),
        this.operationTimeoutMs,
        'ping',
      );
    } catch (error) {
      const mapped = toPortError(error, 'ping');
      // a readiness probe must answer "unreachable" for anything that is not an answer
      throw mapped instanceof EventStoreUnavailable
        ? mapped
        : new EventStoreUnavailable(`EventStoreDB ping failed: ${mapped.message}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  /** One page of $all after `cursor` (exclusive), our events only. */
  private async readPageOfAll(cursor: Position | undefined, pageSize: number): Promise<PageOfAll> {
    try {
      const read = await this.collect(
        this.client.readAll({ direction: FORWARDS, fromPosition: cursor ?? START, maxCount: pageSize }),
        this.readTimeoutMs,
        'read of $all',
      );
      return toPage(read, cursor, pageSize);
    } catch (error) {
      // a cursor that is not an event's own position is InvalidPosition, not an unknown error
      throw toPortError(error, { readFrom: cursor ? Number(cursor.commit) : undefined });
    }
  }

  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    if (revision < 0) return 0;
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? 0;
  }

  /**
   * Reads a whole (bounded) stream of events. The client gives reads no gRPC deadline at all
   * (it passes `deadline: Infinity` for streaming calls), so we bound them ourselves and cancel
   * the call when the bound is hit.
   */
  private async collect<T>(read: StreamingRead<T>, timeoutMs: number, what: string): Promise<T[]> {
    const items: T[] = [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void read.cancel().catch(() => undefined);
        reject(new EventStoreUnavailable(`EventStoreDB did not finish the ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
    });
    const consume = (async () => {
      for await (const item of read as AsyncIterable<T>) items.push(item);
      return items;
    })();
    consume.catch(() => undefined);
    try {
      return await Promise.race([consume, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Some client paths make calls without a deadline (the server-features probe before the first
   * append), so a black-holed host could hold a caller for the OS connect timeout; this bounds it.
   */
  private guard<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new EventStoreUnavailable(`EventStoreDB did not answer the ${what} within ${this.operationTimeoutMs} ms`)),
        this.operationTimeoutMs,
      );
      timer.unref();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

/**
 * KurrentDB (EventStoreDB's new name) documents `kurrentdb://` and `kdb://` connection strings;
 * client v6 parses only `esdb://`, and the rest of the string is the same.
 */
function asEsdbScheme(connectionString: string): string {
  return connectionString.trim().replace(/^(?:kurrentdb|kdb)(\+discover)?:\/\//i, (_, discover: string | undefined) => `esdb${discover ?? ''}://`);
}

/** Applies our deadline to every call the client makes, unless the connection string sets one. */
function withDefaultDeadline(connectionString: string, deadlineMs: number): string {
  if (/[?&]default[-_]?deadline=/i.test(connectionString)) return connectionString;
  const separator = connectionString.includes('?') ? '&' : '?';
  return `${connectionString}${separator}defaultDeadline=${deadlineMs}`;
}

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  type AppendResult,
  DuplicateEventId,
  type EventStore,
  EventStoreUnavailable,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevision,
} from '../event-store.port.js';
import { AppendNotifier } from './append-notifier.js';
import { prepareConnection } from './sqlite-schema.js';
import { isStorageFailure, isUniqueViolation, toStoreError } from './sqlite-errors.js';
import { SqliteSubscription } from './sqlite-subscription.js';
import { WalCheckpointer } from '@uccn/sqlite';

export interface SqliteEventStoreOptions {
  /** the database file; its directory is created when missing */
  readonly file: string;
  /** how long an append waits for another process's write lock (default 5 s) */
  readonly busyTimeoutMs?: number;
  /** how often an idle subscription looks for appends made by other processes (default 250 ms) */
  readonly pollIntervalMs?: number;
}

/** An append waiting for the next group commit, its JSON already serialised. */
interface PendingAppend {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly SerialisedEvent[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface SerialisedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** A row of `columns`, read in raw (array) mode: no per-row object with named keys to build. */
type EventRow = [position: number, eventId: string, streamId: string, revision: number, type: string, data: string, metadata: string];

type Outcome = { readonly ok: AppendResult } | { readonly error: unknown };

const columns = 'position, event_id, stream_id, revision, type, data, metadata';
/** how often the checkpointer's thread copies the WAL into the file, when it was written */
const CHECKPOINT_EVERY_MS = 1_000;
/** 4 KB pages: 16 MB of WAL before the writer checkpoints by itself, should the worker not have */
const WAL_PAGES_BEFORE_FALLBACK_CHECKPOINT = 4096;
/** the newest events read from the log, kept parsed for the other subscriptions that read them next */
const RECENT_EVENTS = 4096;
/** a read of at most this many events is a live subscription's, near the head */
const LIVE_READ = 256;
const noLimit = -1;

/*
 * `LIMIT ?` is written `LIMIT CAST(? AS INTEGER)` below. better-sqlite3 builds SQLite with
 * STAT4, under which a bare bound LIMIT marks the statement to be re-prepared every time it is
 * bound: about 15 µs on every read of a stream (measured 17 µs → 3.4 µs for a stream read), and
 * a command reads two streams. An expression around the parameter keeps the plan.
 */
const LIMIT = 'LIMIT CAST(? AS INTEGER)';

function prepareStatements(db: Database.Database) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT append_one'),
    release: db.prepare('RELEASE append_one'),
    rollbackToSavepoint: db.prepare('ROLLBACK TO append_one'),
    insert: db.prepare<[string, string, number, string, string, string]>(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    lastRevision: db
      .prepare<[string], number>('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .pluck(),
    eventById: db.prepare<[string], { stream_id: string; revision: number }>(
      'SELECT stream_id, revision FROM events WHERE event_id = ?',
    ),
    idsFrom: db.prepare<[string, number, number], { event_id: string; position: number }>(
      `SELECT event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ${LIMIT}`,
    ),
    streamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ${LIMIT}`,
    ).raw(true),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC ${LIMIT}`,
    ).raw(true),
    allAfter: db.prepare<[number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE position > ? ORDER BY position ${LIMIT}`,
    ).raw(true),
    last: db.prepare<[number], EventRow>(`SELECT ${columns} FROM events ORDER BY position DESC ${LIMIT}`).raw(true),
    head: db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck(),
    countAfter: db.prepare<[number, number], number>(`SELECT count(*) FROM (SELECT 1 FROM events WHERE position > ? ${LIMIT})`).pluck(),
    ping: db.prepare('SELECT 1').pluck(),
  };
}

function toRecordedEvent([position, id, streamId, revision, type, data, metadata]: EventRow): RecordedEvent {
  return {
    id,
    streamId,
    revision,
    position,
    type,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as Record<string, unknown>,
  };
}

/** The revision the append's first event gets if the expectation holds; undefined for any/stream-exists. */
function firstRevisionExpected(expected: ExpectedRevision): number | undefined {
  if (expected === 'no-stream') return 0;
  if (typeof expected === 'number') return expected + 1;
  return undefined;
}

function holds(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === -1;
    case 'stream-exists':
      return actual >= 0;
    default:
      return expected === actual;
  }
}

function limitOf(maxCount: number | undefined): number {
  return maxCount === undefined ? noLimit : Math.max(0, Math.trunc(maxCount));
}

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL.
 *
 * Appends are group-committed: those requested in the same turn of the event loop are written in
 * one transaction with one fsync, each inside its own savepoint so that one append's conflict
 * never fails its neighbours. A promise resolves only after the COMMIT.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new Set<SqliteSubscription>();
  /** events by `position % RECENT_EVENTS`, as parsed by the last read of the log that met them */
  private readonly recent: (RecordedEvent | undefined)[] = new Array(RECENT_EVENTS);
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
    /** checkpoints the WAL beside the event loop (@uccn/sqlite); null in memory */
    private readonly checkpointer: WalCheckpointer | null,
  ) {
    this.statements = prepareStatements(db);
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    let db: Database.Database | undefined;
    try {
      if (options.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
      db = new Database(options.file);
      prepareConnection(db, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
      const checkpointer = WalCheckpointer.start(options.file, CHECKPOINT_EVERY_MS);
      // the worker checkpoints; the writer's own checkpoint (inside a COMMIT) is the fallback, later
      if (checkpointer) db.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_FALLBACK_CHECKPOINT}`);
      return new SqliteEventStore(db, options.pollIntervalMs ?? 250, checkpointer);
    } catch (error) {
      db?.close();
      if (isStorageFailure(error) || (error as { code?: unknown }).code === 'EACCES') {
        throw new EventStoreUnavailable(`cannot open the SQLite event store at ${options.file}: ${String(error)}`, { cause: error });
      }
      throw error;
    }
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreUnavailable('the SQLite event store is closed'));
    let serialised: SerialisedEvent[];
    try {
      // Serialised here, outside the write transaction, to keep the lock short.
      serialised = events.map((e) => ({ id: e.id, type: e.type, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) }));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, expected, events: serialised, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = limitOf(options.maxCount);
    try {
      const rows =
        options.direction === 'backwards'
          ? this.statements.streamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : this.statements.streamForwards.all(streamId, options.fromRevision ?? 0, limit);
      return rows.map(toRecordedEvent);
    } catch (error) {
      throw toStoreError(error, 'read a stream');
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    try {
      return this.readAfter(options.after ?? 0, limitOf(options.maxCount));
    } catch (error) {
      throw toStoreError(error, 'read the log');
    }
  }

  async readLast(maxCount: number): Promise<RecordedEvent[]> {
    try {
      return this.statements.last.all(limitOf(maxCount)).map(toRecordedEvent);
    } catch (error) {
      throw toStoreError(error, 'read the end of the log');
    }
  }

  async headPosition(): Promise<number> {
    try {
      return this.statements.head.get() ?? 0;
    } catch (error) {
      throw toStoreError(error, 'read the head position');
    }
  }

  async countAfter(after: number, max: number): Promise<number> {
    try {
      return this.statements.countAfter.get(after, limitOf(max)) ?? 0;
    } catch (error) {
      throw toStoreError(error, 'count the log');
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = new SqliteSubscription(
      {
        readAfter: (after, maxCount) => {
          try {
            return this.readAfter(after, maxCount);
          } catch (error) {
            throw toStoreError(error, 'read the log for a subscription');
          }
        },
        notifier: this.notifier,
        pollIntervalMs: this.pollIntervalMs,
        onClosed: (s) => this.subscriptions.delete(s),
      },
      options.after ?? 0,
      Math.max(1, options.batchSize ?? 500),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new EventStoreUnavailable('the SQLite event store is closed');
    try {
      this.statements.ping.get();
    } catch (error) {
      throw toStoreError(error, 'answer a ping');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are written before the connection goes.
    this.flush();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.checkpointer?.stop();
    this.db.close();
  }

  /**
   * The log after `after`. Every subscription of the process (the projections, the designation
   * process, the anchors) reads the same new events right after an append wakes them: the first
   * reads and parses them, the others get the same events from `recent` without touching the rows
   * or parsing their JSON again. A position names one event for good (the log is append-only and
   * gapless, a rolled-back append leaves no hole), so a kept event is never stale; what is kept
   * is served from `recent` as far as it goes without a gap, the rest is read from the rows.
   */
  private readAfter(after: number, maxCount: number): RecordedEvent[] {
    const head = this.statements.head.get() ?? 0;
    const end = maxCount < 0 ? head : Math.min(head, after + maxCount);
    // the kept events from `after` on, as far as they go without a gap
    const kept: RecordedEvent[] = [];
    for (let position = after + 1; position <= end && kept.length < RECENT_EVENTS; position++) {
      const event = this.recent[position % RECENT_EVENTS];
      if (event?.position !== position) break;
      kept.push(event);
    }
    if (after + kept.length >= end) return kept;
    // the rest from the rows (under a stream of appends, readers stand at different places)
    const rest = this.statements.allAfter.all(after + kept.length, maxCount < 0 ? noLimit : maxCount - kept.length).map(toRecordedEvent);
    // Only a read of the head is kept (a live subscription's): the pages of a catch-up are read
    // once by the runner's shared feed, and keeping thousands of them alive would only make the
    // garbage collector promote every event to the old generation (measured: GC 10 → 20 % of a rebuild).
    if (rest.length <= LIVE_READ) for (const event of rest) this.recent[event.position % RECENT_EVENTS] = event;
    return kept.length === 0 ? rest : kept.concat(rest);
  }

  /** Writes every queued append in one transaction; runs synchronously from begin to commit. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    const outcomes: Outcome[] = [];
    try {
      this.statements.begin.run();
      for (const pending of batch) outcomes.push(this.applyInSavepoint(pending));
      this.statements.commit.run();
    } catch (error) {
      this.rollbackQuietly();
      const failure = toStoreError(error, 'append');
      // Answers already decided (a conflict) stay true; everything else did not happen.
      batch.forEach((pending, i) => {
        const outcome = outcomes[i];
        pending.reject(outcome !== undefined && 'error' in outcome ? outcome.error : failure);
      });
      return;
    }

    let wroteSomething = false;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if ('ok' in outcome) {
        wroteSomething = true;
        pending.resolve(outcome.ok);
      } else {
        pending.reject(outcome.error);
      }
    });
    if (wroteSomething) this.notifier.notify();
  }

  private applyInSavepoint(pending: PendingAppend): Outcome {
    this.statements.savepoint.run();
    try {
      const result = this.applyAppend(pending);
      this.statements.release.run();
      return { ok: result };
    } catch (error) {
      this.statements.rollbackToSavepoint.run();
      this.statements.release.run();
      // A storage failure dooms the whole transaction: let flush() roll it back.
      if (isStorageFailure(error)) throw error;
      return { error };
    }
  }

  private applyAppend({ streamId, expected, events }: PendingAppend): AppendResult {
    const retried = this.originalResultOfRetry(streamId, expected, events);
    if (retried !== undefined) return retried;

    const actual = this.statements.lastRevision.get(streamId) ?? -1;
    if (!holds(expected, actual)) throw new WrongExpectedRevision(streamId, expected, actual);

    let position = 0;
    events.forEach((event, i) => {
      try {
        position = Number(this.statements.insert.run(event.id, streamId, actual + 1 + i, event.type, event.data, event.metadata).lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error) && String((error as Error).message).includes('event_id')) {
          throw new DuplicateEventId(event.id, streamId);
        }
        throw error;
      }
    });
    if (events.length === 0) position = this.statements.head.get() ?? 0;
    return { nextRevision: actual + events.length, position };
  }

  /**
   * A retry is an append whose events already stand in this stream, in order, exactly where the
   * append would have put them; it is answered with the original result and writes nothing.
   */
  private originalResultOfRetry(streamId: string, expected: ExpectedRevision, events: readonly SerialisedEvent[]): AppendResult | undefined {
    if (events.length === 0) return undefined;
    const first = this.statements.eventById.get(events[0]!.id);
    if (first === undefined || first.stream_id !== streamId) return undefined;
    const expectedFirst = firstRevisionExpected(expected);
    if (expectedFirst !== undefined && first.revision !== expectedFirst) return undefined;
    const stored = this.statements.idsFrom.all(streamId, first.revision, events.length);
    if (stored.length !== events.length || stored.some((row, i) => row.event_id !== events[i]!.id)) return undefined;
    return { nextRevision: first.revision + events.length - 1, position: stored[stored.length - 1]!.position };
  }

  private rollbackQuietly(): void {
    if (!this.db.open || !this.db.inTransaction) return;
    try {
      this.statements.rollback.run();
    } catch {
      // The connection already dropped the transaction (SQLite rolls back on some I/O errors).
    }
  }
}

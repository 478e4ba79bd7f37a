/**
 * The event store port: the only way the application touches the log.
 *
 * Revisions are per stream and start at 0. Positions are global, increase in commit order and
 * start at 1; `0` means "before the first event". On the embedded SQLite store positions are
 * gapless (1, 2, 3 …); on EventStoreDB they are commit positions (increasing, with gaps), so
 * code must only compare positions, never count with them.
 */

/** What the caller expects the stream to look like before the append. */
export type ExpectedRevision =
  | 'any'
  | 'no-stream'
  | 'stream-exists'
  /** the revision of the stream's last event */
  | number;

/** An event about to be appended. Its `id` is a UUID chosen by the caller (for idempotence). */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** An event as it stands in the log. */
export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface AppendResult {
  /** revision of the last event appended (the stream's revision after the append) */
  readonly nextRevision: number;
  /** global position of the last event appended */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** inclusive; forwards defaults to 0, backwards to the end */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** exclusive: events with a position strictly greater are returned */
  readonly after?: number;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** exclusive starting position; 0 (the default) delivers the whole log */
  readonly after?: number;
  /** the largest batch handed to the consumer at once */
  readonly batchSize?: number;
}

/**
 * A catch-up subscription to the global log: it delivers the stored events after `after` in
 * order, in batches, then goes live. It is pull-based (`for await`): the next batch is read only
 * when the consumer has finished with the previous one, so a slow consumer is never overrun and
 * checkpoints are written in order.
 */
export interface Subscription extends AsyncIterable<readonly RecordedEvent[]> {
  /** Ends the iteration; a pending `next()` resolves with `done`. */
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically to one stream, or throws `WrongExpectedRevision`.
   * Appending events whose ids are already the stream's events at that place (a retry) is a
   * no-op that answers with the original result.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events; an empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The global log, forwards. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The newest `maxCount` events of the log, newest first (the auditors' latest events): no position to guess. */
  readLast(maxCount: number): Promise<RecordedEvent[]>;
  /** Position of the last event in the log (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * How many events the log holds after `after` (exclusive), counting at most `max`: a distance
   * in events, which positions are not on every store (EventStoreDB's are byte offsets).
   */
  countAfter(after: number, max: number): Promise<number>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Cheap round trip to the store, for readiness probes. Throws when unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** the stream's revision, or -1 when the stream does not exist */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** The store cannot be reached or cannot write (disk full, read-only, network down). */
export class EventStoreUnavailable extends Error {
  override readonly name = 'EventStoreUnavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Ids must be unique across the log; a duplicate that is not an idempotent retry is refused. */
export class DuplicateEventId extends Error {
  override readonly name = 'DuplicateEventId';
  constructor(readonly eventId: string, readonly streamId: string) {
    super(`event id ${eventId} already exists (appending to ${streamId})`);
  }
}

/**
 * A read of the log was asked to start from a position the store does not hold an event at
 * (EventStoreDB answers `InvalidPosition` for any offset into its transaction log that is not an
 * event's own). Positions come from the store; one that did not is the caller's mistake.
 */
export class InvalidPosition extends Error {
  override readonly name = 'InvalidPosition';
  constructor(readonly position: number | undefined, options?: { cause?: unknown }) {
    super(`the log holds no event at position ${position ?? '(unknown)'} to read from`, options);
  }
}

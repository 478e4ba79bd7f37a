import { createHash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { RecordedEvent } from '@uccn/event-store';
import type { Document, ReadStore } from '@uccn/read-store';
import { IdempotencyKeyReused } from '../shared/application-errors.js';
import { canonicalJson } from '../shared/canonical-json.js';
import type { CommandContext, CommandResult } from '../shared/command-context.js';
import { keyedEventsId, type KeyedEvents } from '../shared/load-stream.js';

/*
 * Idempotency of commands (DESIGN §3): a retry with the same `Idempotency-Key` and body appends
 * nothing and answers as the first time did; the same key with another body is a 422. A key is
 * the caller's own: two callers may use the same key for different requests.
 *
 * Three layers, each covering what the one before it cannot see:
 *
 * | layer        | where                                   | guarantees                                                        |
 * |--------------|-----------------------------------------|-------------------------------------------------------------------|
 * | kept answer  | `KeptAnswers` (read store, TTL)         | a retry after the first answer gets it again (status, body, ETag) |
 * |              |                                         | without reading the log; another body under the key is a 422      |
 * | the log      | `replayFromKept`, in `handleCommand`    | a retry after a crash lost the kept answer (it is written after   |
 * |              | (events carry the key and the digest)   | the append) is answered from the events; another body is a 422    |
 * | the store    | `eventIdFor`: ids from caller, key,     | copies of one request racing each other: the store takes the same |
 * |              | digest, stream and index                | ids at the same place as a retry, so all answer the one append.   |
 * |              |                                         | Other bodies racing get other ids: they conflict, reload, and     |
 * |              |                                         | meet the first one's events in the log: 422                       |
 *
 * Only the API computes a request's digest (`requestDigest`); the import and the designation
 * process send keys of their own that always name the same request.
 */

/**
 * What identifies a request under its key: the method, the path and the body, canonically, under
 * a keyed digest (`PersonalData.digest`): the records and the events' metadata keep it, and a body
 * may name a person, whom a plain hash would let anyone confirm by guessing.
 */
export const requestDigest = (keyedDigest: (text: string) => string, method: string, url: string, body: unknown): string =>
  keyedDigest(`${method}\n${url}\n${canonicalJson(body ?? null)}`);

/** Namespace of the name-based event ids derived from idempotency keys. */
const EVENT_ID_NAMESPACE = '6f1c1d57-4a3e-4c55-9c1f-5b0e2a6d9c41';

/**
 * The id of the `index`-th event of a command. With an idempotency key it is a name-based UUID of
 * caller + key + request digest + stream + index: a retry of the same request proposes the same
 * ids, and a different request under the same key never does.
 */
export function eventIdFor(context: CommandContext, streamId: string, index: number): string {
  if (!context.idempotencyKey) return randomUUID();
  return uuidv5(`${context.actor}\n${context.idempotencyKey}\n${context.requestHash ?? ''}\n${streamId}\n${index}`, EVENT_ID_NAMESPACE);
}

/** The events this caller already appended to the stream under this key, as the command's result. */
export function replayFromLog(events: readonly RecordedEvent[], context: CommandContext, aggregateId: string): CommandResult | null {
  const keyed = new Map<string, KeyedEvents>();
  for (const e of events) {
    const { actor, idempotencyKey, requestHash } = e.metadata;
    if (typeof actor !== 'string' || typeof idempotencyKey !== 'string') continue;
    const id = keyedEventsId(actor, idempotencyKey);
    keyed.set(id, { firstRequestHash: keyed.get(id)?.firstRequestHash ?? requestHash, revision: e.revision, position: e.position });
  }
  return replayFromKept(keyed, context, aggregateId);
}

/**
 * The same, from what a folded stream keeps of its keyed events (`LoadedStream.keyed`): the
 * first event's request digest and the last one's revision and position, per caller and key.
 */
export function replayFromKept(keyed: ReadonlyMap<string, KeyedEvents>, context: CommandContext, aggregateId: string): CommandResult | null {
  if (!context.idempotencyKey) return null;
  const earlier = keyed.get(keyedEventsId(context.actor, context.idempotencyKey));
  if (!earlier) return null;
  const firstHash = earlier.firstRequestHash;
  if (context.requestHash && typeof firstHash === 'string' && firstHash !== context.requestHash) {
    throw new IdempotencyKeyReused(context.idempotencyKey);
  }
  return { id: aggregateId, revision: earlier.revision, position: earlier.position, replayed: true };
}

export const IDEMPOTENCY_COLLECTION = 'idempotency_records';
/** how often expired records are swept away, at most (lazily, after a record is written) */
const SWEEP_EVERY_MS = 3_600_000;
const SWEEP_BATCH = 1_000;

/** The first answer to a request sent with a key, as it went out. */
export interface KeptAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly etag: string | null;
}

interface IdempotencyRecord extends Document, KeptAnswer {
  readonly requestHash: string;
  readonly expiresAt: string;
}

/** The kept answers, one per caller and key, for `ttlHours` (UCCN_IDEMPOTENCY_TTL_HOURS). */
export class KeptAnswers {
  private ready: Promise<void> | null = null;
  private lastSweep = 0;

  constructor(
    private readonly store: ReadStore,
    private readonly ttlHours: number,
  ) {}

  /** The answer kept for this caller's key, if it is still kept; another body under the key is refused. */
  async lookup(context: KeyedContext, now: Date): Promise<KeptAnswer | null> {
    // a store away at the first request must not fail every request after it: forget a failed attempt
    this.ready ??= this.store.ensureCollection(IDEMPOTENCY_COLLECTION, [['expiresAt']]).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    await this.ready;
    const record = (await this.store.get(IDEMPOTENCY_COLLECTION, recordIdOf(context))) as IdempotencyRecord | null;
    if (!record || record.expiresAt <= now.toISOString()) return null;
    if (record.requestHash !== context.requestHash) throw new IdempotencyKeyReused(context.idempotencyKey);
    return { status: record.status, body: record.body, etag: record.etag };
  }

  /** Keeps a successful answer (errors appended nothing: their retry is simply decided again). */
  async keep(context: KeyedContext, answer: KeptAnswer, now: Date): Promise<void> {
    await this.store.upsert(IDEMPOTENCY_COLLECTION, {
      id: recordIdOf(context),
      requestHash: context.requestHash,
      ...answer,
      expiresAt: new Date(now.getTime() + this.ttlHours * 3_600_000).toISOString(),
    } satisfies IdempotencyRecord);
    this.sweepIfDue(now);
  }

  /** Expired records would otherwise pile up forever; the sweep never delays an answer. */
  private sweepIfDue(now: Date): void {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    void sweepExpiredIdempotencyRecords(this.store, now).catch(() => {
      this.lastSweep = 0; // a store away: try again after the next record
    });
  }
}

/** A command context that carries a key, and the digest of the request sent with it. */
export type KeyedContext = CommandContext & { readonly idempotencyKey: string; readonly requestHash: string };

/** The record's id says nothing of the key itself: a digest of the caller and the key. */
const recordIdOf = (context: KeyedContext) => sha256(`${context.actor}\n${context.idempotencyKey}`);

/**
 * Deletes records expired at `now`, a batch at a time, and says how many. A retry arriving after
 * its record is gone is still recognised from the log (`replayFromLog`), so nothing depends on a
 * record outliving its time.
 */
export async function sweepExpiredIdempotencyRecords(store: ReadStore, now: Date): Promise<number> {
  let swept = 0;
  for (;;) {
    const expired = await store.find(IDEMPOTENCY_COLLECTION, { filter: { expiresAt: { $lte: now.toISOString() } }, sort: [['expiresAt', 1]], limit: SWEEP_BATCH });
    if (expired.length === 0) return swept;
    await store.commit({ changes: expired.map((record) => ({ collection: IDEMPOTENCY_COLLECTION, id: record.id, doc: null })) });
    swept += expired.length;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, of, type Observable } from 'rxjs';
import { canonicalJson, IdempotencyKeyReused } from '@uccn/application';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { READ_STORE, type Document, type ReadStore } from '@uccn/read-store';

export const IDEMPOTENCY_COLLECTION = 'idempotency_records';
/** how often expired records are swept away, at most (lazily, after a record is written) */
const SWEEP_EVERY_MS = 3_600_000;
const SWEEP_BATCH = 1_000;

interface IdempotencyRecord extends Document {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
  readonly etag: string | null;
  readonly expiresAt: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    requestHash?: string;
  }
}

/**
 * `Idempotency-Key` on a command: the first successful answer is kept (UCCN_IDEMPOTENCY_TTL_HOURS)
 * and a retry with the same key and body gets it again, status and body, with
 * `Idempotent-Replayed: true`, appending nothing; the same key with another body is a 422.
 *
 * This record is the fast path. The log is the safety net: the events carry the key and a digest
 * of the request, so a retry after a crash that lost the record (between the append and this
 * write) is still recognised by `handleCommand` and answered from the events. Errors are not
 * kept: they appended nothing, so a retry is simply decided again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private ready: Promise<void> | null = null;
  private lastSweep = 0;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return next.handle();

    const requestHash = digest(`${request.method}\n${request.url}\n${canonicalJson(request.body ?? null)}`);
    request.requestHash = requestHash;
    const id = digest(`${request.principal.name}\n${key}`);

    return from(this.lookup(id)).pipe(
      mergeMap((record) => {
        if (record) {
          if (record.requestHash !== requestHash) throw new IdempotencyKeyReused(key);
          void reply.status(record.status).header('idempotent-replayed', 'true');
          if (record.etag) void reply.header('etag', record.etag);
          return of(record.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            const etag = reply.getHeader('etag');
            await this.store.upsert(IDEMPOTENCY_COLLECTION, {
              id,
              requestHash,
              status: reply.statusCode,
              body: body ?? null,
              etag: typeof etag === 'string' ? etag : null,
              expiresAt: new Date(Date.now() + this.config.idempotencyTtlHours * 3_600_000).toISOString(),
            } satisfies IdempotencyRecord);
            this.sweepIfDue();
            return body;
          }),
        );
      }),
    );
  }

  private async lookup(id: string): Promise<IdempotencyRecord | null> {
    this.ready ??= this.store.ensureCollection(IDEMPOTENCY_COLLECTION, [['expiresAt']]);
    await this.ready;
    const record = (await this.store.get(IDEMPOTENCY_COLLECTION, id)) as IdempotencyRecord | null;
    return record && record.expiresAt > new Date().toISOString() ? record : null;
  }

  /** Expired records would otherwise pile up forever; the sweep never delays an answer. */
  private sweepIfDue(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    void sweepExpiredIdempotencyRecords(this.store, new Date(now)).catch(() => {
      this.lastSweep = 0; // a store away: try again after the next record
    });
  }
}

/**
 * Deletes records expired at `now`, a batch at a time, and says how many. A retry arriving after
 * its record is gone is still recognised from the log (see handleCommand), so nothing depends on
 * a record outliving its time.
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

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

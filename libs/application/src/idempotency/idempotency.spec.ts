import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteReadStore, type ReadStore } from '@uccn/read-store';
import type { RecordedEvent } from '@uccn/event-store';
import { IdempotencyKeyReused } from '../shared/application-errors.js';
import type { CommandContext } from '../shared/command-context.js';
import { eventIdFor, IDEMPOTENCY_COLLECTION, KeptAnswers, replayFromLog, sweepExpiredIdempotencyRecords, type KeyedContext } from './idempotency.js';

describe('sweeping expired idempotency records', () => {
  it('deletes the records whose time is up and keeps the others', async () => {
    const store = await SqliteReadStore.open({ file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-sweep-')), 'read.db') });
    try {
      await store.ensureCollection(IDEMPOTENCY_COLLECTION, [['expiresAt']]);
      const record = (id: string, expiresAt: string) => ({ collection: IDEMPOTENCY_COLLECTION, id, doc: { id, requestHash: 'h', status: 201, body: null, etag: '"0"', expiresAt } });
      await store.commit({
        changes: [
          ...Array.from({ length: 1_500 }, (_, i) => record(`designate-${i}`, '2026-11-20T10:00:00.000Z')),
          record('report-lyon-2026', '2026-11-23T10:00:00.000Z'),
        ],
      });
      expect(await sweepExpiredIdempotencyRecords(store, new Date('2026-11-22T10:00:00.000Z'))).toBe(1_500);
      expect((await store.find(IDEMPOTENCY_COLLECTION)).map((r) => r.id)).toEqual(['report-lyon-2026']);
    } finally {
      await store.close();
    }
  });
});

const secretariat: KeyedContext = { actor: 'unesco-secretariat', role: 'secretariat', correlationId: 'c-1', idempotencyKey: 'designate-lyon', requestHash: 'hash-of-lyon' };
const liaison: KeyedContext = { ...secretariat, actor: 'commission-liaison' };
const created = { status: 201, body: { id: 'lyon', revision: 0, position: 7 }, etag: '"0"' };
const at = (iso: string) => new Date(iso);

describe('the kept answers (the first layer of idempotency)', () => {
  let store: ReadStore;
  let answers: KeptAnswers;
  beforeEach(async () => {
    store = await SqliteReadStore.open({ file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-kept-')), 'read.db') });
    answers = new KeptAnswers(store, 24);
  });
  afterEach(() => store.close());

  it('gives the first answer again to a retry of the same request by the same caller', async () => {
    await answers.lookup(secretariat, at('2026-11-30T10:00:00Z'));
    await answers.keep(secretariat, created, at('2026-11-30T10:00:00Z'));
    expect(await answers.lookup(secretariat, at('2026-11-30T11:00:00Z'))).toEqual(created);
  });

  it('refuses another request under a key the caller already used', async () => {
    await answers.lookup(secretariat, at('2026-11-30T10:00:00Z'));
    await answers.keep(secretariat, created, at('2026-11-30T10:00:00Z'));
    await expect(answers.lookup({ ...secretariat, requestHash: 'hash-of-lille' }, at('2026-11-30T11:00:00Z'))).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('keeps each caller\'s keys apart', async () => {
    await answers.lookup(secretariat, at('2026-11-30T10:00:00Z'));
    await answers.keep(secretariat, created, at('2026-11-30T10:00:00Z'));
    expect(await answers.lookup(liaison, at('2026-11-30T11:00:00Z'))).toBeNull();
    expect(await answers.lookup({ ...liaison, requestHash: 'hash-of-lille' }, at('2026-11-30T11:00:00Z'))).toBeNull();
  });

  it('forgets an answer once its time is up (the log still recognises the retry)', async () => {
    await answers.lookup(secretariat, at('2026-11-30T10:00:00Z'));
    await answers.keep(secretariat, created, at('2026-11-30T10:00:00Z'));
    expect(await answers.lookup(secretariat, at('2026-12-01T10:00:01Z'))).toBeNull();
  });

  it('answers again once a read store that was away at the first request is back', async () => {
    // the first request meets the store away; the ones after it must not inherit that failure
    let away = true;
    const flaky = new Proxy(store, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property === 'ensureCollection') return (...args: unknown[]) => (away ? Promise.reject(new Error('read store away')) : value.apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const answersOnFlaky = new KeptAnswers(flaky, 24);
    await expect(answersOnFlaky.lookup(secretariat, at('2026-11-30T10:00:00Z'))).rejects.toThrow('read store away');
    away = false;
    expect(await answersOnFlaky.lookup(secretariat, at('2026-11-30T10:00:01Z'))).toBeNull();
  });

  it('holds neither the key nor the caller in the record\'s id', async () => {
    await answers.lookup(secretariat, at('2026-11-30T10:00:00Z'));
    await answers.keep(secretariat, created, at('2026-11-30T10:00:00Z'));
    const [record] = await store.find(IDEMPOTENCY_COLLECTION);
    expect(record!.id).not.toContain('designate-lyon');
    expect(record!.id).not.toContain('unesco-secretariat');
  });
});

describe('the log and the store (the second and third layers)', () => {
  const event = (revision: number, metadata: Record<string, unknown>): RecordedEvent =>
    ({ id: `e-${revision}`, streamId: 'city-lyon', revision, position: 100 + revision, type: 'CityDesignated', data: {}, metadata }) as unknown as RecordedEvent;

  it('answers a retry from the caller\'s events under the key, and refuses another request under it', () => {
    const events = [event(0, { actor: 'unesco-secretariat', idempotencyKey: 'designate-lyon', requestHash: 'hash-of-lyon' }), event(1, { actor: 'someone-else' })];
    expect(replayFromLog(events, secretariat, 'lyon')).toEqual({ id: 'lyon', revision: 0, position: 100, replayed: true });
    expect(() => replayFromLog(events, { ...secretariat, requestHash: 'hash-of-lille' }, 'lyon')).toThrow(IdempotencyKeyReused);
    expect(replayFromLog(events, liaison, 'lyon')).toBeNull();
  });

  it('proposes the same event ids for the same request, and others for another request under the same key', () => {
    expect(eventIdFor(secretariat, 'city-lyon', 0)).toBe(eventIdFor({ ...secretariat, correlationId: 'c-2' }, 'city-lyon', 0));
    expect(eventIdFor(secretariat, 'city-lyon', 0)).not.toBe(eventIdFor({ ...secretariat, requestHash: 'hash-of-lille' }, 'city-lyon', 0));
    expect(eventIdFor(secretariat, 'city-lyon', 0)).not.toBe(eventIdFor(liaison, 'city-lyon', 0));
    const unkeyed: CommandContext = { actor: 'a', role: 'secretariat', correlationId: 'c' };
    expect(eventIdFor(unkeyed, 'city-lyon', 0)).not.toBe(eventIdFor(unkeyed, 'city-lyon', 0));
  });
});

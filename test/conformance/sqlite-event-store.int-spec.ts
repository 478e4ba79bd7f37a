import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateEventId, EventStoreUnavailable, type RecordedEvent, SqliteEventStore, WrongExpectedRevision } from '@uccn/event-store';
import {
  aNewEvent,
  appendError,
  describeEventStoreConformance,
} from '../../libs/event-store/src/conformance/event-store.conformance.js';

function aTempFile(): { file: string; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
  return { file: path.join(dir, 'events.sqlite'), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describeEventStoreConformance('SQLite', async () => {
  const { file, cleanup } = aTempFile();
  return { store: await SqliteEventStore.open({ file }), cleanup };
});

describe('SqliteEventStore (properties only the embedded store has)', () => {
  let file: string;
  let cleanup: () => Promise<void>;
  let store: SqliteEventStore;

  beforeEach(async () => {
    ({ file, cleanup } = aTempFile());
    store = await SqliteEventStore.open({ file });
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  const positionsOf = (events: readonly RecordedEvent[]) => events.map((e) => e.position);
  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  describe('a COMMIT that fails', () => {
    // On any machine, not only where the disk-full spec can mount a tmpfs: the store's own COMMIT
    // statement fails once, as a disk would at the last moment. An append answered before its
    // COMMIT would resolve here; it must reject, and nothing of it may stay.
    it('rejects every append of the batch, keeps none of their events, and writes the next batch', async () => {
      const statements = (store as unknown as { statements: { commit: { run(): unknown } } }).statements;
      const commit = statements.commit;
      statements.commit = {
        run: () => {
          statements.commit = commit;
          throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
        },
      };
      const batch = [store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream'), store.append('city-lille', [aNewEvent('CityDesignated')], 'no-stream')];
      for (const append of batch) await expect(append).rejects.toBeInstanceOf(EventStoreUnavailable);
      expect(await store.readStream('city-lyon')).toEqual([]);
      expect(await store.readAll({ after: 0 })).toEqual([]);

      await store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream');
      expect(positionsOf(await store.readStream('city-lyon'))).toEqual([1]);
    });
  });

  describe('global positions', () => {
    it('numbers the log 1..N without gaps, even around refused appends', async () => {
      await store.append('city-krakow', [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')], 'no-stream');
      await appendError(store, 'city-krakow', [aNewEvent('ReportReviewed'), aNewEvent('ReportReviewed')], 0);
      await store.append('city-katowice', [aNewEvent('CityDesignated')], 'no-stream');
      await appendError(store, 'city-katowice', [aNewEvent('CityDesignated')], 'no-stream');
      await store.append('city-krakow', [aNewEvent('ReportReviewed')], 1);

      expect(positionsOf(await store.readAll())).toEqual([1, 2, 3, 4]);
      expect(await store.headPosition()).toBe(4);
    });

    it('answers an append with the position its last event is stored at, in the stream and in the log', async () => {
      await store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream');
      const result = await store.append('city-ostersund', [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')], 'no-stream');

      const stream = await store.readStream('city-ostersund');
      expect(result).toEqual({ nextRevision: 1, position: 3 });
      expect(positionsOf(stream)).toEqual([2, 3]);
      expect(positionsOf(await store.readAll({ after: 1 }))).toEqual(positionsOf(stream));
    });

    it('starts an empty log at head 0 and a default subscription at the first event', async () => {
      expect(await store.headPosition()).toBe(0);
      await store.append('network', [aNewEvent('CreativeFieldAdded', { field: 'architecture' })], 'no-stream');

      const subscription = store.subscribeToAll();
      const first = await subscription[Symbol.asyncIterator]().next();
      await subscription.close();

      expect(first.done).toBe(false);
      expect(positionsOf(first.value as RecordedEvent[])).toEqual([1]);
    });
  });

  describe('group commit', () => {
    it('commits 200 concurrent appends to 200 streams, all of them, with gapless positions', async () => {
      const streams = Array.from({ length: 200 }, (_, i) => `city-${i}`);

      const results = await Promise.all(streams.map((s) => store.append(s, [aNewEvent('CityDesignated')], 'no-stream')));

      expect(results.every((r) => r.nextRevision === 0)).toBe(true);
      expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(oneToN(200));
      const log = await store.readAll();
      expect(new Set(log.map((e) => e.streamId))).toEqual(new Set(streams));
    });

    it('checks racing appends to one stream against each other: the first for each revision wins, the rest conflict', async () => {
      await store.append('meeting-2018', [aNewEvent('MeetingScheduled')], 'no-stream');
      // Two contenders per revision, queued in this order: [first@0, second@0, first@1, second@1 …].
      const contenders = Array.from({ length: 50 }, (_, i) => ({ expects: Math.floor(i / 2), first: i % 2 === 0, event: aNewEvent('MeetingHosted', { i }) }));

      const outcomes = await Promise.allSettled(contenders.map((c) => store.append('meeting-2018', [c.event], c.expects)));

      contenders.forEach((c, i) => {
        const outcome = outcomes[i]!;
        if (c.first) {
          expect(outcome).toEqual({ status: 'fulfilled', value: expect.objectContaining({ nextRevision: c.expects + 1 }) });
        } else {
          expect(outcome.status).toBe('rejected');
          const error = (outcome as PromiseRejectedResult).reason as WrongExpectedRevision;
          expect(error).toBeInstanceOf(WrongExpectedRevision);
          expect([error.expected, error.actual]).toEqual([c.expects, c.expects + 1]);
        }
      });
      const stream = await store.readStream('meeting-2018');
      expect(stream.map((e) => e.revision)).toEqual(Array.from({ length: 26 }, (_, i) => i));
      expect(stream.slice(1).map((e) => e.id)).toEqual(contenders.filter((c) => c.first).map((c) => c.event.id));
      expect(positionsOf(await store.readAll())).toEqual(oneToN(26));
    });

    it('answers a retry queued beside its original with the same result', async () => {
      const events = [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')];

      const [original, retry] = await Promise.all([
        store.append('city-norrkoping', events, 'no-stream'),
        store.append('city-norrkoping', events, 'no-stream'),
      ]);

      expect(retry).toEqual(original);
      expect(await store.readStream('city-norrkoping')).toHaveLength(2);
    });

    it('keeps an append invisible until its commit', async () => {
      const pending = store.append('city-krakow', [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')], 'no-stream');

      const beforeCommit = await store.readStream('city-krakow');
      const result = await pending;

      expect(beforeCommit).toEqual([]);
      expect(result.nextRevision).toBe(1);
      expect(await store.readStream('city-krakow')).toHaveLength(2);
    });
  });

  describe('event ids', () => {
    it('refuses an event id already used in another stream, writing none of the append', async () => {
      const taken = aNewEvent('CityDesignated');
      await store.append('city-krakow', [taken], 'no-stream');
      const append = [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted'), { ...taken, type: 'ReportSubmitted' }];

      const error = await appendError(store, 'city-katowice', append, 'no-stream');

      expect(error).toBeInstanceOf(DuplicateEventId);
      expect([(error as DuplicateEventId).eventId, (error as DuplicateEventId).streamId]).toEqual([taken.id, 'city-katowice']);
      expect(await store.readStream('city-katowice')).toEqual([]);
      expect(positionsOf(await store.readAll())).toEqual([1]);
    });

    it('fails only the half-valid append in a batch, never its neighbours', async () => {
      const taken = aNewEvent('CityDesignated');
      await store.append('city-krakow', [taken], 'no-stream');

      const [before, broken, after] = await Promise.allSettled([
        store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream'),
        store.append('city-katowice', [aNewEvent('CityDesignated'), taken], 'no-stream'),
        store.append('city-ostersund', [aNewEvent('CityDesignated')], 'no-stream'),
      ]);

      expect([before!.status, broken!.status, after!.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await store.readStream('city-katowice')).toEqual([]);
      expect(positionsOf(await store.readAll())).toEqual([1, 2, 3]);
    });
  });

  describe('durability', () => {
    it('finds everything again after close and reopen, and continues the numbering', async () => {
      await store.append('city-krakow', [aNewEvent('CityDesignated', { name: 'Kraków' })], 'no-stream');
      await store.append('city-krakow', [aNewEvent('ReportSubmitted')], 0);
      const before = await store.readAll();
      await store.close();

      store = await SqliteEventStore.open({ file });
      const result = await store.append('city-krakow', [aNewEvent('ReportReviewed')], 1);

      expect((await store.readAll()).slice(0, 2)).toEqual(before);
      expect(result).toEqual({ nextRevision: 2, position: 3 });
    });

    it('writes appends still queued when it is closed', async () => {
      const pending = store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream');
      await store.close();

      await expect(pending).resolves.toEqual({ nextRevision: 0, position: 1 });
      store = await SqliteEventStore.open({ file });
      expect(await store.readStream('city-lyon')).toHaveLength(1);
    });

    it('keeps the file in WAL mode', async () => {
      const raw = new Database(file, { readonly: true });
      try {
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        raw.close();
      }
    });

    it('refuses appends once closed as unavailable', async () => {
      await store.close();

      await expect(store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream')).rejects.toBeInstanceOf(EventStoreUnavailable);
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailable);
      store = await SqliteEventStore.open({ file });
    });
  });

  describe('storage failures', () => {
    it('answers unavailable while another process holds the write lock, and works again once it is released', async () => {
      await store.close();
      store = await SqliteEventStore.open({ file, busyTimeoutMs: 20 });
      await store.append('city-krakow', [aNewEvent('CityDesignated')], 'no-stream');
      const otherProcess = new Database(file);
      otherProcess.pragma('busy_timeout = 0');
      try {
        otherProcess.exec('BEGIN IMMEDIATE');

        const outcomes = await Promise.allSettled([
          store.append('city-krakow', [aNewEvent('ReportSubmitted')], 0),
          store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream'),
        ]);

        for (const outcome of outcomes) {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(EventStoreUnavailable);
        }
        otherProcess.exec('ROLLBACK');

        await expect(store.append('city-krakow', [aNewEvent('ReportSubmitted')], 0)).resolves.toEqual({ nextRevision: 1, position: 2 });
        await store.ping();
      } finally {
        otherProcess.close();
      }
    });
  });

  describe('subscriptions', () => {
    it('sees appends made by another process through the fallback poll', async () => {
      await store.close();
      store = await SqliteEventStore.open({ file, pollIntervalMs: 20 });
      const otherProcess = await SqliteEventStore.open({ file });
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const next = iterator.next();
        await otherProcess.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream');

        const batch = await next;

        expect(batch.done).toBe(false);
        expect((batch.value as RecordedEvent[]).map((e) => e.streamId)).toEqual(['city-lyon']);
      } finally {
        await subscription.close();
        await otherProcess.close();
      }
    });

    it('is woken by an append in this process and by close, not by its poll', async () => {
      await store.close();
      store = await SqliteEventStore.open({ file, pollIntervalMs: 3_600_000 });
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const live = iterator.next();
        await store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream');
        expect(((await live).value as RecordedEvent[]).map((e) => e.streamId)).toEqual(['city-lyon']);

        const waiting = iterator.next();
        await subscription.close();
        expect(await waiting).toEqual({ done: true, value: undefined });
      } finally {
        await subscription.close();
      }
    });

    it('woken by one append, every subscription gets the new events from one read of the rows', async () => {
      const reads: unknown[] = [];
      const statements = (store as unknown as { statements: { allAfter: { all(...args: unknown[]): unknown[] } } }).statements;
      const allAfter = statements.allAfter;
      statements.allAfter = { all: (...args) => (reads.push(args), allAfter.all(...args)) };
      const subscriptions = [store.subscribeToAll(), store.subscribeToAll(), store.subscribeToAll()];
      const iterators = subscriptions.map((s) => s[Symbol.asyncIterator]());
      try {
        const waiting = iterators.map((iterator) => iterator.next());
        await new Promise((resolve) => setImmediate(resolve));
        reads.length = 0;
        await store.append('city-lyon', [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')], 'no-stream');
        const batches = (await Promise.all(waiting)).map((result) => result.value as RecordedEvent[]);

        for (const batch of batches) expect(positionsOf(batch)).toEqual([1, 2]);
        expect(batches[1]![0]).toBe(batches[0]![0]);
        expect(batches[2]![1]).toBe(batches[0]![1]);
        expect(reads).toHaveLength(1);
        // read again, the log answers the same events
        expect(positionsOf(await store.readAll({ after: 0 }))).toEqual([1, 2]);
      } finally {
        for (const subscription of subscriptions) await subscription.close();
      }
    });

    it('ends when the consumer breaks out of its loop', async () => {
      await store.append('city-lyon', [aNewEvent('CityDesignated')], 'no-stream');
      const subscription = store.subscribeToAll();
      for await (const batch of subscription) {
        expect(batch).toHaveLength(1);
        break;
      }

      expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    });
  });
});

/**
 * The one behaviour suite every EventStore adapter must pass. Each adapter's int-spec calls
 * `describeEventStoreConformance` with a way to open a store.
 *
 * It may run against a long-lived shared server (EventStoreDB) whose log already holds other
 * events, some written by other tests at the same moment. So: every test uses its own streams
 * (random suffix), never assumes the global log starts empty, reasons relative to the head
 * position taken before the test, and filters the global log by its own streams. Properties only
 * one adapter has (gapless positions on SQLite, globally unique event ids) belong in that
 * adapter's own spec, not here.
 *
 * Uses jest's globals (describe/it/expect) so that libs never import jest; the production build
 * excludes `**\/conformance/**`.
 */
import { randomUUID } from 'node:crypto';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevision,
} from '../event-store.port.js';

export interface OpenedEventStore {
  readonly store: EventStore;
  readonly cleanup?: () => Promise<void>;
}

/** A stream id no other test (or earlier run on a shared server) uses. */
export function uniqueStreamId(prefix: string): string {
  return `${prefix}-${randomUUID().replaceAll('-', '')}`;
}

export function aNewEvent(type: string, data: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

/** Runs `append` and returns the error it threw, failing the test when it did not throw. */
export async function appendError(
  store: EventStore,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<unknown> {
  try {
    const result = await store.append(streamId, events, expected);
    throw new Error(`expected the append to ${streamId} (expected ${String(expected)}) to fail, it answered ${JSON.stringify(result)}`);
  } catch (error) {
    return error;
  }
}

function ofStreams(events: readonly RecordedEvent[], ...streamIds: string[]): RecordedEvent[] {
  return events.filter((e) => streamIds.includes(e.streamId));
}

function expectStrictlyIncreasingPositions(events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.position).toBeGreaterThan(events[i - 1]!.position);
  }
}

function expectWrongExpectedRevision(error: unknown, streamId: string, expected: ExpectedRevision, actual: number): void {
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  const wrong = error as WrongExpectedRevision;
  expect({ streamId: wrong.streamId, expected: wrong.expected, actual: wrong.actual }).toEqual({ streamId, expected, actual });
}

const nextTurn = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function describeEventStoreConformance(
  adapterName: string,
  open: () => Promise<OpenedEventStore>,
): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let store: EventStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    /** Appends `count` events to a new stream; returns them as sent and the append's answer. */
    async function aStreamWith(count: number, prefix = 'city'): Promise<{ streamId: string; events: NewEvent[]; result: AppendResult }> {
      const streamId = uniqueStreamId(prefix);
      const events = Array.from({ length: count }, (_, i) => aNewEvent(`Happened${i}`, { n: i }));
      const result = await store.append(streamId, events, 'no-stream');
      return { streamId, events, result };
    }

    async function idsIn(streamId: string): Promise<string[]> {
      return (await store.readStream(streamId)).map((e) => e.id);
    }

    describe('append with an expected revision', () => {
      it('creates a stream with no-stream, numbering its events from revision 0', async () => {
        const before = await store.headPosition();
        const streamId = uniqueStreamId('city');
        const events = [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed')];

        const result = await store.append(streamId, events, 'no-stream');

        expect(result.nextRevision).toBe(2);
        expect(result.position).toBeGreaterThan(before);
        const stored = await store.readStream(streamId);
        expect(stored.map((e) => [e.revision, e.id, e.type, e.streamId])).toEqual(
          events.map((e, i) => [i, e.id, e.type, streamId]),
        );
      });

      it('refuses no-stream when the stream exists, naming the actual revision', async () => {
        const { streamId, events } = await aStreamWith(2);

        const error = await appendError(store, streamId, [aNewEvent('CityDesignated')], 'no-stream');

        expectWrongExpectedRevision(error, streamId, 'no-stream', 1);
        expect(await idsIn(streamId)).toEqual(events.map((e) => e.id));
      });

      it('appends with stream-exists to an existing stream', async () => {
        const { streamId } = await aStreamWith(1);

        const result = await store.append(streamId, [aNewEvent('ReportSubmitted')], 'stream-exists');

        expect(result.nextRevision).toBe(1);
      });

      it('refuses stream-exists when the stream does not exist (actual -1)', async () => {
        const streamId = uniqueStreamId('city');

        const error = await appendError(store, streamId, [aNewEvent('ReportSubmitted')], 'stream-exists');

        expectWrongExpectedRevision(error, streamId, 'stream-exists', -1);
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('appends with any whether or not the stream exists', async () => {
        const streamId = uniqueStreamId('city');

        const first = await store.append(streamId, [aNewEvent('CityDesignated')], 'any');
        const second = await store.append(streamId, [aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed')], 'any');

        expect(first.nextRevision).toBe(0);
        expect(second.nextRevision).toBe(2);
        expect(second.position).toBeGreaterThan(first.position);
      });

      it('appends when the exact revision is the stream\'s last revision', async () => {
        const { streamId } = await aStreamWith(2);

        const result = await store.append(streamId, [aNewEvent('ReportSubmitted')], 1);

        expect(result.nextRevision).toBe(2);
        expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
      });

      it('refuses a stale exact revision, leaving the stream unchanged', async () => {
        const { streamId, events } = await aStreamWith(3);

        const error = await appendError(store, streamId, [aNewEvent('ReportSubmitted')], 1);

        expectWrongExpectedRevision(error, streamId, 1, 2);
        expect(await idsIn(streamId)).toEqual(events.map((e) => e.id));
      });

      it('refuses an exact revision ahead of the stream', async () => {
        const { streamId } = await aStreamWith(1);

        const error = await appendError(store, streamId, [aNewEvent('ReportSubmitted')], 5);

        expectWrongExpectedRevision(error, streamId, 5, 0);
      });

      it('refuses an exact revision on a stream that does not exist (actual -1)', async () => {
        const streamId = uniqueStreamId('city');

        const error = await appendError(store, streamId, [aNewEvent('ReportSubmitted')], 0);

        expectWrongExpectedRevision(error, streamId, 0, -1);
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('lets exactly one of several concurrent appends expecting the same revision win', async () => {
        const { streamId } = await aStreamWith(1);
        const contenders = Array.from({ length: 8 }, () => [aNewEvent('ReportSubmitted')]);

        const outcomes = await Promise.allSettled(contenders.map((events) => store.append(streamId, events, 0)));

        const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevision);
        }
        const stored = await store.readStream(streamId);
        expect(stored.map((e) => e.revision)).toEqual([0, 1]);
        expect(stored[1]!.id).toBe(contenders[winners[0]!]![0]!.id);
      });

      it('is atomic: a refused multi-event append writes none of its events', async () => {
        const before = await store.headPosition();
        const { streamId, events } = await aStreamWith(1);
        const refused = [aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed'), aNewEvent('MembershipWithdrawn')];

        await appendError(store, streamId, refused, 'no-stream');

        expect(await idsIn(streamId)).toEqual(events.map((e) => e.id));
        const logged = ofStreams(await store.readAll({ after: before }), streamId);
        expect(logged.map((e) => e.id)).toEqual(events.map((e) => e.id));
      });
    });

    describe('idempotent retry', () => {
      it('answers a retry with an exact revision with the original result and appends nothing', async () => {
        const { streamId, events: first } = await aStreamWith(2);
        const second = [aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed')];
        const original = await store.append(streamId, second, 1);

        const retried = await store.append(streamId, second, 1);

        expect(retried).toEqual(original);
        expect(await idsIn(streamId)).toEqual([...first, ...second].map((e) => e.id));
      });

      it('answers a retry with no-stream with the original result and appends nothing', async () => {
        const streamId = uniqueStreamId('city');
        const events = [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')];
        const original = await store.append(streamId, events, 'no-stream');

        const retried = await store.append(streamId, events, 'no-stream');

        expect(retried).toEqual(original);
        expect(await idsIn(streamId)).toEqual(events.map((e) => e.id));
      });

      it('answers a retry with the original result even after the stream moved on', async () => {
        const streamId = uniqueStreamId('city');
        const events = [aNewEvent('CityDesignated')];
        const original = await store.append(streamId, events, 'no-stream');
        const later = [aNewEvent('ReportSubmitted')];
        await store.append(streamId, later, 0);

        const retried = await store.append(streamId, events, 'no-stream');

        expect(retried).toEqual(original);
        expect(await idsIn(streamId)).toEqual([...events, ...later].map((e) => e.id));
      });

      it('treats the same events sent with another expected revision as a conflict, not a retry', async () => {
        const { streamId, events: first } = await aStreamWith(1);
        const second = [aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed')];
        await store.append(streamId, second, 0);

        const error = await appendError(store, streamId, second, 1);

        expectWrongExpectedRevision(error, streamId, 1, 2);
        expect(await idsIn(streamId)).toEqual([...first, ...second].map((e) => e.id));
      });
    });

    describe('reading a stream', () => {
      it('reads forwards in revision order', async () => {
        const { streamId, events } = await aStreamWith(5);

        const stored = await store.readStream(streamId, { direction: 'forwards' });

        expect(stored.map((e) => [e.revision, e.id])).toEqual(events.map((e, i) => [i, e.id]));
      });

      it('reads backwards from the end', async () => {
        const { streamId, events } = await aStreamWith(5);

        const stored = await store.readStream(streamId, { direction: 'backwards' });

        expect(stored.map((e) => [e.revision, e.id])).toEqual(events.map((e, i) => [i, e.id]).reverse());
      });

      it('reads forwards from a revision, at most maxCount events', async () => {
        const { streamId } = await aStreamWith(6);

        const stored = await store.readStream(streamId, { fromRevision: 2, maxCount: 3 });

        expect(stored.map((e) => e.revision)).toEqual([2, 3, 4]);
      });

      it('reads backwards from a revision, at most maxCount events', async () => {
        const { streamId } = await aStreamWith(6);

        const stored = await store.readStream(streamId, { direction: 'backwards', fromRevision: 3, maxCount: 2 });

        expect(stored.map((e) => e.revision)).toEqual([3, 2]);
      });

      it('reads the last event alone backwards with maxCount 1', async () => {
        const { streamId, events } = await aStreamWith(4);

        const stored = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });

        expect(stored.map((e) => [e.revision, e.id])).toEqual([[3, events[3]!.id]]);
      });

      it('reads nothing forwards from a revision past the end', async () => {
        const { streamId } = await aStreamWith(2);

        expect(await store.readStream(streamId, { fromRevision: 7 })).toEqual([]);
      });

      it('reads a stream that does not exist as empty, in both directions', async () => {
        const streamId = uniqueStreamId('city');

        expect(await store.readStream(streamId)).toEqual([]);
        expect(await store.readStream(streamId, { direction: 'backwards' })).toEqual([]);
      });

      it('does not mix streams whose ids share a prefix', async () => {
        const streamId = uniqueStreamId('city');
        await store.append(streamId, [aNewEvent('CityDesignated')], 'no-stream');
        await store.append(`${streamId}-x`, [aNewEvent('CityDesignated')], 'no-stream');

        expect((await store.readStream(streamId)).map((e) => e.streamId)).toEqual([streamId]);
      });
    });

    describe('round trip of data and metadata', () => {
      it('returns data and metadata exactly as appended, unicode and nesting included', async () => {
        const streamId = uniqueStreamId('city');
        const data = {
          cityId: 'krakow',
          name: 'Kraków',
          partners: [
            { name: 'Östersund', country: 'SE', cityId: 'ostersund' },
            { name: 'Gdańsk', country: 'PL' },
          ],
          nested: { deeper: { list: [1, 2.5, -3], flag: true, nothing: null, empty: {}, none: [] } },
          theme: 'Creative Crossroads — 創造 ✓ 🎵',
          quote: 'she said "hi"\nand left\\',
          edition: 12,
        };
        const metadata = {
          eventId: 'irrelevant-here',
          actor: 'secrétariat',
          role: 'secretariat',
          correlationId: randomUUID(),
          causationId: null,
          recordedAt: '2018-06-12T09:30:00.000Z',
          schemaVersion: 1,
          tags: { source: 'seed-000', languages: ['pl', 'sv'] },
        };
        const event = aNewEvent('CityDesignated', data, metadata);
        const before = await store.headPosition();

        await store.append(streamId, [event], 'no-stream');

        const [fromStream] = await store.readStream(streamId);
        expect(fromStream!.data).toStrictEqual(data);
        expect(fromStream!.metadata).toStrictEqual(metadata);
        expect(fromStream!.type).toBe('CityDesignated');
        const [fromLog] = ofStreams(await store.readAll({ after: before }), streamId);
        expect(fromLog!.data).toStrictEqual(data);
        expect(fromLog!.metadata).toStrictEqual(metadata);
      });

      it('keeps empty data and metadata as empty objects', async () => {
        const streamId = uniqueStreamId('network');
        await store.append(streamId, [aNewEvent('CreativeFieldAdded', {}, {})], 'no-stream');

        const [stored] = await store.readStream(streamId);

        expect(stored!.data).toStrictEqual({});
        expect(stored!.metadata).toStrictEqual({});
      });
    });

    describe('the global log', () => {
      it('reads the events after a position in commit order, positions strictly increasing', async () => {
        const before = await store.headPosition();
        const a = uniqueStreamId('city');
        const b = uniqueStreamId('meeting');
        const a1 = [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted')];
        const b1 = [aNewEvent('MeetingScheduled')];
        const a2 = [aNewEvent('ReportReviewed')];
        await store.append(a, a1, 'no-stream');
        await store.append(b, b1, 'no-stream');
        await store.append(a, a2, 1);

        const all = await store.readAll({ after: before });

        expect(all.every((e) => e.position > before)).toBe(true);
        expectStrictlyIncreasingPositions(all);
        expect(ofStreams(all, a, b).map((e) => [e.streamId, e.revision, e.id])).toEqual([
          [a, 0, a1[0]!.id],
          [a, 1, a1[1]!.id],
          [b, 0, b1[0]!.id],
          [a, 2, a2[0]!.id],
        ]);
      });

      it('places every appended event at or before the position the append answered', async () => {
        const before = await store.headPosition();
        const { streamId, result } = await aStreamWith(3);

        const mine = ofStreams(await store.readAll({ after: before }), streamId);

        expect(mine).toHaveLength(3);
        for (const e of mine) expect(e.position).toBeLessThanOrEqual(result.position);
        expect(ofStreams(await store.readAll({ after: result.position }), streamId)).toEqual([]);
      });

      it('reads the newest events of the log, newest first, without a position to start from', async () => {
        const { streamId } = await aStreamWith(3);
        const newest = await store.readLast(3);
        expect(newest.map((e) => [e.streamId, e.revision])).toEqual([
          [streamId, 2],
          [streamId, 1],
          [streamId, 0],
        ]);
        expect((await store.readLast(1)).map((e) => e.id)).toEqual([newest[0]!.id]);
        expect(newest[0]!.position).toBe(await store.headPosition());
      });

      it('excludes the event at the `after` position itself', async () => {
        const before = await store.headPosition();
        const { streamId } = await aStreamWith(3);
        const mine = ofStreams(await store.readAll({ after: before }), streamId);

        const afterFirst = ofStreams(await store.readAll({ after: mine[0]!.position }), streamId);

        expect(afterFirst.map((e) => e.revision)).toEqual([1, 2]);
      });

      it('returns at most maxCount events, the first ones after the position', async () => {
        const before = await store.headPosition();
        await aStreamWith(4);
        const everything = await store.readAll({ after: before });

        const firstTwo = await store.readAll({ after: before, maxCount: 2 });

        expect(firstTwo).toHaveLength(2);
        expect(firstTwo.map((e) => e.position)).toEqual(everything.slice(0, 2).map((e) => e.position));
      });

      it('moves the head position forward to cover each append', async () => {
        const before = await store.headPosition();

        const { result } = await aStreamWith(2);

        const head = await store.headPosition();
        expect(head).toBeGreaterThan(before);
        expect(head).toBeGreaterThanOrEqual(result.position);
      });

      it('counts the events after a position, at most as many as asked (a distance in events, whatever positions are)', async () => {
        const streamId = uniqueStreamId('city');
        await store.append(streamId, [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed')], 'no-stream');
        const [first, , third] = await store.readStream(streamId);

        // other suites may append to the same server meanwhile: bounds that hold whatever they add
        expect(await store.countAfter(first!.position, 2)).toBe(2);
        expect(await store.countAfter(first!.position, 1_000)).toBeGreaterThanOrEqual(2);
        expect(await store.countAfter(third!.position, 0)).toBe(0);
        expect(await store.countAfter(0, 3)).toBe(3);
      });

      it('reads nothing after the head position when nothing is appended', async () => {
        const streamId = uniqueStreamId('city');
        const head = await store.headPosition();

        expect(ofStreams(await store.readAll({ after: head }), streamId)).toEqual([]);
      });
    });

    describe('catch-up subscription to the global log', () => {
      it('delivers the stored events in order, then goes live, and close() ends it', async () => {
        const before = await store.headPosition();
        const streamId = uniqueStreamId('city');
        const stored = [aNewEvent('CityDesignated'), aNewEvent('ReportSubmitted'), aNewEvent('ReportReviewed')];
        await store.append(streamId, stored, 'no-stream');

        const subscription = store.subscribeToAll({ after: before, batchSize: 2 });
        const iterator = subscription[Symbol.asyncIterator]();
        const seen: RecordedEvent[] = [];
        const delivered: RecordedEvent[] = [];
        const readUntil = async (count: number) => {
          while (seen.length < count) {
            const next = await iterator.next();
            if (next.done) throw new Error('the subscription ended before delivering the expected events');
            expect(next.value.length).toBeLessThanOrEqual(2);
            delivered.push(...next.value);
            seen.push(...ofStreams(next.value, streamId));
          }
        };

        try {
          await readUntil(3);
          // The consumer is now waiting at the head: the next events must arrive live.
          const live = [aNewEvent('MembershipWithdrawn'), aNewEvent('CityDesignated')];
          const waiting = readUntil(5);
          await nextTurn(50);
          await store.append(streamId, live, 2);
          await waiting;

          expect(seen.map((e) => [e.revision, e.id])).toEqual([...stored, ...live].map((e, i) => [i, e.id]));
          expect(delivered.every((e) => e.position > before)).toBe(true);
          expectStrictlyIncreasingPositions(delivered);
        } finally {
          await subscription.close();
        }
        // After close, at most a batch already on its way arrives, then the iteration is done.
        let next = await iterator.next();
        if (!next.done) next = await iterator.next();
        expect(next.done).toBe(true);
      });

      it('ends a consumer waiting at the head when closed', async () => {
        const subscription = store.subscribeToAll({ after: await store.headPosition() });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await nextTurn(20);

        await subscription.close();

        let next = await pending;
        // On a shared server another writer may have slipped one batch in before the close.
        if (!next.done) next = await iterator.next();
        expect(next.done).toBe(true);
      });

      it('starts strictly after the given position', async () => {
        const before = await store.headPosition();
        const { streamId } = await aStreamWith(3);
        const mine = ofStreams(await store.readAll({ after: before }), streamId);

        const subscription = store.subscribeToAll({ after: mine[0]!.position });
        const seen: RecordedEvent[] = [];
        try {
          for await (const batch of subscription) {
            seen.push(...ofStreams(batch, streamId));
            if (seen.length >= 2) break;
          }
        } finally {
          await subscription.close();
        }

        expect(seen.map((e) => e.revision)).toEqual([1, 2]);
      });
    });

    describe('health', () => {
      it('answers ping while open', async () => {
        await store.ping();
      });
    });
  });
}

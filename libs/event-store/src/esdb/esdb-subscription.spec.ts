/**
 * Paging through $all and the catch-up → live hand-over of the EventStoreDB subscription, against
 * a small fake of the server's $all (no EventStoreDB runs in unit tests): it answers `readAll`
 * pages the way the server does (from a position, inclusive) and a live subscription the test
 * feeds by hand.
 */
import type { AllStreamResolvedEvent, EventStoreDBClient, Position } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { EsdbCatchUpSubscription, pageSizeFor, toPage } from './esdb-subscription.js';

function logged(commit: number, streamId: string, type: string, revision = 0): AllStreamResolvedEvent {
  const position = { commit: BigInt(commit), prepare: BigInt(commit) };
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${String(commit).padStart(12, '0')}`,
      revision: BigInt(revision),
      type,
      data: { at: commit },
      metadata: undefined,
      isJson: true,
      created: new Date(0),
      position,
    },
    commitPosition: position.commit,
  } as AllStreamResolvedEvent;
}

const before = (a: Position, b: Position) => a.commit < b.commit || (a.commit === b.commit && a.prepare < b.prepare);

/** $all as the server keeps it, with a live feed for the subscription. */
class FakeAll {
  readonly subscribedFrom: unknown[] = [];
  unsubscribed = 0;
  private readonly live: AllStreamResolvedEvent[] = [];
  private waiting: ((r: IteratorResult<AllStreamResolvedEvent>) => void) | undefined;
  private ended = false;

  constructor(private readonly log: AllStreamResolvedEvent[]) {}

  readPage = async (cursor: Position | undefined, wanted: number) => {
    const from = this.log.filter((e) => !cursor || !before(e.event!.position!, cursor));
    const pageSize = pageSizeFor(cursor, wanted);
    return toPage(from.slice(0, pageSize), cursor, pageSize);
  };

  /** what a live subscription would deliver next */
  push(...events: AllStreamResolvedEvent[]): void {
    for (const e of events) {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve({ done: false, value: e });
      } else this.live.push(e);
    }
  }

  get client(): EventStoreDBClient {
    const fake = {
      subscribeToAll: (options: { fromPosition: unknown }) => {
        this.subscribedFrom.push(options.fromPosition);
        return {
          [Symbol.asyncIterator]: () => ({
            next: () =>
              new Promise<IteratorResult<AllStreamResolvedEvent>>((resolve) => {
                const next = this.live.shift();
                if (next) resolve({ done: false, value: next });
                else if (this.ended) resolve({ done: true, value: undefined });
                else this.waiting = resolve;
              }),
          }),
          unsubscribe: async () => {
            this.unsubscribed++;
            this.ended = true;
          },
        };
      },
    };
    return fake as unknown as EventStoreDBClient;
  }
}

function subscribe(all: FakeAll, after: number, batchSize: number): EsdbCatchUpSubscription {
  return new EsdbCatchUpSubscription(all.client, all.readPage, after, batchSize, () => undefined);
}

const positions = (batch: readonly RecordedEvent[]) => batch.map((e) => e.position);

describe('EsdbCatchUpSubscription', () => {
  it('delivers the stored events after the position in batches, leaving out the server\'s own events', async () => {
    const all = new FakeAll([
      logged(100, 'city-a', 'CityDesignated'),
      logged(200, '$settings', 'Settings'),
      logged(300, 'city-a', 'ReportSubmitted', 1),
      logged(400, 'city-b', '$metadata'),
      logged(500, 'city-b', 'CityDesignated'),
      logged(600, 'city-c', 'CityDesignated'),
      logged(700, 'city-d', 'CityDesignated'),
    ]);
    const subscription = subscribe(all, 100, 2);
    const iterator = subscription[Symbol.asyncIterator]();

    const batches: number[][] = [];
    while (batches.flat().length < 4) {
      const next = await iterator.next();
      if (next.done) throw new Error('ended early');
      expect(next.value.length).toBeLessThanOrEqual(2);
      batches.push(positions(next.value));
    }
    await subscription.close();

    expect(batches.flat()).toEqual([300, 500, 600, 700]);
  });

  it('goes live from the last position read, skipping what the live feed repeats at the seam', async () => {
    const all = new FakeAll([logged(100, 'city-a', 'CityDesignated'), logged(200, '$epoch', '$epoch-information')]);
    const subscription = subscribe(all, 0, 10);
    const iterator = subscription[Symbol.asyncIterator]();

    expect(positions((await iterator.next()).value as RecordedEvent[])).toEqual([100]);
    const waiting = iterator.next();
    all.push(logged(200, '$epoch', '$epoch-information'), logged(100, 'city-a', 'CityDesignated'), logged(900, 'city-a', 'ReportSubmitted', 1));
    const live = await waiting;
    await subscription.close();

    expect(all.subscribedFrom).toEqual([{ commit: 200n, prepare: 200n }]);
    expect(positions(live.value as RecordedEvent[])).toEqual([900]);
  });

  it('delivers live events that have piled up as one batch, bounded by the batch size, not one batch each', async () => {
    const all = new FakeAll([logged(100, 'city-a', 'CityDesignated')]);
    const subscription = subscribe(all, 100, 3);
    const iterator = subscription[Symbol.asyncIterator]();
    const waiting = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // the first live event wakes the consumer; four more are already buffered behind it
    all.push(...[200, 300, 400, 500, 600].map((commit, i) => logged(commit, 'city-a', 'ReportSubmitted', i + 1)));

    const batches = [positions((await waiting).value as RecordedEvent[]), positions((await iterator.next()).value as RecordedEvent[])];
    await subscription.close();

    expect(batches).toEqual([
      [200, 300, 400],
      [500, 600],
    ]);
  });

  it('ends a consumer waiting on the live feed when closed, and unsubscribes', async () => {
    const all = new FakeAll([logged(100, 'city-a', 'CityDesignated')]);
    const subscription = subscribe(all, 100, 10);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));

    await subscription.close();

    expect(await pending).toEqual({ done: true, value: undefined });
    expect(all.unsubscribed).toBe(1);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('turns what the server returned into a page: strictly after the cursor, the end when short', () => {
    const read = [logged(100, 'city-a', 'CityDesignated'), logged(200, 'city-a', 'ReportSubmitted', 1), logged(300, '$stats-x', 'stats')];
    const cursor = { commit: 100n, prepare: 100n };

    const full = toPage(read, cursor, 3);
    const short = toPage(read, cursor, 4);

    expect(positions(full.events)).toEqual([200]);
    expect(full.cursor).toEqual({ commit: 300n, prepare: 300n });
    expect(full.end).toBe(false);
    expect(short.end).toBe(true);
    expect(full.events[0]).toMatchObject({ streamId: 'city-a', revision: 1, type: 'ReportSubmitted', data: { at: 200 }, metadata: {} });
  });
});

describe('paging through $all', () => {
  const cursor = { commit: 100n, prepare: 100n };

  it('asks one more than it wants from a cursor (the read repeats the event at the cursor), exactly what it wants from the start', () => {
    expect(pageSizeFor(cursor, 1_000)).toBe(1_001);
    expect(pageSizeFor(cursor, 1)).toBe(2);
    expect(pageSizeFor(undefined, 1_000)).toBe(1_000);
    expect(pageSizeFor(undefined, 1)).toBe(1);
  });

  /** The store on a fake client whose forwards reads of $all come from `log`, counted. */
  function storeOver(log: AllStreamResolvedEvent[]) {
    const reads: { from: unknown; maxCount: number }[] = [];
    const client = {
      readAll: ({ fromPosition, maxCount }: { fromPosition: Position | 'start'; maxCount: bigint | number }) => {
        reads.push({ from: fromPosition, maxCount: Number(maxCount) });
        const from = log.filter((e) => fromPosition === 'start' || !before(e.event!.position!, fromPosition));
        const page = from.slice(0, Number(maxCount));
        return {
          cancel: async () => undefined,
          async *[Symbol.asyncIterator]() {
            yield* page;
          },
        };
      },
    };
    // the constructor is private: connect() makes the real client, which a unit test cannot reach
    const Store = EsdbEventStore as unknown as new (client: unknown, options: object) => EsdbEventStore;
    return { store: new Store(client, {}), reads };
  }

  const logOf = (n: number) => Array.from({ length: n }, (_, i) => logged((i + 1) * 10, `city-${i}`, 'CityDesignated'));

  it('reads a page of 1,000 after a position in one round trip to the server', async () => {
    const { store, reads } = storeOver(logOf(3_000));

    const page = await store.readAll({ after: 10_000, maxCount: 1_000 });

    expect(positions(page)).toEqual(Array.from({ length: 1_000 }, (_, i) => 10_010 + i * 10));
    expect(reads).toEqual([{ from: { commit: 10_000n, prepare: 10_000n }, maxCount: 1_001 }]);
  });

  it('reads the first page of the log in one round trip too, and the whole log in pages of 1,000', async () => {
    const first = storeOver(logOf(2_500));
    expect(await first.store.readAll({ maxCount: 1_000 })).toHaveLength(1_000);
    expect(first.reads).toHaveLength(1);

    const whole = storeOver(logOf(2_500));
    expect(await whole.store.readAll()).toHaveLength(2_500);
    expect(whole.reads.map((r) => r.maxCount)).toEqual([1_000, 1_001, 1_001]);
  });
});

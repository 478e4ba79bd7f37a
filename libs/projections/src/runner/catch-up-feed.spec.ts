import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type EventStore, type ReadAllOptions, type RecordedEvent, type Subscription } from '@uccn/event-store';
import { CatchUpFeed } from './catch-up-feed.js';

/** The real embedded log, with every page read from it written down. */
async function countedLog(): Promise<{ log: EventStore; reads: ReadAllOptions[]; close: () => Promise<void> }> {
  const store = await SqliteEventStore.open({ file: ':memory:', pollIntervalMs: 20 });
  const reads: ReadAllOptions[] = [];
  const log = Object.create(store) as EventStore;
  log.readAll = (options = {}) => {
    reads.push(options);
    return store.readAll(options);
  };
  return { log, reads, close: () => store.close() };
}

async function appendItems(log: EventStore, count: number): Promise<number> {
  let position = 0;
  for (let i = 0; i < count; i++) {
    ({ position } = await log.append(`item-${i}`, [{ id: randomUUID(), type: 'ItemAdded', data: { i }, metadata: {} }], 'any'));
  }
  return position;
}

/** Takes batches until one ends at `position`; answers the positions seen, in order. */
async function takeUntil(subscription: Subscription, position: number): Promise<number[]> {
  const seen: number[] = [];
  for await (const batch of subscription) {
    seen.push(...batch.map((event: RecordedEvent) => event.position));
    if (seen.at(-1)! >= position) break;
  }
  return seen;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('CatchUpFeed', () => {
  let opened: Awaited<ReturnType<typeof countedLog>>;
  beforeEach(async () => (opened = await countedLog()));
  afterEach(() => opened.close());

  it('reads each page of the log once for every generation catching up from the same position', async () => {
    const head = await appendItems(opened.log, 95);
    const feed = new CatchUpFeed(opened.log);

    const seen = await Promise.all([1, 2, 3].map(() => takeUntil(feed.subscribe(0, 10), head)));

    for (const positions of seen) expect(positions).toEqual(range(1, 95));
    expect(opened.reads.map((read) => read.after)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('reads each page once when one generation applies its batches more slowly than the others', async () => {
    const head = await appendItems(opened.log, 100);
    // room for three pages: the fast readers would otherwise run more than three pages ahead
    const feed = new CatchUpFeed(opened.log, { maxCachedEvents: 30 });
    const slow = async (): Promise<number[]> => {
      const seen: number[] = [];
      for await (const batch of feed.subscribe(0, 10)) {
        seen.push(...batch.map((event: RecordedEvent) => event.position));
        if (seen.at(-1)! >= head) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return seen;
    };

    const seen = await Promise.all([slow(), takeUntil(feed.subscribe(0, 10), head), takeUntil(feed.subscribe(0, 10), head)]);

    for (const positions of seen) expect(positions).toEqual(range(1, 100));
    expect(opened.reads.map((read) => read.after)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('does not hold a generation back behind one that stopped taking batches', async () => {
    const head = await appendItems(opened.log, 95);
    const feed = new CatchUpFeed(opened.log, { maxCachedEvents: 30, stalledAfterMs: 20 });
    const stalled = feed.subscribe(0, 10)[Symbol.asyncIterator]();
    await stalled.next();

    expect(await takeUntil(feed.subscribe(0, 10), head)).toEqual(range(1, 95));
    await stalled.return?.();
  });

  it('gives a generation resuming from its own checkpoint every event after it, in order', async () => {
    const head = await appendItems(opened.log, 40);
    const feed = new CatchUpFeed(opened.log);

    const [fromStart, fromCheckpoint] = await Promise.all([takeUntil(feed.subscribe(0, 10), head), takeUntil(feed.subscribe(23, 10), head)]);

    expect(fromStart).toEqual(range(1, 40));
    expect(fromCheckpoint).toEqual(range(24, 40));
  });

  it('goes live at the head: events appended afterwards reach each generation', async () => {
    await appendItems(opened.log, 12);
    const feed = new CatchUpFeed(opened.log);
    const subscriptions = [feed.subscribe(0, 10), feed.subscribe(0, 10)];
    const taking = subscriptions.map((subscription) => takeUntil(subscription, 20));

    const head = await appendItems(opened.log, 8);

    for (const positions of await Promise.all(taking)) expect(positions).toEqual(range(1, head));
  });

  it('ends a subscription closed while it waits at the head', async () => {
    await appendItems(opened.log, 3);
    const subscription = new CatchUpFeed(opened.log).subscribe(0, 10);
    const batches = subscription[Symbol.asyncIterator]();
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect(first.value.map((event: RecordedEvent) => event.position)).toEqual([1, 2, 3]);
    const waiting = batches.next();

    await subscription.close();

    await expect(waiting).resolves.toMatchObject({ done: true });
  });
});

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteEventStore } from '@uccn/event-store';
import { checkpointsOf, type Document, ReadStoreUnavailable, SqliteReadStore } from '@uccn/read-store';
import {
  physicalCollection,
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionDefinition,
  readCatalogEntry,
  readProjectionStatuses,
  ReadModels,
} from '@uccn/projections';
import { documentsOf, projectEvents } from '../support/project-events.js';

/**
 * The runner against the real embedded stores. The projections here are deliberately tiny: what
 * is under test is the runner (checkpoints, units of work, failures, generations), not a reducer.
 */

interface Totals extends Document {
  readonly count: number;
  /** every position the projection applied, in order: a duplicate or a gap shows at once */
  readonly positions: number[];
  readonly version: number;
}

/** Counts `ItemAdded` events and keeps one document per item. */
function tally(name = 'tally', version = 1): ProjectionDefinition {
  return {
    name,
    version,
    collections: { items: { indexes: [] }, totals: { indexes: [] } },
    handles: ['ItemAdded'],
    touches: (event) => [
      { collection: 'totals', id: 'all' },
      { collection: 'items', id: String(event.data['itemId']) },
    ],
    apply: (event, docs) => {
      const totals = docs.get('totals', 'all') as Totals | undefined;
      const itemId = String(event.data['itemId']);
      return [
        { collection: 'items', id: itemId, doc: { id: itemId, label: event.data['label'] ?? null, version } },
        { collection: 'totals', id: 'all', doc: { id: 'all', count: (totals?.count ?? 0) + 1, positions: [...(totals?.positions ?? []), event.position], version } },
      ];
    },
  };
}

/** Like `tally`, but its reducer refuses an item marked as poison. */
function fragile(): ProjectionDefinition {
  const inner = tally('fragile');
  return {
    ...inner,
    apply: (event, docs) => {
      if (event.data['poison'] === true) throw new Error(`item ${String(event.data['itemId'])} is poison`);
      return inner.apply(event, docs);
    },
  };
}

interface Stores {
  readonly dir: string;
  events: SqliteEventStore;
  store: SqliteReadStore;
}

async function openStores(dir: string): Promise<Stores> {
  return {
    dir,
    events: await SqliteEventStore.open({ file: path.join(dir, 'events.db'), pollIntervalMs: 20 }),
    store: await SqliteReadStore.open({ file: path.join(dir, 'read.db') }),
  };
}

let stores: Stores;
const runners: ProjectionRunner[] = [];
let nextItem = 1;

beforeEach(async () => {
  stores = await openStores(fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-')));
  nextItem = 1;
});

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
  await stores.events.close();
  await stores.store.close();
  fs.rmSync(stores.dir, { recursive: true, force: true });
});

function runnerOf(definitions: readonly ProjectionDefinition[], options: ProjectionRunnerOptions = {}): ProjectionRunner {
  const runner = new ProjectionRunner(definitions, stores.events, stores.store, { batchSize: 7, retireAfterMs: 50, ...options });
  runners.push(runner);
  return runner;
}

async function stopRunner(runner: ProjectionRunner): Promise<void> {
  await runner.stop();
  runners.splice(runners.indexOf(runner), 1);
}

/** Appends one `ItemAdded` (a new item unless `itemId` is given); answers its position and id. */
async function addItem(data: { itemId?: string; label?: string; poison?: boolean } = {}): Promise<{ position: number; id: string; itemId: string }> {
  const itemId = data.itemId ?? `item-${String(nextItem++).padStart(5, '0')}`;
  const id = randomUUID();
  const { position } = await stores.events.append(`item-${itemId}`, [{ id, type: 'ItemAdded', data: { ...data, itemId }, metadata: {} }], 'any');
  return { position, id, itemId };
}

async function addItems(count: number): Promise<number> {
  let position = 0;
  for (let i = 0; i < count; i++) position = (await addItem()).position;
  return position;
}

/** Polls until `probe` answers something other than null/false; fails with `what` otherwise. */
async function eventually<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

async function servingTotals(projection = 'tally'): Promise<{ generation: number; totals: Totals | null }> {
  const totals = await new ReadModels(stores.store).collection(projection, 'totals');
  return { generation: totals.generation, totals: (await totals.get('all')) as Totals | null };
}

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function statusOf(name: string, definitions: readonly ProjectionDefinition[]) {
  const statuses = await readProjectionStatuses(definitions, stores.events, stores.store);
  return statuses.find((s) => s.name === name)!;
}

describe('ProjectionRunner on the embedded stores', () => {
  it('catches up from position 0, then follows the log live, stamping each document with the event that last changed it', async () => {
    const first = await addItem({ itemId: 'lisbon', label: 'first' });
    await addItems(10);
    const runner = runnerOf([tally()]);
    await runner.start();
    await runner.waitForPosition(11);

    const again = await addItem({ itemId: 'lisbon', label: 'second' });
    const last = await addItem({ itemId: 'porto' });
    await runner.waitForPosition(last.position);

    const items = await new ReadModels(stores.store).collection('tally', 'items');
    expect(await items.count()).toBe(12);
    expect(await items.get('lisbon')).toMatchObject({ label: 'second', lastEventId: again.id, lastPosition: again.position });
    expect(again.position).toBeGreaterThan(first.position);
    expect(await items.get('porto')).toMatchObject({ lastEventId: last.id, lastPosition: last.position });
    const { totals } = await servingTotals();
    expect(totals).toMatchObject({ count: 13, positions: oneTo(13), lastEventId: last.id, lastPosition: last.position });
    expect((await statusOf('tally', [tally()])).state).toBe('live');
  });

  it('applies every position exactly once when the commit that carries a checkpoint fails once', async () => {
    // The store refuses the first unit of work that carries a checkpoint, as a disk that went away
    // for a moment would. Documents and checkpoint are one commit, so the batch is applied again
    // from the checkpoint and counted once; were they two commits, the documents would stay and
    // the retried batch would count its positions twice.
    let refused = 0;
    const failingOnce = new Proxy(stores.store, {
      get(target, property) {
        if (property === 'commit') {
          return async (unit: Parameters<SqliteReadStore['commit']>[0]) => {
            if (checkpointsOf(unit).length > 0 && refused === 0) {
              refused += 1;
              throw new ReadStoreUnavailable('the read store went away for a moment');
            }
            return target.commit(unit);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const head = await addItems(20);
    const runner = new ProjectionRunner([tally()], stores.events, failingOnce, { batchSize: 7, retireAfterMs: 50, log: () => undefined });
    runners.push(runner);
    await runner.start();
    await runner.waitForPosition(head);

    expect(refused).toBe(1);
    const { totals } = await servingTotals();
    expect(totals).toMatchObject({ count: 20, positions: oneTo(20) });
    expect(await stores.store.getCheckpoint('tally@v1')).toBe(20);
  });

  it('resumes from its checkpoint after every stop, applying no event twice and skipping none', async () => {
    let written = 0;
    for (let cycle = 0; cycle < 5; cycle++) {
      const runner = runnerOf([tally()]);
      await runner.start();
      // appends race with the batches; the stop lands wherever the runner happens to be
      const appending = addItems(23);
      await sleep(cycle * 3);
      await stopRunner(runner);
      await appending;
      written += 23;
    }
    const runner = runnerOf([tally()]);
    await runner.start();
    await runner.waitForPosition(written);
    const { totals } = await servingTotals();
    expect(totals?.count).toBe(written);
    expect(totals?.positions).toEqual(oneTo(written));
    expect(await stores.store.getCheckpoint('tally@v1')).toBe(written);
  });

  it('stops a projection at the event its reducer throws on, never skipping it, while the others go on', async () => {
    const definitions = [tally(), fragile()];
    await addItems(3);
    const poison = await addItem({ itemId: 'bad', poison: true });
    await addItems(2);
    const runner = runnerOf(definitions, { batchSize: 100 });
    await runner.start();
    await runner.waitForPosition(6);
    const later = await addItem();
    await runner.waitForPosition(later.position);

    const expectStoppedAtPoison = async () => {
      const status = await statusOf('fragile', definitions);
      expect(status).toMatchObject({ state: 'failed', position: poison.position - 1 });
      expect(status.lastError).toMatchObject({ position: poison.position, eventId: poison.id, eventType: 'ItemAdded' });
      expect(status.lastError?.message).toContain('item bad is poison');
      // what came before the poisoned event is committed, nothing after it is applied
      expect((await servingTotals('fragile')).totals).toMatchObject({ count: 3, positions: [1, 2, 3] });
      expect(await (await new ReadModels(stores.store).collection('fragile', 'items')).count()).toBe(3);
      expect(await stores.store.getCheckpoint('fragile@v1')).toBe(poison.position - 1);
    };
    await expectStoppedAtPoison();
    expect((await servingTotals('tally')).totals).toMatchObject({ count: 7, positions: oneTo(7) });
    expect((await statusOf('tally', definitions)).state).toBe('live');

    await stopRunner(runner);
    const restarted = runnerOf(definitions, { batchSize: 2 });
    await restarted.start();
    const after = await addItem();
    await restarted.waitForPosition(after.position);
    await eventually('fragile has failed again', async () => (await statusOf('fragile', definitions)).state === 'failed');
    await expectStoppedAtPoison();
    expect((await servingTotals('tally')).totals).toMatchObject({ count: 8, positions: oneTo(8) });
  });

  it('rebuilds beside the serving generation under load: readers never see a partial generation, and the result equals a fold from scratch', async () => {
    const definition = tally();
    await addItems(150);
    const runner = runnerOf([definition], { batchSize: 5, retireAfterMs: 100 });
    await runner.start();
    await runner.waitForPosition(150);

    let reading = true;
    const seen: { generation: number; count: number }[] = [];
    const reader = (async () => {
      const models = new ReadModels(stores.store);
      let lastCount = 0;
      let lastGeneration = 1;
      while (reading) {
        const totals = await models.collection('tally', 'totals');
        const items = await models.collection('tally', 'items');
        const doc = (await totals.get('all')) as Totals | null;
        const count = doc?.count ?? 0;
        // the serving generation never goes back, its totals never shrink, and they are whole
        expect(totals.generation).toBeGreaterThanOrEqual(lastGeneration);
        expect(count).toBeGreaterThanOrEqual(lastCount);
        expect(doc?.positions).toEqual(oneTo(count));
        // items only grow: read after the totals, the same generation holds at least as many
        if (items.generation === totals.generation) expect(await items.count()).toBeGreaterThanOrEqual(count);
        lastCount = count;
        lastGeneration = totals.generation;
        seen.push({ generation: totals.generation, count });
        await sleep(0);
      }
    })();
    const writer = addItems(150);

    const { generation } = await runner.rebuild('tally');
    expect(generation).toBe(2);
    expect((await servingTotals()).generation).toBe(1);
    expect((await statusOf('tally', [definition])).rebuild).toMatchObject({ version: 2 });

    await writer;
    await eventually('generation 2 serves', async () => (await readCatalogEntry(stores.store, 'tally'))?.activeGeneration === 2);
    await runner.waitForPosition(300);
    reading = false;
    await reader;

    expect(seen.some((s) => s.generation === 1)).toBe(true);
    expect(seen.some((s) => s.generation === 2)).toBe(true);
    const fromScratch = await projectEvents(definition, await stores.events.readAll());
    for (const collection of ['items', 'totals']) {
      expect(await stores.store.find(physicalCollection('tally', collection, 2), { limit: 10_000 })).toEqual(documentsOf(fromScratch, collection));
    }
    await eventually('generation 1 is dropped', async () => {
      const collections = await stores.store.listCollections();
      return !collections.includes('tally_items_v1') && !collections.includes('tally_totals_v1');
    });
    expect(await stores.store.getCheckpoint('tally@v1')).toBeNull();
    expect(await readCatalogEntry(stores.store, 'tally')).toMatchObject({ activeGeneration: 2, building: null, retired: [] });
    expect(await statusOf('tally', [definition])).toMatchObject({ version: 2, position: 300, rebuild: null });
  });

  it('switches a rebuild of an empty log as soon as it starts, and the new generation then follows the log', async () => {
    const runner = runnerOf([tally()]);
    await runner.start();
    await runner.rebuild('tally');
    await eventually('generation 2 serves', async () => (await readCatalogEntry(stores.store, 'tally'))?.activeGeneration === 2, 3000);
    const { position } = await addItem();
    await runner.waitForPosition(position);
    expect(await servingTotals()).toMatchObject({ generation: 2, totals: { count: 1 } });
  });

  it('rebuilds a definition whose version changed beside the old generation, which serves as it stands until the switch', async () => {
    await addItems(60);
    const v1 = runnerOf([tally('tally', 1)]);
    await v1.start();
    await v1.waitForPosition(60);
    await stopRunner(v1);

    const v2 = runnerOf([tally('tally', 2)], { batchSize: 3 });
    await v2.start();
    expect((await readCatalogEntry(stores.store, 'tally'))?.building).toMatchObject({ generation: 2, codeVersion: 2 });
    const appending = addItems(20);
    // a generation is made by one version of the code: the old one is never extended by the new
    await eventually('generation 2 serves', async () => {
      const { generation, totals } = await servingTotals();
      if (generation === 1) expect(totals?.version).toBe(1);
      return generation === 2;
    });
    await appending;
    await v2.waitForPosition(80);
    expect(await servingTotals()).toMatchObject({ generation: 2, totals: { count: 80, positions: oneTo(80), version: 2 } });
    expect(await statusOf('tally', [tally('tally', 2)])).toMatchObject({ version: 2, codeVersion: 2, position: 80 });

    // a restart with the same version rebuilds nothing more
    await stopRunner(v2);
    const again = runnerOf([tally('tally', 2)]);
    await again.start();
    expect(await readCatalogEntry(stores.store, 'tally')).toMatchObject({ activeGeneration: 2, building: null });
  });

  it('waitForPosition resolves once the serving generations have applied the log that far, across a switch too', async () => {
    const runner = runnerOf([tally(), tally('second')]);
    await addItems(40);
    await runner.start();
    await runner.waitForPosition(40);
    expect((await servingTotals('tally')).totals?.count).toBe(40);
    expect((await servingTotals('second')).totals?.count).toBe(40);

    await runner.rebuild('second');
    const { position } = await addItem();
    await runner.waitForPosition(position);
    expect((await servingTotals('tally')).totals?.count).toBe(41);
    expect((await servingTotals('second')).totals?.count).toBe(41);
  });

  it('commits a batch whose stop was asked for while it was being applied, whole, with its checkpoint', async () => {
    await addItems(30);
    let stopping: Promise<void> | null = null;
    let runner: ProjectionRunner | null = null;
    const base = tally();
    // the stop is asked for from inside the batch, between two events of it
    const interrupted: ProjectionDefinition = {
      ...base,
      touches: (event) => {
        if (event.position === 12) stopping ??= runner!.stop();
        return base.touches(event);
      },
    };
    runner = runnerOf([interrupted], { batchSize: 10 });
    await runner.start();
    await eventually('the stop was asked for', async () => stopping !== null);
    await stopping;

    const checkpoint = await stores.store.getCheckpoint('tally@v1');
    const { totals } = await servingTotals();
    // documents and checkpoint agree: the batch went in whole or not at all
    expect(checkpoint).toBe(totals?.count ?? 0);
    expect(totals?.positions ?? []).toEqual(oneTo(checkpoint ?? 0));
    expect([10, 20]).toContain(checkpoint);

    await stopRunner(runner);
    const again = runnerOf([tally()]);
    await again.start();
    await again.waitForPosition(30);
    expect((await servingTotals()).totals).toMatchObject({ count: 30, positions: oneTo(30) });
  });

  describe('one read-store transaction for the batches of all the projections', () => {
    /** the read store, with every unit of work committed to it written down */
    function countingStore(): { store: SqliteReadStore; units: Parameters<SqliteReadStore['commit']>[0][] } {
      const units: Parameters<SqliteReadStore['commit']>[0][] = [];
      const store = new Proxy(stores.store, {
        get(target, property) {
          if (property === 'commit') {
            return async (unit: Parameters<SqliteReadStore['commit']>[0]) => {
              units.push(unit);
              return target.commit(unit);
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return { store, units };
    }
    /** a projection of events that never come: every batch changes nothing for it */
    const idleProjection = (): ProjectionDefinition => ({ ...tally('quiet'), handles: ['NeverAppended'] });

    it('commits every live projection’s documents and checkpoint of one append in one unit, and each applies it once', async () => {
      const head = await addItems(5);
      const counted = countingStore();
      const runner = new ProjectionRunner([tally('one'), tally('two'), idleProjection()], stores.events, counted.store, { batchSize: 7, log: () => undefined });
      runners.push(runner);
      await runner.start();
      await runner.waitForPosition(head);

      counted.units.length = 0;
      const added = await addItem({ itemId: 'shared' });
      await runner.waitForPosition(added.position);

      expect(counted.units).toHaveLength(1);
      const [unit] = counted.units;
      expect(checkpointsOf(unit!).map(({ name, position }) => `${name} ${position}`).sort()).toEqual(
        [`one@v1 ${added.position}`, `quiet@v1 ${added.position}`, `two@v1 ${added.position}`],
      );
      for (const name of ['one', 'two']) {
        expect((await servingTotals(name)).totals).toMatchObject({ count: 6, positions: oneTo(6) });
        expect(await stores.store.getCheckpoint(`${name}@v1`)).toBe(added.position);
      }
      expect(await stores.store.getCheckpoint('quiet@v1')).toBe(added.position);
    });

    it('commits nothing for an event no projection reads; the checkpoints follow once settled, and a restart applies nothing twice', async () => {
      const head = await addItems(3);
      const counted = countingStore();
      const runner = new ProjectionRunner([tally('one'), idleProjection()], stores.events, counted.store, { batchSize: 7, log: () => undefined });
      runners.push(runner);
      await runner.start();
      await runner.waitForPosition(head);

      counted.units.length = 0;
      const { position } = await stores.events.append('noise', [{ id: randomUUID(), type: 'Noise', data: {}, metadata: {} }], 'any');
      await sleep(100);
      expect(counted.units).toEqual([]);
      expect(await stores.store.getCheckpoint('one@v1')).toBe(head);

      await runner.waitForPosition(position);
      expect(counted.units).toEqual([{ changes: [], checkpoints: expect.arrayContaining([{ name: 'one@v1', position }, { name: 'quiet@v1', position }]) }]);
      expect(await stores.store.getCheckpoint('one@v1')).toBe(position);

      // a restart from a checkpoint left behind the noise applies it again, changing nothing
      await stopRunner(runner);
      await stores.store.commit({ changes: [], checkpoint: { name: 'one@v1', position: head } });
      const again = runnerOf([tally('one')]);
      await again.start();
      const later = await addItem();
      await again.waitForPosition(later.position);
      expect((await servingTotals('one')).totals).toMatchObject({ count: 4, positions: [1, 2, 3, later.position] });
    });

    it('one projection’s batch that cannot be stored does not hold the others back', async () => {
      const unstorable: ProjectionDefinition = {
        ...tally('unstorable'),
        // a BigInt has no JSON: the document cannot be written, inside the transaction
        apply: (event) => [{ collection: 'items', id: String(event.data['itemId']), doc: { id: String(event.data['itemId']), size: BigInt(1) } }],
      };
      const runner = runnerOf([tally('one'), unstorable], { log: () => undefined });
      await runner.start();
      const head = await addItems(4);
      await eventually('the sound projection applied the log', async () => ((await servingTotals('one')).totals?.count ?? 0) >= 4);
      expect((await servingTotals('one')).totals).toMatchObject({ count: 4, positions: oneTo(head) });
      expect(await stores.store.getCheckpoint('one@v1')).toBe(head);
      expect(await stores.store.getCheckpoint('unstorable@v1')).toBeNull();
    });
  });

  it('stops cleanly right after it started, with nothing to read', async () => {
    const runner = runnerOf([tally(), fragile()]);
    await runner.start();
    await stopRunner(runner);
    expect(await stores.store.getCheckpoint('tally@v1')).toBeNull();
  }, 5000);
});

import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@uccn/event-store';
import type { ReadStore } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { CatchUpFeed } from './catch-up-feed.js';
import { GenerationWorker } from './generation-worker.js';
import { SharedCommit } from './shared-commit.js';
import { CATALOG_COLLECTION, checkpointName, nextGeneration, physicalCollection, readCatalogEntry, type CatalogEntry } from './projection-catalog.js';

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  /** how long a retired generation stays readable after a switch, for requests already under way */
  readonly retireAfterMs?: number;
  /** poll the catalogue for rebuilds requested by another process (split deployment) */
  readonly watchRequestsEveryMs?: number;
  readonly log?: (message: string) => void;
}

interface Slot {
  active: GenerationWorker;
  building: GenerationWorker | null;
  /** the serving generation was stopped for the switch and stands still until it happens */
  activeFrozen: boolean;
}

export class UnknownProjection extends Error {
  override readonly name = 'UnknownProjection';
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
  }
}

/**
 * Runs every projection from its checkpoint. A rebuild builds a new generation from position 0
 * while the serving generation goes on serving; once the new one has reached the head of the log
 * the catalogue flips to it in one write, and the old generation is dropped a little later.
 * A definition whose `version` changed is rebuilt that way automatically at start.
 */
export class ProjectionRunner {
  private readonly slots = new Map<string, Slot>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** catalogue updates per projection, one after the other: each reads, changes and writes the entry */
  private readonly catalogUpdates = new Map<string, Promise<unknown>>();
  private watcher: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly batchSize: number;
  private readonly feed: CatchUpFeed;
  private readonly commits: SharedCommit;
  private readonly log: (message: string) => void;

  constructor(
    private readonly definitions: readonly ProjectionDefinition[],
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.feed = new CatchUpFeed(events);
    this.commits = new SharedCommit(store);
    this.log = options.log ?? (() => {});
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.store.ensureCollection(CATALOG_COLLECTION);
    // a start that failed half-way (a store went away) is simply called again: the projections
    // that did start keep their workers
    for (const definition of this.definitions) {
      if (!this.slots.has(definition.name)) await this.startProjection(definition);
    }
    if (this.options.watchRequestsEveryMs && !this.watcher) {
      this.watcher = setInterval(() => void this.pickUpRequests().catch((e) => this.log(String(e))), this.options.watchRequestsEveryMs);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.slots.values()].flatMap((slot) => [slot.active.stop(), slot.building?.stop()]));
    await Promise.all([...this.catalogUpdates.values()].map((update) => update.catch(() => {})));
    await this.commits.close();
    this.slots.clear();
  }

  /**
   * Resolves when every serving generation has applied the log up to `position` (a generation
   * halted on a reducer failure counts as done). Asked again after each poll, because a switch
   * may hand the serving role to another generation meanwhile.
   */
  async waitForPosition(position: number): Promise<void> {
    for (const name of [...this.slots.keys()]) {
      for (;;) {
        const slot = this.slots.get(name);
        if (this.stopping || !slot || slot.active.halted || slot.active.position >= position) break;
        await sleep(5);
      }
    }
    // the checkpoints of batches that changed nothing, stored too: a settled runner reports its position
    if (!this.stopping) await this.commits.writeIdle().catch(() => {});
  }

  /** Starts building a new generation of `name` from position 0; answers its number. */
  async rebuild(name: string): Promise<{ generation: number }> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new UnknownProjection(name);
    let generation = 0;
    await this.updateCatalog(name, (entry) => {
      const slot = this.slots.get(name);
      if (!entry || !slot) throw new Error(`projection ${name} is not running: start the runner first`);
      // decided inside the catalogue update, so two requests at once start one rebuild, not two
      if (slot.building) {
        generation = slot.building.generation;
        return entry;
      }
      generation = nextGeneration(entry);
      this.startBuilding(definition, generation);
      return { ...entry, building: { generation, codeVersion: definition.version, requestedAt: new Date().toISOString() }, rebuildRequestedAt: null };
    });
    return { generation };
  }

  private async startProjection(definition: ProjectionDefinition): Promise<void> {
    const entry = await this.updateCatalog(
      definition.name,
      (found) => found ?? { id: definition.name, activeGeneration: 1, activeCodeVersion: definition.version, building: null, retired: [], rebuildRequestedAt: null },
    );
    const active = this.worker(definition, entry.activeGeneration);
    this.slots.set(definition.name, { active, building: null, activeFrozen: false });
    // Documents made by another version of the code must not be extended by this one: such a
    // generation serves as it stands until its rebuild has caught up.
    const madeByThisCode = entry.activeCodeVersion === definition.version;
    if (madeByThisCode) active.start();
    for (const generation of entry.retired) await this.dropGeneration(definition, generation);
    if (entry.retired.length > 0) await this.updateCatalog(definition.name, (e) => ({ ...e!, retired: [] }));

    if (entry.building?.codeVersion === definition.version) {
      this.startBuilding(definition, entry.building.generation);
      return;
    }
    if (entry.building) {
      // a rebuild begun by other code: its documents are of no use to this version
      await this.dropGeneration(definition, entry.building.generation);
      await this.updateCatalog(definition.name, (e) => ({ ...e!, building: null }));
    }
    if (!madeByThisCode || entry.rebuildRequestedAt) await this.rebuild(definition.name);
  }

  private startBuilding(definition: ProjectionDefinition, generation: number): void {
    const slot = this.slots.get(definition.name)!;
    slot.building = this.worker(definition, generation, (worker) => this.switchWhenCaughtUp(definition, worker));
    slot.building.start();
  }

  private worker(definition: ProjectionDefinition, generation: number, afterBatch?: (w: GenerationWorker) => Promise<void>) {
    return new GenerationWorker(definition, generation, { events: this.events, store: this.store, batchSize: this.batchSize, log: this.log, feed: this.feed, commits: this.commits }, afterBatch);
  }

  /**
   * Hands the serving role to the building generation once it has reached the head. The serving
   * generation is stopped first and the switch waits until the new one is at least as far as the
   * old one stands, so a reader never sees the log go backwards across the switch.
   */
  private async switchWhenCaughtUp(definition: ProjectionDefinition, worker: GenerationWorker): Promise<void> {
    const slot = this.slots.get(definition.name);
    if (this.stopping || !slot || slot.building !== worker) return;
    if (!slot.activeFrozen) {
      // the worker judged the head itself (and built its indexes) when it went live
      if (worker.state !== 'live') return;
      slot.activeFrozen = true;
      await slot.active.stop();
    }
    // the old generation got further while it was stopping: the next batch tries again
    if (this.stopping || worker.position < slot.active.position) return;

    const retiring = slot.active;
    await this.updateCatalog(definition.name, (entry) => ({
      ...entry!,
      activeGeneration: worker.generation,
      activeCodeVersion: definition.version,
      building: null,
      retired: [...entry!.retired, retiring.generation],
    }));
    this.slots.set(definition.name, { active: worker, building: null, activeFrozen: false });
    this.log(`projection ${definition.name}: generation ${worker.generation} now serves (was ${retiring.generation})`);
    // on a stop the retired generation is dropped at the next start instead
    if (this.stopping) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.retire(definition, retiring.generation).catch((e) => this.log(String(e)));
    }, this.options.retireAfterMs ?? 10_000);
    timer.unref?.();
    this.timers.add(timer);
  }

  private async retire(definition: ProjectionDefinition, generation: number): Promise<void> {
    await this.dropGeneration(definition, generation);
    await this.updateCatalog(definition.name, (entry) => ({ ...entry!, retired: entry!.retired.filter((g) => g !== generation) }));
  }

  private async dropGeneration(definition: ProjectionDefinition, generation: number): Promise<void> {
    for (const collection of Object.keys(definition.collections)) {
      await this.store.dropCollection(physicalCollection(definition.name, collection, generation));
    }
    await this.store.deleteCheckpoint(checkpointName(definition.name, generation));
  }

  /** Rebuilds asked for through the catalogue by a process that does not run projections. */
  private async pickUpRequests(): Promise<void> {
    for (const definition of this.definitions) {
      const entry = await readCatalogEntry(this.store, definition.name);
      if (entry?.rebuildRequestedAt && !this.slots.get(definition.name)?.building) await this.rebuild(definition.name);
    }
  }

  private updateCatalog(name: string, change: (entry: CatalogEntry | null) => CatalogEntry): Promise<CatalogEntry> {
    const previous = this.catalogUpdates.get(name) ?? Promise.resolve();
    const next = previous
      .catch(() => {})
      .then(async () => {
        const updated = change(await readCatalogEntry(this.store, name));
        await this.store.upsert(CATALOG_COLLECTION, updated);
        return updated;
      });
    this.catalogUpdates.set(name, next);
    return next;
  }
}

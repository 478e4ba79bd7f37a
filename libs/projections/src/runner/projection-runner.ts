import type { EventStore } from '@uccn/event-store';
import type { ReadStore } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { GenerationWorker } from './generation-worker.js';
import { CATALOG_COLLECTION, checkpointName, physicalCollection, readCatalogEntry, type CatalogEntry } from './projection-catalog.js';

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
  private watcher: NodeJS.Timeout | null = null;
  private readonly batchSize: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly definitions: readonly ProjectionDefinition[],
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.log = options.log ?? (() => {});
  }

  async start(): Promise<void> {
    await this.store.ensureCollection(CATALOG_COLLECTION);
    for (const definition of this.definitions) await this.startProjection(definition);
    if (this.options.watchRequestsEveryMs) {
      this.watcher = setInterval(() => void this.pickUpRequests().catch((e) => this.log(String(e))), this.options.watchRequestsEveryMs);
    }
  }

  async stop(): Promise<void> {
    if (this.watcher) clearInterval(this.watcher);
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([...this.slots.values()].flatMap((slot) => [slot.active.stop(), slot.building?.stop()]));
    this.slots.clear();
  }

  /** Resolves when every serving generation has applied the log up to `position`. */
  async waitForPosition(position: number): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => slot.active.waitFor(position)));
  }

  /** Starts building a new generation of `name` from position 0; answers its number. */
  async rebuild(name: string): Promise<{ generation: number }> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new UnknownProjection(name);
    const slot = this.slots.get(name);
    if (slot?.building) return { generation: slot.building.generation };
    const entry = (await readCatalogEntry(this.store, name))!;
    const generation = Math.max(entry.activeGeneration, ...entry.retired, entry.building?.generation ?? 0) + 1;
    await this.writeCatalog({ ...entry, building: { generation, codeVersion: definition.version, requestedAt: new Date().toISOString() }, rebuildRequestedAt: null });
    this.startBuilding(definition, generation);
    return { generation };
  }

  private async startProjection(definition: ProjectionDefinition): Promise<void> {
    let entry = await readCatalogEntry(this.store, definition.name);
    if (!entry) {
      entry = { id: definition.name, activeGeneration: 1, activeCodeVersion: definition.version, building: null, retired: [], rebuildRequestedAt: null };
      await this.writeCatalog(entry);
    }
    const active = this.worker(definition, entry.activeGeneration);
    this.slots.set(definition.name, { active, building: null });
    active.start();
    for (const generation of entry.retired) await this.dropGeneration(definition, generation);
    if (entry.retired.length > 0) await this.writeCatalog({ ...entry, retired: [] });

    if (entry.building) this.startBuilding(definition, entry.building.generation);
    else if (entry.activeCodeVersion !== definition.version || entry.rebuildRequestedAt) await this.rebuild(definition.name);
  }

  private startBuilding(definition: ProjectionDefinition, generation: number): void {
    const slot = this.slots.get(definition.name)!;
    slot.building = this.worker(definition, generation, (worker) => this.switchWhenCaughtUp(definition, worker));
    slot.building.start();
  }

  private worker(definition: ProjectionDefinition, generation: number, afterBatch?: (w: GenerationWorker) => Promise<void>) {
    return new GenerationWorker(definition, generation, { events: this.events, store: this.store, batchSize: this.batchSize, log: this.log }, afterBatch);
  }

  private async switchWhenCaughtUp(definition: ProjectionDefinition, worker: GenerationWorker): Promise<void> {
    if (worker.position < (await this.events.headPosition())) return;
    const slot = this.slots.get(definition.name)!;
    const entry = (await readCatalogEntry(this.store, definition.name))!;
    const retiring = slot.active;
    await this.writeCatalog({
      ...entry,
      activeGeneration: worker.generation,
      activeCodeVersion: definition.version,
      building: null,
      retired: [...entry.retired, retiring.generation],
    });
    this.slots.set(definition.name, { active: worker, building: null });
    this.log(`projection ${definition.name}: generation ${worker.generation} now serves (was ${retiring.generation})`);
    void retiring.stop();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.retire(definition, retiring.generation).catch((e) => this.log(String(e)));
    }, this.options.retireAfterMs ?? 10_000);
    timer.unref?.();
    this.timers.add(timer);
  }

  private async retire(definition: ProjectionDefinition, generation: number): Promise<void> {
    await this.dropGeneration(definition, generation);
    const entry = (await readCatalogEntry(this.store, definition.name))!;
    await this.writeCatalog({ ...entry, retired: entry.retired.filter((g) => g !== generation) });
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

  private async writeCatalog(entry: CatalogEntry): Promise<void> {
    await this.store.upsert(CATALOG_COLLECTION, entry);
  }
}

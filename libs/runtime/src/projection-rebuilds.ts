import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@uccn/application';
import { notFound } from '@uccn/domain';
import { ALL_PROJECTIONS, CATALOG_COLLECTION, nextGeneration, readCatalogEntry } from '@uccn/projections';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { ProjectionsService } from './projections.service.js';

export interface RebuildAccepted {
  readonly name: string;
  /** the generation being built; it serves once it has caught up with the log */
  readonly version: number;
}

/**
 * A rebuild starts here when the runner runs in this process. Otherwise the request is written to
 * the projection's catalogue entry and apps/projector picks it up (ProjectionRunner polls for
 * `rebuildRequestedAt`); the answer names the generation it will build, computed by the runner's own `nextGeneration`.
 */
@Injectable()
export class ProjectionRebuilds {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(name: string): Promise<RebuildAccepted> {
    if (!ALL_PROJECTIONS.some((d) => d.name === name)) throw notFound('ProjectionNotFound', `no projection named ${name}`);
    const runner = this.projections.runner;
    if (runner) return { name, version: (await runner.rebuild(name)).generation };

    const entry = await readCatalogEntry(this.store, name);
    // never started: the projector's first start builds generation 1 from position 0 anyway
    if (!entry) return { name, version: 1 };
    if (entry.building) return { name, version: entry.building.generation };
    await this.store.upsert(CATALOG_COLLECTION, { ...entry, rebuildRequestedAt: entry.rebuildRequestedAt ?? this.clock.now().toISOString() });
    return { name, version: nextGeneration(entry) };
  }
}

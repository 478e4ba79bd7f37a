import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, readProjectionStatuses, type ProjectionStatus } from '@uccn/projections';
import { READ_STORE, type ReadStore } from '@uccn/read-store';

/**
 * Runs the projections in this process when configured to (the embedded default); otherwise
 * `apps/projector` runs them and this process only reports on them and forwards rebuilds.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  readonly runner: ProjectionRunner | null;

  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {
    this.runner = config.runProjections
      ? new ProjectionRunner(ALL_PROJECTIONS, events, store, { batchSize: config.projectionBatchSize, log: (m) => this.logger.log(m) })
      : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner?.stop();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return readProjectionStatuses(ALL_PROJECTIONS, this.events, this.store);
  }
}

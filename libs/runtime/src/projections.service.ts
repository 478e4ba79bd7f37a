import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { messageOf } from '@uccn/domain';
import { EVENT_STORE, EventStoreUnavailable, retryWithBackoff, type EventStore } from '@uccn/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, readProjectionStatuses, type ProjectionStatus } from '@uccn/projections';
import { READ_STORE, ReadStoreUnavailable, type ReadStore } from '@uccn/read-store';

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 10_000;

/**
 * Runs the projections in this process when configured to (the embedded default); otherwise
 * `apps/projector` runs them and this process only reports on them and forwards rebuilds.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  readonly runner: ProjectionRunner | null;
  /** settles once the runner has started (or the process is stopping) */
  private started: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {
    this.runner = config.runProjections
      ? new ProjectionRunner(ALL_PROJECTIONS, events, store, { batchSize: config.projectionBatchSize, log: (m) => this.logger.log(m) })
      : null;
  }

  /**
   * Starts the runner; when a store does not answer, the API starts anyway and keeps trying in
   * the background: commands only need the log, and `/health/ready` says what is missing. Only a
   * store outage is waited out; any other failure is a bug and stops the start.
   */
  async onApplicationBootstrap(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    try {
      await runner.start();
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      this.logger.warn(`projections wait for the stores: ${messageOf(error)}`);
      this.started = this.startWhenStoresAnswer(runner);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.started;
    await this.runner?.stop();
  }

  /** Resolves when every projection has applied the log up to `position` (at once without a runner). */
  async waitForPosition(position: number): Promise<void> {
    await this.started;
    await this.runner?.waitForPosition(position);
  }

  statuses(): Promise<ProjectionStatus[]> {
    return readProjectionStatuses(ALL_PROJECTIONS, this.events, this.store);
  }

  private async startWhenStoresAnswer(runner: ProjectionRunner): Promise<void> {
    const start = async () => {
      await runner.start();
      this.logger.log('projections started: the stores answer again');
    };
    // the first attempt was onApplicationBootstrap's: wait before the next; a bug is not waited out
    const retrying = { firstDelayMs: FIRST_RETRY_MS, maxDelayMs: LONGEST_RETRY_MS, failedBefore: 1, retryable: isStoreOutage, signal: this.stopping.signal };
    await retryWithBackoff(start, retrying).catch((error: unknown) => this.logger.error(`projections cannot start: ${messageOf(error)}`));
  }
}

function isStoreOutage(error: unknown): boolean {
  return error instanceof ReadStoreUnavailable || error instanceof EventStoreUnavailable;
}

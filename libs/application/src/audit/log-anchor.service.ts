import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import { LogAnchorProcess } from './log-anchor.process.js';

/** Hosts the log's anchoring wherever projections run (the API embedded, else apps/projector). */
@Injectable()
export class LogAnchorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LogAnchors');
  readonly process: LogAnchorProcess | null;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig, @Inject(EVENT_STORE) events: EventStore, @Inject(CLOCK) clock: Clock) {
    this.process = config.runProjections ? new LogAnchorProcess({ events, clock }, { log: (m) => this.logger.warn(m) }) : null;
  }

  onApplicationBootstrap(): void {
    this.process?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.process?.stop();
  }
}

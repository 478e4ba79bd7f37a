import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RegistryConfig } from '@uccn/config';

/** A process that follows the log: the designation process, the anchors, the erasures. */
export interface LogProcess {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Hosts a log process wherever the projections run (the API in the embedded mode, else
 * apps/projector) and stays idle elsewhere; started once the application is up, stopped with it
 * (a stop waits for the batch under way).
 */
export abstract class HostedProcess<P extends LogProcess> implements OnApplicationBootstrap, OnModuleDestroy {
  readonly process: P | null;

  protected constructor(config: RegistryConfig, name: string, make: (log: (message: string) => void) => P) {
    const logger = new Logger(name);
    this.process = config.runProjections ? make((message) => logger.warn(message)) : null;
  }

  onApplicationBootstrap(): void {
    this.process?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.process?.stop();
  }
}

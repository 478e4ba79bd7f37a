import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loggerParams, type LogLevel, ProjectionMetrics, RegistryMetrics } from '@uccn/runtime';
import { MetricsController } from './metrics.controller.js';

export interface ObservabilityOptions {
  readonly logLevel: LogLevel;
  /** where the JSON lines go; stdout when absent (tests pass a stream to read them) */
  readonly logDestination?: DestinationStream;
}

/** JSON logs (nestjs-pino) and Prometheus metrics (`GET /metrics`). Global: the event store meters its appends. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot({ logLevel, logDestination }: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(loggerParams(logLevel, logDestination))],
      controllers: [MetricsController],
      providers: [RegistryMetrics, ProjectionMetrics],
      exports: [RegistryMetrics],
    };
  }
}

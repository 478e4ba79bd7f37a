import { Module, type DynamicModule } from '@nestjs/common';
import type { RegistryConfig } from '@uccn/config';
import { InfrastructureModule, loggerParams, RegistryProcessesModule } from '@uccn/runtime';
import { LoggerModule } from 'nestjs-pino';

/**
 * The projections, the designation process and the log's anchors without the HTTP API: for the EventStoreDB +
 * MongoDB deployment, where read models are built in their own process and scale apart from the
 * API (DESIGN §4).
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        InfrastructureModule.forRoot({ config: { ...config, runProjections: true } }),
        RegistryProcessesModule,
      ],
    };
  }
}

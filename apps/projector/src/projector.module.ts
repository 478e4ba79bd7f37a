import { Module, type DynamicModule } from '@nestjs/common';
import { DesignationProcessService, LogAnchorService } from '@uccn/application';
import type { RegistryConfig } from '@uccn/config';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeyRing } from '../../api/src/infrastructure/api-keys.js';
import { InfrastructureModule } from '../../api/src/infrastructure/infrastructure.module.js';
import { loggerParams } from '../../api/src/observability/logging.js';

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
        InfrastructureModule.forRoot({ config: { ...config, runProjections: true }, keys: new ApiKeyRing([]) }),
      ],
      providers: [DesignationProcessService, LogAnchorService],
    };
  }
}

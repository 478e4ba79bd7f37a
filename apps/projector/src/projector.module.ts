import { Module, type DynamicModule } from '@nestjs/common';
import { DesignationProcessService } from '@uccn/application';
import type { RegistryConfig } from '@uccn/config';
import { ApiKeyRing } from '../../api/src/infrastructure/api-keys.js';
import { InfrastructureModule } from '../../api/src/infrastructure/infrastructure.module.js';

/**
 * The projections and the designation process without the HTTP API: for the EventStoreDB +
 * MongoDB deployment, where read models are built in their own process and scale apart from the
 * API (DESIGN §4).
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [InfrastructureModule.forRoot({ config: { ...config, runProjections: true }, keys: new ApiKeyRing([]) })],
      providers: [DesignationProcessService],
    };
  }
}

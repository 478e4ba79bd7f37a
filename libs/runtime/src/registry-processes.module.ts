import { Module } from '@nestjs/common';
import { DesignationProcessService, LogAnchorService } from '@uccn/application';

/**
 * The registry's background processes: the designation process (a `designated` decision becomes
 * the city's designation) and the log's anchors. Imported by the API and by apps/projector, never
 * by the CLI; each service starts its process only where projections run (`UCCN_RUN_PROJECTIONS`,
 * always on in apps/projector) and stays idle otherwise.
 */
@Module({
  providers: [DesignationProcessService, LogAnchorService],
})
export class RegistryProcessesModule {}

import { Module } from '@nestjs/common';
import { DesignationProcessService, ErasureProcessService, LogAnchorService } from '@uccn/application';

/**
 * The registry's background processes: the designation process (a `designated` decision becomes
 * the city's designation), the log's anchors, and the erasures carried out to the last key. Imported by the API and by apps/projector, never
 * by the CLI; each service starts its process only where projections run (`UCCN_RUN_PROJECTIONS`,
 * always on in apps/projector) and stays idle otherwise.
 */
@Module({
  providers: [DesignationProcessService, LogAnchorService, ErasureProcessService],
})
export class RegistryProcessesModule {}

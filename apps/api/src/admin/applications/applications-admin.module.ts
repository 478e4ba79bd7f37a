import { Module } from '@nestjs/common';
import {
  DecideApplicationHandler,
  DesignationProcessService,
  EndorseApplicationHandler,
  SubmitApplicationHandler,
} from '@uccn/application';
import { DecideApplicationController } from './decide-application.controller.js';
import { EndorseApplicationController } from './endorse-application.controller.js';
import { SubmitApplicationController } from './submit-application.controller.js';

/**
 * Applications (seed 003) and the designation process that turns a `designated` decision into
 * the city's designation; the process runs here when this process runs projections.
 */
@Module({
  controllers: [SubmitApplicationController, EndorseApplicationController, DecideApplicationController],
  providers: [SubmitApplicationHandler, EndorseApplicationHandler, DecideApplicationHandler, DesignationProcessService],
  exports: [DesignationProcessService],
})
export class ApplicationsAdminModule {}

import { Module } from '@nestjs/common';
import { DecideApplicationHandler, EndorseApplicationHandler, SubmitApplicationHandler } from '@uccn/application';
import { DecideApplicationController } from './decide-application.controller.js';
import { EndorseApplicationController } from './endorse-application.controller.js';
import { SubmitApplicationController } from './submit-application.controller.js';

/**
 * Applications (seed 003). The designation process that turns a `designated` decision into the
 * city's designation is hosted by RegistryProcessesModule.
 */
@Module({
  controllers: [SubmitApplicationController, EndorseApplicationController, DecideApplicationController],
  providers: [SubmitApplicationHandler, EndorseApplicationHandler, DecideApplicationHandler],
})
export class ApplicationsAdminModule {}

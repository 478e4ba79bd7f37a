import { Module } from '@nestjs/common';
import { KeptAnswers, RegistryCommandHandler } from '@uccn/application';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { ApplicationCommandsController } from './applications/application-commands.controller.js';
import { CityCommandsController } from './cities/city-commands.controller.js';
import { CommandExecution } from './command-route.js';
import { FieldCommandsController } from './fields/field-commands.controller.js';
import { MeetingCommandsController } from './meetings/meeting-commands.controller.js';
import { PartnershipCommandsController } from './partnerships/partnership-commands.controller.js';
import { DataSubjectCommandsController } from './data-subjects/data-subject-commands.controller.js';

/** The secretariat's commands (POST /api/admin/**): one controller per aggregate, one handler for all. */
@Module({
  controllers: [FieldCommandsController, CityCommandsController, MeetingCommandsController, ApplicationCommandsController, PartnershipCommandsController, DataSubjectCommandsController],
  providers: [
    RegistryCommandHandler,
    CommandExecution,
    {
      provide: KeptAnswers,
      inject: [READ_STORE, REGISTRY_CONFIG],
      useFactory: (store: ReadStore, config: RegistryConfig) => new KeptAnswers(store, config.idempotencyTtlHours),
    },
  ],
})
export class AdminModule {}

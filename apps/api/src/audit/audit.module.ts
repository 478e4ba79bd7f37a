import { Module } from '@nestjs/common';
import { CityHistoryHandler, ListEventsHandler, MembershipRegisterHandler, VerifyLogHandler } from '@uccn/application';
import { ProjectionRebuilds } from '@uccn/runtime';
import { RebuildProjectionController } from './projections/rebuild-projection.controller.js';
import { CityHistoryController } from './cities/city-history.controller.js';
import { EventsController } from './events/events.controller.js';
import { MembershipController } from './membership/membership.controller.js';
import { ProjectionsController } from './projections/projections.controller.js';
import { VerifyController } from './verify/verify.controller.js';

/**
 * The auditors' reads (`GET /api/audit/**`: the raw log, a city's history, the register on both
 * clocks, the hash chain) and the operations on projections (status, and the secretariat's rebuild).
 */
@Module({
  controllers: [EventsController, CityHistoryController, MembershipController, VerifyController, ProjectionsController, RebuildProjectionController],
  providers: [ListEventsHandler, CityHistoryHandler, MembershipRegisterHandler, VerifyLogHandler, ProjectionRebuilds],
})
export class AuditModule {}

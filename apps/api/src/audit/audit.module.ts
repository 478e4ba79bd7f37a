import { Module } from '@nestjs/common';
import { CityHistoryHandler, LatestAnchorHandler, ListContactsHandler, ListEventsHandler, MembershipRegisterHandler, VerifyLogHandler } from '@uccn/application';
import { ProjectionRebuilds } from '@uccn/runtime';
import { RebuildProjectionController } from './projections/rebuild-projection.controller.js';
import { AuditController } from './audit.controller.js';

/**
 * The auditors' reads (`GET /api/audit/**`: the raw log, a city's history, the register on both
 * clocks, the hash chain and its newest anchor) and the operations on projections (status, and the secretariat's rebuild).
 */
@Module({
  controllers: [AuditController, RebuildProjectionController],
  providers: [ListContactsHandler, ListEventsHandler, CityHistoryHandler, MembershipRegisterHandler, VerifyLogHandler, LatestAnchorHandler, ProjectionRebuilds],
})
export class AuditModule {}

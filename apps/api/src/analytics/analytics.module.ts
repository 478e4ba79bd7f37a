import { Module } from '@nestjs/common';
import {
  GetCityHandler,
  GetSummaryHandler,
  ListApplicationsHandler,
  ListCitiesHandler,
  ListFieldsHandler,
  ListMeetingsHandler,
  ListPartnershipsHandler,
  ReportComplianceHandler,
} from '@uccn/application';
import { AnalyticsController } from './analytics.controller.js';

/** The analysts' reads (`GET /api/analytics/**`), each from a projection through ReadModels. */
@Module({
  controllers: [AnalyticsController],
  providers: [
    ListFieldsHandler,
    GetSummaryHandler,
    ListCitiesHandler,
    GetCityHandler,
    ListMeetingsHandler,
    ReportComplianceHandler,
    ListApplicationsHandler,
    ListPartnershipsHandler,
  ],
})
export class AnalyticsModule {}

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
import { ApplicationsController } from './applications/applications.controller.js';
import { CitiesController } from './cities/cities.controller.js';
import { FieldsController } from './fields/fields.controller.js';
import { MeetingsController } from './meetings/meetings.controller.js';
import { PartnershipsController } from './partnerships/partnerships.controller.js';
import { ComplianceController } from './reports/compliance.controller.js';
import { SummaryController } from './summary/summary.controller.js';

/** The analysts' reads (`GET /api/analytics/**`), each from a projection through ReadModels. */
@Module({
  controllers: [
    FieldsController,
    SummaryController,
    CitiesController,
    MeetingsController,
    ComplianceController,
    ApplicationsController,
    PartnershipsController,
  ],
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

import { Module } from '@nestjs/common';
import {
  ChangeCityFieldHandler,
  DesignateCityHandler,
  ReviewReportHandler,
  SubmitReportHandler,
  WithdrawMembershipHandler,
} from '@uccn/application';
import { ChangeCityFieldController } from './change-city-field.controller.js';
import { DesignateCityController } from './designate-city.controller.js';
import { ReviewReportController } from './review-report.controller.js';
import { SubmitReportController } from './submit-report.controller.js';
import { WithdrawMembershipController } from './withdraw-membership.controller.js';

/** The secretariat's commands on a city's stream, from its designation to its withdrawal. */
@Module({
  controllers: [DesignateCityController, ChangeCityFieldController, SubmitReportController, ReviewReportController, WithdrawMembershipController],
  providers: [DesignateCityHandler, ChangeCityFieldHandler, SubmitReportHandler, ReviewReportHandler, WithdrawMembershipHandler],
})
export class CitiesAdminModule {}

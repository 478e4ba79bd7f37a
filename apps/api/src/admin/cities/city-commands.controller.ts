import { Body, Param } from '@nestjs/common';
import { PersonalData } from '@uccn/application';
import { FOCAL_POINT_ROLE } from '@uccn/domain';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { FocalPointRequest } from '../personal-data.requests.js';
import {
  ChangeCityFieldRequest,
  CityParams,
  CorrectCityRecordRequest,
  CorrectReportRecordRequest,
  DesignateCityRequest,
  ReportParams,
  RetractWithdrawalRequest,
  ReviewReportRequest,
  SubmitReportRequest,
  WithdrawMembershipRequest,
} from './city.requests.js';

/** The secretariat's commands on a city's stream, from its designation to its withdrawal. */
@AreaController('admin/cities', 'secretariat', ADMIN)
export class CityCommandsController {
  constructor(private readonly personalData: PersonalData) {}

  @CommandRoute('DesignateCity', '', {
    summary: 'Designate a city in a creative field (CityDesignated)',
    description: 'The field must be open on the date (422); a city already designated is a 409.',
  })
  designate(@Body() body: DesignateCityRequest) {
    return command('DesignateCity', body);
  }

  @CommandRoute('ChangeCityField', ':cityId/field-change', {
    summary: "Change a member city's creative field (CityFieldChanged)",
    description: 'Lyon moved from media arts to literature in 2023.',
    errors: [404],
  })
  changeField(@Param() { cityId }: CityParams, @Body() body: ChangeCityFieldRequest) {
    return command('ChangeCityField', { ...body, cityId });
  }

  @CommandRoute('SubmitReport', ':cityId/reports', {
    summary: 'Record a report a city submitted (ReportSubmitted)',
    description: 'A membership monitoring report every four years, or a national annual report; a report id the city already used is a 409.',
    errors: [404],
  })
  submitReport(@Param() { cityId }: CityParams, @Body() body: SubmitReportRequest) {
    return command('SubmitReport', { ...body, cityId });
  }

  @CommandRoute('ReviewReport', ':cityId/reports/:reportId/review', {
    summary: "Record the secretariat's review of a report (ReportReviewed)",
    errors: [404],
  })
  reviewReport(@Param() { cityId, reportId }: ReportParams, @Body() body: ReviewReportRequest) {
    return command('ReviewReport', { ...body, cityId, reportId });
  }

  @CommandRoute('WithdrawMembership', ':cityId/withdrawal', {
    summary: 'Record a city leaving the network (MembershipWithdrawn)',
    description: "The effective date is the first day out; the city's history and reports stay in the log.",
    errors: [404],
  })
  withdraw(@Param() { cityId }: CityParams, @Body() body: WithdrawMembershipRequest) {
    return command('WithdrawMembership', { ...body, cityId });
  }

  @CommandRoute('CorrectCityRecord', ':cityId/corrections', {
    summary: "Correct a city's designation as recorded (CityRecordCorrected)",
    description:
      'Name, country, field or date of the designation; the event keeps the values before and after and the reason. A correction that changes nothing is a 409; one that would contradict a later fact (a report before the designation) is a 422 naming it.',
    errors: [404],
  })
  correct(@Param() { cityId }: CityParams, @Body() body: CorrectCityRecordRequest) {
    return command('CorrectCityRecord', { ...body, cityId });
  }

  @CommandRoute('CorrectReportRecord', ':cityId/reports/:reportId/corrections', {
    summary: 'Correct a report as recorded (ReportRecordCorrected)',
    description: 'A report submitted before the designation, after a review of it, or after the city left is a 422.',
    errors: [404],
  })
  correctReport(@Param() { cityId, reportId }: ReportParams, @Body() body: CorrectReportRecordRequest) {
    return command('CorrectReportRecord', { ...body, cityId, reportId });
  }

  @CommandRoute('RetractWithdrawal', ':cityId/withdrawal/retraction', {
    summary: 'Retract a withdrawal recorded in error (MembershipWithdrawalRetracted)',
    description: 'The city is a member again on every date since its designation; a city with no withdrawal on record is a 409.',
    errors: [404],
  })
  retractWithdrawal(@Param() { cityId }: CityParams, @Body() body: RetractWithdrawalRequest) {
    return command('RetractWithdrawal', { ...body, cityId });
  }

  @CommandRoute('AssignFocalPoint', ':cityId/focal-point', {
    summary: "Name a member city's focal point (FocalPointAssigned)",
    description: 'Personal data: the name and e-mail are stored only encrypted under the person’s own key (DESIGN §7). A newer focal point replaces the older; the same person again is a 409, a city that left the network a 409.',
    errors: [404, 409],
  })
  async assignFocalPoint(@Param() { cityId }: CityParams, @Body() body: FocalPointRequest) {
    return command('AssignFocalPoint', { cityId, focalPoint: await this.personalData.seal({ ...body, role: FOCAL_POINT_ROLE }) });
  }
}

import { Body, Controller, Param } from '@nestjs/common';
import { ApiArea } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import {
  ChangeCityFieldRequest,
  CityParams,
  DesignateCityRequest,
  ReportParams,
  ReviewReportRequest,
  SubmitReportRequest,
  WithdrawMembershipRequest,
} from './city.requests.js';

/** The secretariat's commands on a city's stream, from its designation to its withdrawal. */
@Controller('admin/cities')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class CityCommandsController {
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
}

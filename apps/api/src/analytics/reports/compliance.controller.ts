import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ReportComplianceQuery } from '@uccn/application';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { ComplianceRequest } from './compliance.request.js';

@Controller('analytics/reports/compliance')
@Roles(...ANALYTICS)
export class ComplianceController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  report(@Query() query: ComplianceRequest) {
    return this.queryBus.execute(new ReportComplianceQuery(query.asOf, pageOf(query)));
  }
}

import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ReportComplianceQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { ComplianceItemResponse } from '../analytics.responses.js';
import { ComplianceRequest } from './compliance.request.js';

@AreaController('analytics/reports/compliance', 'analytics', ANALYTICS)
export class ComplianceController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', {
    summary: 'Report compliance on a date: per member, the last monitoring report and its review, the next due date, overdue or not',
    description:
      'The four-yearly membership monitoring report is a rule in force by 2015-05-28 (the Kanazawa meeting): a city designated before it owes its first report on 2019-05-28, ' +
      'one designated after it four years after its designation. A report sent back for revision fulfils no due date until it is accepted.',
    answer: page(ComplianceItemResponse, { asOf: { type: 'string', format: 'date', example: '2020-01-01' } }),
    errors: [400],
  })
  report(@Query() query: ComplianceRequest) {
    return this.queryBus.execute(new ReportComplianceQuery(query.asOf, pageOf(query), query.overdue));
  }
}

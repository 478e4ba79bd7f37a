import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetSummaryQuery } from '@uccn/application';
import { ApiArea, ApiRead } from '../../http/openapi.decorators.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { SummaryResponse } from '../analytics.responses.js';

@Controller('analytics/summary')
@ApiArea('analytics')
@Roles(...ANALYTICS)
export class SummaryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiRead({ summary: 'The network in numbers: members, withdrawn, countries; by field, by country, by year', answer: SummaryResponse })
  get() {
    return this.queryBus.execute(new GetSummaryQuery());
  }
}

import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetSummaryQuery } from '@uccn/application';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';

@Controller('analytics/summary')
@Roles(...ANALYTICS)
export class SummaryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  get() {
    return this.queryBus.execute(new GetSummaryQuery());
  }
}

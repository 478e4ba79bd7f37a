import { QueryBus } from '@nestjs/cqrs';
import { GetSummaryQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { SummaryResponse } from '../analytics.responses.js';

@AreaController('analytics/summary', 'analytics', ANALYTICS)
export class SummaryController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', { summary: 'The network in numbers: members, withdrawn, countries; by field, by country, by year', answer: SummaryResponse })
  get() {
    return this.queryBus.execute(new GetSummaryQuery());
  }
}

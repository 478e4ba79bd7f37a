import { QueryBus } from '@nestjs/cqrs';
import { ListFieldsQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { FieldItemResponse } from '../analytics.responses.js';

@AreaController('analytics/fields', 'analytics', ANALYTICS)
export class FieldsController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', { summary: 'The field catalogue, with the date each field opened', description: 'The founding seven of 2004 and each field added since; one page holds them all.', answer: page(FieldItemResponse) })
  list() {
    return this.queryBus.execute(new ListFieldsQuery());
  }
}

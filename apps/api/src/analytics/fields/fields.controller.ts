import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListFieldsQuery } from '@uccn/application';
import { ApiArea, ApiRead, page } from '../../http/openapi.decorators.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { FieldItemResponse } from '../analytics.responses.js';

@Controller('analytics/fields')
@ApiArea('analytics')
@Roles(...ANALYTICS)
export class FieldsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiRead({ summary: 'The field catalogue, with the date each field opened', description: 'The founding seven of 2004 and each field added since; one page holds them all.', answer: page(FieldItemResponse) })
  list() {
    return this.queryBus.execute(new ListFieldsQuery());
  }
}

import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListFieldsQuery } from '@uccn/application';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';

@Controller('analytics/fields')
@Roles(...ANALYTICS)
export class FieldsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  list() {
    return this.queryBus.execute(new ListFieldsQuery());
  }
}

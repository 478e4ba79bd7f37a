import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CityHistoryQuery } from '@uccn/application';
import { AUDIT, Roles } from '../../http/roles.decorator.js';
import { IsSlug } from '../../http/validation.js';

class CityHistoryParams {
  @IsSlug() cityId!: string;
}

@Controller('audit/cities')
@Roles(...AUDIT)
export class CityHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':cityId/history')
  history(@Param() { cityId }: CityHistoryParams) {
    return this.queryBus.execute(new CityHistoryQuery(cityId));
  }
}

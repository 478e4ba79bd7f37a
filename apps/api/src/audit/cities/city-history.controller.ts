import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { CityHistoryQuery } from '@uccn/application';
import { ApiArea, ApiRead } from '../../http/openapi.decorators.js';
import { AUDIT, Roles } from '../../http/roles.decorator.js';
import { IsSlug } from '../../http/validation.js';
import { CityHistoryResponse } from '../audit.responses.js';

class CityHistoryParams {
  @IsSlug() cityId!: string;
}

@Controller('audit/cities')
@ApiArea('audit')
@Roles(...AUDIT)
export class CityHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':cityId/history')
  @ApiParam({ name: 'cityId', example: 'lyon' })
  @ApiRead({ summary: "A city's timeline: every change, with both clocks and the actor", answer: CityHistoryResponse, errors: [400, 404] })
  history(@Param() { cityId }: CityHistoryParams) {
    return this.queryBus.execute(new CityHistoryQuery(cityId));
  }
}

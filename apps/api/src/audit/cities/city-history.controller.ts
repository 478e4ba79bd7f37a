import { Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { CityHistoryQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { AUDIT } from '../../http/roles.decorator.js';
import { IsSlug } from '../../http/validation.js';
import { CityHistoryResponse } from '../audit.responses.js';

class CityHistoryParams {
  @IsSlug() cityId!: string;
}

@AreaController('audit/cities', 'audit', AUDIT)
export class CityHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @ApiParam({ name: 'cityId', example: 'lyon' })
  @ReadRoute(':cityId/history', { summary: "A city's timeline: every change, with both clocks and the actor", answer: CityHistoryResponse, errors: [400, 404] })
  history(@Param() { cityId }: CityHistoryParams) {
    return this.queryBus.execute(new CityHistoryQuery(cityId));
  }
}

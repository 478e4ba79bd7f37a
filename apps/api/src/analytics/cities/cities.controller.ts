import { Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { GetCityQuery, ListCitiesQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { CityResponse } from '../analytics.responses.js';
import { ListCitiesRequest } from './list-cities.request.js';

@AreaController('analytics/cities', 'analytics', ANALYTICS)
export class CitiesController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', { summary: 'The directory of cities, by name, filtered by field, country and status', answer: page(CityResponse), errors: [400] })
  list(@Query() query: ListCitiesRequest) {
    const { field, country, status } = query;
    return this.queryBus.execute(new ListCitiesQuery({ field, country, status }, pageOf(query)));
  }

  @ReadRoute(':cityId', { summary: 'One city of the directory', answer: CityResponse, errors: [404] })
  @ApiParam({ name: 'cityId', example: 'lyon' })
  get(@Param('cityId') cityId: string) {
    return this.queryBus.execute(new GetCityQuery(cityId));
  }
}

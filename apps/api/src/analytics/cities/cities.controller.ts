import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetCityQuery, ListCitiesQuery } from '@uccn/application';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { ListCitiesRequest } from './list-cities.request.js';

@Controller('analytics/cities')
@Roles(...ANALYTICS)
export class CitiesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  list(@Query() query: ListCitiesRequest) {
    const { field, country, status } = query;
    return this.queryBus.execute(new ListCitiesQuery({ field, country, status }, pageOf(query)));
  }

  @Get(':cityId')
  get(@Param('cityId') cityId: string) {
    return this.queryBus.execute(new GetCityQuery(cityId));
  }
}

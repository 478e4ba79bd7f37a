import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListApplicationsQuery } from '@uccn/application';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { ListApplicationsRequest } from './list-applications.request.js';

@Controller('analytics/applications')
@Roles(...ANALYTICS)
export class ApplicationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  list(@Query() query: ListApplicationsRequest) {
    const { callYear, status } = query;
    return this.queryBus.execute(new ListApplicationsQuery({ callYear, status }, pageOf(query)));
  }
}

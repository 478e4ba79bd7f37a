import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListPartnershipsQuery } from '@uccn/application';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { ListPartnershipsRequest } from './list-partnerships.request.js';

@Controller('analytics/partnerships')
@Roles(...ANALYTICS)
export class PartnershipsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  list(@Query() query: ListPartnershipsRequest) {
    return this.queryBus.execute(new ListPartnershipsQuery({ status: query.status }, pageOf(query)));
  }
}

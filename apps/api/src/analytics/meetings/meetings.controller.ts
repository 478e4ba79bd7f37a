import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListMeetingsQuery } from '@uccn/application';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { ListMeetingsRequest } from './list-meetings.request.js';

@Controller('analytics/meetings')
@Roles(...ANALYTICS)
export class MeetingsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  list(@Query() query: ListMeetingsRequest) {
    const { kind, year } = query;
    return this.queryBus.execute(new ListMeetingsQuery({ kind, year }, pageOf(query)));
  }
}

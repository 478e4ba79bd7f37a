import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListMeetingsQuery } from '@uccn/application';
import { ApiArea, ApiRead, page } from '../../http/openapi.decorators.js';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS, Roles } from '../../http/roles.decorator.js';
import { MeetingResponse } from '../analytics.responses.js';
import { ListMeetingsRequest } from './list-meetings.request.js';

@Controller('analytics/meetings')
@ApiArea('analytics')
@Roles(...ANALYTICS)
export class MeetingsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiRead({ summary: 'Meetings with their hosts, dates and attendance, filtered by kind and year', answer: page(MeetingResponse), errors: [400] })
  list(@Query() query: ListMeetingsRequest) {
    const { kind, year } = query;
    return this.queryBus.execute(new ListMeetingsQuery({ kind, year }, pageOf(query)));
  }
}

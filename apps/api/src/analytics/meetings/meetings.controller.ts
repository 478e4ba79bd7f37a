import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListMeetingsQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { MeetingResponse } from '../analytics.responses.js';
import { ListMeetingsRequest } from './list-meetings.request.js';

@AreaController('analytics/meetings', 'analytics', ANALYTICS)
export class MeetingsController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', {
    summary: 'Meetings with their hosts by name, dates, status and attendance, filtered by kind, year, field, country and host city',
    description: '`status` says plainly whether a meeting is `scheduled` (not yet recorded as held), `hosted` or `cancelled`; `upcoming` marks a scheduled one still to come today.',
    answer: page(MeetingResponse),
    errors: [400],
  })
  list(@Query() query: ListMeetingsRequest) {
    const { kind, year, field, country, hostCityId } = query;
    return this.queryBus.execute(new ListMeetingsQuery({ kind, year, field, country, hostCityId }, pageOf(query)));
  }
}

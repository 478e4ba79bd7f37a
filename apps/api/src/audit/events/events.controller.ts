import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListEventsQuery } from '@uccn/application';
import { isCalendarDate, instantOf } from '@uccn/domain';
import { ApiArea, ApiRead } from '../../http/openapi.decorators.js';
import { AUDIT, Roles } from '../../http/roles.decorator.js';
import { EventPageResponse } from '../audit.responses.js';
import { ListEventsRequest } from './list-events.request.js';

@Controller('audit/events')
@ApiArea('audit')
@Roles(...AUDIT)
export class EventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiRead({
    summary: 'The raw log with its metadata, paged by global position',
    description: 'Straight from the event store. A filtered page scans a bounded stretch of the log: it may hold fewer than `limit` items while `next` is not null.',
    answer: EventPageResponse,
    errors: [400],
  })
  list(@Query() query: ListEventsRequest) {
    const { stream, type, actor, from, to } = query;
    return this.queryBus.execute(
      new ListEventsQuery(
        { stream, type, actor, from: from && instant(from, 'T00:00:00.000Z'), to: to && instant(to, 'T23:59:59.999Z') },
        query.after ?? 0,
        query.limit ?? 100,
      ),
    );
  }
}

/** A bare date stands for the start (from) or the end (to) of that UTC day; an instant (validated) is made canonical. */
const instant = (value: string, timeOfDay: string) => (isCalendarDate(value) ? value + timeOfDay : instantOf(value)!.toISOString());

import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListEventsQuery } from '@uccn/application';
import { isCalendarDate, instantOf } from '@uccn/domain';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { AUDIT } from '../../http/roles.decorator.js';
import { EventPageResponse } from '../audit.responses.js';
import { ListEventsRequest } from './list-events.request.js';

@AreaController('audit/events', 'audit', AUDIT)
export class EventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', {
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

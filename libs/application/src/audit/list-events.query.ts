import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '@uccn/event-store';

export interface EventFilter {
  readonly stream?: string;
  readonly type?: string;
  readonly actor?: string;
  /** recordedAt lower bound, inclusive (ISO 8601) */
  readonly from?: string;
  /** recordedAt upper bound, inclusive (ISO 8601) */
  readonly to?: string;
}

export interface EventPage {
  readonly items: readonly RecordedEvent[];
  /** pass as `after` for the next page; null when the log has nothing further */
  readonly next: number | null;
}

export class ListEventsQuery extends Query<EventPage> {
  constructor(
    readonly filter: EventFilter,
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}

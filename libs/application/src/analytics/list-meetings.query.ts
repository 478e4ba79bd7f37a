import { Query } from '@nestjs/cqrs';
import type { MeetingKind } from '@uccn/domain';
import type { Document } from '@uccn/read-store';
import type { Page, PageRequest } from '../shared/page.js';

export interface MeetingFilter {
  readonly kind?: MeetingKind;
  /** the year the meeting was scheduled to start */
  readonly year?: number;
}

/** Meetings with hosts or venue, dates, format, status and attendance, by start date. */
export class ListMeetingsQuery extends Query<Page<Document>> {
  constructor(
    readonly filter: MeetingFilter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

import type { MeetingKind } from '@uccn/domain';
import { MEETINGS_READ_MODEL, meetingsQuery, type MeetingDoc } from '@uccn/projections';
import { listHandler, ListQuery } from '../shared/list-query.js';

export interface MeetingFilter {
  readonly kind?: MeetingKind;
  /** the year the meeting was scheduled to start */
  readonly year?: number;
}

/** Meetings with hosts or venue, dates, format, status and attendance, by start date. */
export class ListMeetingsQuery extends ListQuery<MeetingFilter, MeetingDoc> {}

export const ListMeetingsHandler = listHandler(ListMeetingsQuery, MEETINGS_READ_MODEL, meetingsQuery);

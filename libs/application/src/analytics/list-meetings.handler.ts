import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MEETINGS, meetingsQuery, ReadModels } from '@uccn/projections';
import type { Document } from '@uccn/read-store';
import type { Page } from '../shared/page.js';
import { ListMeetingsQuery } from './list-meetings.query.js';

@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery, Page<Document>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ filter, paging }: ListMeetingsQuery): Promise<Page<Document>> {
    const meetings = await this.readModels.collection('meetings', MEETINGS);
    const options = meetingsQuery(filter, paging.page, paging.limit);
    const [items, total] = await Promise.all([meetings.find(options), meetings.count(options.filter)]);
    return { items, total, page: paging.page, limit: paging.limit };
  }
}

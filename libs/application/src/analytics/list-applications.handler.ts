import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPLICATIONS, applicationsQuery, ReadModels } from '@uccn/projections';
import type { Document } from '@uccn/read-store';
import type { Page } from '../shared/page.js';
import { ListApplicationsQuery } from './list-applications.query.js';

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery, Page<Document>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ filter, paging }: ListApplicationsQuery): Promise<Page<Document>> {
    const applications = await this.readModels.collection('applications', APPLICATIONS);
    const options = applicationsQuery(filter, paging.page, paging.limit);
    const [items, total] = await Promise.all([applications.find(options), applications.count(options.filter)]);
    return { items, total, page: paging.page, limit: paging.limit };
  }
}

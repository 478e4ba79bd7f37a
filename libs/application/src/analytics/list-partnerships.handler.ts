import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PARTNERSHIPS, partnershipsQuery, ReadModels } from '@uccn/projections';
import type { Document } from '@uccn/read-store';
import type { Page } from '../shared/page.js';
import { ListPartnershipsQuery } from './list-partnerships.query.js';

@QueryHandler(ListPartnershipsQuery)
export class ListPartnershipsHandler implements IQueryHandler<ListPartnershipsQuery, Page<Document>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ filter, paging }: ListPartnershipsQuery): Promise<Page<Document>> {
    const partnerships = await this.readModels.collection('partnerships', PARTNERSHIPS);
    const options = partnershipsQuery(filter, paging.page, paging.limit);
    const [items, total] = await Promise.all([partnerships.find(options), partnerships.count(options.filter)]);
    return { items, total, page: paging.page, limit: paging.limit };
  }
}

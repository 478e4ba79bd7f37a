import { Query } from '@nestjs/cqrs';
import type { Document } from '@uccn/read-store';
import type { Page, PageRequest } from '../shared/page.js';

export interface CityFilter {
  readonly field?: string;
  readonly country?: string;
  readonly status?: 'member' | 'withdrawn';
}

export class ListCitiesQuery extends Query<Page<Document>> {
  constructor(
    readonly filter: CityFilter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

export class GetCityQuery extends Query<Document> {
  constructor(readonly cityId: string) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { CityDirectoryFilter } from '@uccn/projections';
import type { Document } from '@uccn/read-store';
import type { Page, PageRequest } from '../shared/page.js';

/** The directory's filter, as the projection's query takes it. */
export type CityFilter = CityDirectoryFilter;

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

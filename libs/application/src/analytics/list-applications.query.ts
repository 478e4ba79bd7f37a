import { Query } from '@nestjs/cqrs';
import type { ApplicationStatus } from '@uccn/projections';
import type { Document } from '@uccn/read-store';
import type { Page, PageRequest } from '../shared/page.js';

export interface ApplicationFilter {
  readonly callYear?: number;
  readonly status?: ApplicationStatus;
}

/** Applications from submission through endorsement to UNESCO's decision, by submission date. */
export class ListApplicationsQuery extends Query<Page<Document>> {
  constructor(
    readonly filter: ApplicationFilter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Document } from '@uccn/read-store';
import type { Page, PageRequest } from '../shared/page.js';

export interface PartnershipFilter {
  readonly status?: 'active' | 'concluded';
}

/** Partnerships with lead partner, partners by joining date and conclusion, by start date. */
export class ListPartnershipsQuery extends Query<Page<Document>> {
  constructor(
    readonly filter: PartnershipFilter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

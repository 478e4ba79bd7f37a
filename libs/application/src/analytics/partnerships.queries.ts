import { PARTNERSHIPS_READ_MODEL, partnershipsQuery, type PartnershipDoc } from '@uccn/projections';
import { listHandler, ListQuery } from '../shared/list-query.js';

export interface PartnershipFilter {
  readonly status?: PartnershipDoc['status'];
}

/** Partnerships with lead partner, partners by joining date and conclusion, by start date. */
export class ListPartnershipsQuery extends ListQuery<PartnershipFilter, PartnershipDoc> {}

export const ListPartnershipsHandler = listHandler(ListPartnershipsQuery, PARTNERSHIPS_READ_MODEL, partnershipsQuery);

import { APPLICATIONS_READ_MODEL, applicationsQuery, type ApplicationDoc, type ApplicationStatus } from '@uccn/projections';
import { listHandler, ListQuery } from '../shared/list-query.js';

export interface ApplicationFilter {
  readonly callYear?: number;
  readonly status?: ApplicationStatus;
}

/** Applications from submission through endorsement to UNESCO's decision, by submission date. */
export class ListApplicationsQuery extends ListQuery<ApplicationFilter, ApplicationDoc> {}

export const ListApplicationsHandler = listHandler(ListApplicationsQuery, APPLICATIONS_READ_MODEL, applicationsQuery);

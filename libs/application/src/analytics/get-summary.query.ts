import { Query } from '@nestjs/cqrs';
import type { NetworkSummary } from '@uccn/projections';

/** Members, withdrawn, countries; counts by field, by country and by year. */
export class GetSummaryQuery extends Query<NetworkSummary> {}

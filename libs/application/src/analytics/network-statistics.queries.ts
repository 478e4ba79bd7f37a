import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModels, SUMMARY_ID, SUMMARY_READ_MODEL, toNetworkSummary, type NetworkSummary } from '@uccn/projections';

/** Members, withdrawn, countries; counts by field, by country and by year. */
export class GetSummaryQuery extends Query<NetworkSummary> {}

/** One document read by id: the projection keeps the counters, the query only shapes them. */
@QueryHandler(GetSummaryQuery)
export class GetSummaryHandler implements IQueryHandler<GetSummaryQuery, NetworkSummary> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute(): Promise<NetworkSummary> {
    const summary = await this.readModels.collection(SUMMARY_READ_MODEL);
    return toNetworkSummary(await summary.get(SUMMARY_ID));
  }
}

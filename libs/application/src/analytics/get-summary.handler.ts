import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModels, SUMMARY, SUMMARY_ID, toNetworkSummary, type NetworkSummary } from '@uccn/projections';
import { GetSummaryQuery } from './get-summary.query.js';

/** One document read by id: the projection keeps the counters, the query only shapes them. */
@QueryHandler(GetSummaryQuery)
export class GetSummaryHandler implements IQueryHandler<GetSummaryQuery, NetworkSummary> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute(): Promise<NetworkSummary> {
    const summary = await this.readModels.collection('network-statistics', SUMMARY);
    return toNetworkSummary(await summary.get(SUMMARY_ID));
  }
}

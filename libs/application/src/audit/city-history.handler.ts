import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '@uccn/domain';
import { cityHistoryQuery, HISTORY, ReadModels, type HistoryEntryDoc } from '@uccn/projections';
import { CityHistoryQuery, type CityHistory, type CityHistoryEntry } from './city-history.query.js';

/**
 * A city's timeline in log order. A city has a few dozen events over decades (designation, a
 * report every year or four, a field change), so the whole timeline is one answer.
 */
@QueryHandler(CityHistoryQuery)
export class CityHistoryHandler implements IQueryHandler<CityHistoryQuery, CityHistory> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ cityId }: CityHistoryQuery): Promise<CityHistory> {
    const history = await this.readModels.collection('membership-history', HISTORY);
    const entries = await history.find(cityHistoryQuery(cityId));
    if (entries.length === 0) throw notFound('CityNotFound', `no city ${cityId} in the register`);
    return { cityId, items: entries.map((doc) => entryOf(doc as HistoryEntryDoc)) };
  }
}

const entryOf = (d: HistoryEntryDoc): CityHistoryEntry => ({
  position: d.position,
  eventId: d.eventId,
  streamId: d.streamId,
  revision: d.revision,
  type: d.type,
  domainDate: d.domainDate,
  recordedAt: d.recordedAt,
  actor: d.actor,
  role: d.role,
  correlationId: d.correlationId,
  summary: d.summary,
  data: d.data,
});

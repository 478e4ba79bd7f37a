import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '@uccn/domain';
import { cityHistoryQuery, HISTORY_READ_MODEL, ReadModels, type HistoryEntryDoc, type Known, type Stored } from '@uccn/projections';

/**
 * One change in a city's timeline, on both clocks, with who made it and the event behind it: the
 * projection's entry without what only the store needs (its id, the city it is filed under, which
 * the answer names once, and the lineage, which is the entry's own event).
 */
export type CityHistoryEntry = Omit<Known<HistoryEntryDoc>, 'id' | 'cityId'>;

export interface CityHistory {
  readonly cityId: string;
  readonly items: readonly CityHistoryEntry[];
}

export class CityHistoryQuery extends Query<CityHistory> {
  constructor(readonly cityId: string) {
    super();
  }
}

/**
 * A city's timeline in log order. A city has a few dozen events over decades (designation, a
 * report every year or four, a field change), so the whole timeline is one answer.
 */
@QueryHandler(CityHistoryQuery)
export class CityHistoryHandler implements IQueryHandler<CityHistoryQuery, CityHistory> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ cityId }: CityHistoryQuery): Promise<CityHistory> {
    const history = await this.readModels.collection(HISTORY_READ_MODEL);
    const entries = await history.find(cityHistoryQuery(cityId));
    if (entries.length === 0) throw notFound('CityNotFound', `no city ${cityId} in the register`);
    return { cityId, items: entries.map(entryOf) };
  }
}

const entryOf = ({ id: _id, cityId: _cityId, lastEventId: _event, lastPosition: _position, ...entry }: Stored<HistoryEntryDoc>): CityHistoryEntry => entry;

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '@uccn/domain';
import { ReadModels } from '@uccn/projections';
import type { Document, Filter } from '@uccn/read-store';
import { skipOf, type Page } from '../shared/page.js';
import { GetCityQuery, ListCitiesQuery } from './list-cities.query.js';

const DIRECTORY = ['city-directory', 'cities'] as const;

/** The directory, filtered by field, country and status, by name. */
@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery, Page<Document>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ filter, paging }: ListCitiesQuery): Promise<Page<Document>> {
    const cities = await this.readModels.collection(...DIRECTORY);
    const where: Filter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const [items, total] = await Promise.all([
      cities.find({ filter: where, sort: [['name', 1]], skip: skipOf(paging), limit: paging.limit }),
      cities.count(where),
    ]);
    return { items, total, page: paging.page, limit: paging.limit };
  }
}

@QueryHandler(GetCityQuery)
export class GetCityHandler implements IQueryHandler<GetCityQuery, Document> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ cityId }: GetCityQuery): Promise<Document> {
    const city = await (await this.readModels.collection(...DIRECTORY)).get(cityId);
    if (!city) throw notFound('CityNotFound', `no city ${cityId} in the directory`);
    return city;
  }
}

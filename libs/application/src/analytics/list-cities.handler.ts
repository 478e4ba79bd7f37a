import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '@uccn/domain';
import { CITIES, cityDirectoryQuery, ReadModels } from '@uccn/projections';
import type { Document } from '@uccn/read-store';
import type { Page } from '../shared/page.js';
import { GetCityQuery, ListCitiesQuery } from './list-cities.query.js';

const DIRECTORY = ['city-directory', CITIES] as const;

/** The directory, filtered by field, country and status, by name (the query the plan spec checks). */
@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery, Page<Document>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ filter, paging }: ListCitiesQuery): Promise<Page<Document>> {
    const cities = await this.readModels.collection(...DIRECTORY);
    const options = cityDirectoryQuery(filter, paging.page, paging.limit);
    const [items, total] = await Promise.all([cities.find(options), cities.count(options.filter)]);
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

import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarDateOf, notFound } from '@uccn/domain';
import {
  CITIES_READ_MODEL,
  cityDirectoryQuery,
  complianceOf,
  complianceQuery,
  ReadModels,
  type CityDirectoryDoc,
  type CityDirectoryFilter,
  type ComplianceItem,
  type Stored,
} from '@uccn/projections';
import { CLOCK, type Clock } from '../shared/clock.js';
import { listHandler, ListQuery } from '../shared/list-query.js';
import { readPage, skipOf, type Page, type PageRequest } from '../shared/page.js';

/*
 * The reads of the city directory: the list, one city, and each member's report compliance on a
 * date.
 */

/** The directory's filter, as the projection's query takes it. */
export type CityFilter = CityDirectoryFilter;

/** The directory, filtered by field, country and status, by name (the query the plan spec checks). */
export class ListCitiesQuery extends ListQuery<CityFilter, CityDirectoryDoc> {}

export const ListCitiesHandler = listHandler(ListCitiesQuery, CITIES_READ_MODEL, cityDirectoryQuery);

export class GetCityQuery extends Query<Stored<CityDirectoryDoc>> {
  constructor(readonly cityId: string) {
    super();
  }
}

@QueryHandler(GetCityQuery)
export class GetCityHandler implements IQueryHandler<GetCityQuery, Stored<CityDirectoryDoc>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ cityId }: GetCityQuery): Promise<Stored<CityDirectoryDoc>> {
    const city = await (await this.readModels.collection(CITIES_READ_MODEL)).get(cityId);
    if (!city) throw notFound('CityNotFound', `no city ${cityId} in the directory`);
    return city;
  }
}

export interface ComplianceReport extends Page<ComplianceItem> {
  readonly asOf: string;
}

/** Per member on `asOf` (default: today): the last monitoring report, the next due date, overdue or not. */
export class ReportComplianceQuery extends Query<ComplianceReport> {
  constructor(
    readonly asOf: string | undefined,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

/**
 * The members on `asOf` come from the directory by an indexed range (designated on or before,
 * withdrawn after); each one's compliance on that date is then a pure function of its document.
 */
@QueryHandler(ReportComplianceQuery)
export class ReportComplianceHandler implements IQueryHandler<ReportComplianceQuery, ComplianceReport> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ asOf: asked, paging }: ReportComplianceQuery): Promise<ComplianceReport> {
    const asOf = asked ?? calendarDateOf(this.clock.now());
    const cities = await this.readModels.collection(CITIES_READ_MODEL);
    const members = await readPage(cities, { ...complianceQuery(asOf), skip: skipOf(paging), limit: paging.limit }, paging);
    return { asOf, ...members, items: members.items.map((city) => complianceOf(city, asOf)) };
  }
}

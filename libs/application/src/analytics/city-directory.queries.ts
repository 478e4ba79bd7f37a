import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarDateOf, notFound } from '@uccn/domain';
import {
  CITIES_READ_MODEL,
  cityDirectoryQuery,
  complianceMatches,
  complianceOf,
  complianceQuery,
  ReadModels,
  type CityDirectoryDoc,
  type CityDirectoryFilter,
  type ComplianceItem,
  type Stored,
} from '@uccn/projections';
import { CLOCK, type Clock } from '../shared/clock.js';
import { ListQuery } from '../shared/list-query.js';
import { requireCatalogueField } from './field-catalogue.queries.js';
import { readPage, skipOf, type Page, type PageRequest } from '../shared/page.js';

/*
 * The reads of the city directory: the list, one city, and each member's report compliance on a
 * date.
 */

/** The directory's filter, as the projection's query takes it. */
export type CityFilter = CityDirectoryFilter;

/** The directory, filtered by field, country and status, by name (the query the plan spec checks). */
export class ListCitiesQuery extends ListQuery<CityFilter, CityDirectoryDoc> {}

/** The list with its filter checked first: a field the catalogue does not hold is a 400, not an empty page. */
@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery, Page<Stored<CityDirectoryDoc>>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ filter, paging }: ListCitiesQuery): Promise<Page<Stored<CityDirectoryDoc>>> {
    if (filter.field !== undefined) await requireCatalogueField(this.readModels, filter.field);
    return readPage(await this.readModels.collection(CITIES_READ_MODEL), cityDirectoryQuery(filter, paging.page, paging.limit), paging);
  }
}

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

/** Per member on `asOf` (default: today): the last monitoring report and its review, the next due date, overdue or not. */
export class ReportComplianceQuery extends Query<ComplianceReport> {
  constructor(
    readonly asOf: string | undefined,
    readonly paging: PageRequest,
    /** only the overdue members (`true`) or only the others (`false`); both when absent */
    readonly overdue?: boolean,
  ) {
    super();
  }
}

/**
 * The members on `asOf` come from the directory by an indexed range (designated on or before,
 * withdrawn after); each one's compliance on that date is then a pure function of its document.
 * Overdue is a fact of `asOf`, not of a stored field, so `overdue=` filters the members once mapped:
 * the whole range is read and the page cut after the filter.
 */
@QueryHandler(ReportComplianceQuery)
export class ReportComplianceHandler implements IQueryHandler<ReportComplianceQuery, ComplianceReport> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ asOf: asked, paging, overdue }: ReportComplianceQuery): Promise<ComplianceReport> {
    const asOf = asked ?? calendarDateOf(this.clock.now());
    const cities = await this.readModels.collection(CITIES_READ_MODEL);
    if (overdue === undefined) {
      const members = await readPage(cities, { ...complianceQuery(asOf), skip: skipOf(paging), limit: paging.limit }, paging);
      return { asOf, ...members, items: members.items.map((city) => complianceOf(city, asOf)) };
    }
    const matching = (await cities.find(complianceQuery(asOf))).map((city) => complianceOf(city, asOf)).filter((item) => complianceMatches(item, overdue));
    const skip = skipOf(paging);
    return { asOf, items: matching.slice(skip, skip + paging.limit), total: matching.length, page: paging.page, limit: paging.limit };
  }
}

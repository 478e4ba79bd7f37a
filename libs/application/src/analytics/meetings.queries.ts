import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarDateOf } from '@uccn/domain';
import {
  CITIES_READ_MODEL,
  filtersOnHosts,
  hostIdsOf,
  meetingItem,
  meetingMatches,
  MEETINGS_READ_MODEL,
  meetingsFindOptions,
  ReadModels,
  type HostCity,
  type MeetingDoc,
  type MeetingItem,
  type MeetingsFilter,
} from '@uccn/projections';
import { CLOCK, type Clock } from '../shared/clock.js';
import { readPage, skipOf, type Page, type PageRequest } from '../shared/page.js';
import { requireCatalogueField } from './field-catalogue.queries.js';

export type MeetingFilter = MeetingsFilter;

/** Meetings with hosts (ids and names) or venue, dates, format, status and attendance, by start date. */
export class ListMeetingsQuery extends Query<Page<MeetingItem>> {
  constructor(
    readonly filter: MeetingFilter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

/**
 * Kind, year and field filter in the store; host and country need the hosts' directory documents,
 * so with either of them the meetings of the store filter are read whole (a few hundred at most)
 * and paged once filtered. The hosts' names come from the directory for the page's meetings alone.
 */
@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery, Page<MeetingItem>> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, paging }: ListMeetingsQuery): Promise<Page<MeetingItem>> {
    if (filter.field !== undefined) await requireCatalogueField(this.readModels, filter.field);
    const today = calendarDateOf(this.clock.now());
    const meetings = await this.readModels.collection(MEETINGS_READ_MODEL);
    if (!filtersOnHosts(filter)) {
      const found = await readPage(meetings, meetingsFindOptions(filter, paging.page, paging.limit), paging);
      const hosts = await this.hostsOf(found.items);
      return { ...found, items: found.items.map((m) => meetingItem(m, hosts, today)) };
    }
    const all = await meetings.find(meetingsFindOptions(filter));
    const hosts = await this.hostsOf(all);
    const matching = all.filter((m) => meetingMatches(m, hosts, filter));
    const skip = skipOf(paging);
    return { items: matching.slice(skip, skip + paging.limit).map((m) => meetingItem(m, hosts, today)), total: matching.length, page: paging.page, limit: paging.limit };
  }

  private async hostsOf(meetings: readonly MeetingDoc[]): Promise<ReadonlyMap<string, HostCity>> {
    const ids = hostIdsOf(meetings);
    if (ids.length === 0) return new Map();
    const cities = await (await this.readModels.collection(CITIES_READ_MODEL)).getMany(ids);
    return new Map(cities.map((c) => [c.cityId, { cityId: c.cityId, name: c.name, country: c.country }]));
  }
}

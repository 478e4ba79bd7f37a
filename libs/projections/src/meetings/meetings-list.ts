import type { MeetingKind } from '@uccn/domain';
import type { FindOptions } from '@uccn/read-store';
import type { Stored } from '../projection.js';
import { meetingsQuery, type MeetingDoc } from './meetings.projection.js';

/*
 * The query side of `GET /api/analytics/meetings`. A meeting's document holds only what its own
 * events say (host ids, not names: a reducer reads only the documents its event names), so the
 * hosts' names and countries are joined at query time from the city directory.
 */

export interface MeetingsFilter {
  readonly kind?: MeetingKind;
  /** the year the meeting was scheduled to start */
  readonly year?: number;
  /** a sub-network meeting's field */
  readonly field?: string;
  /** a national meeting's country, or the country of one of its host cities */
  readonly country?: string;
  /** one of its host cities */
  readonly hostCityId?: string;
}

/** A host city as the directory names it; `null` when the directory has no such city. */
export interface MeetingHost {
  readonly cityId: string;
  readonly name: string | null;
}

/** What the list needs of a host's directory document. */
export interface HostCity {
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
}

export interface MeetingItem extends Stored<MeetingDoc> {
  /** the host cities with their names, in the order of `hostCityIds` */
  readonly hosts: readonly MeetingHost[];
  /** still to come on the day asked: scheduled, neither held nor cancelled, and starting after it */
  readonly upcoming: boolean;
}

/** The part of the filter the store answers (kind, year, field), by start date, paged when nothing else filters. */
export function meetingsFindOptions(filter: MeetingsFilter, page?: number, limit?: number): FindOptions {
  const { skip, limit: size, ...unpaged } = meetingsQuery({ ...(filter.kind === undefined ? {} : { kind: filter.kind }), ...(filter.year === undefined ? {} : { year: filter.year }) }, page, limit);
  const query = filter.field === undefined ? unpaged : { ...unpaged, filter: { ...unpaged.filter, field: filter.field } };
  // without a page, every meeting of the filter: the rest filters them once read
  return page === undefined ? query : { ...query, skip, limit: size };
}

/** Country and host are facts of the hosts' directory documents: those filters run on the meetings once read. */
export const filtersOnHosts = (filter: MeetingsFilter): boolean => filter.country !== undefined || filter.hostCityId !== undefined;

export function meetingMatches(meeting: MeetingDoc, hosts: ReadonlyMap<string, HostCity>, filter: MeetingsFilter): boolean {
  if (filter.hostCityId !== undefined && !meeting.hostCityIds.includes(filter.hostCityId)) return false;
  if (filter.country !== undefined && meeting.country !== filter.country && !meeting.hostCityIds.some((id) => hosts.get(id)?.country === filter.country)) {
    return false;
  }
  return true;
}

/** A meeting as the list answers it on `today`: its hosts by name, and whether it is still to come. */
export function meetingItem(meeting: Stored<MeetingDoc>, hosts: ReadonlyMap<string, HostCity>, today: string): MeetingItem {
  return {
    ...meeting,
    hosts: meeting.hostCityIds.map((cityId) => ({ cityId, name: hosts.get(cityId)?.name ?? null })),
    upcoming: meeting.status === 'scheduled' && meeting.startsOn > today,
  };
}

/** Every host city id of `meetings`, once each: the directory documents to read. */
export const hostIdsOf = (meetings: readonly MeetingDoc[]): string[] => [...new Set(meetings.flatMap((m) => m.hostCityIds))];

import type { Document } from '@uccn/read-store';
import { assertNever, compare, yearOf } from '@uccn/domain';
import { readModel, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { eventOf } from '../shared/registry-event.js';

export const SUMMARY = 'summary';
export const SUMMARY_ID = 'network';
/**
 * Per city, what the counters need to undo a city's contribution when it changes field or
 * withdraws. Kept apart from the summary so the one document the query reads stays a handful of
 * counters, not a 100k-entry map rewritten on every batch.
 */
export const MEMBERS = 'members';

export interface YearCount {
  readonly year: number;
  /** cities designated that year (including those that withdrew later) */
  readonly designated: number;
  /** the network's size at the end of that year: designated up to then minus withdrawn up to then */
  readonly cumulative: number;
  /**
   * the members at the end of that year by the field each held then (Lyon counts in media arts
   * until 2022, in literature from 2023); sums to `cumulative`; fields with no member are left out
   */
  readonly byField: Readonly<Record<string, number>>;
}

export interface NetworkSummary {
  readonly members: number;
  readonly withdrawn: number;
  /** distinct countries among current members */
  readonly countries: number;
  /** current members by current field */
  readonly byField: Readonly<Record<string, number>>;
  /** current members by country */
  readonly byCountry: Readonly<Record<string, number>>;
  /** every year from the first designation to the last designation or withdrawal, ascending */
  readonly byYear: readonly YearCount[];
}

/**
 * Counters only, each changed in place by an event; the figures derived from them (countries, the
 * year series) are computed when read, so an event costs a few small copies, not a series.
 */
export interface SummaryDoc extends Document, Omit<NetworkSummary, 'countries' | 'byYear'> {
  readonly designatedByYear: Readonly<Record<string, number>>;
  readonly withdrawnByYear: Readonly<Record<string, number>>;
  /** year → field → how many members that field gained (or lost) that year, for `byYear[].byField` */
  readonly fieldDeltasByYear: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** A city's record as the counters need it: what it counts for is derived from this alone (`countsOf`). */
interface CityRecord {
  readonly id: string;
  readonly country: string;
  readonly status: 'member' | 'withdrawn';
  readonly designatedOn: string;
  /** every field the city held, by the date it took it; the first is its designation's */
  readonly fields: readonly { readonly field: string; readonly since: string }[];
  readonly withdrawnOn: string | null;
}

export interface MemberDoc extends Document, CityRecord {
  /** the field held now (the last of `fields`) */
  readonly field: string;
  /** the date it took it */
  readonly fieldSince: string;
}

export const EMPTY_SUMMARY: SummaryDoc = {
  id: SUMMARY_ID,
  members: 0,
  withdrawn: 0,
  byField: {},
  byCountry: {},
  designatedByYear: {},
  withdrawnByYear: {},
  fieldDeltasByYear: {},
};

const HANDLES = ['CityDesignated', 'CityFieldChanged', 'MembershipWithdrawn', 'CityRecordCorrected', 'MembershipWithdrawalRetracted'] as const;

export const networkStatisticsProjection: ProjectionDefinition = {
  name: 'network-statistics',
  // 2: byYear[].byField (the per-year, per-field series the dashboard stacks)
  // 3: corrections (a designation's date, field or country; a retracted withdrawal) move every count
  version: 3,
  // both are read by id only
  collections: { [SUMMARY]: { indexes: [] }, [MEMBERS]: { indexes: [] } },
  handles: HANDLES,
  touches: (event) => [
    { collection: SUMMARY, id: SUMMARY_ID },
    ...(typeof event.data['cityId'] === 'string' ? [{ collection: MEMBERS, id: event.data['cityId'] }] : []),
  ],
  /*
   * Each event gives the city's new record; the counters lose what the city counted for before and
   * gain what it counts for now (`recount`). So a correction, which may move a designation across
   * years or fields, needs no rule of its own: only the record changes.
   */
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    const summary = (docs.get(SUMMARY, SUMMARY_ID) as SummaryDoc | undefined) ?? EMPTY_SUMMARY;
    const member = docs.get(MEMBERS, event.data.cityId) as MemberDoc | undefined;
    if (event.type === 'CityDesignated') {
      if (member) return []; // designated once (invariant 2): a repeat changes no count
      const { cityId, country, field, designatedOn } = event.data;
      return writes(summary, undefined, record({ id: cityId, country, status: 'member', designatedOn, fields: [{ field, since: designatedOn }], withdrawnOn: null }));
    }
    if (!member) return [];
    switch (event.type) {
      case 'CityFieldChanged': {
        const { to, effectiveOn } = event.data;
        if (to === member.field) return [];
        // by date; a change recorded late but dated earlier lands where it belongs (same date: the later recorded wins)
        const at = member.fields.findIndex((f) => f.since > effectiveOn);
        const fields = at < 0 ? [...member.fields, { field: to, since: effectiveOn }] : [...member.fields.slice(0, at), { field: to, since: effectiveOn }, ...member.fields.slice(at)];
        return writes(summary, member, record({ ...member, fields }));
      }
      case 'MembershipWithdrawn':
        if (member.status === 'withdrawn') return [];
        return writes(summary, member, record({ ...member, status: 'withdrawn', withdrawnOn: event.data.effectiveOn }));
      case 'CityRecordCorrected': {
        const { country, field, designatedOn } = event.data.after;
        const [designation, ...changes] = member.fields;
        const first = { field: field ?? designation?.field ?? member.field, since: designatedOn ?? member.designatedOn };
        return writes(summary, member, record({ ...member, country: country ?? member.country, designatedOn: first.since, fields: [first, ...changes] }));
      }
      case 'MembershipWithdrawalRetracted':
        // recorded in error: the city has been a member since its designation, in every year since
        if (member.status !== 'withdrawn') return [];
        return writes(summary, member, record({ ...member, status: 'member', withdrawnOn: null }));
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to the network's counters, one document (`SUMMARY_ID`). */
export const SUMMARY_READ_MODEL = readModel<SummaryDoc>(networkStatisticsProjection, SUMMARY);

/** A city's record, with its current field derived from its field periods. */
function record(city: CityRecord): MemberDoc {
  const held = city.fields.at(-1) ?? { field: '', since: city.designatedOn };
  return { ...city, field: held.field, fieldSince: held.since };
}

const writes = (summary: SummaryDoc, before: MemberDoc | undefined, after: MemberDoc): DocWrite[] => [
  { collection: SUMMARY, id: SUMMARY_ID, doc: recount(summary, before, after) },
  { collection: MEMBERS, id: after.id, doc: after },
];

/**
 * What one city counts for, counter by counter (`members`, `byField/<field>`,
 * `fieldDeltasByYear/<year>/<field>`…): a member in its current field and country; withdrawn in
 * the year it left; designated in the year of its designation; in each field it held from the year
 * it took it to the year it left it (or left the network).
 */
function countsOf(city: MemberDoc): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (path: string, n: number) => counts.set(path, (counts.get(path) ?? 0) + n);
  count(`designatedByYear/${yearOf(city.designatedOn)}`, 1);
  if (city.status === 'member') {
    count('members', 1);
    count(`byField/${city.field}`, 1);
    count(`byCountry/${city.country}`, 1);
  } else {
    count('withdrawn', 1);
    if (city.withdrawnOn !== null) count(`withdrawnByYear/${yearOf(city.withdrawnOn)}`, 1);
  }
  const end = city.withdrawnOn;
  city.fields.forEach(({ field, since }, i) => {
    const next = city.fields[i + 1]?.since ?? null;
    const until = next === null ? end : end === null || next < end ? next : end;
    if (until !== null && until <= since) return;
    count(`fieldDeltasByYear/${yearOf(since)}/${field}`, 1);
    if (until !== null) count(`fieldDeltasByYear/${yearOf(until)}/${field}`, -1);
  });
  return counts;
}

/** The counters without what the city counted for before, with what it counts for now; unchanged counters are left alone. */
function recount(summary: SummaryDoc, before: MemberDoc | undefined, after: MemberDoc): SummaryDoc {
  const delta = countsOf(after);
  for (const [path, n] of before ? countsOf(before) : []) delta.set(path, (delta.get(path) ?? 0) - n);
  let next = summary;
  for (const [path, n] of delta) {
    if (n === 0) continue;
    const [counter, key = '', field = ''] = path.split('/');
    switch (counter) {
      case 'members':
        next = { ...next, members: next.members + n };
        break;
      case 'withdrawn':
        next = { ...next, withdrawn: next.withdrawn + n };
        break;
      case 'byField':
      case 'byCountry':
      case 'designatedByYear':
      case 'withdrawnByYear':
        next = { ...next, [counter]: add(next[counter], key, n) };
        break;
      case 'fieldDeltasByYear':
        next = { ...next, fieldDeltasByYear: shift(next.fieldDeltasByYear, Number(key), field, n) };
        break;
      default:
        throw new Error(`no counter ${path}`);
    }
  }
  return next;
}

/** Adds to a counter; a counter that reaches zero disappears, so keys are exactly the non-empty ones, sorted. */
function add(counts: Readonly<Record<string, number>>, key: string, delta: number): Record<string, number> {
  const n = (counts[key] ?? 0) + delta;
  const next: Record<string, number> = { ...counts, [key]: n };
  if (n === 0) delete next[key];
  // a spread keeps the keys' order: only a new key needs sorting (a rebuild calls this per event)
  if (key in counts) return next;
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => compare(a, b)));
}

/** Adds to one field's counter of one year. */
function shift(deltas: SummaryDoc['fieldDeltasByYear'], year: number, field: string, delta: number): SummaryDoc['fieldDeltasByYear'] {
  return { ...deltas, [year]: add(deltas[year] ?? {}, field, delta) };
}

/**
 * The year series, from the counters. It spans the years of designations and withdrawals only (a
 * field change moves members between fields, it does not extend the series): a field change after
 * its last year shows in `byField`, not in the series.
 */
function yearSeries(summary: SummaryDoc): YearCount[] {
  const years = [...Object.keys(summary.designatedByYear), ...Object.keys(summary.withdrawnByYear)].map(Number);
  if (years.length === 0) return [];
  const byYear: YearCount[] = [];
  const held = new Map<string, number>();
  let cumulative = 0;
  for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
    const designated = summary.designatedByYear[year] ?? 0;
    cumulative += designated - (summary.withdrawnByYear[year] ?? 0);
    for (const [field, delta] of Object.entries(summary.fieldDeltasByYear[year] ?? {})) held.set(field, (held.get(field) ?? 0) + delta);
    const byField = [...held].filter(([, n]) => n !== 0).sort(([a], [b]) => compare(a, b));
    byYear.push({ year, designated, cumulative, byField: Object.fromEntries(byField) });
  }
  return byYear;
}

/** `GET /api/analytics/summary`: the response, from the one summary document (or none yet). */
export function toNetworkSummary(doc: SummaryDoc | null | undefined): NetworkSummary {
  const s = doc ?? EMPTY_SUMMARY;
  return {
    members: s.members,
    withdrawn: s.withdrawn,
    countries: Object.keys(s.byCountry).length,
    byField: s.byField,
    byCountry: s.byCountry,
    byYear: yearSeries(s),
  };
}

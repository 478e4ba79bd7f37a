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

export interface MemberDoc extends Document {
  readonly country: string;
  readonly field: string;
  /** the effective date of the field held, so a change dated earlier does not override it */
  readonly fieldSince: string;
  readonly status: 'member' | 'withdrawn';
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

const HANDLES = ['CityDesignated', 'CityFieldChanged', 'MembershipWithdrawn'] as const;

export const networkStatisticsProjection: ProjectionDefinition = {
  name: 'network-statistics',
  // 2: byYear[].byField (the per-year, per-field series the dashboard stacks)
  version: 2,
  // both are read by id only
  collections: { [SUMMARY]: { indexes: [] }, [MEMBERS]: { indexes: [] } },
  handles: HANDLES,
  touches: (event) => [
    { collection: SUMMARY, id: SUMMARY_ID },
    ...(typeof event.data['cityId'] === 'string' ? [{ collection: MEMBERS, id: event.data['cityId'] }] : []),
  ],
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    const summary = (docs.get(SUMMARY, SUMMARY_ID) as SummaryDoc | undefined) ?? EMPTY_SUMMARY;
    const member = docs.get(MEMBERS, event.data.cityId) as MemberDoc | undefined;
    switch (event.type) {
      case 'CityDesignated': {
        if (member) return []; // designated once (invariant 2): a repeat changes no count
        const { cityId, country, field, designatedOn } = event.data;
        const next: SummaryDoc = {
          ...summary,
          members: summary.members + 1,
          byField: add(summary.byField, field, 1),
          byCountry: add(summary.byCountry, country, 1),
          designatedByYear: add(summary.designatedByYear, String(yearOf(designatedOn)), 1),
          fieldDeltasByYear: shift(summary.fieldDeltasByYear, yearOf(designatedOn), field, 1),
        };
        return writes(next, { id: cityId, country, field, fieldSince: designatedOn, status: 'member' });
      }
      case 'CityFieldChanged': {
        const { to, effectiveOn } = event.data;
        if (!member || effectiveOn < member.fieldSince || to === member.field) return [];
        const moved = { ...member, field: to, fieldSince: effectiveOn };
        if (member.status === 'withdrawn') return [{ collection: MEMBERS, id: member.id, doc: moved }];
        const year = yearOf(effectiveOn);
        const fieldDeltasByYear = shift(shift(summary.fieldDeltasByYear, year, member.field, -1), year, to, 1);
        return writes({ ...summary, byField: add(add(summary.byField, member.field, -1), to, 1), fieldDeltasByYear }, moved);
      }
      case 'MembershipWithdrawn': {
        if (!member || member.status === 'withdrawn') return [];
        const next: SummaryDoc = {
          ...summary,
          members: summary.members - 1,
          withdrawn: summary.withdrawn + 1,
          byField: add(summary.byField, member.field, -1),
          byCountry: add(summary.byCountry, member.country, -1),
          withdrawnByYear: add(summary.withdrawnByYear, String(yearOf(event.data.effectiveOn)), 1),
          fieldDeltasByYear: shift(summary.fieldDeltasByYear, yearOf(event.data.effectiveOn), member.field, -1),
        };
        return writes(next, { ...member, status: 'withdrawn' });
      }
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to the network's counters, one document (`SUMMARY_ID`). */
export const SUMMARY_READ_MODEL = readModel<SummaryDoc>(networkStatisticsProjection, SUMMARY);

const writes = (summary: SummaryDoc, member: MemberDoc): DocWrite[] => [
  { collection: SUMMARY, id: SUMMARY_ID, doc: summary },
  { collection: MEMBERS, id: member.id, doc: member },
];

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

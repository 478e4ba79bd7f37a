import type { Document, Filter, FindOptions } from '@uccn/read-store';
import { assertNever, compare } from '@uccn/domain';
import type { RecordedEvent } from '@uccn/event-store';
import { readModel, type DocView, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { canonicalInstant, eventOf, recordedAtOf } from '../shared/registry-event.js';
import { OPEN_DATE, OPEN_INSTANT } from '../shared/sentinels.js';

/**
 * The register on both clocks, as a bitemporal table. A period says: the city was a member in
 * `field` on every domain date in [validFrom, validTo), and the system held that belief at every
 * instant in [knownFrom, knownTo). Rows are never edited in meaning: when an event changes the
 * belief, the rows it contradicts get `knownTo` = the event's recordedAt and new rows take over.
 * "Who was a member on D, as known at K" is then four range conditions, no replay:
 *   validFrom ≤ D < validTo  AND  knownFrom ≤ K < knownTo.
 */
export const PERIODS = 'periods';
/** Per city: what the register believes now, so a reducer can find the rows to close by id. */
export const REGISTER_CITIES = 'cities';
/**
 * Per year: how many memberships begin (+1) and end (−1) on each of its days, as the register
 * believes now. The register's total on a date, as known now, is their running sum: at most one
 * document per year since 2004 is read, however many cities there are, instead of counting every
 * period begun before the date (which grew with the register).
 */
export const REGISTER_YEARS = 'years';

/** The year 2004: no city is designated before 2004-01-01 (DESIGN §2, invariant 3). */
const FIRST_YEAR = 2004;

export interface PeriodDoc extends Document {
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
  readonly field: string;
  readonly designatedOn: string;
  readonly validFrom: string;
  /** exclusive; `OPEN_DATE` while the membership has no end */
  readonly validTo: string;
  readonly knownFrom: string;
  /** exclusive; `OPEN_INSTANT` while the belief is current */
  readonly knownTo: string;
}

interface Segment {
  readonly field: string;
  readonly validFrom: string;
  readonly validTo: string;
}

interface CurrentPeriod extends Segment {
  readonly id: string;
  readonly knownFrom: string;
}

export interface RegisterYearDoc extends Document {
  readonly year: string;
  /** the sum of the year's changes */
  readonly net: number;
  /** the year's non-zero changes, by day */
  readonly days: Readonly<Record<string, number>>;
}

/** What is known of a city's membership: enough to draw its timeline. */
export interface RegisterCityFacts {
  readonly id: string;
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
  readonly designatedOn: string;
  readonly designationField: string;
  /** in the order they were recorded; the timeline orders them by domain date */
  readonly fieldChanges: readonly { readonly effectiveOn: string; readonly to: string }[];
  readonly withdrawnOn: string | null;
}

export interface RegisterCityDoc extends Document, RegisterCityFacts {
  /** the rows with knownTo = OPEN_INSTANT, in full, so closing one needs no read */
  readonly currentPeriods: readonly CurrentPeriod[];
  /** the last number used in a period id `<cityId>-<n>` */
  readonly counter: number;
  /** the latest knowledge instant applied to this city (guards against a clock going back) */
  readonly knownSince: string;
}

const HANDLES = ['CityDesignated', 'CityFieldChanged', 'MembershipWithdrawn', 'CityRecordCorrected', 'MembershipWithdrawalRetracted'] as const;

export const membershipRegisterProjection: ProjectionDefinition = {
  name: 'membership-register',
  // 2: corrections. A correction is one more change of belief: the rows it contradicts are closed
  // at its recordedAt and the corrected ones believed from then, so the register as known before
  // it still answers as it did then
  // 3: the running total by day (REGISTER_YEARS), for the register's total as known now
  version: 3,
  collections: {
    [PERIODS]: {
      indexes: [
        // the register's page: walked in designation order, stopping once the page is full
        ['designatedOn'],
        // its total, counted from the index alone (all four bounds are in it: ~10x faster at
        // 100,000 cities than reading each row): the rows in force on D ...
        ['validFrom', 'validTo', 'knownFrom', 'knownTo'],
        // ... or, when K is long ago, the rows still believed after K
        ['knownTo', 'knownFrom', 'validFrom', 'validTo'],
      ],
    },
    [REGISTER_CITIES]: { indexes: [] },
    [REGISTER_YEARS]: { indexes: [['year']] },
  },
  handles: HANDLES,
  touches: (event) =>
    typeof event.data['cityId'] === 'string'
      ? [{ collection: REGISTER_CITIES, id: event.data['cityId'] }, ...yearsTouched(event).map((year) => ({ collection: REGISTER_YEARS, id: year }))]
      : [],
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    const before = docs.get(REGISTER_CITIES, event.data.cityId) as RegisterCityDoc | undefined;
    // positions order the log; recordedAt should follow them, but a clock may step back: never let
    // a belief end before it began
    const knownAt = before && before.knownSince > recordedAtOf(recorded) ? before.knownSince : recordedAtOf(recorded);
    let after: RegisterCityFacts;
    switch (event.type) {
      case 'CityDesignated': {
        const { cityId, name, country, field, designatedOn } = event.data;
        after = { id: cityId, cityId, name, country, designatedOn, designationField: field, fieldChanges: before?.fieldChanges ?? [], withdrawnOn: before?.withdrawnOn ?? null };
        break;
      }
      case 'CityFieldChanged': {
        if (!before) return [];
        const { effectiveOn, to } = event.data;
        after = { ...facts(before), fieldChanges: [...before.fieldChanges, { effectiveOn, to }] };
        break;
      }
      case 'MembershipWithdrawn': {
        if (!before) return [];
        after = { ...facts(before), withdrawnOn: event.data.effectiveOn };
        break;
      }
      case 'CityRecordCorrected': {
        if (!before) return [];
        const { name, country, field, designatedOn } = event.data.after;
        after = {
          ...facts(before),
          name: name ?? before.name,
          country: country ?? before.country,
          designatedOn: designatedOn ?? before.designatedOn,
          // the designation's field; the field changes after it stay
          designationField: field ?? before.designationField,
        };
        break;
      }
      case 'MembershipWithdrawalRetracted': {
        if (!before) return [];
        after = { ...facts(before), withdrawnOn: null };
        break;
      }
      default:
        return assertNever(event);
    }
    return [...revise(before, after, knownAt), ...reviseDays(before, after, docs)];
  },
};

/**
 * The years whose running totals an event may change. A designation begins a membership on its
 * date (the city has no record before it: the domain designates a city once); a field change
 * moves no bound of a membership; a withdrawal, a correction or a retraction moves a bound the
 * event may not name (the designation date kept in the city's record), so those read every year
 * up to the latest the event names — a few dozen small documents, for rare events.
 */
function yearsTouched(event: RecordedEvent): string[] {
  switch (event.type) {
    case 'CityFieldChanged':
      return [];
    case 'CityDesignated':
      return typeof event.data['designatedOn'] === 'string' ? [event.data['designatedOn'].slice(0, 4)] : [];
    default: {
      const years = [recordedAtOf(event), ...datesIn(event.data)].map((date) => Number(date.slice(0, 4))).filter((year) => Number.isInteger(year));
      const first = Math.min(FIRST_YEAR, ...years);
      return Array.from({ length: Math.max(...years, FIRST_YEAR) - first + 1 }, (_, i) => String(first + i));
    }
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}/;
function datesIn(value: unknown): string[] {
  if (typeof value === 'string') return CALENDAR_DATE.test(value) ? [value] : [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(datesIn);
  return [];
}

/** +1 on the day a membership begins, −1 on the day it ends (the end is exclusive; an open end never comes). */
function membershipBounds(city: RegisterCityFacts | undefined): [day: string, change: number][] {
  if (!city) return [];
  const end = city.withdrawnOn ?? OPEN_DATE;
  if (city.designatedOn >= end) return [];
  return end === OPEN_DATE ? [[city.designatedOn, 1]] : [[city.designatedOn, 1], [end, -1]];
}

/** The running totals' documents changed by the city's move from `before` to `after`. */
function reviseDays(before: RegisterCityFacts | undefined, after: RegisterCityFacts, docs: DocView): DocWrite[] {
  const changes = new Map<string, number>();
  for (const [day, change] of membershipBounds(before)) changes.set(day, (changes.get(day) ?? 0) - change);
  for (const [day, change] of membershipBounds(after)) changes.set(day, (changes.get(day) ?? 0) + change);
  const byYear = new Map<string, [string, number][]>();
  for (const [day, change] of changes) {
    if (change === 0) continue;
    const year = day.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), [day, change]]);
  }
  return [...byYear].map(([year, yearChanges]) => {
    const doc = docs.get(REGISTER_YEARS, year) as RegisterYearDoc | undefined;
    const days: Record<string, number> = { ...(doc?.days ?? {}) };
    let net = doc?.net ?? 0;
    for (const [day, change] of yearChanges) {
      const total = (days[day] ?? 0) + change;
      if (total === 0) delete days[day];
      else days[day] = total;
      net += change;
    }
    return { collection: REGISTER_YEARS, id: year, doc: { id: year, year, net, days } satisfies RegisterYearDoc };
  });
}

/** The query side's reference to the bitemporal membership periods the register is read from. */
export const PERIODS_READ_MODEL = readModel<PeriodDoc>(membershipRegisterProjection, PERIODS);

/** Replaces the rows the new timeline contradicts and keeps those it confirms. */
function revise(
  before: RegisterCityDoc | undefined,
  city: RegisterCityFacts,
  knownAt: string,
): DocWrite[] {
  const sameCity = before !== undefined && before.name === city.name && before.country === city.country && before.designatedOn === city.designatedOn;
  const wanted = timeline(city);
  const kept = (before?.currentPeriods ?? []).filter((p) => sameCity && wanted.some((s) => sameSegment(s, p)));
  const dropped = (before?.currentPeriods ?? []).filter((p) => !kept.includes(p));
  let counter = before?.counter ?? 0;
  const added = wanted
    .filter((s) => !kept.some((p) => sameSegment(s, p)))
    .map((s): CurrentPeriod => ({ id: `${city.cityId}-${(counter += 1)}`, ...s, knownFrom: knownAt }));

  const periodOf = (p: CurrentPeriod, owner: RegisterCityFacts, knownTo: string): PeriodDoc => ({
    id: p.id,
    cityId: owner.cityId,
    name: owner.name,
    country: owner.country,
    field: p.field,
    designatedOn: owner.designatedOn,
    validFrom: p.validFrom,
    validTo: p.validTo,
    knownFrom: p.knownFrom,
    knownTo,
  });
  const writes: DocWrite[] = [
    // a row believed for no time at all (superseded at the instant it was learned) is no history: drop it
    ...dropped.map((p) => ({ collection: PERIODS, id: p.id, doc: p.knownFrom === knownAt ? null : periodOf(p, before ?? city, knownAt) })),
    ...added.map((p) => ({ collection: PERIODS, id: p.id, doc: periodOf(p, city, OPEN_INSTANT) })),
  ];
  if (writes.length === 0) return [];
  const currentPeriods = [...kept, ...added].sort((a, b) => compare(a.validFrom, b.validFrom));
  const doc: RegisterCityDoc = { ...city, currentPeriods, counter, knownSince: knownAt };
  return [...writes, { collection: REGISTER_CITIES, id: city.cityId, doc }];
}

/**
 * The membership on the domain clock, from what is known: from the designation to the withdrawal
 * (exclusive), split at each field change by its effective date. Changes recorded out of date
 * order are ordered by date (same date: the later recorded wins), so a late correction lands
 * where it belongs.
 */
export function timeline(city: RegisterCityFacts): Segment[] {
  const end = city.withdrawnOn ?? OPEN_DATE;
  const starts = [
    { from: city.designatedOn, field: city.designationField },
    ...city.fieldChanges.map((c) => ({ from: c.effectiveOn < city.designatedOn ? city.designatedOn : c.effectiveOn, field: c.to })),
  ].sort((a, b) => compare(a.from, b.from)); // stable: same date keeps the recorded order
  const segments: Segment[] = [];
  starts.forEach((start, i) => {
    const validFrom = start.from;
    const next = starts[i + 1]?.from ?? end;
    const validTo = next < end ? next : end;
    if (validFrom >= validTo) return;
    const previous = segments.at(-1);
    if (previous && previous.field === start.field && previous.validTo === validFrom) {
      segments[segments.length - 1] = { ...previous, validTo };
    } else {
      segments.push({ field: start.field, validFrom, validTo });
    }
  });
  return segments;
}

const facts = (doc: RegisterCityDoc): RegisterCityFacts => ({
  id: doc.id,
  cityId: doc.cityId,
  name: doc.name,
  country: doc.country,
  designatedOn: doc.designatedOn,
  designationField: doc.designationField,
  fieldChanges: doc.fieldChanges,
  withdrawnOn: doc.withdrawnOn,
});

const sameSegment = (a: Segment, b: Segment) => a.field === b.field && a.validFrom === b.validFrom && a.validTo === b.validTo;

/**
 * `GET /api/audit/membership?asOf&knownAt`: the periods in force on `asOf` as the system knew
 * them at `knownAt` (by default: as known now). `knownAt` is made canonical, because instants
 * compare as strings. `designatedOn ≤ asOf` is implied by `validFrom ≤ asOf`; it is stated so the
 * store can walk the designation index in order and stop at the page.
 */
export function registerQuery(asOf: string, knownAt: string = AS_KNOWN_NOW): Filter {
  return { designatedOn: { $lte: asOf }, ...registerCountFilter(asOf, knownAt) };
}

/**
 * The same rows for counting the register's total: without the designation bound (implied), so
 * the store counts them from an index holding all four bounds without reading a document.
 */
export function registerCountFilter(asOf: string, knownAt: string = AS_KNOWN_NOW): Filter {
  const at = canonicalInstant(knownAt);
  return {
    validFrom: { $lte: asOf },
    // an open end is stored as OPEN_DATE, a day that exists: an open period includes it, a closed one ends before it
    validTo: asOf >= OPEN_DATE ? { $gte: OPEN_DATE } : { $gt: asOf },
    knownFrom: { $lte: at },
    knownTo: { $gt: at },
  };
}

/** The last instant before the open sentinel: only current beliefs are still held after it. */
const AS_KNOWN_NOW = '9999-12-31T23:59:59.998Z';

/**
 * The register's page, in order of designation (then id). One row per city: a city's periods
 * never overlap on one date at one instant.
 */
export function registerFindOptions(asOf: string, knownAt?: string, page?: number, limit?: number): FindOptions {
  return { filter: registerQuery(asOf, knownAt), sort: [['designatedOn', 1]], ...pageWindow(page, limit) };
}

/** The years that hold the register's total on `asOf` (as known now): those up to its own. */
export function registerYearsQuery(asOf: string): FindOptions {
  return { filter: { year: { $lte: asOf.slice(0, 4) } }, sort: [['year', 1]] };
}

/**
 * The register's total on `asOf` as known now: every membership begun on or before it less those
 * ended on or before it, from the running totals by day. The same rows `registerCountFilter`
 * counts with `knownAt` = now, the current beliefs, at a cost bound by the calendar rather than
 * by the register's size.
 */
export function registerTotal(years: readonly RegisterYearDoc[], asOf: string): number {
  const year = asOf.slice(0, 4);
  let total = 0;
  for (const doc of years) {
    if (doc.year < year) total += doc.net;
    else if (doc.year === year) for (const [day, change] of Object.entries(doc.days)) if (day <= asOf) total += change;
  }
  return total;
}

/** The query side's reference to the running totals by year. */
export const REGISTER_YEARS_READ_MODEL = readModel<RegisterYearDoc>(membershipRegisterProjection, REGISTER_YEARS);

/** A row of the register: the city as it stood in the period, without the period's four bounds. */
export type RegisterItem = Pick<PeriodDoc, 'cityId' | 'name' | 'country' | 'field' | 'designatedOn'>;

export const toRegisterItem = ({ cityId, name, country, field, designatedOn }: PeriodDoc): RegisterItem => ({ cityId, name, country, field, designatedOn });

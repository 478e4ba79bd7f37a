import type { Document, Filter, FindOptions } from '@uccn/read-store';
import { assertNever, compare } from '@uccn/domain';
import { readModel, type DocWrite, type ProjectionDefinition } from '../projection.js';
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
  version: 2,
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
  },
  handles: HANDLES,
  touches: (event) =>
    typeof event.data['cityId'] === 'string' ? [{ collection: REGISTER_CITIES, id: event.data['cityId'] }] : [],
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
    return revise(before, after, knownAt);
  },
};

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

/** A row of the register: the city as it stood in the period, without the period's four bounds. */
export type RegisterItem = Pick<PeriodDoc, 'cityId' | 'name' | 'country' | 'field' | 'designatedOn'>;

export const toRegisterItem = ({ cityId, name, country, field, designatedOn }: PeriodDoc): RegisterItem => ({ cityId, name, country, field, designatedOn });

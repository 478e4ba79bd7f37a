import { compare, FOUNDING_FIELDS, SLUG_MAX_LENGTH, type CalendarDate, type MeetingFormat } from '@uccn/domain';
import type { PayloadFor, RegistryCommandType } from '../commands/registry-command.js';
import {
  ASSUMPTIONS,
  CALL_ANNOUNCED_ON,
  CONFERENCE_DATES_FROM_NOTES,
  KNOWN_FIELD_CHANGES,
  UNKNOWN_CONFERENCE_DAY,
  UNKNOWN_DESIGNATION_DAY,
  VENUES_OF_NON_MEMBER_HOSTS,
  type AssumptionId,
} from './history-assumptions.js';
import { CITIES_FILE, CONFERENCES_FILE, type HistoryCity, type HistoryConference, type NetworkHistory } from './network-history.js';

interface StepOf<Kind extends RegistryCommandType> {
  /** the command the API would receive for the row */
  readonly kind: Kind;
  readonly payload: PayloadFor<Kind>;
  /** the command's Idempotency-Key: the same row always sends the same key, so a re-run appends nothing */
  readonly key: string;
  /** the row it comes from, for reports: `uccn-cities.csv:12 Lyon` */
  readonly row: string;
  readonly assumptions: readonly AssumptionId[];
  /** the key of a step that must have succeeded first (a meeting is recorded as hosted once scheduled) */
  readonly after?: string;
}

export type HistoryStep =
  | StepOf<'AddCreativeField'>
  | StepOf<'DesignateCity'>
  | StepOf<'ChangeCityField'>
  | StepOf<'ScheduleMeeting'>
  | StepOf<'RecordMeetingHosted'>;

export interface AppliedAssumption {
  readonly id: AssumptionId;
  readonly text: string;
  /** the rows it was applied to */
  readonly rows: readonly string[];
}

export interface HistoryPlan {
  /** in the order they must run: new fields, then cities by date, then conferences by date */
  readonly steps: readonly HistoryStep[];
  readonly assumptions: readonly AppliedAssumption[];
}

const KEY_PREFIX = 'network-history';

/**
 * The history as the secretariat's commands (pure): every row becomes the commands the API would
 * receive for it, each with a deterministic idempotency key, and with the documented assumptions
 * (history-assumptions.ts) filling what the sources leave open.
 */
export function planNetworkHistory(history: NetworkHistory): HistoryPlan {
  const cities = planCities(history.cities);
  const fields = planNewFields(cities);
  const conferences = planConferences(history.conferences, history.cities, cities);
  const steps = [...fields, ...cities, ...conferences];
  return { steps, assumptions: appliedAssumptions(steps) };
}

/** Lower-case ASCII slug of a name: `Kraków` → `krakow`, `Huai’an` → `huai-an`, `crafts and folk art` → `crafts-and-folk-art`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁıøØæÆœŒßđĐðþ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}

const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'l', ı: 'i', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', đ: 'd', Đ: 'd', ð: 'd', þ: 'th',
};

/** City ids by row: the name's slug, with the country code when two members share a name (Granada). */
export function cityIdsOf(rows: readonly HistoryCity[]): Map<HistoryCity, string> {
  const uses = new Map<string, number>();
  for (const row of rows) uses.set(slugOf(row.name), (uses.get(slugOf(row.name)) ?? 0) + 1);
  return new Map(rows.map((row) => [row, uses.get(slugOf(row.name))! > 1 ? `${slugOf(row.name)}-${row.countryCode.toLowerCase()}` : slugOf(row.name)]));
}

function designationDate(year: number): { date: CalendarDate; assumption: AssumptionId } {
  const announced = CALL_ANNOUNCED_ON[year];
  return announced ? { date: announced, assumption: 'call-announcement-day' } : { date: `${year}-${UNKNOWN_DESIGNATION_DAY}`, assumption: 'unknown-designation-day' };
}

type CityStep = Extract<HistoryStep, { kind: 'DesignateCity' | 'ChangeCityField' }>;

function planCities(rows: readonly HistoryCity[]): CityStep[] {
  const ids = cityIdsOf(rows);
  const steps: { step: CityStep; date: CalendarDate; order: number }[] = [];
  for (const row of rows) {
    const cityId = ids.get(row)!;
    const where = `${CITIES_FILE}:${row.line} ${row.name} (${row.countryCode})`;
    const { date, assumption } = designationDate(row.year);
    const change = KNOWN_FIELD_CHANGES.find((c) => c.city === row.name && c.countryCode === row.countryCode && c.firstField !== row.field);
    const shared = cityId !== slugOf(row.name) ? (['shared-city-name'] as const) : [];
    steps.push({
      date,
      order: 0,
      step: {
        kind: 'DesignateCity',
        payload: { cityId, name: row.name, country: row.countryCode, field: slugOf(change?.firstField ?? row.field), designatedOn: date },
        key: `${KEY_PREFIX}:city:${cityId}:designated`,
        row: where,
        assumptions: [assumption, ...shared, ...(change ? (['known-field-change'] as const) : [])],
      },
    });
    if (change) {
      steps.push({
        date: change.changedOn,
        order: 1,
        step: {
          kind: 'ChangeCityField',
          payload: { cityId, field: slugOf(row.field), effectiveOn: change.changedOn },
          key: `${KEY_PREFIX}:city:${cityId}:field-changed:${change.changedOn}`,
          row: where,
          assumptions: ['known-field-change'],
        },
      });
    }
  }
  // chronological, so the log reads as the network grew; the sort is stable, rows keep file order
  return steps.sort((a, b) => compare(a.date, b.date) || a.order - b.order).map((s) => s.step);
}

/** Fields beyond the founding seven, each opening on the day of its first designation (or change) into it. */
function planNewFields(cities: readonly CityStep[]): Extract<HistoryStep, { kind: 'AddCreativeField' }>[] {
  const founding = new Set(FOUNDING_FIELDS.map((f) => f.field));
  const opening = new Map<string, { date: CalendarDate; row: string }>();
  for (const step of cities) {
    const field = step.payload.field;
    const date = step.kind === 'DesignateCity' ? step.payload.designatedOn : step.payload.effectiveOn;
    if (founding.has(field)) continue;
    const known = opening.get(field);
    if (!known || date < known.date) opening.set(field, { date, row: `${step.row}, the first in ${field}: it opens ${date}` });
  }
  return [...opening].map(([field, { date, row }]) => ({
    kind: 'AddCreativeField',
    payload: { field, label: labelOf(field), effectiveOn: date },
    key: `${KEY_PREFIX}:field:${field}:added`,
    row,
    assumptions: ['new-field-opening'],
  }));
}

const labelOf = (slug: string) => slug.split('-').map((w) => (w === 'and' ? w : w[0]!.toUpperCase() + w.slice(1))).join(' ');

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** `XVII` → 17; `null` when the text is not a Roman numeral. */
export function romanToNumber(text: string): number | null {
  if (!/^[IVXLC]+$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!]!;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const FORMATS: Readonly<Record<string, MeetingFormat>> = { 'in person': 'in-person', 'in-person': 'in-person', online: 'online', hybrid: 'hybrid' };

function planConferences(rows: readonly HistoryConference[], cityRows: readonly HistoryCity[], cities: readonly CityStep[]): HistoryStep[] {
  const ids = cityIdsOf(cityRows);
  const idsByName = new Map<string, string[]>();
  for (const [row, id] of ids) idsByName.set(slugOf(row.name), [...(idsByName.get(slugOf(row.name)) ?? []), id]);
  const designated = new Set(cities.map((s) => s.payload.cityId));

  const planned = rows.map((row) => {
    const assumptions: AssumptionId[] = [];
    const hostCityIds: string[] = [];
    const venues: string[] = [];
    for (const host of row.hosts) {
      const matches = (idsByName.get(slugOf(host)) ?? []).filter((id) => designated.has(id));
      if (matches.length === 1) {
        hostCityIds.push(matches[0]!);
      } else {
        venues.push(VENUES_OF_NON_MEMBER_HOSTS[host] ?? host);
        assumptions.push('non-member-host-is-venue');
      }
    }
    const { startsOn, endsOn, assumption } = conferenceDates(row);
    if (assumption) assumptions.push(assumption);
    const edition = row.edition === null ? null : romanToNumber(row.edition);
    const meetingId = slugOf(`annual-conference ${row.year} ${row.hosts.join(' ')}`);
    const where = `${CONFERENCES_FILE}:${row.line} ${row.year} ${row.hosts.join(' and ')}`;
    const schedule: HistoryStep = {
      kind: 'ScheduleMeeting',
      payload: {
        meetingId,
        kind: 'annual-conference',
        title: `${row.edition ? `${row.edition} ` : ''}UCCN Annual Conference, ${row.hosts.join(' and ')} ${row.year}`,
        // the 2021 online meeting has no edition: sent without one, and the domain decides
        ...(edition === null ? {} : { edition }),
        hostCityIds,
        ...(venues.length > 0 ? { venue: venues.join('; ') } : {}),
        startsOn,
        endsOn,
        ...(row.theme ? { theme: row.theme } : {}),
        format: FORMATS[row.format.toLowerCase()] ?? (row.format as MeetingFormat),
      },
      key: `${KEY_PREFIX}:meeting:${meetingId}:scheduled`,
      row: where,
      assumptions,
    };
    // every row of the file is a meeting that took place (SOURCES.md §2: 2020 has no row)
    const hosted: HistoryStep = {
      kind: 'RecordMeetingHosted',
      payload: { meetingId },
      key: `${KEY_PREFIX}:meeting:${meetingId}:hosted`,
      row: where,
      assumptions: [],
      after: schedule.key,
    };
    return { startsOn, steps: [schedule, hosted] };
  });
  return planned.sort((a, b) => compare(a.startsOn, b.startsOn)).flatMap((p) => p.steps);
}

function conferenceDates(row: HistoryConference): { startsOn: CalendarDate; endsOn: CalendarDate; assumption?: AssumptionId } {
  if (row.startDate) return { startsOn: row.startDate, endsOn: row.endDate ?? row.startDate };
  const noted = CONFERENCE_DATES_FROM_NOTES[`${row.year} ${row.hosts.join(' and ')}`];
  if (noted) return { ...noted, assumption: 'conference-dates-from-notes' };
  const day = `${row.year}-${UNKNOWN_CONFERENCE_DAY}`;
  return { startsOn: day, endsOn: day, assumption: 'unknown-conference-dates' };
}

function appliedAssumptions(steps: readonly HistoryStep[]): AppliedAssumption[] {
  const rows = new Map<AssumptionId, Set<string>>();
  for (const step of steps) {
    for (const id of step.assumptions) rows.set(id, (rows.get(id) ?? new Set()).add(step.row));
  }
  return (Object.keys(ASSUMPTIONS) as AssumptionId[]).filter((id) => rows.has(id)).map((id) => ({ id, text: ASSUMPTIONS[id], rows: [...rows.get(id)!] }));
}

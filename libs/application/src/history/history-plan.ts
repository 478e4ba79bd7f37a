import { createHash } from 'node:crypto';
import { compare, FOUNDING_FIELDS, SLUG_MAX_LENGTH, yearOf, type CalendarDate, type MeetingFormat } from '@uccn/domain';
import type { PayloadFor, RegistryCommandType } from '../commands/registry-command.js';
import { canonicalJson } from '../shared/canonical-json.js';
import {
  ASSUMPTIONS,
  CALL_ANNOUNCED_ON,
  CANCELLED_CONFERENCES_FROM_NOTES,
  CONFERENCE_DATES_FROM_NOTES,
  DESIGNATION_DAYS_FROM_SOURCES,
  DESIGNATION_MONTHS_FROM_SOURCES,
  KNOWN_FIELD_CHANGES,
  lastDayOf,
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
  /**
   * What to send instead when an earlier import recorded the row with other values (its key was
   * used with another body): a correction to the row's facts as they are now (DESIGN §6).
   */
  readonly amend?: Kind extends keyof CorrectionOf ? Correction<CorrectionOf[Kind]> : never;
}

/** The correction that amends what each kind of step recorded. */
interface CorrectionOf {
  readonly DesignateCity: 'CorrectCityRecord';
  readonly ScheduleMeeting: 'CorrectMeetingRecord';
}

export interface Correction<Kind extends RegistryCommandType> {
  readonly kind: Kind;
  readonly payload: PayloadFor<Kind>;
  /** its own key, with a digest of what it corrects to: sent again, it appends nothing; values changed again, it is a new correction */
  readonly key: string;
}

export type HistoryStep =
  | StepOf<'AddCreativeField'>
  | StepOf<'DesignateCity'>
  | StepOf<'ChangeCityField'>
  | StepOf<'ScheduleMeeting'>
  | StepOf<'RecordMeetingHosted'>
  | StepOf<'CancelMeeting'>;

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

/** The day a row's city was designated, and the rule that gives it; `source` names a source beyond the CSV. */
function designationDate(row: HistoryCity): { date: CalendarDate; assumption: AssumptionId; source?: string } {
  const sameCity = (d: { city: string; countryCode: string }) => d.city === row.name && d.countryCode === row.countryCode;
  const day = DESIGNATION_DAYS_FROM_SOURCES.find(sameCity);
  const month = DESIGNATION_MONTHS_FROM_SOURCES.find(sameCity);
  const sourced = day ? { date: day.designatedOn, assumption: 'designation-day-from-sources' as const, source: day.source }
    : month ? { date: lastDayOf(month.month), assumption: 'designation-month-from-sources' as const, source: month.source }
    : undefined;
  if (sourced) {
    // the CSV's year is the authority on the year: a day of another year is a mistake in the constants
    if (yearOf(sourced.date) !== row.year) throw new Error(`${row.name} (${row.countryCode}): the sources' day ${sourced.date} is not in the CSV's year ${row.year}`);
    return sourced;
  }
  const announced = CALL_ANNOUNCED_ON[row.year];
  return announced ? { date: announced, assumption: 'call-announcement-day' } : { date: `${row.year}-${UNKNOWN_DESIGNATION_DAY}`, assumption: 'unknown-designation-day' };
}

/** A correction to the facts a step sends, should an earlier import have recorded others. */
function correctionOf<Kind extends RegistryCommandType>(step: { key: string }, kind: Kind, payload: PayloadFor<Kind>): Correction<Kind> {
  return { kind, payload, key: `${step.key}:corrected:${createHash('sha256').update(canonicalJson(payload)).digest('hex').slice(0, 16)}` };
}

/** Why the import amends a row: it names the row and the sources its values come from. */
const amendReason = (source: string) => `the network's history imported again, from sources that give other values than the first import recorded: ${source}`;

type CityStep = Extract<HistoryStep, { kind: 'DesignateCity' | 'ChangeCityField' }>;

function planCities(rows: readonly HistoryCity[]): CityStep[] {
  const ids = cityIdsOf(rows);
  const steps: { step: CityStep; date: CalendarDate; order: number }[] = [];
  for (const row of rows) {
    const cityId = ids.get(row)!;
    const where = `${CITIES_FILE}:${row.line} ${row.name} (${row.countryCode})`;
    const { date, assumption, source } = designationDate(row);
    const change = KNOWN_FIELD_CHANGES.find((c) => c.city === row.name && c.countryCode === row.countryCode && c.firstField !== row.field);
    const shared = cityId !== slugOf(row.name) ? (['shared-city-name'] as const) : [];
    const facts = { name: row.name, country: row.countryCode, field: slugOf(change?.firstField ?? row.field), designatedOn: date };
    const key = `${KEY_PREFIX}:city:${cityId}:designated`;
    steps.push({
      date,
      order: 0,
      step: {
        kind: 'DesignateCity',
        payload: { cityId, ...facts },
        key,
        row: where,
        assumptions: [assumption, ...shared, ...(change ? (['known-field-change'] as const) : [])],
        amend: correctionOf({ key }, 'CorrectCityRecord', { cityId, reason: amendReason(source ? `${where}, ${source}` : where), ...facts }),
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

/** A conference to schedule: a row of the CSV, or one of the notes that did not take place. */
interface PlannedConference {
  readonly row: HistoryConference;
  readonly where: string;
  readonly cancelled?: (typeof CANCELLED_CONFERENCES_FROM_NOTES)[number];
}

const conferenceName = (row: Pick<HistoryConference, 'year' | 'hosts'>) => `${row.year} ${row.hosts.join(' and ')}`;
const meetingIdOf = (row: Pick<HistoryConference, 'year' | 'hosts'>) => slugOf(`annual-conference ${row.year} ${row.hosts.join(' ')}`);

function planConferences(rows: readonly HistoryConference[], cityRows: readonly HistoryCity[], cities: readonly CityStep[]): HistoryStep[] {
  const ids = cityIdsOf(cityRows);
  const idsByName = new Map<string, string[]>();
  for (const [row, id] of ids) idsByName.set(slugOf(row.name), [...(idsByName.get(slugOf(row.name)) ?? []), id]);
  const designated = new Set(cities.map((s) => s.payload.cityId));

  const conferences: PlannedConference[] = [
    ...rows.map((row) => ({ row, where: `${CONFERENCES_FILE}:${row.line} ${row.year} ${row.hosts.join(' and ')}` })),
    // the CSV holds what took place; a conference called off is known from the notes (SOURCES.md §2)
    ...CANCELLED_CONFERENCES_FROM_NOTES.map((c) => ({
      row: { line: 0, edition: c.edition, year: c.year, hosts: c.hosts, startDate: c.startsOn, endDate: c.endsOn, theme: c.theme, format: c.format },
      where: `SOURCES.md §2 ${c.year} ${c.hosts.join(' and ')}`,
      cancelled: c,
    })),
  ];
  const replacing = new Map(CANCELLED_CONFERENCES_FROM_NOTES.map((c) => [c.rescheduledAs, c] as const));
  for (const name of replacing.keys()) {
    if (!rows.some((row) => conferenceName(row) === name)) throw new Error(`no conference ${name} in ${CONFERENCES_FILE} to replace the one cancelled`);
  }

  const planned = conferences.map(({ row, where, cancelled }) => {
    const assumptions: AssumptionId[] = cancelled ? ['cancelled-conference-from-notes'] : [];
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
    const meetingId = meetingIdOf(row);
    const replaced = replacing.get(conferenceName(row));
    if (replaced) assumptions.push('cancelled-conference-from-notes');
    const facts = {
      title: `${row.edition ? `${row.edition} ` : ''}UCCN Annual Conference, ${row.hosts.join(' and ')} ${row.year}`,
      // the 2021 online meeting has no edition: sent without one, and the domain decides
      ...(edition === null ? {} : { edition }),
      hostCityIds,
      ...(venues.length > 0 ? { venue: venues.join('; ') } : {}),
      startsOn,
      endsOn,
      ...(row.theme ? { theme: row.theme } : {}),
      format: FORMATS[row.format.toLowerCase()] ?? (row.format as MeetingFormat),
      // held in place of one called off: it names it, and only so may it keep its edition (DESIGN §6)
      ...(replaced ? { replaces: meetingIdOf(replaced) } : {}),
    };
    const key = `${KEY_PREFIX}:meeting:${meetingId}:scheduled`;
    const schedule: HistoryStep = {
      kind: 'ScheduleMeeting',
      payload: { meetingId, kind: 'annual-conference', ...facts },
      key,
      row: where,
      assumptions,
      // the one it replaces must be on record, cancelled, first
      ...(replaced ? { after: cancellationKey(meetingIdOf(replaced)) } : {}),
      amend: correctionOf({ key }, 'CorrectMeetingRecord', {
        meetingId,
        reason: amendReason(replaced ? `${where}, ${replaced.source}` : where),
        ...facts,
      }),
    };
    const outcome: HistoryStep = cancelled
      ? {
          kind: 'CancelMeeting',
          payload: { meetingId, cancelledOn: cancelled.cancelledOn, reason: cancelled.reason, forceMajeure: true },
          key: cancellationKey(meetingId),
          row: where,
          assumptions: ['cancelled-conference-from-notes', 'unknown-cancellation-day'],
          after: schedule.key,
        }
      : // every row of the file is a meeting that took place (SOURCES.md §2: 2020 has no row)
        {
          kind: 'RecordMeetingHosted',
          payload: { meetingId },
          key: `${KEY_PREFIX}:meeting:${meetingId}:hosted`,
          row: where,
          assumptions: [],
          after: schedule.key,
        };
    return { startsOn, steps: [schedule, outcome] };
  });
  return planned.sort((a, b) => compare(a.startsOn, b.startsOn)).flatMap((p) => p.steps);
}

const cancellationKey = (meetingId: string) => `${KEY_PREFIX}:meeting:${meetingId}:cancelled`;

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

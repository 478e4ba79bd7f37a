import type { CalendarDate } from '@uccn/domain';

/*
 * What the import records where the sources (network-history/SOURCES.md) are silent or the CSV
 * simplifies. Each rule is a named constant, and the import prints the text of every rule it
 * applied with the rows it applied to, so nobody mistakes an assumed date for a sourced one.
 */

/**
 * Since 2014 UNESCO designates in calls, and SOURCES.md (§1.3 and §3 rule 5) gives the day each
 * call's designations were announced. 2019 and 2025 are "30/31 Oct"; 31 October is used, the day
 * of the §1.3 press list for 2019 and the day architecture opened in 2025.
 */
export const CALL_ANNOUNCED_ON: Readonly<Record<number, CalendarDate>> = {
  2014: '2014-12-01',
  2015: '2015-12-11',
  2017: '2017-10-31',
  2019: '2019-10-31',
  2021: '2021-11-08',
  2023: '2023-10-31',
  2025: '2025-10-31',
};

/**
 * 2004–2013: "designations 2004–2013 came one by one" (SOURCES.md §3 rule 5) and the sources give
 * only the year. The last day of the year never shows a city as a member before the sources do,
 * and every count "at the end of the year" stays right.
 */
export const UNKNOWN_DESIGNATION_DAY = '12-31';

/**
 * The exact days SOURCES.md §1.2 gives for designations the CSV dates by year only. Santa Fe's is
 * the day of its designation ceremony, the first UNESCO Creative City in the United States.
 */
export const DESIGNATION_DAYS_FROM_SOURCES: readonly { readonly city: string; readonly countryCode: string; readonly designatedOn: CalendarDate; readonly source: string }[] = [
  {
    city: 'Santa Fe',
    countryCode: 'US',
    designatedOn: '2005-07-13',
    source: 'SOURCES.md §1.2: ceremony 13 July 2005 (http://librarianoutreach.blogspot.com/2005/07/santa-fe-first-unesco-city-of-folk-art.html)',
  },
];

/**
 * Designations SOURCES.md §1.2 dates to a month: recorded on the last day of that month, for the
 * reason the year-only ones are recorded on 31 December (the record never shows a city as a member
 * before the sources do), but eight months nearer the truth for Popayán.
 */
export const DESIGNATION_MONTHS_FROM_SOURCES: readonly { readonly city: string; readonly countryCode: string; readonly month: string; readonly source: string }[] = [
  { city: 'Popayán', countryCode: 'CO', month: '2005-08', source: 'SOURCES.md §1.2: "appointed … August 2005" (http://www.cityofliterature.com/ecol.aspx?sec=8&pid=127)' },
];

/**
 * The XIV conference was called off, and no source gives the day (SOURCES.md §2 says only that it
 * was postponed because of COVID-19). It is recorded as cancelled on the eve of its planned first
 * day: by then it was certainly called off, so the record never shows it cancelled before the
 * sources could, as with the designation days above.
 */
export const SANTOS_2020_CANCELLED_ON: CalendarDate = '2020-07-12';

/**
 * Conferences that did not take place, so the CSV has no row for them, but that SOURCES.md §2
 * describes: each is scheduled as planned and cancelled by force majeure, and the conference of
 * the CSV held in its place (`rescheduledAs`, `<year> <hosts>`) names it as the one it replaces
 * and keeps its edition. Santos 2020 was planned in person, in the host city.
 */
export const CANCELLED_CONFERENCES_FROM_NOTES: readonly {
  readonly edition: string;
  readonly year: number;
  readonly hosts: readonly string[];
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly theme: string;
  readonly format: string;
  readonly cancelledOn: CalendarDate;
  readonly reason: string;
  readonly rescheduledAs: string;
  readonly source: string;
}[] = [
  {
    edition: 'XIV',
    year: 2020,
    hosts: ['Santos'],
    startsOn: '2020-07-13',
    endsOn: '2020-07-17',
    theme: 'Criatividade, Caminho para a Igualdade',
    format: 'in person',
    cancelledOn: SANTOS_2020_CANCELLED_ON,
    reason: 'postponed because of COVID-19 (force majeure)',
    rescheduledAs: '2022 Santos',
    source: 'SOURCES.md §2: planned in Santos for 13–17 July 2020 and postponed because of COVID-19 (https://nacoesunidas.org/unesco-anuncia-adiamento-da-conferencia-anual-da-rede-de-cidades-criativas/)',
  },
];

/**
 * The CSV shows each city's current field. Lyon was designated in media arts in 2008 and was
 * granted literature "following its request to change creative field" in the UNESCO text of the
 * 2023 designations (SOURCES.md §1.1): it is designated in its first field and changed on the day
 * of those designations.
 */
export const KNOWN_FIELD_CHANGES: readonly { readonly city: string; readonly countryCode: string; readonly firstField: string; readonly changedOn: CalendarDate }[] = [
  { city: 'Lyon', countryCode: 'FR', firstField: 'media arts', changedOn: '2023-10-31' },
];

/**
 * Conferences of 2008–2014 (but Seoul 2011) have no dates in any source: each is recorded as a
 * one-day meeting on 1 July of its year, mid-way through the May–November span of the known dates.
 */
export const UNKNOWN_CONFERENCE_DAY = '07-01';

/**
 * Dates the CSV leaves empty but SOURCES.md narrows: Enghien-les-Bains 2025 was held in June 2025
 * and "the Usuki delegation attended on 23–24 June" (§2); those two days are recorded.
 */
export const CONFERENCE_DATES_FROM_NOTES: Readonly<Record<string, { readonly startsOn: CalendarDate; readonly endsOn: CalendarDate }>> = {
  '2025 Enghien-les-Bains': { startsOn: '2025-06-23', endsOn: '2025-06-24' },
};

/**
 * A host that is not a member city is where the meeting took place, not who hosted it: Paris 2008
 * was held at UNESCO Headquarters (SOURCES.md §2, seed 001), recorded as the meeting's venue.
 */
export const VENUES_OF_NON_MEMBER_HOSTS: Readonly<Record<string, string>> = {
  Paris: 'UNESCO Headquarters, Paris',
};

export type AssumptionId =
  | 'call-announcement-day'
  | 'designation-day-from-sources'
  | 'designation-month-from-sources'
  | 'unknown-designation-day'
  | 'known-field-change'
  | 'new-field-opening'
  | 'unknown-conference-dates'
  | 'conference-dates-from-notes'
  | 'non-member-host-is-venue'
  | 'cancelled-conference-from-notes'
  | 'unknown-cancellation-day'
  | 'shared-city-name';

/** The sentence the import prints for each rule. */
export const ASSUMPTIONS: Readonly<Record<AssumptionId, string>> = {
  'call-announcement-day': 'designation day (2014–2025 calls): the day UNESCO announced the call\'s designations (SOURCES.md §1.3, §3.5): ' +
    Object.entries(CALL_ANNOUNCED_ON).map(([, day]) => day).join(', '),
  'designation-day-from-sources': 'designation day given by the sources, not the CSV: ' +
    DESIGNATION_DAYS_FROM_SOURCES.map((d) => `${d.city} (${d.countryCode}): ${d.designatedOn}, ${d.source}`).join('; '),
  'designation-month-from-sources': 'designation month given by the sources, the day unknown: recorded on the last day of the month: ' +
    DESIGNATION_MONTHS_FROM_SOURCES.map((d) => `${d.city} (${d.countryCode}): ${lastDayOf(d.month)}, ${d.source}`).join('; '),
  'unknown-designation-day': `designation day unknown (2004–2013, designated one by one, year only): recorded as ${dayText(UNKNOWN_DESIGNATION_DAY)} of the year`,
  'known-field-change': 'the CSV shows the current field; a known change of field (SOURCES.md §1.1) is recorded as a designation in the first field and a field change: ' +
    KNOWN_FIELD_CHANGES.map((c) => `${c.city}: ${c.firstField} until ${c.changedOn}`).join('; '),
  /*
   * architecture, "an eighth field created in 2025" whose first cities were designated on
   * 30/31 October 2025 (SOURCES.md §1.1), opens on 2025-10-31, so none of them predates it
   */
  'new-field-opening': 'a field beyond the founding seven opens on the day of its first designations in the data',
  'unknown-conference-dates': `conference dates unknown: recorded as a one-day meeting on ${dayText(UNKNOWN_CONFERENCE_DAY)} of its year`,
  'conference-dates-from-notes': 'conference dates missing from the CSV but narrowed by SOURCES.md §2: ' +
    Object.entries(CONFERENCE_DATES_FROM_NOTES).map(([row, d]) => `${row}: ${d.startsOn} to ${d.endsOn}`).join('; '),
  'non-member-host-is-venue': 'a host that is not a member city is recorded as the venue: ' +
    Object.entries(VENUES_OF_NON_MEMBER_HOSTS).map(([host, venue]) => `${host} → "${venue}"`).join('; '),
  'cancelled-conference-from-notes': 'a conference that did not take place (no CSV row) is scheduled as planned and cancelled by force majeure, ' +
    'and the one held in its place replaces it and keeps its edition: ' +
    CANCELLED_CONFERENCES_FROM_NOTES.map((c) => `${c.edition} ${c.hosts.join(' and ')} ${c.year} (${c.startsOn} to ${c.endsOn}, "${c.theme}", ${c.format}), replaced by ${c.edition} ${c.rescheduledAs}; ${c.source}`).join('; '),
  'unknown-cancellation-day': 'cancellation day unknown: recorded on the eve of the planned first day, when it was certainly called off: ' +
    CANCELLED_CONFERENCES_FROM_NOTES.map((c) => `${c.year} ${c.hosts.join(' and ')}: ${c.cancelledOn}`).join('; '),
  'shared-city-name': 'two member cities of the same name get their country code in their id',
};

/** `2005-08` → `2005-08-31` */
export function lastDayOf(month: string): CalendarDate {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
}

function dayText(monthDay: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [month, day] = monthDay.split('-').map(Number);
  return `${day} ${months[month! - 1]}`;
}

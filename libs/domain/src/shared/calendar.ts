/** Domain dates are calendar dates `YYYY-MM-DD`; they compare as strings. */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date: 2024-02-29 yes, 2023-02-29 and 2017-02-30 no. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole years; 29 February falls back to 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const yearOf = (date: CalendarDate): number => Number(date.slice(0, 4));

/** The UTC calendar date of an instant: how the server's clock becomes "today". */
export const calendarDateOf = (instant: Date): CalendarDate => instant.toISOString().slice(0, 10);

/**
 * Instants are accepted in one form, RFC 3339 (ISO 8601 extended with a zone): `2025-01-15T09:30:00Z`,
 * `…09:30:00.123+02:00`, seconds optional. The basic format (`20250115T093000Z`), week dates and
 * bare hours are not instants here: `Date.parse` reads them wrongly or not at all.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** The instant a string names, or `undefined` when it is not one in the form above (or not a real date). */
export function instantOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDate(m[1])) return undefined;
  const time = Date.parse(value.toUpperCase());
  return Number.isNaN(time) ? undefined : new Date(time);
}

export const isInstant = (value: unknown): value is string => instantOf(value) !== undefined;

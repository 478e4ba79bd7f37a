import { isCalendarDate, type CalendarDate } from './calendar.js';
import { isCountryCode } from './country.js';
import { DomainError, invalid, ruleBroken } from './domain-error.js';
import { isSlug, SLUG_MAX_LENGTH } from './slug.js';

/*
 * Shape checks shared by every decider. The HTTP layer validates requests too, but commands also
 * come from importers and from the designation process manager, so the domain does not trust its
 * callers: a malformed command is refused here as `invalid` (400) naming the field at fault.
 */

export function requireSlug(value: unknown, field: string): string {
  if (!isSlug(value)) {
    throw invalid(
      'InvalidSlug',
      `${field} must be lower-case words of letters and digits joined by single hyphens, at most ${SLUG_MAX_LENGTH} characters (got ${show(value)})`,
      field,
    );
  }
  return value;
}

export function requireDate(value: unknown, field: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw invalid('InvalidCalendarDate', `${field} must be a real calendar date YYYY-MM-DD (got ${show(value)})`, field);
  }
  return value;
}

export function requireOptionalDate(value: unknown, field: string): CalendarDate | undefined {
  return value === undefined ? undefined : requireDate(value, field);
}

export function requireCountry(value: unknown, field: string): string {
  if (!isCountryCode(value)) {
    throw invalid('InvalidCountryCode', `${field} must be an ISO 3166-1 alpha-2 code such as SE or PL (got ${show(value)})`, field);
  }
  return value;
}

/**
 * Control characters other than tab and line breaks (NUL, ESC, the C1 range, DEL) and lone
 * surrogates (not Unicode: they cannot be written as UTF-8) have no place in a name or a note, and
 * break the CSV exports and terminals that show them.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Text a person would write: no control characters (other than tab and line breaks), no lone surrogates. */
export const isCleanText = (value: unknown): value is string =>
  typeof value === 'string' && !CONTROL_CHARACTER.test(value) && !LONE_SURROGATE.test(value);

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid('MissingText', `${field} must be a non-empty text`, field);
  }
  if (!isCleanText(value)) {
    throw invalid('InvalidText', `${field} must be text without control characters (other than tab and line breaks) or lone surrogates`, field);
  }
  return value;
}

export function requireOptionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : requireText(value, field);
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid('InvalidChoice', `${field} must be one of ${allowed.join(', ')} (got ${show(value)})`, field);
  }
  return value as T;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid('InvalidBoolean', `${field} must be true or false`, field);
  return value;
}

export function requirePositiveInteger(value: unknown, field: string): number {
  // Number.isInteger(1e308) is true: beyond the safe integers a number is no longer a count
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalid('InvalidNumber', `${field} must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER} (got ${show(value)})`, field);
  }
  return value;
}

/** A list of distinct slugs (host cities, attendees): a city named twice is a typing error. */
export function requireSlugList(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) throw invalid('InvalidList', `${field} must be a list`, field);
  value.forEach((item) => requireSlug(item, field));
  const duplicate = value.find((item, index) => value.indexOf(item) !== index);
  if (duplicate !== undefined) throw invalid('DuplicateValue', `${field} names ${duplicate} more than once`, field);
  return value as readonly string[];
}

/**
 * A period that ends before it starts contradicts itself whatever the history says, so it is a
 * malformed request (400), not a broken rule of the domain (422). Same-day periods are fine.
 */
export function requireOrderedPeriod(start: CalendarDate, end: CalendarDate, startField: string, endField: string): void {
  if (end < start) {
    throw invalid('PeriodEndsBeforeItStarts', `${endField} (${end}) is before ${startField} (${start})`, endField);
  }
}

/** DESIGN §2.3: no domain date in the future. `today` is the server's date, passed in. */
export function requireNotInFuture(date: CalendarDate, today: CalendarDate, field: string): void {
  if (date > today) throw dateInTheFuture(field, date, today);
}

export const dateInTheFuture = (field: string, date: CalendarDate, today: CalendarDate): DomainError =>
  ruleBroken('DateInTheFuture', `${field} ${date} is in the future (today is ${today}); the register records what has happened`);

/** `today` is supplied by the application from the server clock; a bad one is a programming error. */
export function requireToday(value: unknown): CalendarDate {
  return requireDate(value, 'today');
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

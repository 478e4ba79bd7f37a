import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { isCalendarDate, isCleanText, isCountryCode, isInstant, isSlug, SLUG_MAX_LENGTH } from '@uccn/domain';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { RequestValidationFailed, type FieldError } from './problem.js';

/**
 * Requests are validated before they become commands: unknown properties are refused (not
 * silently dropped), and every bad field is named in the 400's `errors`.
 */
export const requestValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationFailed(flatten(errors)),
  });

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? `${field} is not a known property` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A decorator that refuses a value `test` rejects, with "<property> <what it must be>". */
const rule = (name: string, test: (value: unknown) => boolean, mustBe: string) => (options?: ValidationOptions) =>
  ValidateBy({ name, validator: { validate: (value) => test(value), defaultMessage: (args) => `${args?.property} must be ${mustBe}` } }, options);

/** A real calendar date `YYYY-MM-DD`: 2017-02-30 is refused. */
export const IsCalendarDate = rule('isCalendarDate', isCalendarDate, 'a real calendar date YYYY-MM-DD');

/** An instant in one form, RFC 3339 (`2025-01-15T09:30:00Z`, a zone required): never a string compared as it came. */
export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => isInstant(value),
        defaultMessage: (args) => `${args?.property} must be an instant such as 2025-01-15T09:30:00Z (RFC 3339, with a zone)`,
      },
    },
    options,
  );

/** A bound of a range of instants: a calendar date `YYYY-MM-DD` (the whole UTC day) or an instant as `@IsInstant`. */
export const IsDateOrInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDateOrInstant',
      validator: {
        validate: (value) => isCalendarDate(value) || isInstant(value),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD or an instant such as 2025-01-15T09:30:00Z (RFC 3339, with a zone)`,
      },
    },
    options,
  );

/** An id: lower-case words joined by single hyphens, at most 64 characters. */
export const IsSlug = rule('isSlug', isSlug, `lower-case letters and digits in words joined by single hyphens, at most ${SLUG_MAX_LENGTH} characters`);

/**
 * Text a person would write, checked here for the fields the domain never reads in the clear (a
 * contact's name is sealed before the command is built): the same rule as the domain's texts.
 */
export const IsCleanText = rule('isCleanText', (value) => isCleanText(value) && value.trim() !== '', 'a non-empty text without control characters or lone surrogates');

/** An ISO 3166-1 alpha-2 code, upper case (PL, SE). */
export const IsCountryCode = rule('isCountryCode', isCountryCode, 'an ISO 3166-1 alpha-2 country code in upper case, such as PL or SE');

/**
 * A query-string boolean: `true` or `false` become booleans, anything else is left as it came so
 * that `@IsBoolean()` refuses it by name (`overdue=yes` is a 400, not a silent false).
 */
export const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Surrounding spaces dropped before validation: an address pasted with a space is still that address. */
export const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A country code as the store holds it: `se` reads as `SE` (ISO 3166-1 codes are case-insensitive). */
export const UpperCase = () => Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value));

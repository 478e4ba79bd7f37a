/**
 * The one error channel of the domain. `kind` says what went wrong in domain words; the HTTP
 * layer maps it once: invalid → 400, not-found → 404, conflict → 409, rule → 422.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'rule';

export class DomainError extends Error {
  constructor(
    /** stable, PascalCase name of the broken rule, e.g. `CityAlreadyDesignated` */
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** for `invalid`: the request field at fault */
    readonly field?: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalid = (code: string, message: string, field?: string) =>
  new DomainError(code, 'invalid', message, field);
export const notFound = (code: string, message: string) => new DomainError(code, 'not-found', message);
export const conflict = (code: string, message: string) => new DomainError(code, 'conflict', message);
export const ruleBroken = (code: string, message: string) => new DomainError(code, 'rule', message);

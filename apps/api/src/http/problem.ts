/** RFC 9457 problem details, the one shape of every error answer. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly correlationId?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface FieldError {
  /** the request field at fault, dotted for nested ones: `partners.0.country` */
  readonly field: string;
  readonly message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `CityAlreadyDesignated` → `urn:uccn:problem:city-already-designated` */
export const problemType = (code: string): string =>
  `urn:uccn:problem:${code.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase()}`;

/** Thrown by validation: a 400 naming each bad field. */
export class RequestValidationFailed extends Error {
  override readonly name = 'RequestValidationFailed';
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

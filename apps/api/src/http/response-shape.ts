import type { Query, QueryResult } from '@nestjs/cqrs';
import type { Page } from '@uccn/application';
import type { Known } from '@uccn/projections';

/*
 * The response classes are what the OpenAPI document shows; the query's result type is what the
 * API answers. These checks make the two one shape: at the bottom of each *.responses.ts,
 *
 *   responsesMatch<[ResponseMatches<CityResponse, QueryResult<GetCityQuery>>, …]>();
 *
 * compiles only while every response class declares exactly the result's fields, at every depth
 * (nested response classes are checked through their parent), with the same optionality, `null`
 * where the result can be null, and types the result's values belong to: a class may say `string`
 * where the result has a union of strings, since its `enum` lists them. A result field the API does
 * not show must be named in `Omitted`, which says so where the check stands.
 */

/** The items of a paged query's answer. */
export type ItemOf<Q extends Query<Page<unknown>>> = QueryResult<Q>['items'][number];

/**
 * `true` when the response class describes the result exactly, less `Omitted`; otherwise an object
 * whose `differences` name each field that differs and how (`lastReports.nationalAnnual.outcome:
 * missing from the response class`).
 */
export type ResponseMatches<Response, Result, Omitted extends keyof Known<Result> = never> =
  Differences<Response, Omit<Known<Result>, Omitted>, ''> extends infer Found
    ? [Found] extends [never]
      ? true
      : { differences: Found & string }
    : never;

/** Compiles only when every check is `true`: a response class that drifts from its result does not compile. */
export const responsesMatch = <_Checks extends readonly true[]>(): void => undefined;

type Primitive = string | number | boolean | bigint | symbol;

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type IsOptional<T, K extends keyof T> = K extends OptionalKeys<T> ? true : false;

type Differences<Response, Result, Path extends string> =
  | { [K in Exclude<keyof Result, keyof Response> & string]: `${Path}${K}: missing from the response class` }[Exclude<keyof Result, keyof Response> & string]
  | { [K in Exclude<keyof Response, keyof Result> & string]: `${Path}${K}: not in the result` }[Exclude<keyof Response, keyof Result> & string]
  | {
      [K in keyof Response & keyof Result & string]: [IsOptional<Response, K>] extends [IsOptional<Result, K>]
        ? FieldDifferences<Response[K], Result[K], `${Path}${K}`>
        : `${Path}${K}: optional on one side only`;
    }[keyof Response & keyof Result & string];

type FieldDifferences<Response, Result, Path extends string> = [null extends Response ? true : false] extends [null extends Result ? true : false]
  ? ValueDifferences<Exclude<Response, null | undefined>, Exclude<Result, null | undefined>, Path>
  : `${Path}: nullable on one side only`;

type ValueDifferences<Response, Result, Path extends string> = unknown extends Result
  ? unknown extends Response
    ? never
    : `${Path}: unknown in the result, typed in the response class`
  : [Result] extends [readonly (infer ResultItem)[]]
    ? [Response] extends [readonly (infer ResponseItem)[]]
      ? FieldDifferences<ResponseItem, ResultItem, `${Path}[]`>
      : `${Path}: a list in the result only`
    : [Result] extends [Primitive]
      ? [Result] extends [Response]
        ? never
        : `${Path}: of another type`
      : [Response] extends [Primitive | readonly unknown[]]
        ? `${Path}: an object in the result only`
        : string extends keyof Result
          ? [Result] extends [Response]
            ? never
            : `${Path}: a map of another type`
          : Differences<Response, Result, `${Path}.`>;

import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
  type SchemaObject,
} from '@nestjs/swagger';
import { BODY_LIMIT_TEXT } from './body-limit.js';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem.js';
import { CommandAccepted, PageMeta, ProblemDetails } from './openapi.schemas.js';

/** The name of the security scheme declared in openapi.ts. */
export const API_KEY_SCHEME = 'api-key';

/** The document's groups of routes, one per kind of caller (DESIGN §3), and operations. */
export type ApiTag = 'secretariat' | 'audit' | 'analytics' | 'health';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 429 | 503;

const problem = (status: number, title: string, type: string, detail: string, extra: Record<string, unknown> = {}) => ({
  type: problemType(type),
  title,
  status,
  detail,
  ...extra,
  instance: '/api/admin/cities/lyon/field-change',
  correlationId: '0f9d4c1e-6a53-4a3b-9f0e-2a1f0d6c7b21',
});

/** What each status means here, with an answer this API really gives. */
const PROBLEMS: Record<ProblemStatus, { readonly description: string; readonly example: object }> = {
  400: {
    description: 'Malformed or unknown fields (each named in `errors`), or a body that is not JSON.',
    example: problem(400, 'Invalid request', 'InvalidRequest', 'The request has invalid or unknown fields; see errors.', {
      errors: [{ field: 'effectiveOn', message: 'effectiveOn must be a real calendar date YYYY-MM-DD' }],
    }),
  },
  401: {
    description: 'No API key, or not a valid one: send `Authorization: Bearer <key>`.',
    example: problem(401, 'Unauthorized', 'Unauthorized', 'a valid API key is required: Authorization: Bearer <key>'),
  },
  403: {
    description: "The key's role may not call this route.",
    example: problem(403, 'Forbidden', 'Forbidden', 'the analyst role may not call this route; it needs secretariat'),
  },
  404: {
    description: 'The city, report, meeting, application, partnership or projection named does not exist.',
    example: problem(404, 'Not found', 'CityNotFound', 'no city atlantis has been designated in the network', { code: 'CityNotFound' }),
  },
  409: {
    description: 'The state forbids it (already designated, duplicate report id, hosting a cancelled meeting…), or the record kept changing concurrently.',
    example: problem(409, 'Conflict', 'CityFieldUnchanged', 'lyon is already in literature', { code: 'CityFieldUnchanged' }),
  },
  412: {
    description: '`If-Match` names a revision the record has moved past; `currentRevision` says where it is now.',
    example: problem(412, 'Precondition failed', 'PreconditionFailed', 'city-lyon is at revision 3, not 1; read it again and retry with its current ETag', {
      currentRevision: 3,
    }),
  },
  413: {
    description: `The body is over ${BODY_LIMIT_TEXT}.`,
    example: problem(413, 'Request body too large', 'Request body too large', `The request body is larger than the limit of ${BODY_LIMIT_TEXT}.`),
  },
  422: {
    description: 'A rule of the domain forbids it (not a member on that date, a date in the future, a field not yet open…), or an `Idempotency-Key` reused with another body.',
    example: problem(422, 'A rule of the domain forbids it', 'FieldNotOpen', 'music is not open to designations on 2003-12-31', { code: 'FieldNotOpen' }),
  },
  429: {
    description: 'More requests in a minute than the key may send (`UCCN_RATE_LIMIT`).',
    example: problem(429, 'Too many requests', 'Too many requests', 'more than 600 requests in a minute; retry after 1 minute'),
  },
  503: {
    description: 'A store is unavailable; nothing was changed. Retry after the `Retry-After` seconds.',
    example: problem(503, 'Service unavailable', 'StoreUnavailable', 'A store of the registry is unavailable; nothing was changed. Retry later.'),
  },
};

/** Every command can meet these, whatever it changes. */
const COMMAND_PROBLEMS: readonly ProblemStatus[] = [400, 401, 403, 409, 412, 413, 422, 429, 503];
/** Every read can meet these. */
const READ_PROBLEMS: readonly ProblemStatus[] = [401, 403, 429, 503];

/** The error answers, each `application/problem+json` with the shared ProblemDetails schema. */
export const ApiProblems = (...statuses: ProblemStatus[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...[...new Set(statuses)].sort((a, b) => a - b).map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status].description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) }, example: PROBLEMS[status].example } },
      }),
    ),
  );

/** On a controller: its group in the document, and the API key it needs. */
export const ApiArea = (area: Exclude<ApiTag, 'health'>) => applyDecorators(ApiTags(area), ApiBearerAuth(API_KEY_SCHEME));

export interface ApiCommandOptions {
  readonly summary: string;
  /** the command's type (`DesignateCity`): set by `@CommandRoute` */
  readonly operationId?: string;
  readonly description?: string;
  /** errors beyond those every command can meet, e.g. 404 when the route names a record */
  readonly errors?: readonly ProblemStatus[];
}

/** A secretariat's command: `201 { id, revision, position }` with `ETag`, its headers and errors. */
export const ApiCommand = ({ summary, operationId, description, errors = [] }: ApiCommandOptions) =>
  applyDecorators(
    ApiOperation({ summary, ...(operationId ? { operationId } : {}), ...(description ? { description } : {}) }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key and body appends nothing and gets the first answer again, with `Idempotent-Replayed: true`; the same key with another body is a 422.',
      schema: { type: 'string', example: 'designate-ostersund-2010' },
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: "The record's revision as an ETag, as the last answer gave it: 412 when the record has moved since.",
      schema: { type: 'string', example: '"0"' },
    }),
    ApiCreatedResponse({
      description: 'Recorded.',
      type: CommandAccepted,
      headers: {
        ETag: { description: "the record's stream revision after the command", schema: { type: 'string', example: '"0"' } },
        'Idempotent-Replayed': { description: '`true` when this answers a retry of an earlier request', schema: { type: 'string', example: 'true' } },
      },
    }),
    ApiProblems(...COMMAND_PROBLEMS, ...errors),
  );

export interface ApiReadOptions {
  readonly summary: string;
  readonly description?: string;
  /** the answer: a response class, or `page(Item)` for a paged list */
  readonly answer: Type<unknown> | PagedAnswer;
  /** errors beyond 401, 403, 429 and 503: 400 for queries and ids, 404 for lookups */
  readonly errors?: readonly ProblemStatus[];
}

export interface PagedAnswer {
  readonly item: Type<unknown>;
  /** extra properties beside `items, total, page, limit` (compliance's `asOf`) */
  readonly extra?: Record<string, SchemaObject>;
}

/** `{ items: Item[], total, page, limit }` */
export const page = (item: Type<unknown>, extra?: Record<string, SchemaObject>): PagedAnswer => ({ item, ...(extra ? { extra } : {}) });

/** A read: its 200 answer and errors. */
export const ApiRead = ({ summary, description, answer, errors = [] }: ApiReadOptions) =>
  applyDecorators(
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ...('item' in answer
      ? [
          ApiExtraModels(PageMeta, answer.item),
          ApiOkResponse({
            schema: {
              allOf: [
                { $ref: getSchemaPath(PageMeta) },
                {
                  type: 'object',
                  required: ['items', ...Object.keys(answer.extra ?? {})],
                  properties: { ...answer.extra, items: { type: 'array', items: { $ref: getSchemaPath(answer.item) } } },
                },
              ],
            },
          }),
        ]
      : [ApiOkResponse({ type: answer })]),
    ApiProblems(...READ_PROBLEMS, ...errors),
  );

/** The secretariat's rebuild: accepted, not a command on a stream (no body, no ETag). */
export const ApiAccepted = ({ summary, description, answer, errors = [] }: Omit<ApiReadOptions, 'answer'> & { answer: Type<unknown> }) =>
  applyDecorators(
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiAcceptedResponse({ type: answer }),
    ApiProblems(...READ_PROBLEMS, ...errors),
  );

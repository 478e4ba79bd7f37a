import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyRetriesExhausted, IdempotencyKeyReused, PreconditionFailed } from '@uccn/application';
import { DomainError, type DomainErrorKind } from '@uccn/domain';
import { EventStoreUnavailable, WrongExpectedRevision } from '@uccn/event-store';
import { ReadStoreUnavailable } from '@uccn/read-store';
import { redactedUrl } from '@uccn/runtime';
import { BODY_LIMIT_TEXT, drainBody } from './body-limit.js';
import { PROBLEM_CONTENT_TYPE, problemType, RequestValidationFailed, type Problem } from './problem.js';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = { invalid: 400, 'not-found': 404, conflict: 409, rule: 422 };

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'A rule of the domain forbids it',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * The one place errors become answers: every error is `application/problem+json` (RFC 9457).
 * Domain errors map by kind; anything unexpected is a bare 500 that carries only the correlation
 * id, which the log line carries too — no stack or internal message ever leaves the server.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = { ...toProblem(exception), instance: redactedUrl(request.url), correlationId: request.id };
    if (problem.status >= 500) {
      this.logger.error({ correlationId: request.id, method: request.method, url: redactedUrl(request.url), error: describe(exception) });
    }
    if (problem.status === 503) void reply.header('retry-after', '5');
    const send = () => void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
    if (request.raw.complete) return send();
    // refused before its body was read (413 by Content-Length, 415, 429): read the rest first, so
    // that the client, still sending, can read why; then the connection closes
    void reply.header('connection', 'close');
    void drainBody(request.raw).then(send);
  }
}

/** A problem of a status the filter names, with its own detail: for refusals made outside Nest. */
export function problemOf(status: number, detail: string): Problem {
  const title = TITLES[status] ?? 'Error';
  return { type: problemType(title), title, status, detail };
}

export function toProblem(exception: unknown): Problem {
  if (exception instanceof RequestValidationFailed) {
    return { type: problemType('InvalidRequest'), title: 'Invalid request', status: 400, detail: 'The request has invalid or unknown fields; see errors.', errors: exception.errors };
  }
  if (exception instanceof DomainError) {
    const status = STATUS_OF_KIND[exception.kind];
    return {
      type: problemType(exception.code),
      title: TITLES[status]!,
      status,
      detail: exception.message,
      code: exception.code,
      ...(exception.field ? { errors: [{ field: exception.field, message: exception.message }] } : {}),
    };
  }
  if (exception instanceof IdempotencyKeyReused) {
    return { type: problemType('IdempotencyKeyReused'), title: TITLES[422]!, status: 422, detail: exception.message };
  }
  if (exception instanceof PreconditionFailed) {
    return { type: problemType('PreconditionFailed'), title: TITLES[412]!, status: 412, detail: `${exception.message}; read it again and retry with its current ETag`, currentRevision: exception.actual };
  }
  if (exception instanceof ConcurrencyRetriesExhausted || exception instanceof WrongExpectedRevision) {
    return { type: problemType('ConcurrentChange'), title: TITLES[409]!, status: 409, detail: 'The record changed concurrently too many times; retry the request.' };
  }
  if (exception instanceof EventStoreUnavailable || exception instanceof ReadStoreUnavailable) {
    return { type: problemType('StoreUnavailable'), title: TITLES[503]!, status: 503, detail: 'A store of the registry is unavailable; nothing was changed. Retry later.' };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { type: problemType(TITLES[status] ?? 'HttpError'), title: TITLES[status] ?? 'Error', status, detail: status === 413 || status === 415 ? frameworkDetail(status) : httpDetail(exception) };
  }
  const status = clientStatusOf(exception);
  if (status) {
    return { type: problemType(TITLES[status] ?? 'HttpError'), title: TITLES[status] ?? 'Error', status, detail: frameworkDetail(status) };
  }
  return { type: problemType('InternalError'), title: TITLES[500]!, status: 500, detail: 'An unexpected error occurred. Quote the correlation id when reporting it.' };
}

function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}

/** Fastify's own 4xx errors (malformed JSON, body too large, wrong content type). */
function clientStatusOf(exception: unknown): number | null {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function frameworkDetail(status: number): string {
  switch (status) {
    case 400: return 'The request body is not valid JSON.';
    case 413: return `The request body is larger than the limit of ${BODY_LIMIT_TEXT}.`;
    case 415: return 'Send the request body as application/json.';
    default: return TITLES[status] ?? 'The request cannot be processed.';
  }
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}\n${exception.stack ?? ''}` : String(exception);
}

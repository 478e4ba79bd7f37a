import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@uccn/application';
import { RequestValidationFailed } from './problem.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH = /^"(\d+)"$/;

/**
 * The command's context from the request: the caller (set by the guard), the correlation id
 * (Fastify's request id, taken from `X-Correlation-Id` when sent), `Idempotency-Key` and
 * `If-Match: "<revision>"`.
 */
export const CommandContextOf = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const principal = request.principal;
  if (!principal) throw new Error('CommandContextOf used on a route without @Roles');
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new RequestValidationFailed([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters' }]);
  }
  const ifMatch = header(request, 'if-match');
  const match = ifMatch === undefined ? null : IF_MATCH.exec(ifMatch.trim());
  if (ifMatch !== undefined && !match) {
    throw new RequestValidationFailed([{ field: 'If-Match', message: 'If-Match must be a stream revision as an ETag, e.g. "3"' }]);
  }
  return {
    actor: principal.name,
    role: principal.role,
    correlationId: request.id,
    ...(idempotencyKey !== undefined ? { idempotencyKey, ...(request.requestHash ? { requestHash: request.requestHash } : {}) } : {}),
    ...(match ? { expectedRevision: Number(match[1]) } : {}),
  };
});

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

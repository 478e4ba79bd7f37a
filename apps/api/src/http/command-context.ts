import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { requestDigest, type CommandContext, type RegistryCommandType } from '@uccn/application';
import { RequestValidationFailed } from './problem.js';

/** Route metadata: the command a route sends (`@CommandRoute` sets it), the metrics' and logs' label. */
export const COMMAND_TYPE = Symbol('uccn:command-type');

export const commandTypeOf = (reflector: Reflector, context: ExecutionContext): RegistryCommandType | undefined =>
  reflector.get<RegistryCommandType | undefined>(COMMAND_TYPE, context.getHandler());

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH = /^"(\d+)"$/;

/**
 * The command's context from the request: the caller (set by the guard), the correlation id
 * (Fastify's request id, taken from `X-Correlation-Id` when sent), `Idempotency-Key` and
 * `If-Match: "<revision>"`. The request's digest is keyed (`keyedDigest`): see `requestDigest`.
 */
export function commandContextOf(request: FastifyRequest, keyedDigest: (text: string) => string): CommandContext {
  const principal = request.principal;
  if (!principal) throw new Error('a command route without @Roles: no caller to record');
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
    ...(idempotencyKey !== undefined ? { idempotencyKey, requestHash: requestDigest(keyedDigest, request.method, request.url, request.body) } : {}),
    ...(match ? { expectedRevision: Number(match[1]) } : {}),
  };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

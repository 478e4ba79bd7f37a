import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream, Level } from 'pino';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { RegistryConfig } from '@uccn/config';

export type LogLevel = RegistryConfig['logLevel'];

/** Probes hit these every few seconds: their lines would drown the rest. */
const UNLOGGED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

const LOGGED = Symbol('uccn.requestLogged');

/**
 * nestjs-pino mounts pino-http once for the prefixed routes and once per path excluded from the
 * prefix (`/`, `/health` …), so some requests pass through it more than once; only the first
 * pass logs the request.
 */
function unlogged(req: IncomingMessage & { [LOGGED]?: true }): boolean {
  if (req[LOGGED]) return true;
  req[LOGGED] = true;
  return UNLOGGED_PATHS.test(pathOf(req));
}

/** Query parameters that carry a credential when a client puts one in the URL (the API reads keys only from `Authorization`). */
const CREDENTIAL_PARAMETER = /([?&](?:key|api[_-]?key|access[_-]?token|token)=)[^&#]*/gi;

/** A URL fit for a log line or a problem's `instance`: a key sent as `?key=…` reads `?key=[redacted]`. */
export const redactedUrl = (url: string): string => url.replace(CREDENTIAL_PARAMETER, '$1[redacted]');

/** The path as sent, redacted: middie rewrites `req.url` relative to each middleware's mount path. */
const pathOf = (req: IncomingMessage & { originalUrl?: string }): string => redactedUrl(req.originalUrl ?? req.url ?? '');

/**
 * nestjs-pino's options: one JSON line per request and per command, each carrying the request id
 * (Fastify's, i.e. the `X-Correlation-Id` sent or a UUID; middie copies it onto the raw request
 * that pino-http sees). Requests are logged by method, path and status only: no header is
 * logged, so no key can be; the redaction is a second guard for any line that carries one.
 */
export function loggerParams(level: LogLevel, destination?: DestinationStream): Params {
  const options: Options = {
    level,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req) => req.id ?? randomUUID(),
    serializers: {
      req: (req: { id: string; method: string; url: string; raw?: IncomingMessage }) => ({ id: req.id, method: req.method, url: req.raw ? pathOf(req.raw) : redactedUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', '*.key', 'key', '*.apiKey'], censor: '[redacted]' },
    autoLogging: { ignore: unlogged },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error): Level => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

type NestLogLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/** `false` is silent; Nest's level list maps to its most verbose level; nothing given: the configured level. */
export function logLevelOf(config: RegistryConfig, given?: readonly NestLogLevel[] | false): LogLevel {
  if (given === undefined) return config.logLevel;
  if (given === false || given.length === 0) return 'silent';
  if (given.includes('debug') || given.includes('verbose')) return 'debug';
  if (given.includes('log')) return 'info';
  if (given.includes('warn')) return 'warn';
  return 'error';
}

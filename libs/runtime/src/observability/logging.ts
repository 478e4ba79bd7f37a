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

/**
 * The query parameters the API reads (DESIGN §3), none of which carries a credential or a person:
 * their values are logged as sent. Any other parameter's value may be anything a client put in a
 * URL — a key sent as `?key=…`, an e-mail address — and is redacted.
 */
const PLAIN_PARAMETERS: ReadonlySet<string> = new Set([
  'asOf', 'knownAt', 'field', 'country', 'status', 'page', 'limit', 'kind', 'year', 'callYear', 'cityId', 'partnershipId',
  'stream', 'type', 'actor', 'from', 'to', 'after', 'overdue',
]);

/** A path segment that looks like an e-mail address (`@`, or `%40` encoded) is no id of the API's. */
const ADDRESS_LIKE = /@|%40/i;

/**
 * A URL fit for a log line or a problem's `instance`: the path, with any segment that looks like
 * an address redacted, and the query with the values of parameters the API does not define
 * redacted (`?key=[redacted]`, `?email=[redacted]`): a URL is no place for a credential or a
 * person, but a client may put one there (DESIGN §7).
 */
export function redactedUrl(url: string): string {
  const [path = '', query] = splitOnce(url, '?');
  const safePath = path.split('/').map((segment) => (ADDRESS_LIKE.test(segment) ? '[redacted]' : segment)).join('/');
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const [name = '', value] = splitOnce(pair, '=');
      return value === undefined || PLAIN_PARAMETERS.has(name) ? pair : `${name}=[redacted]`;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

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

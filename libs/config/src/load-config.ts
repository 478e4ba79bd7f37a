import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, ROLES, type ApiKey, type RegistryConfig, type Role } from './registry-config.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; a wrong value stops the start with a message naming it. */
export function loadConfig(env: Env = process.env): RegistryConfig {
  const dataDir = path.resolve(env.UCCN_DATA_DIR?.trim() || './data');
  const eventStoreUrl = optionalUrl(env, 'EVENTSTORE_URL', /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb|kdb\+discover):\/\//);
  const mongodbUrl = optionalUrl(env, 'MONGODB_URL', /^mongodb(\+srv)?:\/\//);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir,
    apiKeys: apiKeys(env),
    eventStoreUrl,
    mongodbUrl,
    runProjections: boolean(env, 'UCCN_RUN_PROJECTIONS', true),
    projectionBatchSize: integer(env, 'UCCN_PROJECTION_BATCH_SIZE', 1000, 1, 100_000),
    rateLimitPerMinute: integer(env, 'UCCN_RATE_LIMIT', 600, 0, 1_000_000),
    idempotencyTtlHours: integer(env, 'UCCN_IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 365),
    corsOrigins: (env.UCCN_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    logLevel: oneOf(env, 'UCCN_LOG_LEVEL', ['silent', 'error', 'warn', 'info', 'debug'] as const, 'info'),
    subjectSecret: subjectSecret(env),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, 'true or false', env[name]);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `one of ${values.join(', ')}`, raw);
}

function optionalUrl(env: Env, name: string, scheme: RegExp): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  if (!scheme.test(raw)) throw new ConfigError(name, `a URL matching ${scheme.source}`, raw);
  return raw;
}

function apiKeys(env: Env): readonly ApiKey[] | null {
  const inline = env.UCCN_API_KEYS?.trim();
  const file = env.UCCN_API_KEYS_FILE?.trim();
  if (inline && file) throw new ConfigError('UCCN_API_KEYS', 'unset when UCCN_API_KEYS_FILE is set (one source of keys)', '…');
  if (!inline && !file) return null;
  const [name, text] = inline ? ['UCCN_API_KEYS', inline] : ['UCCN_API_KEYS_FILE', readKeysFile(file!)];
  return parseApiKeys(name, text);
}

function readKeysFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError('UCCN_API_KEYS_FILE', 'the path of a readable JSON file', file);
  }
}

const EXPECTED_KEYS = 'a JSON array of {"name","role","key"} with role secretariat, auditor or analyst, unique names and keys of at least 16 characters';

/** Never echoes the value: it holds secrets. */
export function parseApiKeys(variable: string, text: string): readonly ApiKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(variable, EXPECTED_KEYS, undefined);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new ConfigError(variable, EXPECTED_KEYS, undefined);
  const keys = parsed.map((entry): ApiKey => {
    const { name, role, key } = (entry ?? {}) as Record<string, unknown>;
    const valid =
      typeof name === 'string' && name.trim() !== '' &&
      typeof role === 'string' && (ROLES as readonly string[]).includes(role) &&
      typeof key === 'string' && key.length >= 16;
    if (!valid) throw new ConfigError(variable, EXPECTED_KEYS, undefined);
    return { name: name as string, role: role as Role, key: key as string };
  });
  if (new Set(keys.map((k) => k.name)).size !== keys.length || new Set(keys.map((k) => k.key)).size !== keys.length) {
    throw new ConfigError(variable, EXPECTED_KEYS, undefined);
  }
  return keys;
}

const EXPECTED_SECRET = 'at least 32 characters (e.g. `openssl rand -base64 32`)';

/**
 * The secret every process of one registry must share: subject ids made under another secret name
 * other subjects. Never echoes the value.
 */
function subjectSecret(env: Env): string | null {
  const inline = env.UCCN_SUBJECT_SECRET?.trim();
  const file = env.UCCN_SUBJECT_SECRET_FILE?.trim();
  if (inline && file) throw new ConfigError('UCCN_SUBJECT_SECRET', 'unset when UCCN_SUBJECT_SECRET_FILE is set (one source of the secret)', '…');
  if (!inline && !file) return null;
  let secret = inline;
  if (file) {
    try {
      secret = fs.readFileSync(file, 'utf8').trim();
    } catch {
      throw new ConfigError('UCCN_SUBJECT_SECRET_FILE', 'the path of a readable file', file);
    }
  }
  if (!secret || secret.length < 32) throw new ConfigError(file ? 'UCCN_SUBJECT_SECRET_FILE' : 'UCCN_SUBJECT_SECRET', EXPECTED_SECRET, undefined);
  return secret;
}

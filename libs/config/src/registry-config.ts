export type Role = 'secretariat' | 'auditor' | 'analyst';
export const ROLES: readonly Role[] = ['secretariat', 'auditor', 'analyst'];

export interface ApiKey {
  readonly name: string;
  readonly role: Role;
  readonly key: string;
}

/** Everything the processes read from the environment, validated once at start. */
export interface RegistryConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** keys given by UCCN_API_KEYS / UCCN_API_KEYS_FILE; `null` when none: embedded mode generates them */
  readonly apiKeys: readonly ApiKey[] | null;
  readonly eventStoreUrl: string | null;
  readonly mongodbUrl: string | null;
  /** run the projections inside the API process (the embedded default) */
  readonly runProjections: boolean;
  /** the largest batch of events a projection applies in one unit of work */
  readonly projectionBatchSize: number;
  /** requests per minute per key; 0 turns rate limiting off */
  readonly rateLimitPerMinute: number;
  /** how long an idempotency key's first answer is kept */
  readonly idempotencyTtlHours: number;
  /** origins allowed by CORS; empty means CORS stays off */
  readonly corsOrigins: readonly string[];
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /**
   * the registry secret under which subject ids are made (DESIGN §7), from UCCN_SUBJECT_SECRET or
   * UCCN_SUBJECT_SECRET_FILE; `null` when none: it is generated into the data directory
   */
  readonly subjectSecret: string | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly variable: string, expected: string, actual: string | undefined) {
    super(`${variable} must be ${expected}${actual === undefined ? '' : ` (got ${JSON.stringify(actual)})`}`);
  }
}

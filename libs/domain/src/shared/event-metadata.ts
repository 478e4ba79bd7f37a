/**
 * Metadata every event carries (DESIGN §2). Two clocks, never mixed: the domain date lives in
 * the event data; `recordedAt` is when the system learned it.
 */
export interface EventMetadata {
  readonly eventId: string;
  /** the API key's name */
  readonly actor: string;
  readonly role: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  /** digest of the request that carried the idempotency key */
  readonly requestHash?: string;
  /** server time, ISO 8601 */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  /** hash chained over the stream's previous event (tamper evidence) */
  readonly hash?: string;
  readonly previousHash?: string | null;
}

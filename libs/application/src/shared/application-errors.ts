/** `If-Match` named a revision the stream has moved past (412). */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
  constructor(readonly streamId: string, readonly expected: number, readonly actual: number) {
    super(`stream ${streamId} is at revision ${actual}, not ${expected}`);
  }
}

/** The stream kept moving under a command through every bounded retry (409). */
export class ConcurrencyRetriesExhausted extends Error {
  override readonly name = 'ConcurrencyRetriesExhausted';
  constructor(readonly streamId: string, readonly attempts: number) {
    super(`stream ${streamId} changed concurrently ${attempts} times; the command was not applied`);
  }
}

/** An idempotency key already used by this caller for a different request (422). */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency-Key ${JSON.stringify(idempotencyKey)} was already used for a different request; use a new key for a new request`);
  }
}

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

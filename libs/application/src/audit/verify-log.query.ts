import { Query } from '@nestjs/cqrs';

export interface LogVerification {
  readonly ok: boolean;
  /** events whose hash was recomputed */
  readonly checked: number;
  /** the global position of the first event that does not verify */
  readonly firstBrokenAt?: number;
}

/** Recompute the log's hash chain from position 0. */
export class VerifyLogQuery extends Query<LogVerification> {}

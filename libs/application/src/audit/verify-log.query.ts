import { Query } from '@nestjs/cqrs';
import type { LogAnchor } from './log-anchor.js';

export interface LogVerification {
  readonly ok: boolean;
  /** events whose hash was recomputed */
  readonly checked: number;
  /** the global position of the first event that does not verify (or that is missing) */
  readonly firstBrokenAt?: number;
  /**
   * why: `hash` — the event's content or its stream's chain does not match; `anchor` — the log
   * up to this position differs from what its anchor recorded (an event before it was removed or
   * inserted); `missing` — an anchor vouched for this position and the log no longer holds it
   */
  readonly reason?: 'hash' | 'anchor' | 'missing';
  /** the newest anchor met: keep it outside the registry to catch a later cut of the log's end */
  readonly newestAnchor?: LogAnchor;
}

/** Recompute the log's hash chain from position 0. */
export class VerifyLogQuery extends Query<LogVerification> {}

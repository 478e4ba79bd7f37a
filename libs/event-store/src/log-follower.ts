import { setTimeout as sleep } from 'node:timers/promises';
import { retryWithBackoff, type Backoff } from './backoff.js';
import type { RecordedEvent, Subscription } from './event-store.port.js';

/** What one process does with the log; the follower owns the loop, the retries and the stop. */
export interface LogFollowing {
  /**
   * Reads the process's checkpoint (and whatever else it needs to go on from there) and answers
   * the position to follow the log after. Called at the start and again after every failure.
   */
  readonly resume: () => Promise<number>;
  /** Opens the subscription after `position`, e.g. `events.subscribeToAll({ after, batchSize })`. */
  readonly subscribe: (after: number) => Subscription;
  /**
   * Handles one batch, its checkpoint included. Answers `halt` to stop following for good (a
   * reducer failed: the process stands at that event until it is started anew).
   */
  readonly handle: (batch: readonly RecordedEvent[]) => Promise<void | 'halt'>;
  /** Told of a failure (a store away) before it is waited out; then the following resumes. */
  readonly onRetry: (error: unknown, waitMs: number) => void | Promise<void>;
  /** by default 250 ms, doubling up to 30 s */
  readonly backoff?: Partial<Backoff>;
}

/**
 * Follows the global log from a checkpoint, a batch at a time, until stopped: the projection
 * runner's generations, the designation process, the erasure process and the log anchors. A
 * failure anywhere (a store away) is waited out with back-off and the following starts again from
 * the checkpoint, so what a batch did is either checkpointed or done again, never skipped.
 */
export class LogFollower {
  private readonly stopping = new AbortController();
  private subscription: Subscription | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly following: LogFollowing) {}

  /** True once stop() was called; the follower does not start again. */
  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /**
   * Resolves once `reached()` holds or the follower was stopped: what each process's
   * `waitForPosition` asks of its own position (polled, for tests, the bench and the CLI).
   */
  async until(reached: () => boolean): Promise<void> {
    while (!this.stopped && !reached()) await sleep(5);
  }

  start(): void {
    if (this.stopped) return;
    this.running ??= retryWithBackoff(() => this.follow(), { ...this.following.backoff, signal: this.stopping.signal, onRetry: this.following.onRetry });
  }

  /**
   * Resolves once no batch is being handled any more, and none will be: the batch under way is
   * finished (a designation acknowledged is also recorded), no other is begun, a wait ends at once.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.subscription?.close();
    await this.running;
  }

  /** A subscription that ends on its own (the store ended it) is opened again from the checkpoint. */
  private async follow(): Promise<void> {
    while (!this.stopped) {
      if ((await this.followOnce()) === 'halt') return;
    }
  }

  private async followOnce(): Promise<void | 'halt'> {
    const after = await this.following.resume();
    // checked in the same turn as the subscription is opened: a stop() during the awaits above
    // found no subscription to close, and a live one would never end on its own
    if (this.stopped) return;
    const subscription = this.following.subscribe(after);
    this.subscription = subscription;
    try {
      for await (const batch of subscription) {
        if (this.stopped) return;
        if ((await this.following.handle(batch)) === 'halt') return 'halt';
        if (this.stopped) return;
      }
    } finally {
      await subscription.close();
    }
  }
}

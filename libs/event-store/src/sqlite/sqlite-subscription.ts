import type { RecordedEvent, Subscription } from '../event-store.port.js';
import type { AppendNotifier } from './append-notifier.js';

export interface SubscriptionSource {
  /** Reads up to `maxCount` events with a position greater than `after` (synchronously). */
  readonly readAfter: (after: number, maxCount: number) => RecordedEvent[];
  readonly notifier: AppendNotifier;
  /** Fallback for appends made by another process (a CLI), which the notifier cannot see. */
  readonly pollIntervalMs: number;
  readonly onClosed: (subscription: SqliteSubscription) => void;
}

/**
 * Pull-based catch-up subscription: a batch is read only when the consumer asks for the next one,
 * and when the log has nothing new it sleeps until an append in this process or the poll timer.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly after: number,
    private readonly batchSize: number,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    return this.batches();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeUp?.();
    this.source.onClosed(this);
  }

  private async *batches(): AsyncGenerator<readonly RecordedEvent[]> {
    let after = this.after;
    try {
      while (!this.closed) {
        const batch = this.source.readAfter(after, this.batchSize);
        if (batch.length === 0) {
          await this.nextAppendOrPoll();
          continue;
        }
        after = batch[batch.length - 1]!.position;
        yield batch;
      }
    } finally {
      // `break` in the consumer's for-await ends the subscription too.
      await this.close();
    }
  }

  private nextAppendOrPoll(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stopListening();
        this.wakeUp = undefined;
        resolve();
      };
      // Registered in the same tick as the empty read, so no commit can slip in between.
      const stopListening = this.source.notifier.once(done);
      const timer = setTimeout(done, this.source.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}

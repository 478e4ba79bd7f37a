import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffOptions {
  readonly isStopped: () => boolean;
  /** aborts the wait between attempts when the process stops */
  readonly signal: AbortSignal;
  /** the first wait; it doubles up to 30 s */
  readonly firstDelayMs?: number;
  readonly onError: (error: unknown, retryInMs: number) => void;
}

/**
 * Runs a log-following process until it returns or is stopped; a failure (a store away) is
 * waited out with exponential back-off and the process starts again from its own checkpoint.
 */
export async function runWithBackoff(run: () => Promise<void>, options: BackoffOptions): Promise<void> {
  let delay = options.firstDelayMs ?? 250;
  while (!options.isStopped()) {
    try {
      await run();
      return;
    } catch (error) {
      if (options.isStopped()) return;
      options.onError(error, delay);
      await sleep(delay, undefined, { signal: options.signal }).catch(() => {});
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

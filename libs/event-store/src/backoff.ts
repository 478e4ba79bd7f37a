import { setTimeout as sleep } from 'node:timers/promises';

/** How long to wait after failures in a row: doubling from the first wait, up to a cap. */
export interface Backoff {
  /** the wait after the first failure; each further failure doubles it */
  readonly firstDelayMs: number;
  /** no wait is longer */
  readonly maxDelayMs: number;
  /**
   * `full`: each wait is drawn at random below the doubled delay, so callers that failed together
   * (writers racing for one stream) do not all come back at the same moment
   */
  readonly jitter?: 'none' | 'full';
}

/** What the processes that follow the log wait out a store outage with. */
export const STORE_OUTAGE_BACKOFF: Backoff = { firstDelayMs: 250, maxDelayMs: 30_000 };

/** The wait after `failures` failures in a row (1 for the first). */
export function backoffDelay(failures: number, backoff: Backoff): number {
  // the exponent stops growing long after any cap is reached: an outage of hours must not make
  // the delay Infinity, nor NaN with a first wait of 0
  const delay = Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** Math.min(failures - 1, 40));
  return backoff.jitter === 'full' ? Math.random() * delay : delay;
}

export interface RetryOptions extends Partial<Backoff> {
  /** stops the retrying: no attempt starts once it is aborted, and a wait under way ends at once */
  readonly signal?: AbortSignal;
  /** attempts in all, the first included; without it they go on until one succeeds or `signal` stops them */
  readonly maxAttempts?: number;
  /** attempts the caller already made and saw fail: the wait after them comes first */
  readonly failedBefore?: number;
  /** whether a failure is worth another attempt (a store away); any other is thrown at once */
  readonly retryable?: (error: unknown) => boolean;
  /** told of each failure that is about to be waited out, before the wait */
  readonly onRetry?: (error: unknown, waitMs: number) => void | Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, waiting out failures with exponential back-off (by default
 * 250 ms doubling up to 30 s, as for a store outage). Resolves with what the attempt answered, or
 * with undefined once `signal` has stopped the retrying: a failure then is not reported, since
 * the caller is going away. Rejects with a failure that is not retryable, or with the last one
 * once `maxAttempts` are used up.
 */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T | undefined> {
  const { signal, maxAttempts = Infinity, retryable = () => true, onRetry } = options;
  const backoff: Backoff = {
    firstDelayMs: options.firstDelayMs ?? STORE_OUTAGE_BACKOFF.firstDelayMs,
    maxDelayMs: options.maxDelayMs ?? STORE_OUTAGE_BACKOFF.maxDelayMs,
    jitter: options.jitter ?? 'none',
  };
  let failures = options.failedBefore ?? 0;
  if (failures > 0) await pause(backoffDelay(failures, backoff), signal);
  while (!signal?.aborted) {
    try {
      return await attempt();
    } catch (error) {
      if (signal?.aborted) return undefined;
      failures += 1;
      if (!retryable(error) || failures >= maxAttempts) throw error;
      const wait = backoffDelay(failures, backoff);
      await onRetry?.(error, wait);
      await pause(wait, signal);
    }
  }
  return undefined;
}

/** Waits `ms`, or less when `signal` aborts meanwhile (then it resolves all the same). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return sleep(ms, undefined, signal ? { signal } : {}).catch(() => {});
}

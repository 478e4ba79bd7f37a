import { backoffDelay, retryWithBackoff, STORE_OUTAGE_BACKOFF } from './backoff.js';
import { EventStoreUnavailable, WrongExpectedRevision } from './event-store.port.js';

/** A store that is away for its first `outages` calls, then answers. */
function storeAwayFor(outages: number) {
  const store = {
    calls: 0,
    async ping(): Promise<string> {
      store.calls += 1;
      if (store.calls <= outages) throw new EventStoreUnavailable(`connection refused (call ${store.calls})`);
      return 'pong';
    },
  };
  return store;
}

describe('retryWithBackoff', () => {
  it('retries until the store answers, and says how long it waits each time', async () => {
    const store = storeAwayFor(3);
    const told: string[] = [];
    const answer = await retryWithBackoff(() => store.ping(), {
      firstDelayMs: 1,
      onRetry: (error, waitMs) => void told.push(`${(error as Error).message}; again in ${waitMs} ms`),
    });
    expect(answer).toBe('pong');
    expect(store.calls).toBe(4);
    expect(told).toEqual(['connection refused (call 1); again in 1 ms', 'connection refused (call 2); again in 2 ms', 'connection refused (call 3); again in 4 ms']);
  });

  it('stops waiting when closed: no further attempt, and the outage is not reported as a failure', async () => {
    const store = storeAwayFor(Infinity);
    const closing = new AbortController();
    // an hour's wait: were closing not to end it, the spec would run out of time rather than pass
    const retrying = retryWithBackoff(() => store.ping(), {
      firstDelayMs: 3_600_000,
      // were it not to wait, it would spend these attempts at once and fail
      maxAttempts: 3,
      signal: closing.signal,
      // closed while it waits, not before
      onRetry: () => void setImmediate(() => closing.abort()),
    });
    await expect(retrying).resolves.toBeUndefined();
    expect(store.calls).toBe(1);
  });

  it('does not report a failure that comes while closing: the store was closed under the attempt', async () => {
    const closing = new AbortController();
    const told: unknown[] = [];
    const attempt = () => {
      closing.abort();
      return Promise.reject(new EventStoreUnavailable('the SQLite event store is closed'));
    };
    await expect(retryWithBackoff(attempt, { signal: closing.signal, onRetry: (error) => void told.push(error) })).resolves.toBeUndefined();
    expect(told).toEqual([]);
  });

  it('gives up after N attempts, with the last failure', async () => {
    const store = storeAwayFor(Infinity);
    await expect(retryWithBackoff(() => store.ping(), { firstDelayMs: 1, maxAttempts: 3 })).rejects.toThrow('connection refused (call 3)');
    expect(store.calls).toBe(3);
  });

  it('gives up at once on a failure that waiting will not cure', async () => {
    let calls = 0;
    const conflict = () => {
      calls += 1;
      return Promise.reject(new WrongExpectedRevision('city-lyon', 3, 4));
    };
    await expect(retryWithBackoff(conflict, { firstDelayMs: 1, retryable: (e) => e instanceof EventStoreUnavailable })).rejects.toThrow(WrongExpectedRevision);
    expect(calls).toBe(1);
  });

  it('waits before its first attempt when the caller has just seen one fail: closed during that wait, it makes none', async () => {
    const store = storeAwayFor(0);
    const closing = new AbortController();
    const retrying = retryWithBackoff(() => store.ping(), { firstDelayMs: 3_600_000, failedBefore: 1, signal: closing.signal });
    closing.abort();
    await expect(retrying).resolves.toBeUndefined();
    expect(store.calls).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles from 250 ms and holds at 30 s through an outage of any length', () => {
    expect([1, 2, 3, 4, 7, 8, 9].map((failures) => backoffDelay(failures, STORE_OUTAGE_BACKOFF))).toEqual([250, 500, 1_000, 2_000, 16_000, 30_000, 30_000]);
    expect(backoffDelay(100_000, STORE_OUTAGE_BACKOFF)).toBe(30_000);
    expect(backoffDelay(100_000, { firstDelayMs: 0, maxDelayMs: 100 })).toBe(0);
  });

  it('with full jitter draws each wait below the doubled delay, so writers racing for a stream spread out', () => {
    const jittered = { firstDelayMs: 2, maxDelayMs: 100, jitter: 'full' } as const;
    const draws = (failures: number) => Array.from({ length: 200 }, () => backoffDelay(failures, jittered));
    const first = draws(1);
    const capped = draws(30);
    expect(first.every((ms) => ms >= 0 && ms < 2)).toBe(true);
    expect(capped.every((ms) => ms >= 0 && ms < 100)).toBe(true);
    // 200 draws all below half the cap would mean no spreading (odds 2^-200 otherwise)
    expect(Math.max(...capped)).toBeGreaterThan(50);
    expect(new Set(capped).size).toBeGreaterThan(100);
  });
});

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStoreUnavailable, type RecordedEvent } from './event-store.port.js';
import { LogFollower, type LogFollowing } from './log-follower.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** The real embedded log, and a process that follows it with its checkpoint kept beside it. */
async function aLogAndAProcess() {
  const log = await SqliteEventStore.open({ file: ':memory:', pollIntervalMs: 20 });
  const append = async (count: number) => {
    for (let i = 0; i < count; i++) await log.append(`city-${randomUUID()}`, [{ id: randomUUID(), type: 'CityDesignated', data: {}, metadata: {} }], 'no-stream');
  };
  const process = {
    checkpoint: 0,
    /** every event handled, in order, a replay included */
    handled: [] as number[],
    resumes: 0,
    retries: [] as string[],
  };
  const follower = (overrides: Partial<LogFollowing> = {}) =>
    new LogFollower({
      resume: async () => {
        process.resumes += 1;
        return process.checkpoint;
      },
      subscribe: (after) => log.subscribeToAll({ after, batchSize: 2 }),
      handle: async (batch: readonly RecordedEvent[]) => {
        process.handled.push(...batch.map((e) => e.position));
        process.checkpoint = batch.at(-1)!.position;
      },
      onRetry: (error) => void process.retries.push((error as Error).message),
      backoff: { firstDelayMs: 1 },
      ...overrides,
    });
  return { log, append, process, follower };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await sleep(5);
  expect(condition()).toBe(true);
}

/** A follower that does not stop fails the spec instead of hanging it. */
async function stopWithin(follower: LogFollower, ms: number): Promise<void> {
  const tooLate = sleep(ms).then(() => Promise.reject(new Error(`still following ${ms} ms after stop()`)));
  await Promise.race([follower.stop(), tooLate]);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('LogFollower', () => {
  let opened: Awaited<ReturnType<typeof aLogAndAProcess>>;
  let running: LogFollower | null = null;
  beforeEach(async () => (opened = await aLogAndAProcess()));
  afterEach(async () => {
    if (running) await stopWithin(running, 2_000).catch(() => {});
    running = null;
    await opened.log.close();
  });

  it('follows the log from the checkpoint, then live', async () => {
    const { append, process, follower } = opened;
    await append(5);
    process.checkpoint = 2;
    running = follower();
    running.start();
    await until(() => process.checkpoint === 5);
    await append(3);
    await until(() => process.checkpoint === 8);
    expect(process.handled).toEqual(range(3, 8));
  });

  it('lets a waiter wait until the process has come far enough, and no longer than the follower runs', async () => {
    const { append, process, follower } = opened;
    await append(4);
    running = follower();
    running.start();
    await running.until(() => process.checkpoint >= 4);
    expect(process.checkpoint).toBe(4);

    // nothing more comes: a stop ends the wait rather than leaving it hanging
    const waiting = running.until(() => process.checkpoint >= 99);
    await stopWithin(running, 2_000);
    await Promise.race([waiting, sleep(2_000).then(() => Promise.reject(new Error('still waiting 2 s after stop()')))]);
    expect(process.checkpoint).toBe(4);
  });

  it('retries until the store answers, from the checkpoint, so nothing is skipped', async () => {
    const { append, process, follower } = opened;
    await append(6);
    let outages = 2;
    running = follower({
      handle: async (batch) => {
        // the store goes away in the middle of the second batch, before its checkpoint
        if (batch[0]!.position === 3 && outages-- > 0) throw new EventStoreUnavailable('read store away');
        process.handled.push(...batch.map((e) => e.position));
        process.checkpoint = batch.at(-1)!.position;
      },
    });
    running.start();
    await until(() => process.checkpoint === 6);
    expect(process.retries).toEqual(['read store away', 'read store away']);
    expect(process.resumes).toBe(3);
    expect(process.handled).toEqual(range(1, 6));
  });

  it('stops when closed: the batch under way is finished, and no other is begun', async () => {
    const { append, process, follower } = opened;
    await append(4);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    running = follower({
      handle: async (batch) => {
        await released;
        process.handled.push(...batch.map((e) => e.position));
        process.checkpoint = batch.at(-1)!.position;
      },
    });
    running.start();
    await until(() => process.resumes === 1);
    await sleep(20); // the first batch is in hand
    const stopping = stopWithin(running, 2_000);
    release();
    await stopping;
    expect(process.handled).toEqual([1, 2]);
    await append(2);
    await sleep(60);
    expect(process.handled).toEqual([1, 2]);
  });

  it('stops waiting when closed, in the middle of a long back-off', async () => {
    const { process, follower } = opened;
    running = follower({
      resume: async () => {
        process.resumes += 1;
        throw new EventStoreUnavailable('connection refused');
      },
      backoff: { firstDelayMs: 10_000 },
    });
    running.start();
    await until(() => process.retries.length === 1);
    const started = Date.now();
    await stopWithin(running, 10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(process.resumes).toBe(1);
  });

  it('halts for good when a batch says so, and is not retried', async () => {
    const { append, process, follower } = opened;
    await append(3);
    running = follower({
      handle: async (batch) => {
        process.handled.push(...batch.map((e) => e.position));
        await sleep(1); // were the halt ignored, the spec's timers would still get their turn
        return 'halt';
      },
    });
    running.start();
    await until(() => process.handled.length > 0);
    await append(2);
    await sleep(60);
    expect(process.handled).toEqual([1, 2]);
    expect(process.resumes).toBe(1);
    expect(process.retries).toEqual([]);
  });
});

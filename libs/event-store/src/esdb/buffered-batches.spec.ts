import { BufferedBatches } from './buffered-batches.js';

/** An async iterator the spec feeds by hand: what is pushed before a request is "buffered". */
class Feed<T> implements AsyncIterator<T> {
  private readonly buffered: T[] = [];
  private readonly waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void }[] = [];
  private ended = false;
  private failure: unknown;
  requests = 0;

  push(...items: T[]): void {
    for (const item of items) {
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve({ done: false, value: item });
      else this.buffered.push(item);
    }
  }

  end(): void {
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter.resolve({ done: true, value: undefined });
  }

  fail(error: unknown): void {
    this.failure = error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }

  next(): Promise<IteratorResult<T>> {
    this.requests++;
    const item = this.buffered.shift();
    if (item !== undefined) return Promise.resolve({ done: false, value: item });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}

const aTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BufferedBatches', () => {
  it('delivers every item the source already holds as one batch', async () => {
    const feed = new Feed<number>();
    feed.push(1, 2, 3, 4);
    expect(await new BufferedBatches(feed).next(500)).toEqual([1, 2, 3, 4]);
  });

  it('bounds a batch to max items, and leaves the rest for the next one', async () => {
    const feed = new Feed<number>();
    feed.push(1, 2, 3, 4, 5);
    const batches = new BufferedBatches(feed);
    expect(await batches.next(2)).toEqual([1, 2]);
    expect(await batches.next(2)).toEqual([3, 4]);
    expect(await batches.next(2)).toEqual([5]);
  });

  it('waits for the first item only: one that comes later goes in the next batch, neither lost nor reordered', async () => {
    const feed = new Feed<number>();
    const batches = new BufferedBatches(feed);
    const first = batches.next(500);
    await aTurn();
    feed.push(1);
    expect(await first).toEqual([1]);

    // the batch above left a request pending with the source; the next item answers it
    const second = batches.next(500);
    await aTurn();
    feed.push(2, 3);
    expect(await second).toEqual([2, 3]);
    expect(feed.requests).toBe(4); // 1, the one left pending (2), 3, and one more left pending
  });

  it('answers null once the source has ended, after delivering what it held', async () => {
    const feed = new Feed<number>();
    feed.push(1, 2);
    feed.end();
    const batches = new BufferedBatches(feed);
    expect(await batches.next(500)).toEqual([1, 2]);
    expect(await batches.next(500)).toBeNull();
    expect(await batches.next(500)).toBeNull();
  });

  it('delivers what it took before the source failed, then rethrows the failure', async () => {
    const feed = new Feed<number>();
    feed.push(1);
    const batches = new BufferedBatches(feed);
    feed.fail(new Error('stream reset'));
    expect(await batches.next(500)).toEqual([1]);
    await expect(batches.next(500)).rejects.toThrow('stream reset');
  });
});

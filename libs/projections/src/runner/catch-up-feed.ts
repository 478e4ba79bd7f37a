import type { EventStore, RecordedEvent, Subscription } from '@uccn/event-store';

/** pages kept for readers that are behind, counted in events: bounds memory whatever the batch size */
const MAX_CACHED_EVENTS = 10_000;
/** a reader that has taken no page for this long no longer holds the others back */
const STALLED_AFTER_MS = 2_000;

export interface CatchUpFeedOptions {
  /** pages kept for readers that are behind, counted in events */
  readonly maxCachedEvents?: number;
  /** how long a reader may take no page before the others stop waiting for it */
  readonly stalledAfterMs?: number;
}

interface Page {
  readonly batchSize: number;
  readonly events: Promise<readonly RecordedEvent[]>;
}

/**
 * One read of the log for every generation catching up from the same place. A rebuild of all the
 * projections otherwise reads and parses the whole log once per projection, which is most of its
 * cost. Each generation keeps its own subscription, position and unit of work (its documents and
 * its checkpoint, committed together), so a crash still resumes each one from its own checkpoint;
 * only the pages they read are shared. Once a generation reaches the head it goes on with a live
 * subscription of its own, exactly as before.
 */
export class CatchUpFeed {
  /** full pages by the position they follow; a full page never changes, the log only grows after it */
  private readonly pages = new Map<number, Page>();
  private readonly readers = new Set<SharedCatchUp>();

  private readonly maxCachedEvents: number;
  private readonly stalledAfterMs: number;
  /** readers waiting for room in the cache, woken whenever a reader moves on or leaves */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly events: EventStore,
    options: CatchUpFeedOptions = {},
  ) {
    this.maxCachedEvents = options.maxCachedEvents ?? MAX_CACHED_EVENTS;
    this.stalledAfterMs = options.stalledAfterMs ?? STALLED_AFTER_MS;
  }

  subscribe(after: number, batchSize: number): Subscription {
    return new SharedCatchUp(this, this.events, after, batchSize);
  }

  /**
   * @internal the page after `after`, read from the log by the first reader to ask for it. A
   * reader about to read a new page while the cache is full waits for the readers behind it that
   * still read from the cache: had it gone on, the cache would drop pages they have yet to take,
   * and each of them would read and parse those pages again (measured: a rebuild of the eight
   * projections read the log four times over). Memory stays bounded either way; a reader that
   * has taken no page for a while (stalled) or is beyond the cache holds nobody back.
   */
  async page(reader: SharedCatchUp, after: number, batchSize: number): Promise<readonly RecordedEvent[]> {
    while (!this.pages.has(after) && this.mustWait(reader, after, batchSize)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.stalledAfterMs);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.read(after, batchSize);
  }

  /** The cache is full and a reader behind `after` still takes its pages from it, and is moving. */
  private mustWait(reader: SharedCatchUp, after: number, batchSize: number): boolean {
    // a reader that was closed meanwhile goes on at once (to find itself closed)
    if (!this.readers.has(reader) || this.pages.size < Math.max(2, Math.floor(this.maxCachedEvents / batchSize))) return false;
    const now = Date.now();
    for (const other of this.readers) {
      if (other === reader || other.next >= after || !this.pages.has(other.next)) continue;
      if (now - other.movedAt < this.stalledAfterMs) return true;
    }
    return false;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private read(after: number, batchSize: number): Promise<readonly RecordedEvent[]> {
    const cached = this.pages.get(after);
    if (cached?.batchSize === batchSize) return cached.events;
    const events = this.events.readAll({ after, maxCount: batchSize });
    const page: Page = { batchSize, events };
    this.pages.set(after, page);
    // a short page ends at the head, which moves: the next reader must read it afresh, as must a
    // retry after a failed read
    const forget = () => {
      if (this.pages.get(after) === page) this.pages.delete(after);
    };
    events.then((read) => read.length < batchSize && forget(), forget);
    this.evict(batchSize);
    return events;
  }

  /** @internal */
  reading(reader: SharedCatchUp, yes: boolean): void {
    reader.movedAt = Date.now();
    if (yes) this.readers.add(reader);
    else this.readers.delete(reader);
    this.evict(reader.batchSize);
    this.wake();
  }

  /** @internal a reader took a page and moved on to `next` */
  moved(reader: SharedCatchUp): void {
    reader.movedAt = Date.now();
    this.evict(reader.batchSize);
    this.wake();
  }

  /** pages behind every reader are of no use any more */
  private evict(batchSize: number): void {
    let slowest = Infinity;
    for (const reader of this.readers) slowest = Math.min(slowest, reader.next);
    for (const after of this.pages.keys()) if (after < slowest) this.pages.delete(after);
    // a reader far behind the others reads its own pages rather than make the others keep theirs
    const maxPages = Math.max(2, Math.floor(this.maxCachedEvents / batchSize));
    while (this.pages.size > maxPages) this.pages.delete(Math.min(...this.pages.keys()));
  }
}

/** A catch-up subscription reading through the feed's shared pages, then live on its own. */
class SharedCatchUp implements Subscription {
  private closed = false;
  private live: Subscription | null = null;
  /** when it last took a page (Date.now()) */
  movedAt = Date.now();

  constructor(
    private readonly feed: CatchUpFeed,
    private readonly events: EventStore,
    /** the position the next page follows */
    public next: number,
    readonly batchSize: number,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    return this.batches();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.feed.reading(this, false);
    await this.live?.close();
  }

  private async *batches(): AsyncGenerator<readonly RecordedEvent[]> {
    try {
      this.feed.reading(this, true);
      while (!this.closed) {
        const page = await this.feed.page(this, this.next, this.batchSize);
        if (this.closed) return;
        if (page.length > 0) {
          this.next = page[page.length - 1]!.position;
          this.feed.moved(this);
          yield page;
        }
        if (page.length < this.batchSize) break;
      }
      if (this.closed) return;
      // at the head: nothing left to share, new events come to each generation's own subscription
      this.feed.reading(this, false);
      this.live = this.events.subscribeToAll({ after: this.next, batchSize: this.batchSize });
      yield* this.live;
    } finally {
      await this.close();
    }
  }
}

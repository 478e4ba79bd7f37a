const NOT_YET = Symbol('not yet');

/** Resolves on the event loop's next turn: after every item a source already holds has been answered. */
const nextTurn = () => new Promise<typeof NOT_YET>((resolve) => setImmediate(resolve, NOT_YET));

/**
 * Takes items from an async iterator in batches: it waits for one item, then adds whatever the
 * source already holds — every item it answers before the event loop's next turn, which is what a
 * Node Readable (the client's live subscription) answers from its buffer — up to `max`. It never
 * waits for more than the first item, so a quiet log still delivers each event at once, and a busy
 * one delivers what has piled up as one batch (one read-store transaction per projection instead of
 * one per event). A request the source has not answered in time is kept for the next batch, so no
 * item is lost or reordered.
 */
export class BufferedBatches<T> {
  private pending: Promise<IteratorResult<T>> | undefined;
  private ended = false;

  constructor(private readonly source: AsyncIterator<T>) {}

  /** The next batch, of 1 to `max` items; `null` once the source has ended. */
  async next(max: number): Promise<T[] | null> {
    if (this.ended) return null;
    const first = await this.request();
    this.pending = undefined;
    if (first.done) {
      this.ended = true;
      return null;
    }
    const batch = [first.value];
    while (batch.length < max) {
      let ready: IteratorResult<T> | typeof NOT_YET;
      try {
        ready = await Promise.race([this.request(), nextTurn()]);
      } catch {
        break; // deliver what was taken; the failed request stays pending and the next call rethrows it
      }
      if (ready === NOT_YET) break;
      this.pending = undefined;
      if (ready.done) {
        this.ended = true;
        break;
      }
      batch.push(ready.value);
    }
    return batch;
  }

  private request(): Promise<IteratorResult<T>> {
    if (!this.pending) {
      this.pending = this.source.next();
      // a request left for the next batch may fail before anyone awaits it: that batch rethrows it
      this.pending.catch(() => undefined);
    }
    return this.pending;
  }
}

import { checkpointsOf, type Checkpoint, type ReadStore, type UnitOfWork } from '@uccn/read-store';

/** how long a checkpoint moved over events that changed nothing may stay unwritten, at most */
const IDLE_CHECKPOINT_MS = 1000;

interface Queued {
  readonly unit: UnitOfWork;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The runner's one way of writing batches to the read store. The generations of a runner are
 * woken by the same append and read the same events, so their batches are ready in the same turn
 * of the event loop: all the units queued in that turn (each a generation's documents and its
 * checkpoint) are committed in ONE transaction, rather than one per projection. Each unit stays
 * whole inside it — its documents and its checkpoint are in the same transaction, as before — so
 * every generation still applies each event exactly once. Should the shared transaction fail,
 * each unit is tried alone, so one generation's bad batch never holds the others back.
 *
 * A batch that changed no document at all (an event no projection reads, the log's anchors) is
 * not committed: its checkpoint waits and rides along with the next commit, or is written after a
 * second of quiet. Until then the stored checkpoint stands before events that changed nothing,
 * and a restart from it applies them again, changing nothing again (the reducers are pure and
 * see the same documents), so no event is applied twice in effect and none is skipped.
 *
 * Writes run one after another, so a checkpoint is never overtaken by an older one.
 */
export class SharedCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  /** checkpoints moved over events that changed nothing, not written yet, by name */
  private readonly idle = new Map<string, number>();
  private idleTimer: NodeJS.Timeout | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ReadStore,
    private readonly idleMs = IDLE_CHECKPOINT_MS,
  ) {}

  /** Commits the unit with the others queued in this turn; resolves once it is stored. */
  commit(unit: UnitOfWork): Promise<void> {
    // the unit's checkpoint supersedes the one waiting for the same generation
    for (const checkpoint of checkpointsOf(unit)) this.idle.delete(checkpoint.name);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flushQueue());
      }
    });
  }

  /** A batch that changed nothing: its checkpoint is written with the next commit, or when quiet. */
  advance(checkpoint: Checkpoint): void {
    this.idle.set(checkpoint.name, checkpoint.position);
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      void this.writeIdle().catch(() => {});
    }, this.idleMs);
    this.idleTimer.unref?.();
  }

  /** Writes the waiting checkpoints now (a settled runner reports where it stands). */
  writeIdle(): Promise<void> {
    return this.enqueue([]);
  }

  /** Stops the timer; the waiting checkpoints are written first (best effort: they only lag). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await this.writeIdle().catch(() => {});
  }

  private flushQueue(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    void this.enqueue(batch).catch(() => {});
  }

  private enqueue(batch: readonly Queued[]): Promise<void> {
    const write = this.writes.then(() => this.write(batch));
    this.writes = write.catch(() => {});
    return write;
  }

  private async write(batch: readonly Queued[]): Promise<void> {
    // taken now, inside the chain: a later unit of the same generation has removed its entry
    const idle = [...this.idle].map(([name, position]) => ({ name, position }));
    this.idle.clear();
    if (batch.length === 0) {
      // a lost idle checkpoint only leaves the stored one behind events that changed nothing
      if (idle.length > 0) await this.store.commit({ changes: [], checkpoints: idle });
      return;
    }
    try {
      const single = batch.length === 1 && idle.length === 0;
      await this.store.commit(single ? batch[0]!.unit : { changes: batch.flatMap(({ unit }) => unit.changes), checkpoints: [...batch.flatMap(({ unit }) => checkpointsOf(unit)), ...idle] });
      for (const queued of batch) queued.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const { unit, resolve, reject } of batch) {
      try {
        await this.store.commit(unit);
        resolve();
      } catch (error) {
        reject(error);
      }
    }
  }
}

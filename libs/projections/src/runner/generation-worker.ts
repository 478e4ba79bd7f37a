import { messageOf } from '@uccn/domain';
import { LogFollower, type EventStore, type RecordedEvent } from '@uccn/event-store';
import type { DocumentChange, IndexSpec, ReadStore } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { applyBatch, ProjectionFailure } from './apply-batch.js';
import type { CatchUpFeed } from './catch-up-feed.js';
import type { SharedCommit } from './shared-commit.js';
import { checkpointName, physicalCollection } from './projection-catalog.js';
import { STATUS_COLLECTION, statusId, type ProjectionError, type ProjectionState, type StatusRecord } from './projection-status.js';

export interface WorkerDeps {
  readonly events: EventStore;
  readonly store: ReadStore;
  readonly batchSize: number;
  readonly log: (message: string) => void;
  /** shares the pages of the log between generations catching up together (one per runner) */
  readonly feed: CatchUpFeed;
  /** commits the batches of every generation of the runner that are ready together in one transaction */
  readonly commits: SharedCommit;
}

/**
 * Keeps one generation of one projection up to date: a catch-up subscription from its stored
 * checkpoint, each batch's documents and checkpoint committed as one unit of work. A reducer that
 * throws stops the generation at that event (state `failed`); a store that is unreachable is
 * retried with back-off, from the last checkpoint, so nothing is lost or applied twice.
 */
export class GenerationWorker {
  private readonly following = new LogFollower({
    resume: () => this.resume(),
    subscribe: (after) => this.deps.feed.subscribe(after, this.deps.batchSize),
    handle: (batch) => this.apply(batch),
    onRetry: async (error, retryInMs) => {
      this.deps.log(`projection ${this.definition.name} v${this.generation}: ${messageOf(error)}; retrying in ${retryInMs} ms`);
      this.state = 'failed';
      await this.recordStatus(errorRecord(error, null)).catch(() => {});
    },
  });
  position = 0;
  state: ProjectionState = 'catching-up';
  /** a reducer threw: the generation stays at the event before it until the process restarts */
  halted = false;

  constructor(
    readonly definition: ProjectionDefinition,
    readonly generation: number,
    private readonly deps: WorkerDeps,
    /**
     * called after each committed batch, and once at start when the checkpoint is already at the
     * head (an empty log brings no batch at all); a building generation uses it to switch over
     */
    private readonly afterBatch: (worker: GenerationWorker) => Promise<void> = async () => {},
  ) {}

  start(): void {
    this.following.start();
  }

  /** Resolves once no batch is being applied any more, and none will be. */
  stop(): Promise<void> {
    return this.following.stop();
  }

  /** From the stored checkpoint: answers the position to follow the log after. */
  private async resume(): Promise<number> {
    const { events, store } = this.deps;
    const { definition, generation } = this;
    await store.ensureCollection(STATUS_COLLECTION);
    this.position = (await store.getCheckpoint(checkpointName(definition.name, generation))) ?? 0;
    const atHead = this.position >= (await events.headPosition());
    // A generation built from nothing gets its indexes once it has caught up: one sort per index
    // then is far cheaper than keeping every index in step with each of a million writes.
    await this.ensureCollections(this.position === 0 && !atHead ? 'without-indexes' : 'with-indexes');
    this.state = atHead ? 'live' : 'catching-up';
    await this.recordStatus(null);
    if (atHead) await this.afterBatch(this);
    return this.position;
  }

  /**
   * One batch's documents and checkpoint as one unit of work (committed with the other
   * generations' units of the same turn, SharedCommit); a batch that changed nothing commits
   * nothing, its checkpoint follows later. `halt` when a reducer failed.
   */
  private async apply(batch: readonly RecordedEvent[]): Promise<void | 'halt'> {
    const { events, store, batchSize, commits } = this.deps;
    const { definition, generation } = this;
    const outcome = await applyBatch(definition, generation, batch, store, this.position);
    const status = outcome.failure ? this.statusChange('failed', errorRecord(outcome.failure.cause, outcome.failure)) : null;
    const checkpoint = { name: checkpointName(definition.name, generation), position: outcome.position };
    if (outcome.changes.length === 0 && !status) commits.advance(checkpoint);
    else await commits.commit({ changes: status ? [...outcome.changes, status] : outcome.changes, checkpoint });
    this.position = outcome.position;
    if (outcome.failure) {
      this.state = 'failed';
      this.halted = true;
      this.deps.log(outcome.failure.message);
      return 'halt';
    }
    // a full last batch says nothing about being at the head: ask the log then
    if (this.state !== 'live' && (batch.length < batchSize || this.position >= (await events.headPosition()))) {
      await this.ensureCollections('with-indexes');
      this.state = 'live';
      await this.recordStatus(null);
    }
    await this.afterBatch(this);
  }

  private async ensureCollections(indexing: 'with-indexes' | 'without-indexes'): Promise<void> {
    const { definition, generation } = this;
    for (const [collection, spec] of Object.entries(definition.collections)) {
      await this.deps.store.ensureCollection(physicalCollection(definition.name, collection, generation), indexesOf(spec, indexing));
    }
  }

  private statusChange(state: ProjectionState, lastError: ProjectionError | null): DocumentChange {
    const doc: StatusRecord = { id: statusId(this.definition.name, this.generation), generation: this.generation, state, lastError };
    return { collection: STATUS_COLLECTION, id: doc.id, doc };
  }

  private async recordStatus(lastError: ProjectionError | null): Promise<void> {
    const change = this.statusChange(this.state, lastError);
    await this.deps.store.upsert(change.collection, change.doc!);
  }
}

/**
 * The indexes a collection has: while a generation is built from nothing, only those of its
 * reducer's reads of a set (a rare read, but never a scan); once caught up, every one.
 */
export function indexesOf(spec: ProjectionDefinition['collections'][string], indexing: 'with-indexes' | 'without-indexes'): readonly IndexSpec[] {
  const setIndexes = spec.setIndexes ?? [];
  return indexing === 'with-indexes' ? [...setIndexes, ...spec.indexes] : setIndexes;
}

function errorRecord(error: unknown, failure: ProjectionFailure | null): ProjectionError {
  return {
    message: messageOf(error),
    position: failure ? failure.event.position : null,
    eventId: failure ? failure.event.id : null,
    eventType: failure ? failure.event.type : null,
    at: new Date().toISOString(),
  };
}

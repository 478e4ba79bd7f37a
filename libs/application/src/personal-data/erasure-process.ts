import { Inject, Injectable } from '@nestjs/common';
import { HostedProcess } from '../shared/hosted-process.js';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { dataSubjectDecider, dataSubjectStreamId, isErasedKey, messageOf } from '@uccn/domain';
import { EVENT_STORE, LogFollower, type EventStore, type RecordedEvent } from '@uccn/event-store';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { loadStream } from '../shared/load-stream.js';
import { PersonalData } from './personal-data.js';

/** The process's checkpoint's name. */
export const ERASURE_PROCESS = 'erasure-process';
const CHECKPOINT_EVERY = 1_000;

export interface ErasureProcessDeps {
  readonly events: EventStore;
  readonly reads: ReadStore;
  readonly personalData: PersonalData;
}

/**
 * Every erasure on record is carried out, even one whose request stopped between its append and
 * the key's destruction (a crash, a store away): the process follows the log from a checkpoint
 * and settles each `DataSubjectErased` (destroying the key the record names, if it is still
 * there) before the checkpoint moves past it. The erasure request settles too; both are
 * idempotent, so whichever comes first does the work.
 */
export class ErasureProcess {
  private readonly following: LogFollower;
  /** the last position handled */
  position = 0;
  private checkpointed = 0;

  constructor(deps: ErasureProcessDeps, log: (message: string) => void = () => {}) {
    this.following = new LogFollower({
      resume: async () => (this.position = this.checkpointed = (await deps.reads.getCheckpoint(ERASURE_PROCESS)) ?? 0),
      subscribe: (after) => deps.events.subscribeToAll({ after, batchSize: 500 }),
      handle: async (batch: readonly RecordedEvent[]) => {
        let settled = false;
        for (const event of batch) {
          if (event.type !== 'DataSubjectErased') continue;
          const subjectId = String(event.data['subjectId']);
          const { state } = await loadStream(deps.events, dataSubjectStreamId(subjectId), dataSubjectDecider.evolve, dataSubjectDecider.initialState);
          await deps.personalData.settleErasures(subjectId, (keyId) => isErasedKey(state, keyId));
          settled = true;
        }
        const last = batch.at(-1);
        if (!last) return;
        // Erasures are rare and the settlement idempotent: the checkpoint is written when one was
        // settled, else every CHECKPOINT_EVERY events, so the process adds no write to most appends
        // and a restart reads again at most that many events.
        if (settled || last.position - this.checkpointed >= CHECKPOINT_EVERY) {
          await deps.reads.commit({ changes: [], checkpoint: { name: ERASURE_PROCESS, position: last.position } });
          this.checkpointed = last.position;
        }
        this.position = last.position;
      },
      onRetry: (error, retryInMs) => log(`erasure process: ${messageOf(error)}; starting again from position ${this.position} in ${retryInMs} ms`),
    });
  }

  start(): void {
    this.following.start();
  }

  stop(): Promise<void> {
    return this.following.stop();
  }

  /** Resolves once the process has handled the log up to `position` (or has stopped), as its siblings do. */
  async waitForPosition(position: number): Promise<void> {
    await this.following.until(() => this.position >= position);
  }
}

/** Hosts the erasure process wherever the projections run, as the designation process is hosted. */
@Injectable()
export class ErasureProcessService extends HostedProcess<ErasureProcess> {
  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) reads: ReadStore,
    personalData: PersonalData,
  ) {
    super(config, 'ErasureProcess', (log) => new ErasureProcess({ events, reads, personalData }, log));
  }
}

import { designationFromDecision, DomainError, messageOf, type ApplicationDecided } from '@uccn/domain';
import { LogFollower, type EventStore, type RecordedEvent } from '@uccn/event-store';
import type { Document, DocumentChange, ReadStore } from '@uccn/read-store';
import type { Clock } from '../shared/clock.js';
import type { CommandContext } from '../shared/command-context.js';
import { executeCommand } from '../commands/registry-command.js';
import { toDomainEvent } from '../shared/load-stream.js';

/** The process's name: its actor in the city events it appends, and its checkpoint's name. */
export const DESIGNATION_PROCESS = 'designation-process';
/** One document per `designated` decision: what the process did about it. */
export const DESIGNATION_OUTCOMES = 'designation-outcomes';

/** The idempotency key of the designation an application calls for: one per application, ever. */
export const designationKeyOf = (applicationId: string) => `application:${applicationId}`;

export interface DesignationOutcome extends Document {
  /** the application's id */
  readonly id: string;
  readonly cityId: string;
  /**
   * `designated`: the city's `CityDesignated` is in its stream (appended now, or found there
   * from an earlier run that crashed before its checkpoint — then `replayed`).
   * `refused`: the city decider refused the designation (e.g. the city was already designated
   * directly by the secretariat); the refusal is recorded here and the process moves on.
   */
  readonly outcome: 'designated' | 'refused';
  readonly replayed: boolean;
  readonly decisionEventId: string;
  readonly decisionPosition: number;
  /** the city stream's revision and the log position after the designation (designated only) */
  readonly cityRevision: number | null;
  readonly cityPosition: number | null;
  readonly error: { readonly code: string; readonly kind: string; readonly message: string } | null;
  readonly processedAt: string;
}

export interface DesignationProcessDeps {
  readonly events: EventStore;
  readonly reads: ReadStore;
  readonly clock: Clock;
}

export interface DesignationProcessOptions {
  readonly batchSize?: number;
  /** first back-off after a store failure; it doubles up to 30 s */
  readonly retryDelayMs?: number;
  readonly log?: (message: string) => void;
  /**
   * Called once a designation's append is acknowledged and before the checkpoint is written:
   * the window a crash test aims at. A throw here is treated like any failure: nothing of the
   * batch is checkpointed and the process starts again from its last checkpoint.
   */
  readonly afterDesignation?: (outcome: DesignationOutcome) => void | Promise<void>;
}

/**
 * DESIGN §2.6: an application decided `designated` leads to the city's `CityDesignated`, exactly
 * once, across two streams. The process follows the store's log (never the in-process bus) from
 * a checkpoint kept in the read store. Each `designated` decision is turned into the city's
 * designation through the ordinary write path, under an idempotency key derived from the
 * application, so the event ids are the same on every attempt and an attempt that finds its
 * events already in the city stream appends nothing. The checkpoint moves only after the append
 * is acknowledged: a crash in between replays the decision, and the replay is a no-op.
 */
export class DesignationProcess {
  private readonly following: LogFollower;
  private readonly log: (message: string) => void;
  /** the last checkpointed position */
  position = 0;
  lastError: string | null = null;

  constructor(
    private readonly deps: DesignationProcessDeps,
    private readonly options: DesignationProcessOptions = {},
  ) {
    this.log = options.log ?? (() => {});
    this.following = new LogFollower({
      resume: async () => {
        await deps.reads.ensureCollection(DESIGNATION_OUTCOMES, [['cityId']]);
        this.position = (await deps.reads.getCheckpoint(DESIGNATION_PROCESS)) ?? 0;
        return this.position;
      },
      subscribe: (after) => deps.events.subscribeToAll({ after, batchSize: options.batchSize ?? 500 }),
      // A stop waits for the batch under way, so no acknowledged designation goes unrecorded.
      handle: (batch) => this.followBatch(batch),
      onRetry: (error, retryInMs) => {
        this.lastError = messageOf(error);
        this.log(`designation process: ${this.lastError}; starting again from position ${this.position} in ${retryInMs} ms`);
      },
      backoff: { firstDelayMs: options.retryDelayMs },
    });
  }

  start(): void {
    if (this.following.stopped) throw new Error('a stopped designation process cannot be started again; create a new one');
    this.following.start();
  }

  stop(): Promise<void> {
    return this.following.stop();
  }

  /** Resolves once the checkpoint has reached `position` (or the process has stopped). */
  async waitForPosition(position: number): Promise<void> {
    await this.following.until(() => this.position >= position);
  }

  private async followBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const changes: DocumentChange[] = [];
    for (const recorded of batch) {
      if (recorded.type !== 'ApplicationDecided') continue;
      const outcome = await this.follow(recorded);
      if (!outcome) continue;
      changes.push({ collection: DESIGNATION_OUTCOMES, id: outcome.id, doc: outcome });
      await this.options.afterDesignation?.(outcome);
    }
    const last = batch.at(-1);
    if (!last) return;
    await this.deps.reads.commit({ changes, checkpoint: { name: DESIGNATION_PROCESS, position: last.position } });
    this.position = last.position;
    this.lastError = null;
  }

  /** The designation a decision calls for, through the write path; null for `not-designated`. */
  private async follow(recorded: RecordedEvent): Promise<DesignationOutcome | null> {
    const decision = toDomainEvent<ApplicationDecided>(recorded);
    const designation = designationFromDecision(decision);
    if (!designation) return null;
    const { events, clock } = this.deps;
    const { applicationId } = decision.data;
    const correlationId = typeof recorded.metadata.correlationId === 'string' ? recorded.metadata.correlationId : recorded.id;
    const context: CommandContext = {
      actor: DESIGNATION_PROCESS,
      role: 'system',
      correlationId,
      causationId: recorded.id,
      idempotencyKey: designationKeyOf(applicationId),
    };
    const base = { id: applicationId, cityId: designation.cityId, decisionEventId: recorded.id, decisionPosition: recorded.position };
    try {
      const { type: _type, ...payload } = designation;
      const result = await executeCommand({ store: events, clock }, 'DesignateCity', payload, context);
      return {
        ...base,
        outcome: 'designated',
        replayed: result.replayed,
        cityRevision: result.revision,
        cityPosition: result.position,
        error: null,
        processedAt: clock.now().toISOString(),
      };
    } catch (error) {
      // The store failing is not an answer: rethrow, and the decision is tried again from the checkpoint.
      if (!(error instanceof DomainError)) throw error;
      // The domain's refusal is an answer that will not change on retry: record it and move on,
      // rather than block every later designation behind it.
      this.log(
        `designation process: application ${applicationId} was decided designated, but city ${designation.cityId} ` +
          `was not designated: ${error.code}: ${error.message} (recorded in ${DESIGNATION_OUTCOMES})`,
      );
      return {
        ...base,
        outcome: 'refused',
        replayed: false,
        cityRevision: null,
        cityPosition: null,
        error: { code: error.code, kind: error.kind, message: error.message },
        processedAt: clock.now().toISOString(),
      };
    }
  }
}

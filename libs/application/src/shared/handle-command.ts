import { setTimeout as sleep } from 'node:timers/promises';
import type { Decider, DomainEvent } from '@uccn/domain';
import { backoffDelay, WrongExpectedRevision, type EventStore } from '@uccn/event-store';
import { replayFromKept } from '../idempotency/idempotency.js';
import { ConcurrencyRetriesExhausted, PreconditionFailed } from './application-errors.js';
import type { Clock } from './clock.js';
import type { PersonalData } from '../personal-data/personal-data.js';
import type { CommandContext, CommandResult } from './command-context.js';
import { envelope } from './event-envelope.js';
import { forgetStream, loadStream } from './load-stream.js';

/**
 * Without If-Match a conflicting append is retried, bounded, with full-jitter exponential back-off
 * (capped at 100 ms a wait). Many writers on one stream (40 reports on one city at once) each win
 * within a few rounds, because the jitter spreads their retries out.
 */
export const MAX_ATTEMPTS = 30;
const backoffMs = (attempt: number) => backoffDelay(attempt, { firstDelayMs: 2, maxDelayMs: 100, jitter: 'full' });

export interface CommandDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  /** for the commands that name people (DESIGN §7); the import and the designation process name none */
  readonly personalData?: PersonalData;
}

export interface StreamCommand<Command, Event extends DomainEvent, State> {
  readonly aggregateId: string;
  readonly streamId: string;
  readonly decider: Decider<Command, Event, State>;
  /**
   * Builds the command for this attempt, given the stream's state as just loaded. It is called
   * again on every retry, so facts from other streams (the field catalogue, host cities'
   * membership) are read fresh each time.
   */
  readonly command: (now: Date, state: State) => Command | Promise<Command>;
}

/**
 * The whole write path: load the stream → fold → decide → append with the expected revision.
 * A conflict is retried (bounded, jittered) unless the client pinned a revision with If-Match.
 * An idempotent retry — the stream already holds this actor's events for this key — answers the
 * first attempt's result and appends nothing (the layers of idempotency: idempotency.ts).
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  deps: CommandDeps,
  spec: StreamCommand<Command, Event, State>,
  context: CommandContext,
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const stream = await loadStream(deps.store, spec.streamId, spec.decider.evolve, spec.decider.initialState);

    const replay = replayFromKept(stream.keyed, context, spec.aggregateId);
    if (replay) return replay;

    if (context.expectedRevision !== undefined && stream.revision !== context.expectedRevision) {
      throw new PreconditionFailed(spec.streamId, context.expectedRevision, stream.revision);
    }

    const now = deps.clock.now();
    const events = spec.decider.decide(await spec.command(now, stream.state), stream.state);
    if (events.length === 0) {
      return { id: spec.aggregateId, revision: stream.revision, position: stream.lastPosition, replayed: false };
    }

    // the keys of people first named here are written only now, for a command the decider accepted
    await deps.personalData?.keepKeysNamedIn(events);
    const proposed = envelope(events, context, { streamId: spec.streamId, revision: stream.revision, lastHash: stream.lastHash }, now);
    // The expected revision is the concurrency guard, and it is what makes the folded states kept
    // between commands (loadStream) safe: a state that missed an event decides with a revision the
    // stream has left, the store refuses the append, and the retry folds the stream afresh.
    try {
      const appended = await deps.store.append(spec.streamId, proposed, stream.revision === -1 ? 'no-stream' : stream.revision);
      return { id: spec.aggregateId, revision: appended.nextRevision, position: appended.position, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      forgetStream(deps.store, spec.streamId);
      if (context.expectedRevision !== undefined) {
        throw new PreconditionFailed(spec.streamId, context.expectedRevision, error.actual);
      }
      if (attempt >= MAX_ATTEMPTS) throw new ConcurrencyRetriesExhausted(spec.streamId, attempt);
      await sleep(backoffMs(attempt));
    }
  }
}

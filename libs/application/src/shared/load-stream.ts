import { upcastStored, type DomainEvent } from '@uccn/domain';
import type { EventStore, RecordedEvent } from '@uccn/event-store';

/** A stream folded into a decider's state, with what the next append needs to know. */
export interface LoadedStream<State> {
  readonly state: State;
  /** revision of the last event, -1 when the stream does not exist */
  readonly revision: number;
  readonly lastHash: string | null;
  readonly lastPosition: number;
  readonly events: readonly RecordedEvent[];
}

/** Stored events as the domain sees them: upcast to the current schema of their type. */
export function toDomainEvent<E extends DomainEvent>(recorded: RecordedEvent): E {
  return upcastStored(recorded) as unknown as E;
}

export async function loadStream<E extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  evolve: (state: State, event: E) => State,
  initialState: State,
): Promise<LoadedStream<State>> {
  const events = await store.readStream(streamId);
  let state = initialState;
  for (const recorded of events) state = evolve(state, toDomainEvent<E>(recorded));
  return { state, ...streamTip(events), events };
}

/** Where a stream ends, from its events: what the next append expects and chains onto. */
export function streamTip(events: readonly RecordedEvent[]): Pick<LoadedStream<unknown>, 'revision' | 'lastHash' | 'lastPosition'> {
  const last = events.at(-1);
  return {
    revision: last ? last.revision : -1,
    lastHash: typeof last?.metadata['hash'] === 'string' ? last.metadata['hash'] : null,
    lastPosition: last ? last.position : 0,
  };
}

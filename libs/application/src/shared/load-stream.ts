import { upcastStored, type DomainEvent } from '@uccn/domain';
import type { EventStore, RecordedEvent } from '@uccn/event-store';

/** What the events a caller sent under one idempotency key left in a stream (idempotency.ts). */
export interface KeyedEvents {
  /** the `requestHash` of the first of them */
  readonly firstRequestHash: unknown;
  readonly revision: number;
  readonly position: number;
}

/** A stream folded into a decider's state, with what the next append needs to know. */
export interface LoadedStream<State> {
  readonly state: State;
  /** revision of the last event, -1 when the stream does not exist */
  readonly revision: number;
  readonly lastHash: string | null;
  readonly lastPosition: number;
  /** the stream's events sent with an idempotency key, by `keyedEventsId(actor, key)` */
  readonly keyed: ReadonlyMap<string, KeyedEvents>;
}

export const keyedEventsId = (actor: string, idempotencyKey: string) => `${actor}\n${idempotencyKey}`;

/** Stored events as the domain sees them: upcast to the current schema of their type. */
export function toDomainEvent<E extends DomainEvent>(recorded: RecordedEvent): E {
  return upcastStored(recorded) as unknown as E;
}

/** streams whose folded state is kept, per store, at most (least recently used dropped first) */
const KEPT_STREAMS = 10_000;

interface Kept<State> extends LoadedStream<State> {
  readonly evolve: unknown;
}

/**
 * Folded streams kept between commands, per event store. A command on a stream of 5,000 events
 * otherwise reads and parses all of them and folds them again, each time; kept, it reads only the
 * events after the kept revision (usually none: one index lookup) and folds those.
 */
class FoldedStreams {
  private readonly entries = new Map<string, Kept<unknown>>();

  get(streamId: string, evolve: unknown): Kept<unknown> | undefined {
    const kept = this.entries.get(streamId);
    if (!kept) return undefined;
    if (kept.evolve !== evolve) return undefined;
    // most recently used last
    this.entries.delete(streamId);
    this.entries.set(streamId, kept);
    return kept;
  }

  set(streamId: string, kept: Kept<unknown>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, kept);
    if (this.entries.size > KEPT_STREAMS) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}

const foldedStreams = new WeakMap<EventStore, FoldedStreams>();
function foldedStreamsOf(store: EventStore): FoldedStreams {
  let kept = foldedStreams.get(store);
  if (!kept) foldedStreams.set(store, (kept = new FoldedStreams()));
  return kept;
}

/**
 * The stream folded with `evolve`, as of now: the state kept from an earlier load (validated by
 * its revision: only the events after it are read and folded), or the whole stream.
 *
 * The kept state is never trusted for what is appended: a command appends with the revision it
 * decided on as the expected revision, so a state that missed an event (another process appended
 * between the read and the append) is refused by the store (WrongExpectedRevision) and never
 * yields an event; the retry forgets the kept state (`forgetStream`) and folds the stream afresh.
 * States are immutable values (pure `evolve`), so one kept state may be shared by many commands.
 */
export async function loadStream<E extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  evolve: (state: State, event: E) => State,
  initialState: State,
): Promise<LoadedStream<State>> {
  const kept = foldedStreamsOf(store).get(streamId, evolve) as Kept<State> | undefined;
  const events = await store.readStream(streamId, kept ? { fromRevision: kept.revision + 1 } : {});
  if (kept && events.length === 0) return kept;
  // what was read must continue the kept state exactly; anything else is folded from the start
  if (kept && events[0]!.revision !== kept.revision + 1) {
    foldedStreamsOf(store).forget(streamId);
    return loadStream(store, streamId, evolve, initialState);
  }
  const start: LoadedStream<State> = kept ?? { state: initialState, revision: -1, lastHash: null, lastPosition: 0, keyed: new Map() };
  const folded = foldEvents(start, events, evolve);
  // an empty stream costs nothing to fold: only streams with events are kept
  if (folded.revision >= 0) foldedStreamsOf(store).set(streamId, { ...folded, evolve });
  return folded;
}

/** Drops the stream's kept state: the next load folds it from its first event. */
export function forgetStream(store: EventStore, streamId: string): void {
  foldedStreams.get(store)?.forget(streamId);
}

function foldEvents<E extends DomainEvent, State>(from: LoadedStream<State>, events: readonly RecordedEvent[], evolve: (state: State, event: E) => State): LoadedStream<State> {
  if (events.length === 0) return from;
  let state = from.state;
  let keyed = from.keyed as Map<string, KeyedEvents>;
  let copied = false;
  for (const recorded of events) {
    state = evolve(state, toDomainEvent<E>(recorded));
    const { actor, idempotencyKey, requestHash } = recorded.metadata;
    if (typeof actor === 'string' && typeof idempotencyKey === 'string') {
      // the kept map may be in the hands of another command: changed on a copy
      if (!copied) keyed = new Map(keyed);
      copied = true;
      const id = keyedEventsId(actor, idempotencyKey);
      const first = keyed.get(id);
      keyed.set(id, { firstRequestHash: first ? first.firstRequestHash : requestHash, revision: recorded.revision, position: recorded.position });
    }
  }
  return { state, ...streamTip(events), keyed };
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

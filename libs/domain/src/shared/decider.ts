/** A domain event as the domain sees it: a past-tense type and plain data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The decider pattern: pure functions over plain data. `decide` answers a command with the events
 * it causes, or throws a `DomainError`; `evolve` folds one event into the state.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

export const fold = <Event, State>(
  evolve: (state: State, event: Event) => State,
  initialState: State,
  events: readonly Event[],
): State => events.reduce(evolve, initialState);

/** For exhaustive switches: the compiler proves the default case unreachable. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** Events are stored as JSON: an optional fact left out is absent, never a key holding `undefined`. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

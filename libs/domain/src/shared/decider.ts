import type { CalendarDate } from './calendar.js';

/** A domain event as the domain sees it: a past-tense type and plain data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * A command as plain data: its type, the fields its caller gives and the facts the application
 * supplies — always `today` (the server's date: no domain date may pass it), and where the decision
 * needs another stream, that stream's facts. When the caller gives exactly what an event records,
 * `Fields` is that event's data, so the shape (and each field's optionality) is declared once.
 */
export type CommandOf<Type extends string, Fields extends object, Facts extends object = object> = { readonly type: Type } & Fields &
  Facts & { readonly today: CalendarDate };

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

/** One function per command type: each receives its own command, narrowed by `type`. */
export type CommandHandlers<Command extends { readonly type: string }, Event, State> = {
  readonly [Type in Command['type']]: (command: Extract<Command, { readonly type: Type }>, state: State) => readonly Event[];
};

/**
 * A decider's `decide` from a table of handlers, one per command type. The table is a mapped type
 * over the command union, so a command without a handler does not compile, just as a missing case
 * in an exhaustive switch would not; a type unknown at run time fails as `assertNever` does.
 */
export function decideBy<Command extends { readonly type: string }, Event, State>(
  handlers: CommandHandlers<Command, Event, State>,
): (command: Command, state: State) => readonly Event[] {
  return (command, state) => {
    const type: Command['type'] = command.type;
    if (!Object.hasOwn(handlers, type)) return assertNever(command as never);
    const handle = handlers[type] as (command: Command, state: State) => readonly Event[];
    return handle(command, state);
  };
}

/** For exhaustive switches: the compiler proves the default case unreachable. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** Events are stored as JSON: an optional fact left out is absent, never a key holding `undefined`. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

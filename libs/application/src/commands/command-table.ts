import type { CityStates, Decider, DomainEvent, FieldCatalogue, MeetingState } from '@uccn/domain';
import type { EventStore } from '@uccn/event-store';
import type { CommandDeps } from '../shared/handle-command.js';

/*
 * A table of commands per aggregate, in the manner of Eventuous's command services and Emmett's
 * `handle(decider)`: for each command, its stream, its decider, the facts it reads from other
 * streams and how the command is built, in one place. Everything else of the write path
 * (load → fold → decide → append → retry, idempotency, If-Match) is generic: `executeCommand`.
 *
 * How a command is built, for every row alike: the caller's payload, the facts the row reads, and
 * `today` (the server's date, which no domain date may pass): `{ type, ...payload, ...facts, today }`.
 */

/**
 * The fields of a domain command that the application fills from other streams, never the caller:
 * the dated field catalogue (the `network` stream), the states of the cities a command names, the
 * state of the cancelled meeting a rescheduled one `replaces`, and a data subject's key id as the
 * key store holds it.
 */
export interface Facts {
  readonly catalogue: FieldCatalogue;
  readonly cities: CityStates;
  readonly replaced: MeetingState;
  readonly keyId: string | null;
}

type FactField = keyof Facts;

/** What the write path supplies to every command. */
type Supplied = 'type' | 'today' | FactField;

/** Omit over each member of a union (the built-in one keeps only the keys all members share). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a caller sends for a command: the domain command without what the write path supplies. */
export type PayloadOf<Command> = DistributiveOmit<Command, Supplied>;

/** The facts a command carries: the fields of `Facts` that it declares. */
export type FactsOf<Command> = Pick<Command, Extract<keyof Command, FactField>>;

/** Reads the facts a command needs, fresh on every attempt, given the aggregate's own state. */
export type FactsReader<Command, State> = (
  store: EventStore,
  payload: PayloadOf<Command>,
  state: State,
  deps: CommandDeps,
) => Promise<FactsOf<Command>>;

/**
 * Work outside the log that completes a command, done after it whatever it answered (recorded,
 * replayed, refused): it must be idempotent, and derive what to do from the log, so that a crash
 * between the append and this work is mended by sending the command again.
 */
export type Settlement<Command> = (deps: CommandDeps, payload: PayloadOf<Command>) => Promise<void>;

/** A row: a command with facts must say how to read them; one without may not. */
export type CommandRow<Command, State> = (keyof FactsOf<Command> extends never
  ? { readonly facts?: never }
  : { readonly facts: FactsReader<Command, State> }) & { readonly settle?: Settlement<Command> };

type CommandNamed<Command, Type> = Extract<Command, { readonly type: Type }>;

export interface AggregateCommands<Command extends { readonly type: string }, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  /** the aggregate's id in a payload (the same field for every command of the aggregate) */
  readonly idOf: (payload: PayloadOf<Command>) => string;
  readonly streamOf: (id: string) => string;
  /** one row per command type of the aggregate: the compiler asks for every one */
  readonly rows: { readonly [Type in Command['type']]: CommandRow<CommandNamed<Command, Type>, State> };
}

/** An aggregate's table, checked against its decider's command union. */
export const aggregateCommands = <Command extends { readonly type: string }, Event extends DomainEvent, State>(
  table: AggregateCommands<Command, Event, State>,
): AggregateCommands<Command, Event, State> => table;

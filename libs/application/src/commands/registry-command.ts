import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, type DomainEvent } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandContext, CommandResult } from '../shared/command-context.js';
import { handleCommand, type CommandDeps } from '../shared/handle-command.js';
import { PersonalData } from '../personal-data/personal-data.js';
import type { AggregateCommands, PayloadOf } from './command-table.js';
import {
  applicationCommands,
  cityCommands,
  dataSubjectCommands,
  meetingCommands,
  networkCommands,
  partnershipCommands,
} from './registry-commands.js';

const TABLES = [networkCommands, cityCommands, meetingCommands, applicationCommands, partnershipCommands, dataSubjectCommands] as const;

/** Every domain command of the registry, from the aggregates' tables. */
type TableCommand<Table> = Table extends AggregateCommands<infer Command, infer _Event, infer _State> ? Command : never;
export type RegistryDomainCommand = TableCommand<(typeof TABLES)[number]>;

/** `DesignateCity`, `ScheduleMeeting`, …: the metrics label and the route's OpenAPI operation. */
export type RegistryCommandType = RegistryDomainCommand['type'];

/** What a caller sends for a command of that type (a request DTO is checked against this). */
export type PayloadFor<Type extends RegistryCommandType> = PayloadOf<Extract<RegistryDomainCommand, { readonly type: Type }>>;

// The tables, by command type: the one place where the rows lose their per-aggregate types.
type AnyTable = AggregateCommands<{ readonly type: string }, DomainEvent, unknown>;
const tableByType = new Map<string, AnyTable>(
  TABLES.flatMap((table) => Object.keys(table.rows).map((type) => [type, table as unknown as AnyTable] as const)),
);

/**
 * The write path of any command of the registry: its table row says which stream, which decider
 * and which facts; `handleCommand` does the rest (load, fold, decide, append, retry, If-Match, the
 * idempotent replay from the log). The API, the designation process and the import all come here.
 */
export async function executeCommand<Type extends RegistryCommandType>(
  deps: CommandDeps,
  type: Type,
  payload: PayloadFor<Type>,
  context: CommandContext,
): Promise<CommandResult> {
  const table = tableByType.get(type);
  if (!table) throw new Error(`no table has a row for the command ${type}`);
  const row = table.rows[type] as {
    facts?: (store: EventStore, payload: unknown, state: unknown, deps: CommandDeps) => Promise<object>;
    settle?: (deps: CommandDeps, payload: unknown) => Promise<void>;
  };
  const id = table.idOf(payload as PayloadOf<{ readonly type: string }>);
  try {
    return await handleCommand(
      deps,
      {
        aggregateId: id,
        streamId: table.streamOf(id),
        decider: table.decider,
        command: async (now, state) => ({
          type,
          ...payload,
          ...(row.facts ? await row.facts(deps.store, payload, state, deps) : {}),
          today: calendarDateOf(now),
        }),
      },
      context,
    );
  } finally {
    if (row.settle) await row.settle(deps, payload);
  }
}

/** The one NestJS command: the `CommandBus` stays the entry, the table decides the rest. */
export class RegistryCommand<Type extends RegistryCommandType = RegistryCommandType> extends Command<CommandResult> {
  constructor(
    readonly type: Type,
    readonly payload: PayloadFor<Type>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegistryCommand)
export class RegistryCommandHandler implements ICommandHandler<RegistryCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly personalData?: PersonalData,
  ) {}

  execute({ type, payload, context }: RegistryCommand): Promise<CommandResult> {
    const personalData = this.personalData;
    return executeCommand({ store: this.store, clock: this.clock, ...(personalData ? { personalData } : {}) }, type, payload, context);
  }
}

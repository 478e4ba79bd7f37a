import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, cityDecider, cityStreamId } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandContext, CommandResult } from '../shared/command-context.js';
import { loadCatalogue } from '../shared/facts.js';
import { handleCommand, type CommandDeps } from '../shared/handle-command.js';
import { DesignateCityCommand, type DesignateCityPayload } from './designate-city.command.js';

@CommandHandler(DesignateCityCommand)
export class DesignateCityHandler implements ICommandHandler<DesignateCityCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: DesignateCityCommand): Promise<CommandResult> {
    return designateCity({ store: this.store, clock: this.clock }, payload, context);
  }
}

/** The designation's write path, shared by the API's handler and the designation process. */
export function designateCity(deps: CommandDeps, payload: DesignateCityPayload, context: CommandContext): Promise<CommandResult> {
  return handleCommand(
    deps,
    {
      aggregateId: payload.cityId,
      streamId: cityStreamId(payload.cityId),
      decider: cityDecider,
      command: async (now) => ({
        type: 'DesignateCity' as const,
        ...payload,
        catalogue: await loadCatalogue(deps.store),
        today: calendarDateOf(now),
      }),
    },
    context,
  );
}

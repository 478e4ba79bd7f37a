import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, cityDecider, cityStreamId } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { loadCatalogue } from '../shared/facts.js';
import { handleCommand } from '../shared/handle-command.js';
import { ChangeCityFieldCommand } from './change-city-field.command.js';

@CommandHandler(ChangeCityFieldCommand)
export class ChangeCityFieldHandler implements ICommandHandler<ChangeCityFieldCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: ChangeCityFieldCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.cityId,
        streamId: cityStreamId(payload.cityId),
        decider: cityDecider,
        command: async (now) => ({
          type: 'ChangeCityField' as const,
          ...payload,
          catalogue: await loadCatalogue(this.store),
          today: calendarDateOf(now),
        }),
      },
      context,
    );
  }
}

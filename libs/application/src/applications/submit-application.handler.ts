import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { applicationDecider, applicationStreamId, calendarDateOf } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { loadCatalogue } from '../shared/facts.js';
import { handleCommand } from '../shared/handle-command.js';
import { SubmitApplicationCommand } from './submit-application.command.js';

@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: SubmitApplicationCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.applicationId,
        streamId: applicationStreamId(payload.applicationId),
        decider: applicationDecider,
        command: async (now) => ({
          type: 'SubmitApplication' as const,
          ...payload,
          catalogue: await loadCatalogue(this.store),
          today: calendarDateOf(now),
        }),
      },
      context,
    );
  }
}

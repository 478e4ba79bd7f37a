import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { applicationDecider, applicationStreamId, calendarDateOf } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { handleCommand } from '../shared/handle-command.js';
import { EndorseApplicationCommand } from './endorse-application.command.js';

@CommandHandler(EndorseApplicationCommand)
export class EndorseApplicationHandler implements ICommandHandler<EndorseApplicationCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: EndorseApplicationCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.applicationId,
        streamId: applicationStreamId(payload.applicationId),
        decider: applicationDecider,
        command: (now) => ({ type: 'EndorseApplication' as const, ...payload, today: calendarDateOf(now) }),
      },
      context,
    );
  }
}

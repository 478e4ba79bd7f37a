import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, NETWORK_STREAM, networkDecider } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { handleCommand } from '../shared/handle-command.js';
import { AddCreativeFieldCommand } from './add-creative-field.command.js';

/** The whole catalogue is one stream, so the answer's id is the field added, not the stream. */
@CommandHandler(AddCreativeFieldCommand)
export class AddCreativeFieldHandler implements ICommandHandler<AddCreativeFieldCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: AddCreativeFieldCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.field,
        streamId: NETWORK_STREAM,
        decider: networkDecider,
        command: (now) => ({ type: 'AddCreativeField' as const, ...payload, today: calendarDateOf(now) }),
      },
      context,
    );
  }
}

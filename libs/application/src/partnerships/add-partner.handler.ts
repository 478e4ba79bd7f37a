import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, partnershipDecider, partnershipStreamId } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { handleCommand } from '../shared/handle-command.js';
import { AddPartnerCommand } from './add-partner.command.js';

@CommandHandler(AddPartnerCommand)
export class AddPartnerHandler implements ICommandHandler<AddPartnerCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: AddPartnerCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.partnershipId,
        streamId: partnershipStreamId(payload.partnershipId),
        decider: partnershipDecider,
        command: (now) => ({ type: 'AddPartner' as const, ...payload, today: calendarDateOf(now) }),
      },
      context,
    );
  }
}

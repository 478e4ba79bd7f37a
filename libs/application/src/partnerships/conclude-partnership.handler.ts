import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, partnershipDecider, partnershipStreamId } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { handleCommand } from '../shared/handle-command.js';
import { ConcludePartnershipCommand } from './conclude-partnership.command.js';

@CommandHandler(ConcludePartnershipCommand)
export class ConcludePartnershipHandler implements ICommandHandler<ConcludePartnershipCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: ConcludePartnershipCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.partnershipId,
        streamId: partnershipStreamId(payload.partnershipId),
        decider: partnershipDecider,
        command: (now) => ({ type: 'ConcludePartnership' as const, ...payload, today: calendarDateOf(now) }),
      },
      context,
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, cityDecider, cityStreamId } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { handleCommand } from '../shared/handle-command.js';
import { WithdrawMembershipCommand } from './withdraw-membership.command.js';

@CommandHandler(WithdrawMembershipCommand)
export class WithdrawMembershipHandler implements ICommandHandler<WithdrawMembershipCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: WithdrawMembershipCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.cityId,
        streamId: cityStreamId(payload.cityId),
        decider: cityDecider,
        command: (now) => ({
          type: 'WithdrawMembership' as const,
          ...payload,
          today: calendarDateOf(now),
        }),
      },
      context,
    );
  }
}

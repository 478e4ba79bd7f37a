import { Command } from '@nestjs/cqrs';
import type { WithdrawalReason } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface WithdrawMembershipPayload {
  readonly cityId: string;
  readonly effectiveOn: string;
  readonly reason: WithdrawalReason;
  readonly note?: string;
}

export class WithdrawMembershipCommand extends Command<CommandResult> {
  constructor(
    readonly payload: WithdrawMembershipPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface ConcludePartnershipPayload {
  readonly partnershipId: string;
  readonly concludedOn: string;
  readonly outcome?: string;
}

export class ConcludePartnershipCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ConcludePartnershipPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

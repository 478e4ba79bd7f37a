import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface AddPartnerPayload {
  readonly partnershipId: string;
  readonly name: string;
  readonly country: string;
  readonly cityId?: string;
  readonly joinedOn: string;
}

export class AddPartnerCommand extends Command<CommandResult> {
  constructor(
    readonly payload: AddPartnerPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

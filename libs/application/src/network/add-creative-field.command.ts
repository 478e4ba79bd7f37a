import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface AddCreativeFieldPayload {
  readonly field: string;
  readonly label: string;
  readonly effectiveOn: string;
}

export class AddCreativeFieldCommand extends Command<CommandResult> {
  constructor(
    readonly payload: AddCreativeFieldPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface EndorseApplicationPayload {
  readonly applicationId: string;
  readonly endorsedOn: string;
  /** the national commission for UNESCO that found the city a suitable candidate */
  readonly by: string;
}

export class EndorseApplicationCommand extends Command<CommandResult> {
  constructor(
    readonly payload: EndorseApplicationPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

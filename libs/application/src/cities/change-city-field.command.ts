import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

/** Lyon: media-arts since 2008, literature from 2023. */
export interface ChangeCityFieldPayload {
  readonly cityId: string;
  readonly field: string;
  readonly effectiveOn: string;
}

export class ChangeCityFieldCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ChangeCityFieldPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface DesignateCityPayload {
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
  readonly field: string;
  readonly designatedOn: string;
}

export class DesignateCityCommand extends Command<CommandResult> {
  constructor(
    readonly payload: DesignateCityPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

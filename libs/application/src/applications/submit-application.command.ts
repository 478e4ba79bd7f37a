import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface SubmitApplicationPayload {
  readonly applicationId: string;
  readonly cityId: string;
  readonly cityName: string;
  readonly country: string;
  readonly field: string;
  readonly callYear: number;
  readonly submittedOn: string;
}

export class SubmitApplicationCommand extends Command<CommandResult> {
  constructor(
    readonly payload: SubmitApplicationPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

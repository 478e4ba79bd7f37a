import { Command } from '@nestjs/cqrs';
import type { ReviewOutcome } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface ReviewReportPayload {
  readonly cityId: string;
  readonly reportId: string;
  readonly outcome: ReviewOutcome;
  readonly reviewedOn: string;
  readonly comment?: string;
}

export class ReviewReportCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ReviewReportPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { ReportKind } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface SubmitReportPayload {
  readonly cityId: string;
  readonly reportId: string;
  readonly kind: ReportKind;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly submittedOn: string;
  readonly title?: string;
}

export class SubmitReportCommand extends Command<CommandResult> {
  constructor(
    readonly payload: SubmitReportPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

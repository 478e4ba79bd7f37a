import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface CancelMeetingPayload {
  readonly meetingId: string;
  readonly cancelledOn: string;
  readonly reason: string;
  readonly forceMajeure: boolean;
}

export class CancelMeetingCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CancelMeetingPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

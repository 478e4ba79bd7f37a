import { Command } from '@nestjs/cqrs';
import type { MeetingFormat } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

/** What took place; held dates and format default to the scheduled ones. */
export interface RecordMeetingHostedPayload {
  readonly meetingId: string;
  readonly attendeeCityIds?: readonly string[];
  readonly heldFrom?: string;
  readonly heldTo?: string;
  readonly format?: MeetingFormat;
}

export class RecordMeetingHostedCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordMeetingHostedPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

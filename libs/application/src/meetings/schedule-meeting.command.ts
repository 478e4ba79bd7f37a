import { Command } from '@nestjs/cqrs';
import type { MeetingFormat, MeetingKind } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface ScheduleMeetingPayload {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly edition?: number;
  readonly field?: string;
  readonly country?: string;
  readonly hostCityIds: readonly string[];
  readonly venue?: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly theme?: string;
  readonly format: MeetingFormat;
}

export class ScheduleMeetingCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ScheduleMeetingPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

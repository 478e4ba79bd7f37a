import { Command } from '@nestjs/cqrs';
import type { ApplicationDecision } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface DecideApplicationPayload {
  readonly applicationId: string;
  readonly decision: ApplicationDecision;
  readonly decidedOn: string;
}

/**
 * Records UNESCO's decision. A `designated` decision's `CityDesignated` is not appended here but
 * by the designation process, which follows the log (one stream per append, crash-safe).
 */
export class DecideApplicationCommand extends Command<CommandResult> {
  constructor(
    readonly payload: DecideApplicationPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

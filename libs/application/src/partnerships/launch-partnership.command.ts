import { Command } from '@nestjs/cqrs';
import type { Partner } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

export interface LaunchPartnershipPayload {
  readonly partnershipId: string;
  readonly name: string;
  readonly programme?: string;
  readonly leadPartner: Partner;
  readonly partners: readonly Partner[];
  readonly creativeIndustries?: readonly string[];
  readonly startsOn: string;
  readonly endsOn?: string;
}

export class LaunchPartnershipCommand extends Command<CommandResult> {
  constructor(
    readonly payload: LaunchPartnershipPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

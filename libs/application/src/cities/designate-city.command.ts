import { Command } from '@nestjs/cqrs';
import type { DesignateCity } from '@uccn/domain';
import type { CommandContext, CommandResult } from '../shared/command-context.js';

/** The domain command without what the write path supplies (the catalogue, today). */
export type DesignateCityPayload = Omit<DesignateCity, 'type' | 'catalogue' | 'today'>;

export class DesignateCityCommand extends Command<CommandResult> {
  constructor(
    readonly payload: DesignateCityPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

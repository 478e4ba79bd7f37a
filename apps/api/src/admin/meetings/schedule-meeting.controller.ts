import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ScheduleMeetingCommand, type CommandContext, type ScheduleMeetingPayload } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ScheduleMeetingRequest } from './schedule-meeting.request.js';

@Controller('admin/meetings')
@Roles(...ADMIN)
export class ScheduleMeetingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  async schedule(
    @Body() body: ScheduleMeetingRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { meetingId, kind, title, edition, field, country, hostCityIds, venue, startsOn, endsOn, theme, format } = body;
    const payload: ScheduleMeetingPayload = {
      meetingId,
      kind,
      title,
      ...(edition === undefined ? {} : { edition }),
      ...(field === undefined ? {} : { field }),
      ...(country === undefined ? {} : { country }),
      hostCityIds,
      ...(venue === undefined ? {} : { venue }),
      startsOn,
      endsOn,
      ...(theme === undefined ? {} : { theme }),
      format,
    };
    return commandResponse(reply, await this.commandBus.execute(new ScheduleMeetingCommand(payload, context)));
  }
}

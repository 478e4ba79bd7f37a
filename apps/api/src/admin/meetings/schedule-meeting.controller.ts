import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ScheduleMeetingCommand, type CommandContext, type ScheduleMeetingPayload } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ScheduleMeetingRequest } from './schedule-meeting.request.js';

@Controller('admin/meetings')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class ScheduleMeetingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Schedule a meeting (MeetingScheduled)', description: 'An annual conference needs an edition, a sub-network meeting a field, a national one a country; a host city or a venue (422). Host cities must be members on the dates (404 for an unknown one).', errors: [404] })
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

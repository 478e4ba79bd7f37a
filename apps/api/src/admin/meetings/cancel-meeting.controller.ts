import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CancelMeetingCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { CancelMeetingRequest } from './cancel-meeting.request.js';
import { MeetingParams } from './meeting.params.js';

@Controller('admin/meetings/:meetingId/cancellation')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class CancelMeetingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Record that a meeting was called off (MeetingCancelled)', description: 'Santos 2020, COVID-19, force majeure.', errors: [404] })
  @HttpCode(201)
  async cancel(
    @Param() params: MeetingParams,
    @Body() body: CancelMeetingRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { meetingId } = params;
    const { cancelledOn, reason, forceMajeure } = body;
    return commandResponse(reply, await this.commandBus.execute(new CancelMeetingCommand({ meetingId, cancelledOn, reason, forceMajeure }, context)));
  }
}

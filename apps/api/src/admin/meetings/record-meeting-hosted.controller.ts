import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { RecordMeetingHostedCommand, type CommandContext, type RecordMeetingHostedPayload } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { MeetingParams } from './meeting.params.js';
import { RecordMeetingHostedRequest } from './record-meeting-hosted.request.js';

@Controller('admin/meetings/:meetingId/hosted')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class RecordMeetingHostedController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Record that a meeting took place (MeetingHosted)', description: "Omitted values are the plan's; hosting a cancelled meeting is a 409.", errors: [404] })
  @HttpCode(201)
  async recordHosted(
    @Param() params: MeetingParams,
    @Body() body: RecordMeetingHostedRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { meetingId } = params;
    const { attendeeCityIds, heldFrom, heldTo, format } = body;
    const payload: RecordMeetingHostedPayload = {
      meetingId,
      ...(attendeeCityIds === undefined ? {} : { attendeeCityIds }),
      ...(heldFrom === undefined ? {} : { heldFrom }),
      ...(heldTo === undefined ? {} : { heldTo }),
      ...(format === undefined ? {} : { format }),
    };
    return commandResponse(reply, await this.commandBus.execute(new RecordMeetingHostedCommand(payload, context)));
  }
}

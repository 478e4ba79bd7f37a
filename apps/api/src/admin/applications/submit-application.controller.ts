import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { SubmitApplicationCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { SubmitApplicationRequest } from './submit-application.request.js';

@Controller('admin/applications')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class SubmitApplicationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: "Record a city's application in a call (ApplicationSubmitted)" })
  @HttpCode(201)
  async submit(
    @Body() body: SubmitApplicationRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { applicationId, cityId, cityName, country, field, callYear, submittedOn } = body;
    const payload = { applicationId, cityId, cityName, country, field, callYear, submittedOn };
    return commandResponse(reply, await this.commandBus.execute(new SubmitApplicationCommand(payload, context)));
  }
}

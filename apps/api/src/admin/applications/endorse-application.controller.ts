import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { EndorseApplicationCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ApplicationParams } from './application.params.js';
import { EndorseApplicationRequest } from './endorse-application.request.js';

@Controller('admin/applications/:applicationId/endorsement')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class EndorseApplicationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: "Record the national commission's endorsement (ApplicationEndorsed)", errors: [404] })
  @HttpCode(201)
  async endorse(
    @Param() params: ApplicationParams,
    @Body() body: EndorseApplicationRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { applicationId } = params;
    const { endorsedOn, by } = body;
    return commandResponse(reply, await this.commandBus.execute(new EndorseApplicationCommand({ applicationId, endorsedOn, by }, context)));
  }
}

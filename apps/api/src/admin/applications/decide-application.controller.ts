import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { DecideApplicationCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ApplicationParams } from './application.params.js';
import { DecideApplicationRequest } from './decide-application.request.js';

/**
 * Answers once the decision is recorded. A `designated` decision's `CityDesignated` follows
 * from the designation process, which reads the decision from the log (eventually consistent).
 */
@Controller('admin/applications/:applicationId/decision')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class DecideApplicationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: "Record UNESCO's decision on an application (ApplicationDecided)", description: 'Answers once the decision is recorded; a `designated` decision then designates the city (CityDesignated), eventually consistent. `designated` needs an endorsement (422).', errors: [404] })
  @HttpCode(201)
  async decide(
    @Param() params: ApplicationParams,
    @Body() body: DecideApplicationRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { applicationId } = params;
    const { decision, decidedOn } = body;
    return commandResponse(reply, await this.commandBus.execute(new DecideApplicationCommand({ applicationId, decision, decidedOn }, context)));
  }
}

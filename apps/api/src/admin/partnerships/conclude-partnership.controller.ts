import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ConcludePartnershipCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ConcludePartnershipRequest } from './conclude-partnership.request.js';
import { PartnershipParams } from './partnership.params.js';

@Controller('admin/partnerships/:partnershipId/conclusion')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class ConcludePartnershipController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Record the end of a partnership (PartnershipConcluded)', errors: [404] })
  @HttpCode(201)
  async conclude(
    @Param() params: PartnershipParams,
    @Body() body: ConcludePartnershipRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { partnershipId } = params;
    const { concludedOn, outcome } = body;
    const payload = { partnershipId, concludedOn, ...(outcome === undefined ? {} : { outcome }) };
    return commandResponse(reply, await this.commandBus.execute(new ConcludePartnershipCommand(payload, context)));
  }
}

import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { AddPartnerCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { AddPartnerRequest } from './add-partner.request.js';
import { PartnershipParams } from './partnership.params.js';

@Controller('admin/partnerships/:partnershipId/partners')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class AddPartnerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Record an organisation joining a partnership (PartnerJoined)', errors: [404] })
  @HttpCode(201)
  async add(
    @Param() params: PartnershipParams,
    @Body() body: AddPartnerRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { partnershipId } = params;
    const { name, country, cityId, joinedOn } = body;
    const payload = { partnershipId, name, country, ...(cityId === undefined ? {} : { cityId }), joinedOn };
    return commandResponse(reply, await this.commandBus.execute(new AddPartnerCommand(payload, context)));
  }
}

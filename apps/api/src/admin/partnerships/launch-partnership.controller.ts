import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { LaunchPartnershipCommand, type CommandContext } from '@uccn/application';
import type { Partner } from '@uccn/domain';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { LaunchPartnershipRequest, type PartnerRequest } from './launch-partnership.request.js';

const partnerOf = ({ name, country, cityId }: PartnerRequest): Partner => ({ name, country, ...(cityId === undefined ? {} : { cityId }) });

@Controller('admin/partnerships')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class LaunchPartnershipController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Launch an inter-city partnership (PartnershipLaunched)' })
  @HttpCode(201)
  async launch(
    @Body() body: LaunchPartnershipRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { partnershipId, name, programme, leadPartner, partners, creativeIndustries, startsOn, endsOn } = body;
    const payload = {
      partnershipId,
      name,
      ...(programme === undefined ? {} : { programme }),
      leadPartner: partnerOf(leadPartner),
      partners: partners.map(partnerOf),
      ...(creativeIndustries === undefined ? {} : { creativeIndustries }),
      startsOn,
      ...(endsOn === undefined ? {} : { endsOn }),
    };
    return commandResponse(reply, await this.commandBus.execute(new LaunchPartnershipCommand(payload, context)));
  }
}

import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { WithdrawMembershipCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { CityParams } from './city.params.js';
import { WithdrawMembershipRequest } from './withdraw-membership.request.js';

@Controller('admin/cities/:cityId/withdrawal')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class WithdrawMembershipController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Record a city leaving the network (MembershipWithdrawn)', description: "The effective date is the first day out; the city's history and reports stay in the log.", errors: [404] })
  @HttpCode(201)
  async withdraw(
    @Param() params: CityParams,
    @Body() body: WithdrawMembershipRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cityId } = params;
    const { effectiveOn, reason, note } = body;
    const payload = { cityId, effectiveOn, reason, ...(note === undefined ? {} : { note }) };
    return commandResponse(reply, await this.commandBus.execute(new WithdrawMembershipCommand(payload, context)));
  }
}

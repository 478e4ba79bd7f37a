import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { WithdrawMembershipCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { CityParams } from './city.params.js';
import { WithdrawMembershipRequest } from './withdraw-membership.request.js';

@Controller('admin/cities/:cityId/withdrawal')
@Roles(...ADMIN)
export class WithdrawMembershipController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
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

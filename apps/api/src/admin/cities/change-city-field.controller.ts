import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ChangeCityFieldCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { CityParams } from './city.params.js';
import { ChangeCityFieldRequest } from './change-city-field.request.js';

@Controller('admin/cities/:cityId/field-change')
@Roles(...ADMIN)
export class ChangeCityFieldController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  async changeField(
    @Param() params: CityParams,
    @Body() body: ChangeCityFieldRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cityId } = params;
    const { field, effectiveOn } = body;
    return commandResponse(reply, await this.commandBus.execute(new ChangeCityFieldCommand({ cityId, field, effectiveOn }, context)));
  }
}

import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ChangeCityFieldCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ChangeCityFieldRequest } from './change-city-field.request.js';
import { CityParams } from './city.params.js';

@Controller('admin/cities/:cityId/field-change')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class ChangeCityFieldController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: "Change a member city's creative field (CityFieldChanged)", description: 'Lyon moved from media arts to literature in 2023.', errors: [404] })
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

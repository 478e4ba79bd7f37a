import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { DesignateCityCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { DesignateCityRequest } from './designate-city.request.js';

@Controller('admin/cities')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class DesignateCityController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Designate a city in a creative field (CityDesignated)', description: 'The field must be open on the date (422); a city already designated is a 409.' })
  @HttpCode(201)
  async designate(
    @Body() body: DesignateCityRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cityId, name, country, field, designatedOn } = body;
    const result = await this.commandBus.execute(new DesignateCityCommand({ cityId, name, country, field, designatedOn }, context));
    return commandResponse(reply, result);
  }
}

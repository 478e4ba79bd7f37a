import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { AddCreativeFieldCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { AddCreativeFieldRequest } from './add-creative-field.request.js';

@Controller('admin/fields')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class AddCreativeFieldController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Open a new creative field (CreativeFieldAdded)', description: 'UNESCO added architecture on 2025-10-31; a field already in the catalogue is a 409.' })
  @HttpCode(201)
  async add(
    @Body() body: AddCreativeFieldRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { field, label, effectiveOn } = body;
    return commandResponse(reply, await this.commandBus.execute(new AddCreativeFieldCommand({ field, label, effectiveOn }, context)));
  }
}

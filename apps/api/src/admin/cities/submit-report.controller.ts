import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { SubmitReportCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { CityParams } from './city.params.js';
import { SubmitReportRequest } from './submit-report.request.js';

@Controller('admin/cities/:cityId/reports')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class SubmitReportController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: 'Record a report a city submitted (ReportSubmitted)', description: 'A membership monitoring report every four years, or a national annual report; a report id the city already used is a 409.', errors: [404] })
  @HttpCode(201)
  async submit(
    @Param() params: CityParams,
    @Body() body: SubmitReportRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cityId } = params;
    const { reportId, kind, periodStart, periodEnd, submittedOn, title } = body;
    const payload = { cityId, reportId, kind, periodStart, periodEnd, submittedOn, ...(title === undefined ? {} : { title }) };
    return commandResponse(reply, await this.commandBus.execute(new SubmitReportCommand(payload, context)));
  }
}

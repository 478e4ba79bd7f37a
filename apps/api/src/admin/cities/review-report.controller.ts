import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ReviewReportCommand, type CommandContext } from '@uccn/application';
import { CommandContextOf } from '../../http/command-context.decorator.js';
import { commandResponse } from '../../http/command-response.js';
import { ApiArea, ApiCommand } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ReportParams } from './city.params.js';
import { ReviewReportRequest } from './review-report.request.js';

@Controller('admin/cities/:cityId/reports/:reportId/review')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class ReviewReportController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiCommand({ summary: "Record the secretariat's review of a report (ReportReviewed)", errors: [404] })
  @HttpCode(201)
  async review(
    @Param() params: ReportParams,
    @Body() body: ReviewReportRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cityId, reportId } = params;
    const { outcome, reviewedOn, comment } = body;
    const payload = { cityId, reportId, outcome, reviewedOn, ...(comment === undefined ? {} : { comment }) };
    return commandResponse(reply, await this.commandBus.execute(new ReviewReportCommand(payload, context)));
  }
}

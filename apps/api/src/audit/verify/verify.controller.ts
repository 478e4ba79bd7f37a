import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { VerifyLogQuery } from '@uccn/application';
import { ApiArea, ApiRead } from '../../http/openapi.decorators.js';
import { AUDIT, Roles } from '../../http/roles.decorator.js';
import { LogVerificationResponse } from '../audit.responses.js';

@Controller('audit/verify')
@ApiArea('audit')
@Roles(...AUDIT)
export class VerifyController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiRead({ summary: "Recompute the log's hash chains and name the first broken position", answer: LogVerificationResponse })
  verify() {
    return this.queryBus.execute(new VerifyLogQuery());
  }
}

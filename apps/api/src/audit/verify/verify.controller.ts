import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { VerifyLogQuery } from '@uccn/application';
import { AUDIT, Roles } from '../../http/roles.decorator.js';

@Controller('audit/verify')
@Roles(...AUDIT)
export class VerifyController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  verify() {
    return this.queryBus.execute(new VerifyLogQuery());
  }
}

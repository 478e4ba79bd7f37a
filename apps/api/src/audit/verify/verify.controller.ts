import { QueryBus } from '@nestjs/cqrs';
import { VerifyLogQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { AUDIT } from '../../http/roles.decorator.js';
import { LogVerificationResponse } from '../audit.responses.js';

@AreaController('audit/verify', 'audit', AUDIT)
export class VerifyController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', { summary: "Recompute the log's hash chains and name the first broken position", answer: LogVerificationResponse })
  verify() {
    return this.queryBus.execute(new VerifyLogQuery());
  }
}

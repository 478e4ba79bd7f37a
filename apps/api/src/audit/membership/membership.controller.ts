import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { MAX_PAGE_SIZE, MembershipRegisterQuery } from '@uccn/application';
import { AUDIT, Roles } from '../../http/roles.decorator.js';
import { MembershipRequest } from './membership.request.js';

@Controller('audit/membership')
@Roles(...AUDIT)
export class MembershipController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  register(@Query() query: MembershipRequest) {
    const paging = { page: query.page ?? 1, limit: query.limit ?? MAX_PAGE_SIZE };
    return this.queryBus.execute(new MembershipRegisterQuery(query.asOf, query.knownAt, paging));
  }
}

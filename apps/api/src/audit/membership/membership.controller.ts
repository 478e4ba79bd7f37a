import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { MAX_PAGE_SIZE, MembershipRegisterQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { pageOf } from '../../http/paging.request.js';
import { AUDIT } from '../../http/roles.decorator.js';
import { MembershipRegisterResponse } from '../audit.responses.js';
import { MembershipRequest } from './membership.request.js';

@AreaController('audit/membership', 'audit', AUDIT)
export class MembershipController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', {
    summary: 'The register as it stood on a date, as it was known at an instant',
    description: 'Who was a member on `asOf` according to what the registry knew at `knownAt` (bitemporal); a `knownAt` after now is a 400. Pages beyond the contract’s shape, 500 rows by default.',
    answer: MembershipRegisterResponse,
    errors: [400],
  })
  register(@Query() query: MembershipRequest) {
    return this.queryBus.execute(new MembershipRegisterQuery(query.asOf, query.knownAt, pageOf(query, MAX_PAGE_SIZE)));
  }
}

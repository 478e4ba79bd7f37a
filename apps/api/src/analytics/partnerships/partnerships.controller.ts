import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListPartnershipsQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { PartnershipResponse } from '../analytics.responses.js';
import { ListPartnershipsRequest } from './list-partnerships.request.js';

@AreaController('analytics/partnerships', 'analytics', ANALYTICS)
export class PartnershipsController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', { summary: 'Inter-city partnerships with their lead partner, partners and conclusion', answer: page(PartnershipResponse), errors: [400] })
  list(@Query() query: ListPartnershipsRequest) {
    return this.queryBus.execute(new ListPartnershipsQuery({ status: query.status }, pageOf(query)));
  }
}

import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListApplicationsQuery } from '@uccn/application';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { pageOf } from '../../http/paging.request.js';
import { ANALYTICS } from '../../http/roles.decorator.js';
import { ApplicationResponse } from '../analytics.responses.js';
import { ListApplicationsRequest } from './list-applications.request.js';

@AreaController('analytics/applications', 'analytics', ANALYTICS)
export class ApplicationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('', { summary: 'Applications by submission date, filtered by call year and status', answer: page(ApplicationResponse), errors: [400] })
  list(@Query() query: ListApplicationsRequest) {
    const { callYear, status } = query;
    return this.queryBus.execute(new ListApplicationsQuery({ callYear, status }, pageOf(query)));
  }
}

import { Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import {
  GetCityQuery,
  GetSummaryQuery,
  ListApplicationsQuery,
  ListCitiesQuery,
  ListFieldsQuery,
  ListMeetingsQuery,
  ListPartnershipsQuery,
  ReportComplianceQuery,
} from '@uccn/application';
import { AreaController, ReadRoute } from '../http/area-controller.decorator.js';
import { page } from '../http/openapi.decorators.js';
import { pageOf } from '../http/paging.request.js';
import { ANALYTICS } from '../http/roles.decorator.js';
import {
  ApplicationResponse,
  CityResponse,
  ComplianceItemResponse,
  FieldItemResponse,
  MeetingResponse,
  PartnershipResponse,
  SummaryResponse,
} from './analytics.responses.js';
import { ListApplicationsRequest } from './applications/list-applications.request.js';
import { ListCitiesRequest } from './cities/list-cities.request.js';
import { ListMeetingsRequest } from './meetings/list-meetings.request.js';
import { ListPartnershipsRequest } from './partnerships/list-partnerships.request.js';
import { ComplianceRequest } from './reports/compliance.request.js';

/** The analysts' reads (`GET /api/analytics/**`): the projections, queried; no personal data. */
@AreaController('analytics', 'analytics', ANALYTICS)
export class AnalyticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute('fields', {
    summary: 'The field catalogue, with the date each field opened',
    description: 'The founding seven of 2004 and each field added since; one page holds them all.',
    answer: page(FieldItemResponse),
  })
  fields() {
    return this.queryBus.execute(new ListFieldsQuery());
  }

  @ReadRoute('summary', { summary: 'The network in numbers: members, withdrawn, countries; by field, by country, by year', answer: SummaryResponse })
  summary() {
    return this.queryBus.execute(new GetSummaryQuery());
  }

  @ReadRoute('cities', { summary: 'The directory of cities, by name, filtered by field, country and status', answer: page(CityResponse), errors: [400] })
  cities(@Query() query: ListCitiesRequest) {
    const { field, country, status } = query;
    return this.queryBus.execute(new ListCitiesQuery({ field, country, status }, pageOf(query)));
  }

  @ReadRoute('cities/:cityId', { summary: 'One city of the directory', answer: CityResponse, errors: [404] })
  @ApiParam({ name: 'cityId', example: 'lyon' })
  city(@Param('cityId') cityId: string) {
    return this.queryBus.execute(new GetCityQuery(cityId));
  }

  @ReadRoute('meetings', {
    summary: 'Meetings with their hosts by name, dates, status and attendance, filtered by kind, year, field, country and host city',
    description: '`status` says plainly whether a meeting is `scheduled` (not yet recorded as held), `hosted` or `cancelled`; `upcoming` marks a scheduled one still to come today.',
    answer: page(MeetingResponse),
    errors: [400],
  })
  meetings(@Query() query: ListMeetingsRequest) {
    const { kind, year, field, country, hostCityId } = query;
    return this.queryBus.execute(new ListMeetingsQuery({ kind, year, field, country, hostCityId }, pageOf(query)));
  }

  @ReadRoute('reports/compliance', {
    summary: 'Report compliance on a date: per member, the last monitoring report and its review, the next due date, overdue or not',
    description:
      'The four-yearly membership monitoring report is a rule in force by 2015-05-28 (the Kanazawa meeting): a city designated before it owes its first report on 2019-05-28, ' +
      'one designated after it four years after its designation. A report sent back for revision fulfils no due date until it is accepted.',
    answer: page(ComplianceItemResponse, { asOf: { type: 'string', format: 'date', example: '2020-01-01' } }),
    errors: [400],
  })
  compliance(@Query() query: ComplianceRequest) {
    return this.queryBus.execute(new ReportComplianceQuery(query.asOf, pageOf(query), query.overdue));
  }

  @ReadRoute('applications', { summary: 'Applications by submission date, filtered by call year and status', answer: page(ApplicationResponse), errors: [400] })
  applications(@Query() query: ListApplicationsRequest) {
    const { callYear, status } = query;
    return this.queryBus.execute(new ListApplicationsQuery({ callYear, status }, pageOf(query)));
  }

  @ReadRoute('partnerships', { summary: 'Inter-city partnerships with their lead partner, partners and conclusion', answer: page(PartnershipResponse), errors: [400] })
  partnerships(@Query() query: ListPartnershipsRequest) {
    return this.queryBus.execute(new ListPartnershipsQuery({ status: query.status }, pageOf(query)));
  }
}

import { ApiProperty } from '@nestjs/swagger';
import type { QueryResult } from '@nestjs/cqrs';
import type {
  GetCityQuery,
  GetSummaryQuery,
  ListApplicationsQuery,
  ListCitiesQuery,
  ListFieldsQuery,
  ListMeetingsQuery,
  ListPartnershipsQuery,
  ReportComplianceQuery,
} from '@uccn/application';
import { MEETING_FORMATS, MEETING_KINDS, REVIEW_OUTCOMES, WITHDRAWAL_REASONS, type ReviewOutcome } from '@uccn/domain';
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '@uccn/projections';
import { responsesMatch, type ItemOf, type ResponseMatches } from '../http/response-shape.js';

/*
 * The analysts' answers as the OpenAPI document shows them: the read models' documents
 * (libs/projections), with examples from the network's real history.
 */

/** Every read-model document names the last event that changed it. */
export abstract class WithLineage {
  @ApiProperty({ description: 'the id of the last event that changed this document', example: '3f0c6a4e-2b8d-4e51-9a7c-0d2e5b1f8c93' })
  lastEventId!: string;

  @ApiProperty({ description: 'the global position of that event', example: 128 })
  lastPosition!: number;
}

export class FieldItemResponse {
  @ApiProperty({ example: 'architecture' })
  field!: string;

  @ApiProperty({ example: 'Architecture' })
  label!: string;

  @ApiProperty({ format: 'date', description: 'the first date a designation may name it', example: '2025-10-31' })
  openedOn!: string;

  @ApiProperty({ description: 'one of the seven fields the network opened with in 2004', example: false })
  founding!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the registry learned of it; null for the founding seven', example: '2025-11-03T10:15:00.000Z' })
  recordedAt!: string | null;
}

export class YearCountResponse {
  @ApiProperty({ example: 2010 })
  year!: number;

  @ApiProperty({ description: 'cities designated that year', example: 3 })
  designated!: number;

  @ApiProperty({ description: 'members at the end of that year', example: 7 })
  cumulative!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'members at the end of that year by the field each held then',
    example: { 'crafts-and-folk-art': 1, design: 2, gastronomy: 1, 'media-arts': 1, music: 2 },
  })
  byField!: Record<string, number>;
}

export class SummaryResponse {
  @ApiProperty({ example: 10 })
  members!: number;

  @ApiProperty({ example: 1 })
  withdrawn!: number;

  @ApiProperty({ description: 'distinct countries among members', example: 8 })
  countries!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'members by current field',
    example: { architecture: 1, 'crafts-and-folk-art': 2, design: 2, gastronomy: 1, literature: 2, music: 2 },
  })
  byField!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'members by country',
    example: { CN: 1, FI: 1, FR: 1, IT: 2, KR: 1, PL: 2, SE: 1, US: 1 },
  })
  byCountry!: Record<string, number>;

  @ApiProperty({ type: () => [YearCountResponse], description: 'every year from the first designation on, ascending' })
  byYear!: YearCountResponse[];
}

export class FieldPeriodResponse {
  @ApiProperty({ example: 'literature' })
  field!: string;

  @ApiProperty({ format: 'date', example: '2023-10-31' })
  from!: string;
}

export class LastReportResponse {
  @ApiProperty({ example: 'membership-monitoring-2017' })
  reportId!: string;

  @ApiProperty({ format: 'date', example: '2017-01-23' })
  submittedOn!: string;

  @ApiProperty({ format: 'date', example: '2008-11-03' })
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2016-12-31' })
  periodEnd!: string;

  @ApiProperty({ enum: [...REVIEW_OUTCOMES], nullable: true, description: 'null until reviewed', example: 'accepted' })
  outcome!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2017-01-23' })
  reviewedOn!: string | null;
}

export class LastReportsResponse {
  @ApiProperty({ type: () => LastReportResponse, nullable: true })
  membershipMonitoring!: LastReportResponse | null;

  @ApiProperty({ type: () => LastReportResponse, nullable: true })
  nationalAnnual!: LastReportResponse | null;
}

export class MonitoringReviewResponse {
  @ApiProperty({ enum: [...REVIEW_OUTCOMES], example: 'accepted' })
  outcome!: ReviewOutcome;

  @ApiProperty({ format: 'date', example: '2017-01-23' })
  reviewedOn!: string;
}

export class MonitoringReportResponse {
  @ApiProperty({ example: 'membership-monitoring-2017' })
  reportId!: string;

  @ApiProperty({ format: 'date', example: '2017-01-23' })
  submittedOn!: string;

  @ApiProperty({ type: () => [MonitoringReviewResponse], description: 'in date order: sent back any number of times, then accepted' })
  reviews!: MonitoringReviewResponse[];
}

export class CityResponse extends WithLineage {
  @ApiProperty({ example: 'lyon' })
  id!: string;

  @ApiProperty({ example: 'lyon' })
  cityId!: string;

  @ApiProperty({ example: 'Lyon' })
  name!: string;

  @ApiProperty({ example: 'FR' })
  country!: string;

  @ApiProperty({ description: 'the current field', example: 'literature' })
  field!: string;

  @ApiProperty({ enum: ['member', 'withdrawn'], example: 'member' })
  status!: string;

  @ApiProperty({ format: 'date', example: '2008-11-03' })
  designatedOn!: string;

  @ApiProperty({ format: 'date-time', description: 'when the registry learned of the designation', example: '2024-03-01T09:00:00.000Z' })
  designationRecordedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the application that led to the designation, if recorded', example: null })
  applicationId!: string | null;

  @ApiProperty({
    type: () => [FieldPeriodResponse],
    description: 'every field the city has held, from the date it took it',
    example: [{ field: 'media-arts', from: '2008-11-03' }, { field: 'literature', from: '2023-10-31' }],
  })
  fieldHistory!: FieldPeriodResponse[];

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the first day out', example: null })
  withdrawnOn!: string | null;

  @ApiProperty({ enum: [...WITHDRAWAL_REASONS], nullable: true, example: null })
  withdrawalReason!: string | null;

  @ApiProperty({ format: 'date', description: '`withdrawnOn`, or 9999-12-31 while a member (for range queries)', example: '9999-12-31' })
  memberUntil!: string;

  @ApiProperty({ example: 1 })
  reportCount!: number;

  @ApiProperty({ type: () => LastReportsResponse })
  lastReports!: LastReportsResponse;

  @ApiProperty({ type: [String], description: 'every monitoring report’s submission date, ascending', example: ['2017-01-23'] })
  monitoringReportDates!: string[];

  @ApiProperty({
    type: () => [MonitoringReportResponse],
    description: 'every monitoring report with its reviews, by submission date',
    example: [{ reportId: 'membership-monitoring-2017', submittedOn: '2017-01-23', reviews: [{ outcome: 'accepted', reviewedOn: '2017-01-23' }] }],
  })
  monitoringReports!: MonitoringReportResponse[];

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2017-01-23' })
  lastMonitoringReportOn!: string | null;

  @ApiProperty({
    format: 'date',
    description: 'on the four-year schedule from the designation, or from 2015-05-28 (the rule in force) for a city designated before it; a report sent back for revision fulfils nothing',
    example: '2023-05-28',
  })
  nextMonitoringReportDue!: string;
}

export class CancellationResponse {
  @ApiProperty({ format: 'date', example: '2020-03-20' })
  cancelledOn!: string;

  @ApiProperty({ example: 'COVID-19 pandemic' })
  reason!: string;

  @ApiProperty({ example: true })
  forceMajeure!: boolean;
}

export class MeetingHostResponse {
  @ApiProperty({ example: 'krakow' })
  cityId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null if the directory has no such city', example: 'Kraków' })
  name!: string | null;
}

export class MeetingResponse extends WithLineage {
  @ApiProperty({ example: 'annual-conference-2018' })
  id!: string;

  @ApiProperty({ example: 'annual-conference-2018' })
  meetingId!: string;

  @ApiProperty({ enum: [...MEETING_KINDS], example: 'annual-conference' })
  kind!: string;

  @ApiProperty({ example: 'XII UNESCO Creative Cities Network Annual Conference' })
  title!: string;

  @ApiProperty({ type: Number, nullable: true, example: 12 })
  edition!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'sub-network meetings', example: null })
  field!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'national meetings', example: null })
  country!: string | null;

  @ApiProperty({ type: [String], description: 'empty when only a venue hosted it (Paris, 2008)', example: ['krakow', 'katowice'] })
  hostCityIds!: string[];

  @ApiProperty({
    type: () => [MeetingHostResponse],
    description: 'the host cities with their names from the city directory, in the order of `hostCityIds`',
    example: [{ cityId: 'krakow', name: 'Kraków' }, { cityId: 'katowice', name: 'Katowice' }],
  })
  hosts!: MeetingHostResponse[];

  @ApiProperty({ type: String, nullable: true, example: null })
  venue!: string | null;

  @ApiProperty({ format: 'date', example: '2018-06-12' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2018-06-15' })
  endsOn!: string;

  @ApiProperty({ example: 2018 })
  year!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Creative Crossroads' })
  theme!: string | null;

  @ApiProperty({ enum: [...MEETING_FORMATS], description: 'as scheduled, then as held', example: 'in-person' })
  format!: string;

  @ApiProperty({
    enum: ['scheduled', 'hosted', 'cancelled'],
    description: '`scheduled`: announced, not (yet) recorded as held — its attendance and held days are empty; `hosted`: held; `cancelled`',
    example: 'hosted',
  })
  status!: string;

  @ApiProperty({ description: 'scheduled and starting after today: a meeting still to come', example: false })
  upcoming!: boolean;

  @ApiProperty({ type: [String], example: ['krakow', 'katowice', 'fabriano', 'ostersund'] })
  attendeeCityIds!: string[];

  @ApiProperty({ example: 4 })
  attendance!: number;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2018-06-12' })
  heldFrom!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2018-06-15' })
  heldTo!: string | null;

  @ApiProperty({ type: () => CancellationResponse, nullable: true, example: null })
  cancellation!: CancellationResponse | null;

  @ApiProperty({ type: String, nullable: true, description: 'the cancelled meeting this one was rescheduled in place of', example: null })
  replaces!: string | null;
}

/*
 * The compliance example is Lyon (2008) on 2020-01-01: its membership monitoring report was among
 * those of the cities of 2007–2009 that UNESCO published on 2017-01-23 (network-history/SOURCES.md
 * §4), the day used here for its submission and acceptance; the rule's schedule then runs from
 * 2015-05-28, so the report fulfilled 2019-05-28 and the next is due 2023-05-28.
 */
export class ComplianceItemResponse {
  @ApiProperty({ example: 'lyon' })
  cityId!: string;

  @ApiProperty({ example: 'Lyon' })
  name!: string;

  @ApiProperty({ format: 'date', example: '2008-11-03' })
  designatedOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the last monitoring report submitted by `asOf`; null: no report on record', example: '2017-01-23' })
  lastReportOn!: string | null;

  @ApiProperty({
    enum: [...REVIEW_OUTCOMES],
    nullable: true,
    description: 'the verdict on that report as known on `asOf`; null while it awaits review. A report sent back (`revision-requested`) fulfils no due date',
    example: 'accepted',
  })
  lastReviewOutcome!: ReviewOutcome | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2017-01-23' })
  lastReviewedOn!: string | null;

  @ApiProperty({
    format: 'date',
    description: 'four years after the designation, or after 2015-05-28 (the rule in force) for a city designated before it, then every four years',
    example: '2023-05-28',
  })
  nextDueOn!: string;

  @ApiProperty({ description: 'the due date passed before `asOf` without a report that counts', example: false })
  overdue!: boolean;

  @ApiProperty({
    enum: [...COMPLIANCE_STATUSES],
    description:
      '`not-yet-due`: no report counts yet and none is due; `on-time`: the last report counts and the next is not due; ' +
      '`revision-requested`: the last report was sent back and its due date has not passed; ' +
      '`overdue`: a report on record but the due date passed without one that counts; `no-report-on-record`: never reported and the first due date passed',
    example: 'on-time',
  })
  status!: ComplianceStatus;
}

export class EndorsementResponse {
  @ApiProperty({ format: 'date', example: '2017-06-20' })
  endorsedOn!: string;

  @ApiProperty({ example: 'Swedish National Commission for UNESCO' })
  by!: string;

  @ApiProperty({ enum: ['endorsed', 'not-endorsed'], description: '`not-endorsed`: not a suitable candidate; the application ended there', example: 'endorsed' })
  outcome!: 'endorsed' | 'not-endorsed';
}

export class DecisionResponse {
  @ApiProperty({ enum: ['designated', 'not-designated'], example: 'designated' })
  decision!: string;

  @ApiProperty({ format: 'date', example: '2017-10-31' })
  decidedOn!: string;
}

export class ApplicationResponse extends WithLineage {
  @ApiProperty({ example: 'norrkoping-2017' })
  id!: string;

  @ApiProperty({ example: 'norrkoping-2017' })
  applicationId!: string;

  @ApiProperty({ example: 'norrkoping' })
  cityId!: string;

  @ApiProperty({ example: 'Norrköping' })
  cityName!: string;

  @ApiProperty({ example: 'SE' })
  country!: string;

  @ApiProperty({ example: 'music' })
  field!: string;

  @ApiProperty({ example: 2017 })
  callYear!: number;

  @ApiProperty({ format: 'date', example: '2017-06-14' })
  submittedOn!: string;

  @ApiProperty({ enum: ['submitted', 'endorsed', 'not-endorsed', 'designated', 'not-designated'], example: 'designated' })
  status!: string;

  @ApiProperty({ type: () => EndorsementResponse, nullable: true })
  endorsement!: EndorsementResponse | null;

  @ApiProperty({ type: () => DecisionResponse, nullable: true })
  decision!: DecisionResponse | null;
}

export class PartnerResponse {
  @ApiProperty({ example: 'Gdansk Entrepreneurship Foundation' })
  name!: string;

  @ApiProperty({ example: 'PL' })
  country!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  cityId!: string | null;

  @ApiProperty({ format: 'date', description: 'the launch date for the founding partners', example: '2010-04-01' })
  joinedOn!: string;
}

export class LeadPartnerResponse {
  @ApiProperty({ example: 'City of Leipzig' })
  name!: string;

  @ApiProperty({ example: 'DE' })
  country!: string;

  @ApiProperty({ type: String, nullable: true, example: 'leipzig' })
  cityId!: string | null;
}

export class PartnershipResponse extends WithLineage {
  @ApiProperty({ example: 'creative-cities' })
  id!: string;

  @ApiProperty({ example: 'creative-cities' })
  partnershipId!: string;

  @ApiProperty({ example: 'Creative Cities' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Central Europe Programme' })
  programme!: string | null;

  @ApiProperty({ type: () => LeadPartnerResponse })
  leadPartner!: LeadPartnerResponse;

  @ApiProperty({ type: () => [PartnerResponse] })
  partners!: PartnerResponse[];

  @ApiProperty({ type: [String], example: ['advertising', 'architecture', 'design', 'software and computer games'] })
  creativeIndustries!: string[];

  @ApiProperty({ format: 'date', example: '2010-04-01' })
  startsOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the planned end', example: '2012-12-31' })
  endsOn!: string | null;

  @ApiProperty({ enum: ['active', 'concluded'], example: 'concluded' })
  status!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2012-12-31' })
  concludedOn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'a transnational network of creative industry clusters in five Central European cities' })
  outcome!: string | null;
}

/* Each answer above is the query's result, field for field (see response-shape.ts). */
responsesMatch<
  [
    ResponseMatches<FieldItemResponse, ItemOf<ListFieldsQuery>>,
    ResponseMatches<SummaryResponse, QueryResult<GetSummaryQuery>>,
    ResponseMatches<CityResponse, ItemOf<ListCitiesQuery>>,
    ResponseMatches<CityResponse, QueryResult<GetCityQuery>>,
    ResponseMatches<MeetingResponse, ItemOf<ListMeetingsQuery>>,
    ResponseMatches<ComplianceItemResponse, ItemOf<ReportComplianceQuery>>,
    ResponseMatches<ApplicationResponse, ItemOf<ListApplicationsQuery>>,
    ResponseMatches<PartnershipResponse, ItemOf<ListPartnershipsQuery>>,
  ]
>();

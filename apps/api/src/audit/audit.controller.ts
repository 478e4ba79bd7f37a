import { Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { CityHistoryQuery, LatestAnchorQuery, ListContactsQuery, ListEventsQuery, MAX_PAGE_SIZE, MembershipRegisterQuery, VerifyLogQuery, wholeList, type Page } from '@uccn/application';
import type { ProjectionStatus } from '@uccn/projections';
import { ProjectionsService } from '@uccn/runtime';
import { isCalendarDate, instantOf } from '@uccn/domain';
import { AreaController, ReadRoute } from '../http/area-controller.decorator.js';
import { page } from '../http/openapi.decorators.js';
import { pageOf } from '../http/paging.request.js';
import { AUDIT, OPERATIONS, Roles } from '../http/roles.decorator.js';
import { IsSlug } from '../http/validation.js';
import {
  CityHistoryResponse,
  ContactResponse,
  EventPageResponse,
  LatestLogAnchorResponse,
  LogVerificationResponse,
  MembershipRegisterResponse,
  ProjectionStatusResponse,
} from './audit.responses.js';
import { ListContactsRequest } from './contacts/contacts.request.js';
import { ListEventsRequest } from './events/list-events.request.js';
import { MembershipRequest } from './membership/membership.request.js';

class CityHistoryParams {
  @IsSlug() cityId!: string;
}

/**
 * The auditors' reads (`GET /api/audit/**`): the raw log, a city's history, the register on both
 * clocks, the hash chains and the newest anchor; and the projections' status, which the secretariat reads too.
 */
@AreaController('audit', 'audit', AUDIT)
export class AuditController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @ReadRoute('events', {
    summary: 'The raw log with its metadata, paged by global position',
    description:
      'Straight from the event store. A filtered page scans a bounded stretch of the log: it may hold fewer than `limit` items while `next` is not null. `next` is an opaque cursor: pass it back as `after`, unchanged.',
    answer: EventPageResponse,
    errors: [400],
  })
  events(@Query() query: ListEventsRequest) {
    const { stream, type, actor, from, to } = query;
    return this.queryBus.execute(
      new ListEventsQuery(
        { stream, type, actor, from: from && instant(from, 'T00:00:00.000Z'), to: to && instant(to, 'T23:59:59.999Z') },
        query.after,
        query.limit ?? 100,
        query.order,
      ),
    );
  }

  @ApiParam({ name: 'cityId', example: 'lyon' })
  @ReadRoute('cities/:cityId/history', { summary: "A city's timeline: every change, with both clocks and the actor", answer: CityHistoryResponse, errors: [400, 404] })
  history(@Param() { cityId }: CityHistoryParams) {
    return this.queryBus.execute(new CityHistoryQuery(cityId));
  }

  @ReadRoute('membership', {
    summary: 'The register as it stood on a date, as it was known at an instant',
    description: 'Who was a member on `asOf` according to what the registry knew at `knownAt` (bitemporal); a `knownAt` after now is a 400. Pages beyond the contract’s shape, 500 rows by default.',
    answer: MembershipRegisterResponse,
    errors: [400],
  })
  register(@Query() query: MembershipRequest) {
    return this.queryBus.execute(new MembershipRegisterQuery(query.asOf, query.knownAt, pageOf(query, MAX_PAGE_SIZE)));
  }

  /** Personal data (DESIGN §7): auditors and the secretariat only, never analysts. */
  @ReadRoute('contacts', {
    summary: "The people on record: cities' focal points and partnerships' contacts",
    description:
      'Opened with each person’s key when answering; the stores hold them only encrypted. An erased person shows as `{ subjectId, erased: true, role, of }`. For auditors and the secretariat; analysts get a 403.',
    answer: page(ContactResponse),
    errors: [400],
  })
  @Roles(...OPERATIONS)
  contacts(@Query() query: ListContactsRequest) {
    const { cityId, partnershipId } = query;
    return this.queryBus.execute(new ListContactsQuery({ cityId, partnershipId }, pageOf(query)));
  }

  @ReadRoute('verify', { summary: "Recompute the log's hash chains and name the first broken position", answer: LogVerificationResponse })
  verify() {
    return this.queryBus.execute(new VerifyLogQuery());
  }

  @ReadRoute('anchors/latest', {
    summary: "The log's newest anchor: the position it covers, how many events, their digest, and when it was written",
    description:
      'Read from the anchors stream at once, without walking the log as `verify` does; `anchor` is null until the registry has anchored anything. ' +
      'Keep the digest outside the registry: a later `verify` must meet it, so a cut of the log before that position shows.',
    answer: LatestLogAnchorResponse,
  })
  latestAnchor() {
    return this.queryBus.execute(new LatestAnchorQuery());
  }

  /**
   * Each projection's serving generation (`version`), checkpoint, the log's head, lag, state, last
   * error and any rebuild under way. Read from the stores alone, so it tells the truth whether the
   * projections run in this process or in apps/projector. One page holds them all (list shape).
   */
  @ReadRoute('projections', {
    summary: 'Each projection: serving version, position, head, lag, state, last error, rebuild under way',
    description: 'For auditors and the secretariat.',
    answer: page(ProjectionStatusResponse),
  })
  @Roles(...OPERATIONS)
  async projectionStatuses(): Promise<Page<ProjectionStatus>> {
    return wholeList(await this.projections.statuses());
  }
}

/** A bare date stands for the start (from) or the end (to) of that UTC day; an instant (validated) is made canonical. */
const instant = (value: string, timeOfDay: string) => (isCalendarDate(value) ? value + timeOfDay : instantOf(value)!.toISOString());

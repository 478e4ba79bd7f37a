import type { QueryResult } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CityHistoryQuery, LatestAnchorQuery, ListEventsQuery, MembershipRegisterQuery, VerifyLogQuery } from '@uccn/application';
import { LAG_COUNTED_UP_TO, type ProjectionStatus } from '@uccn/projections';
import { responsesMatch, type ResponseMatches } from '../http/response-shape.js';

/* The auditors' answers as the OpenAPI document shows them, with examples from Lyon's history. */

const LYON_DESIGNATED = { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' };

const LYON_METADATA = {
  eventId: '3f0c6a4e-2b8d-4e51-9a7c-0d2e5b1f8c93',
  actor: 'secretariat',
  role: 'secretariat',
  correlationId: '0f9d4c1e-6a53-4a3b-9f0e-2a1f0d6c7b21',
  causationId: '0f9d4c1e-6a53-4a3b-9f0e-2a1f0d6c7b21',
  recordedAt: '2024-03-01T09:00:00.000Z',
  schemaVersion: 1,
  previousHash: null,
  hash: '9b1d0c3c5e0f4f0e8a7c2b1d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f',
};

export class RecordedEventResponse {
  @ApiProperty({ example: '3f0c6a4e-2b8d-4e51-9a7c-0d2e5b1f8c93' })
  id!: string;

  @ApiProperty({ description: 'the global position in the log', example: 12 })
  position!: number;

  @ApiProperty({ example: 'city-lyon' })
  streamId!: string;

  @ApiProperty({ description: 'the position within its stream, from 0', example: 0 })
  revision!: number;

  @ApiProperty({ example: 'CityDesignated' })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event as the domain recorded it', example: LYON_DESIGNATED })
  data!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'who and when (`recordedAt`), the correlation and idempotency keys, and the hash chained over the stream’s previous event',
    example: LYON_METADATA,
  })
  metadata!: Record<string, unknown>;
}

export class EventPageResponse {
  @ApiProperty({ type: () => [RecordedEventResponse] })
  items!: RecordedEventResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'an opaque cursor: pass it as `after`, unchanged, for the next page; null at the end of the log', example: 'bG9nOjEy' })
  next!: string | null;
}

export class HistoryEntryResponse {
  @ApiProperty({ example: 12 })
  position!: number;

  @ApiProperty({ example: '3f0c6a4e-2b8d-4e51-9a7c-0d2e5b1f8c93' })
  eventId!: string;

  @ApiProperty({ example: 'city-lyon' })
  streamId!: string;

  @ApiProperty({ example: 0 })
  revision!: number;

  @ApiProperty({ example: 'CityDesignated' })
  type!: string;

  @ApiProperty({ format: 'date', description: 'when it happened in the world', example: '2008-11-03' })
  domainDate!: string;

  @ApiProperty({ format: 'date-time', description: 'when the registry learned it', example: '2024-03-01T09:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'secretariat' })
  actor!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'secretariat' })
  role!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0f9d4c1e-6a53-4a3b-9f0e-2a1f0d6c7b21' })
  correlationId!: string | null;

  @ApiProperty({ example: 'designated in media-arts' })
  summary!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: LYON_DESIGNATED })
  data!: Record<string, unknown>;
}

export class CityHistoryResponse {
  @ApiProperty({ example: 'lyon' })
  cityId!: string;

  @ApiProperty({ type: () => [HistoryEntryResponse], description: 'every change, in log order' })
  items!: HistoryEntryResponse[];
}

export class RegisterItemResponse {
  @ApiProperty({ example: 'krakow' })
  cityId!: string;

  @ApiProperty({ example: 'Kraków' })
  name!: string;

  @ApiProperty({ example: 'PL' })
  country!: string;

  @ApiProperty({ description: 'the field held on `asOf`', example: 'literature' })
  field!: string;

  @ApiProperty({ format: 'date', example: '2013-10-21' })
  designatedOn!: string;
}

export class MembershipRegisterResponse {
  @ApiProperty({ format: 'date', example: '2018-06-12' })
  asOf!: string;

  @ApiProperty({ format: 'date-time', example: '2025-01-15T09:30:00.000Z' })
  knownAt!: string;

  @ApiProperty({ type: () => [RegisterItemResponse] })
  items!: RegisterItemResponse[];

  @ApiProperty({ example: 9 })
  total!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 500 })
  limit!: number;
}

export class LogAnchorResponse {
  @ApiProperty({ description: 'the last position the digest covers', example: 1000 })
  upToPosition!: number;

  @ApiProperty({ description: 'how many events the log held up to that position', example: 1000 })
  events!: number;

  @ApiProperty({ description: 'the rolling digest of those events’ hashes', example: '5c2e1f0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e' })
  logHash!: string;
}

export class LogVerificationResponse {
  @ApiProperty({ description: 'every hash chain recomputes', example: true })
  ok!: boolean;

  @ApiProperty({ description: 'events whose hash was recomputed', example: 128 })
  checked!: number;

  @ApiPropertyOptional({ description: 'the position of the first event that does not verify, or that is missing (only when `ok` is false)', example: 57 })
  firstBrokenAt?: number;

  @ApiPropertyOptional({
    enum: ['hash', 'anchor', 'missing'],
    description: '`hash`: an event or its stream’s chain does not match; `anchor`: the log up to there differs from its anchor (an event removed or inserted); `missing`: an anchored position is gone',
    example: 'hash',
  })
  reason?: string;

  @ApiPropertyOptional({ type: () => LogAnchorResponse, description: 'the newest anchor met: keep it outside the registry to catch a later cut of the log’s end' })
  newestAnchor?: LogAnchorResponse;
}

export class RecordedLogAnchorResponse extends LogAnchorResponse {
  @ApiProperty({ description: 'the position of the `LogAnchored` event itself, in the `log-anchors` stream', example: 1001 })
  position!: number;

  @ApiProperty({ format: 'date-time', description: 'when the registry appended the anchor', example: '2025-01-15T09:31:00.000Z' })
  recordedAt!: string;
}

export class LatestLogAnchorResponse {
  @ApiProperty({
    type: () => RecordedLogAnchorResponse,
    nullable: true,
    description: 'the newest anchor; null until the registry has anchored anything (after 1,000 events, or a minute after the first one not yet covered)',
  })
  anchor!: RecordedLogAnchorResponse | null;
}

export class ProjectionErrorResponse {
  @ApiProperty({ example: 'Cannot read properties of undefined (reading \'field\')' })
  message!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'the event the projection stopped at', example: 57 })
  position!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '3f0c6a4e-2b8d-4e51-9a7c-0d2e5b1f8c93' })
  eventId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'CityFieldChanged' })
  eventType!: string | null;

  @ApiProperty({ format: 'date-time', example: '2025-01-15T09:30:00.000Z' })
  at!: string;
}

const PROJECTION_STATES = ['catching-up', 'live', 'failed', 'stopped'];

export class ProjectionRebuildResponse {
  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ example: 64 })
  position!: number;

  @ApiProperty({ enum: PROJECTION_STATES, example: 'catching-up' })
  state!: string;

  @ApiProperty({ type: () => ProjectionErrorResponse, nullable: true, example: null })
  lastError!: ProjectionErrorResponse | null;
}

export class ProjectionStatusResponse {
  @ApiProperty({ example: 'city-directory' })
  name!: string;

  @ApiProperty({ description: 'the serving generation', example: 1 })
  version!: number;

  @ApiProperty({ description: 'the version of the projection’s code that built it', example: 1 })
  codeVersion!: number;

  @ApiProperty({ description: 'the last position applied', example: 128 })
  position!: number;

  @ApiProperty({ description: 'the log’s last position', example: 128 })
  head!: number;

  @ApiProperty({ description: `the events in the log after \`position\`, counted up to ${LAG_COUNTED_UP_TO} (that value means at least so many)`, example: 0 })
  lag!: number;

  @ApiProperty({ enum: PROJECTION_STATES, example: 'live' })
  state!: string;

  @ApiProperty({ type: () => ProjectionErrorResponse, nullable: true, example: null })
  lastError!: ProjectionErrorResponse | null;

  @ApiProperty({ type: () => ProjectionRebuildResponse, nullable: true, description: 'a generation being built beside the serving one', example: null })
  rebuild!: ProjectionRebuildResponse | null;
}

export class RebuildAcceptedResponse {
  @ApiProperty({ example: 'city-directory' })
  name!: string;

  @ApiProperty({ description: 'the generation being built; it serves once it has caught up with the log', example: 2 })
  version!: number;
}

/* Each answer above is the query's result, field for field (see response-shape.ts). */
/**
 * A person on record: `name` and `email` while their key exists, `erased: true` (and neither)
 * once it was destroyed. The examples are invented people.
 */
export class ContactResponse {
  @ApiProperty({ description: 'opaque: an HMAC of the e-mail address under the registry secret', example: '4b6f1d0c2a9e8f7d6c5b4a3928171605f4e3d2c1b0a99887766554433221100f' })
  subjectId!: string;

  @ApiPropertyOptional({ description: 'absent once erased', example: 'Ada Testperson' })
  name?: string;

  @ApiPropertyOptional({ description: 'absent once erased; trimmed and lower-cased', example: 'ada.testperson@example.org' })
  email?: string;

  @ApiPropertyOptional({ enum: [true], description: 'present, and true, once the person was erased' })
  erased?: true;

  @ApiProperty({ example: 'focal point' })
  role!: string;

  @ApiProperty({
    type: 'object',
    properties: { cityId: { type: 'string' }, partnershipId: { type: 'string' } },
    description: '`{ cityId }` for a focal point, `{ partnershipId }` for a partnership contact',
    example: { cityId: 'lyon' },
  })
  of!: { cityId: string } | { partnershipId: string };

  @ApiProperty({ format: 'date-time', description: 'when the registry recorded this person in this role', example: '2026-11-30T09:00:00.000Z' })
  recordedAt!: string;
}

responsesMatch<
  [
    ResponseMatches<EventPageResponse, QueryResult<ListEventsQuery>>,
    ResponseMatches<CityHistoryResponse, QueryResult<CityHistoryQuery>>,
    ResponseMatches<MembershipRegisterResponse, QueryResult<MembershipRegisterQuery>>,
    ResponseMatches<LogVerificationResponse, QueryResult<VerifyLogQuery>>,
    ResponseMatches<LatestLogAnchorResponse, QueryResult<LatestAnchorQuery>>,
    ResponseMatches<ProjectionStatusResponse, ProjectionStatus>,
  ]
>();

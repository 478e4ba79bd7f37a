import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CommandResult, Page } from '@uccn/application';
import { responsesMatch, type ResponseMatches } from './response-shape.js';

/*
 * Shapes shared by every route of the OpenAPI document. They describe answers and are never
 * validated against: they must follow problem.ts and command-response.ts, not lead them.
 */

export class FieldErrorDetail {
  @ApiProperty({ description: 'the request field at fault, dotted for nested ones', example: 'designatedOn' })
  field!: string;

  @ApiProperty({ example: 'designatedOn must be a real calendar date YYYY-MM-DD' })
  message!: string;
}

/** RFC 9457, as ProblemDetailsFilter writes it (`application/problem+json`). */
export class ProblemDetails {
  @ApiProperty({ description: 'a URN naming the kind of problem', example: 'urn:uccn:problem:city-already-designated' })
  type!: string;

  @ApiProperty({ example: 'Conflict' })
  title!: string;

  @ApiProperty({ description: 'the HTTP status, repeated', example: 409 })
  status!: number;

  @ApiProperty({ example: 'lyon has already been designated' })
  detail!: string;

  @ApiProperty({ description: 'the request path', example: '/api/admin/cities' })
  instance!: string;

  @ApiProperty({ description: 'also in the `X-Correlation-Id` header and the server log', example: '0f9d4c1e-6a53-4a3b-9f0e-2a1f0d6c7b21' })
  correlationId!: string;

  @ApiPropertyOptional({ description: "the domain error's code, for errors of the domain", example: 'CityAlreadyDesignated' })
  code?: string;

  @ApiPropertyOptional({ description: 'for 400: each bad field, named', type: () => [FieldErrorDetail] })
  errors?: FieldErrorDetail[];

  @ApiPropertyOptional({ description: "for 412: the stream's revision now, to retry with", example: 3 })
  currentRevision?: number;
}

/** `201 { id, revision, position }` of every command (DESIGN §3). */
export class CommandAccepted {
  @ApiProperty({ description: 'the id of the record the command changed', example: 'ostersund' })
  id!: string;

  @ApiProperty({ description: "the record's stream revision after the command: send it back as `If-Match`", example: 0 })
  revision!: number;

  @ApiProperty({ description: 'the global position of the last event appended: read models have caught up once they reach it', example: 42 })
  position!: number;
}

/** `{ items, total, page, limit }`, the shape of every paged list. */
export class PageMeta {
  @ApiProperty({ description: 'items matching the filters, over all pages', example: 2 })
  total!: number;

  @ApiProperty({ description: 'from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'at most 500', example: 50 })
  limit!: number;
}

/*
 * `replayed` is answered as the `Idempotent-Replayed` header, not in the body; `items` is described
 * beside PageMeta by `page(Item)`, with the list's own item class.
 */
responsesMatch<[ResponseMatches<CommandAccepted, CommandResult, 'replayed'>, ResponseMatches<PageMeta, Page<never>, 'items'>]>();

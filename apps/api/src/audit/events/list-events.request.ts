import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, type LogOrder } from '@uccn/application';
import { IsDateOrInstant } from '../../http/validation.js';

/** `GET /api/audit/events`: the raw log, paged by global position. */
export class ListEventsRequest {
  @ApiPropertyOptional({ description: 'one stream: `city-<cityId>`, `meeting-<id>`, `application-<id>`, `partnership-<id>`, `network`', example: 'city-lyon' })
  @IsOptional() @IsString() @Length(1, 200) stream?: string;

  @ApiPropertyOptional({ description: 'an event type', example: 'CityFieldChanged' })
  @IsOptional() @IsString() @Length(1, 100) type?: string;

  @ApiPropertyOptional({ description: 'the name of the API key that recorded it', example: 'secretariat' })
  @IsOptional() @IsString() @Length(1, 200) actor?: string;

  @ApiPropertyOptional({ description: 'recordedAt from (inclusive): a date or an instant, RFC 3339', example: '2024-01-01' })
  @IsOptional() @IsDateOrInstant() from?: string;

  @ApiPropertyOptional({ description: 'recordedAt to (inclusive): a date (the whole day) or an instant, RFC 3339', example: '2024-12-31T23:59:59Z' })
  @IsOptional() @IsDateOrInstant() to?: string;

  // no example: a cursor is only ever one the API handed out (an example would be a position that may not exist)
  @ApiPropertyOptional({
    type: 'string',
    maxLength: 40,
    description: 'the `next` of the previous page, as given: an opaque cursor (a 400 for one the API did not hand out); leave it out to start from the beginning of the log',
  })
  @IsOptional() @IsString() @Length(1, 40) after?: string;

  @ApiPropertyOptional({
    enum: ['oldest-first', 'newest-first'],
    default: 'oldest-first',
    description: '`newest-first`: the newest `limit` events of the whole log, newest first, in one page (`next` is null); it takes no filter and no `after`',
  })
  @IsOptional() @IsIn(['oldest-first', 'newest-first']) order?: LogOrder;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 100, example: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

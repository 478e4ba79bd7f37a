import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@uccn/application';

/** `GET /api/audit/events`: the raw log, paged by global position. */
export class ListEventsRequest {
  @IsOptional() @IsString() @Length(1, 200) stream?: string;
  @IsOptional() @IsString() @Length(1, 100) type?: string;
  @IsOptional() @IsString() @Length(1, 200) actor?: string;
  /** recordedAt from (inclusive): a date or an instant, ISO 8601 */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  /** recordedAt to (inclusive): a date (the whole day) or an instant, ISO 8601 */
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  /** the `next` of the previous page */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

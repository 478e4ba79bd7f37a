import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@uccn/application';
import { IsCalendarDate } from '../../http/validation.js';

/**
 * The contract shows the register unpaged; at 100,000 cities it cannot be, so it pages like the
 * other lists, with the largest page as the default.
 */
export class MembershipRequest {
  /** the domain date; default: today */
  @IsOptional() @IsCalendarDate() asOf?: string;
  /** the instant of knowledge; default: now */
  @IsOptional() @IsISO8601({ strict: true }) knownAt?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

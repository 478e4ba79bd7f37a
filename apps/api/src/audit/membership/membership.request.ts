import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@uccn/application';
import { IsCalendarDate, IsInstant } from '../../http/validation.js';

/**
 * The contract shows the register unpaged; at 100,000 cities it cannot be, so it pages like the
 * other lists, with the largest page as the default.
 */
export class MembershipRequest {
  @ApiPropertyOptional({ format: 'date', description: 'the domain date; default: today', example: '2018-06-12' })
  @IsOptional() @IsCalendarDate() asOf?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'the instant of knowledge, not after now; default: now', example: '2025-01-15T09:30:00.000Z' })
  @IsOptional() @IsInstant() knownAt?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1, example: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE, example: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

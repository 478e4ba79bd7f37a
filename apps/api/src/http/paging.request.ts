import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '@uccn/application';

/** `page` (from 1) and `limit` (at most 500: a larger one is a 400, never silently capped). */
export class PagingRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1, example: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'a larger one is a 400, never capped', example: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

export const pageOf = (query: PagingRequest, defaultLimit = DEFAULT_PAGE_SIZE): PageRequest => ({ page: query.page ?? 1, limit: query.limit ?? defaultLimit });

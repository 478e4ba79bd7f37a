import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '@uccn/application';

/** `page` (from 1) and `limit` (at most 500: a larger one is a 400, never silently capped). */
export class PagingRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
}

export const pageOf = (query: PagingRequest): PageRequest => ({ page: query.page ?? 1, limit: query.limit ?? DEFAULT_PAGE_SIZE });

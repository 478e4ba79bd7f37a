import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ApplicationStatus } from '@uccn/projections';
import { PagingRequest } from '../../http/paging.request.js';

const STATUSES: readonly ApplicationStatus[] = ['submitted', 'endorsed', 'designated', 'not-designated'];

export class ListApplicationsRequest extends PagingRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2004) @Max(9999) callYear?: number;
  @IsOptional() @IsIn(STATUSES) status?: ApplicationStatus;
}

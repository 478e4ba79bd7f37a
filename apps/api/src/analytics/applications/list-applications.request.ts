import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ApplicationStatus } from '@uccn/projections';
import { PagingRequest } from '../../http/paging.request.js';

const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'endorsed', 'not-endorsed', 'designated', 'not-designated'];

export class ListApplicationsRequest extends PagingRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 2004, maximum: 9999, example: 2017 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2004) @Max(9999) callYear?: number;

  @ApiPropertyOptional({ enum: [...APPLICATION_STATUSES], example: 'designated' })
  @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
}

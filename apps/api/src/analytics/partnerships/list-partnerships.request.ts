import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PagingRequest } from '../../http/paging.request.js';

export class ListPartnershipsRequest extends PagingRequest {
  @ApiPropertyOptional({ enum: ['active', 'concluded'], example: 'concluded' })
  @IsOptional() @IsIn(['active', 'concluded']) status?: 'active' | 'concluded';
}

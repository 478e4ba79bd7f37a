import { IsIn, IsOptional } from 'class-validator';
import { PagingRequest } from '../../http/paging.request.js';

export class ListPartnershipsRequest extends PagingRequest {
  @IsOptional() @IsIn(['active', 'concluded']) status?: 'active' | 'concluded';
}

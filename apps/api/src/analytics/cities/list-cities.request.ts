import { IsIn, IsOptional } from 'class-validator';
import { IsCountryCode, IsSlug } from '../../http/validation.js';
import { PagingRequest } from '../../http/paging.request.js';

export class ListCitiesRequest extends PagingRequest {
  @IsOptional() @IsSlug() field?: string;
  @IsOptional() @IsCountryCode() country?: string;
  @IsOptional() @IsIn(['member', 'withdrawn']) status?: 'member' | 'withdrawn';
}

import { IsOptional } from 'class-validator';
import { PagingRequest } from '../../http/paging.request.js';
import { IsCalendarDate } from '../../http/validation.js';

export class ComplianceRequest extends PagingRequest {
  /** default: today */
  @IsOptional() @IsCalendarDate() asOf?: string;
}

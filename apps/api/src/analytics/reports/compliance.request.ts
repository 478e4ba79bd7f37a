import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PagingRequest } from '../../http/paging.request.js';
import { IsCalendarDate } from '../../http/validation.js';

export class ComplianceRequest extends PagingRequest {
  @ApiPropertyOptional({ format: 'date', description: 'default: today', example: '2012-01-01' })
  @IsOptional() @IsCalendarDate() asOf?: string;
}

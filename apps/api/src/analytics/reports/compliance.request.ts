import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { PagingRequest } from '../../http/paging.request.js';
import { IsCalendarDate, QueryBoolean } from '../../http/validation.js';

export class ComplianceRequest extends PagingRequest {
  @ApiPropertyOptional({ format: 'date', description: 'default: today', example: '2020-01-01' })
  @IsOptional() @IsCalendarDate() asOf?: string;

  @ApiPropertyOptional({ type: 'boolean', description: '`true`: only the members overdue on `asOf`; `false`: only the others', example: true })
  @IsOptional() @QueryBoolean() @IsBoolean() overdue?: boolean;
}

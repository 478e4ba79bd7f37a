import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/partnerships/:partnershipId/conclusion`: the partnership ends. */
export class ConcludePartnershipRequest {
  @ApiProperty({ format: 'date', example: '2012-12-31' })
  @IsCalendarDate() concludedOn!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'a transnational network of creative industry clusters in five Central European cities' })
  @IsOptional() @IsString() @Length(1, 2000) outcome?: string;
}

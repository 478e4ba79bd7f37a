import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_KINDS, type ReportKind } from '@uccn/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/reports`. */
export class SubmitReportRequest {
  @ApiProperty({ description: 'unique within the city (409 otherwise)', example: 'membership-monitoring-2014' })
  @IsSlug() reportId!: string;

  @ApiProperty({ enum: [...REPORT_KINDS], example: 'membership-monitoring' })
  @IsIn(REPORT_KINDS) kind!: ReportKind;

  @ApiProperty({ format: 'date', example: '2010-06-22' })
  @IsCalendarDate() periodStart!: string;

  @ApiProperty({ format: 'date', example: '2014-06-21' })
  @IsCalendarDate() periodEnd!: string;

  @ApiProperty({ format: 'date', example: '2014-05-15' })
  @IsCalendarDate() submittedOn!: string;

  @ApiPropertyOptional({ maxLength: 300, example: 'Östersund, City of Gastronomy: membership monitoring report 2010–2014' })
  @IsOptional() @IsString() @Length(1, 300) title?: string;
}

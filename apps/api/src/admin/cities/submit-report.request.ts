import { REPORT_KINDS, type ReportKind } from '@uccn/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/reports`. */
export class SubmitReportRequest {
  /** unique within the city, e.g. `mmr-2014` */
  @IsSlug() reportId!: string;
  @IsIn(REPORT_KINDS) kind!: ReportKind;
  @IsCalendarDate() periodStart!: string;
  @IsCalendarDate() periodEnd!: string;
  @IsCalendarDate() submittedOn!: string;
  @IsOptional() @IsString() @Length(1, 300) title?: string;
}

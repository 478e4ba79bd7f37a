import { REVIEW_OUTCOMES, type ReviewOutcome } from '@uccn/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/reports/:reportId/review`. */
export class ReviewReportRequest {
  @IsIn(REVIEW_OUTCOMES) outcome!: ReviewOutcome;
  @IsCalendarDate() reviewedOn!: string;
  @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

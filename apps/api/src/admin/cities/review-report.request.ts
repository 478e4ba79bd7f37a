import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_OUTCOMES, type ReviewOutcome } from '@uccn/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/reports/:reportId/review`. */
export class ReviewReportRequest {
  @ApiProperty({ enum: [...REVIEW_OUTCOMES], example: 'accepted' })
  @IsIn(REVIEW_OUTCOMES) outcome!: ReviewOutcome;

  @ApiProperty({ format: 'date', description: 'not before the report was submitted (422)', example: '2015-02-10' })
  @IsCalendarDate() reviewedOn!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'A thorough account of the Food Festival and the Gastronomy Academy.' })
  @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

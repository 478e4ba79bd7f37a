import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { requestsMatch, type RequestMatches } from '../command-route.js';
import { CorrectionReason } from '../correction-reason.js';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { REPORT_KINDS, type ReportKind, REVIEW_OUTCOMES, type ReviewOutcome, WITHDRAWAL_REASONS, type WithdrawalReason } from '@uccn/domain';

/** `:cityId` in a path: an id like any other, so a bad one is a 400 naming it, not a lookup. */
export class CityParams {
  @ApiProperty({ example: 'lyon' })
  @IsSlug() cityId!: string;
}

export class ReportParams {
  @ApiProperty({ example: 'ostersund' })
  @IsSlug() cityId!: string;

  @ApiProperty({ example: 'membership-monitoring-2014' })
  @IsSlug() reportId!: string;
}

/** `POST /api/admin/cities/:cityId/field-change`: Lyon, media-arts → literature, 2023. */
export class ChangeCityFieldRequest {
  @ApiProperty({ description: 'a field of the catalogue open on `effectiveOn`; otherwise 422', example: 'literature' })
  @IsSlug() field!: string;

  @ApiProperty({ format: 'date', example: '2023-10-31' })
  @IsCalendarDate() effectiveOn!: string;
}

/** `POST /api/admin/cities`: a city designated in a creative field. */
export class DesignateCityRequest {
  @ApiProperty({ description: 'lower-case words joined by hyphens, at most 64 characters', example: 'ostersund' })
  @IsSlug() cityId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Östersund' })
  @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, upper case', example: 'SE' })
  @IsCountryCode() country!: string;

  @ApiProperty({ description: 'a field of the catalogue (`GET /api/analytics/fields`) open on `designatedOn`; otherwise 422', example: 'gastronomy' })
  @IsSlug() field!: string;

  @ApiProperty({ format: 'date', description: 'not before 2004 and not in the future (422)', example: '2010-05-10' })
  @IsCalendarDate() designatedOn!: string;
}

/** `POST /api/admin/cities/:cityId/reports/:reportId/review`. */
export class ReviewReportRequest {
  @ApiProperty({ enum: [...REVIEW_OUTCOMES], example: 'accepted' })
  @IsIn(REVIEW_OUTCOMES) outcome!: ReviewOutcome;

  @ApiProperty({ format: 'date', description: 'not before the report was submitted (422)', example: '2015-02-10' })
  @IsCalendarDate() reviewedOn!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'A thorough account of the Food Festival and the Gastronomy Academy.' })
  @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

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

/** `POST /api/admin/cities/:cityId/withdrawal`: the effective date is the first day out. */
export class WithdrawMembershipRequest {
  @ApiProperty({ format: 'date', description: 'the first day the city is no longer a member', example: '2019-01-01' })
  @IsCalendarDate() effectiveOn!: string;

  @ApiProperty({ enum: [...WITHDRAWAL_REASONS], example: 'voluntary' })
  @IsIn(WITHDRAWAL_REASONS) reason!: WithdrawalReason;

  @ApiPropertyOptional({ maxLength: 2000, example: 'The city council decided to leave the network.' })
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

/** `POST /api/admin/cities/:cityId/corrections` (DESIGN §6): name only the facts that were recorded wrong. */
export class CorrectCityRecordRequest {
  @CorrectionReason('UNESCO press release of 13 July 2005', 'why the record was wrong, and who says so') reason!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Santa Fe' })
  @IsOptional() @IsString() @Length(1, 200) name?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2, upper case', example: 'US' })
  @IsOptional() @IsCountryCode() country?: string;

  @ApiPropertyOptional({ description: 'the field the city was designated in, open on the (corrected) date; a later field change is left as it is', example: 'crafts-and-folk-art' })
  @IsOptional() @IsSlug() field?: string;

  @ApiPropertyOptional({ format: 'date', description: 'the day of the designation; every later fact must still follow it (422 naming the fact)', example: '2005-07-13' })
  @IsOptional() @IsCalendarDate() designatedOn?: string;
}

/**
 * `POST /api/admin/cities/:cityId/reports/:reportId/corrections`: the facts of a submission, each
 * optional, with its rules; only the submission date says more (it must still precede any review).
 */
export class CorrectReportRecordRequest extends PartialType(PickType(SubmitReportRequest, ['kind', 'periodStart', 'periodEnd', 'title'] as const)) {
  @CorrectionReason('the cover letter is dated 12 May 2014') reason!: string;

  @ApiPropertyOptional({ format: 'date', description: 'while a member, and not after a review of it (422)', example: '2014-05-12' })
  @IsOptional() @IsCalendarDate() submittedOn?: string;
}

/** `POST /api/admin/cities/:cityId/withdrawal/retraction`: the withdrawal was recorded in error. */
export class RetractWithdrawalRequest {
  @CorrectionReason('entered for the wrong city') reason!: string;
}

requestsMatch<
  [
    RequestMatches<DesignateCityRequest, 'DesignateCity', 'applicationId'>,
    RequestMatches<ChangeCityFieldRequest, 'ChangeCityField', 'cityId'>,
    RequestMatches<SubmitReportRequest, 'SubmitReport', 'cityId'>,
    RequestMatches<ReviewReportRequest, 'ReviewReport', 'cityId' | 'reportId'>,
    RequestMatches<WithdrawMembershipRequest, 'WithdrawMembership', 'cityId'>,
    RequestMatches<CorrectCityRecordRequest, 'CorrectCityRecord', 'cityId'>,
    RequestMatches<CorrectReportRecordRequest, 'CorrectReportRecord', 'cityId' | 'reportId'>,
    RequestMatches<RetractWithdrawalRequest, 'RetractWithdrawal', 'cityId'>,
  ]
>();

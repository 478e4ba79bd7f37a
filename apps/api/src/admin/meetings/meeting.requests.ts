import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { requestsMatch, type RequestMatches } from '../command-route.js';
import { CorrectionReason } from '../correction-reason.js';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { MEETING_FORMATS, MEETING_KINDS, type MeetingFormat, type MeetingKind } from '@uccn/domain';

/** `:meetingId` in a path: a bad one is a 400 naming it, not a lookup. */
export class MeetingParams {
  @ApiProperty({ example: 'annual-conference-2018' })
  @IsSlug() meetingId!: string;
}

/** `POST /api/admin/meetings/:meetingId/cancellation`: Santos 2020, COVID-19, force majeure. */
export class CancelMeetingRequest {
  @ApiProperty({ format: 'date', example: '2020-03-20' })
  @IsCalendarDate() cancelledOn!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'COVID-19 pandemic' })
  @IsString() @Length(1, 500) reason!: string;

  @ApiProperty({ example: true })
  @IsBoolean() forceMajeure!: boolean;
}

/** Every member city could attend; the network has a few hundred. */
export const MAX_ATTENDEES = 1000;

/** `POST /api/admin/meetings/:meetingId/hosted`: what took place; omitted values are the plan's. */
export class RecordMeetingHostedRequest {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_ATTENDEES,
    description: 'member cities on the meeting’s dates (404 for an unknown one, 422 for one not a member then)',
    example: ['krakow', 'katowice', 'fabriano', 'ostersund'],
  })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ATTENDEES) @IsSlug({ each: true }) attendeeCityIds?: string[];

  @ApiPropertyOptional({ format: 'date', example: '2018-06-12' })
  @IsOptional() @IsCalendarDate() heldFrom?: string;

  @ApiPropertyOptional({ format: 'date', example: '2018-06-15' })
  @IsOptional() @IsCalendarDate() heldTo?: string;

  @ApiPropertyOptional({ enum: [...MEETING_FORMATS], example: 'in-person' })
  @IsOptional() @IsIn(MEETING_FORMATS) format?: MeetingFormat;
}

/** More hosts than this is a typing error, not a meeting (Kraków and Katowice, 2018, were two). */
export const MAX_HOST_CITIES = 20;

/**
 * `POST /api/admin/meetings`. What each kind needs (an edition, a field, a country) and "a host
 * city or a venue" are the domain's rules, answered with the same errors whoever sends the command.
 */
export class ScheduleMeetingRequest {
  @ApiProperty({ example: 'annual-conference-2018' })
  @IsSlug() meetingId!: string;

  @ApiProperty({ enum: [...MEETING_KINDS], example: 'annual-conference' })
  @IsIn(MEETING_KINDS) kind!: MeetingKind;

  @ApiProperty({ minLength: 1, maxLength: 300, example: 'XII UNESCO Creative Cities Network Annual Conference' })
  @IsString() @Length(1, 300) title!: string;

  @ApiPropertyOptional({ minimum: 1, description: 'annual conferences (needed there): XII → 12', example: 12 })
  @IsOptional() @IsInt() @Min(1) edition?: number;

  @ApiPropertyOptional({ description: 'sub-network meetings (needed there)', example: 'music' })
  @IsOptional() @IsSlug() field?: string;

  @ApiPropertyOptional({ description: 'national meetings (needed there)', example: 'PL' })
  @IsOptional() @IsCountryCode() country?: string;

  @ApiProperty({
    type: [String],
    maxItems: MAX_HOST_CITIES,
    description: 'member cities; may be empty when a venue is given (UNESCO Headquarters, Paris, 2008)',
    example: ['krakow', 'katowice'],
  })
  @IsArray() @ArrayMaxSize(MAX_HOST_CITIES) @IsSlug({ each: true }) hostCityIds!: string[];

  @ApiPropertyOptional({ maxLength: 300, description: 'where it takes place when no member city hosts it', example: 'UNESCO Headquarters, Paris' })
  @IsOptional() @IsString() @Length(1, 300) venue?: string;

  @ApiProperty({ format: 'date', example: '2018-06-12' })
  @IsCalendarDate() startsOn!: string;

  @ApiProperty({ format: 'date', example: '2018-06-15' })
  @IsCalendarDate() endsOn!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Creative Crossroads' })
  @IsOptional() @IsString() @Length(1, 500) theme?: string;

  @ApiProperty({ enum: [...MEETING_FORMATS], example: 'in-person' })
  @IsIn(MEETING_FORMATS) format!: MeetingFormat;

  @ApiPropertyOptional({
    description: 'the cancelled meeting this one is rescheduled in place of: of the same kind and, for an annual conference, the same edition (404 unknown, 409 not cancelled, 422 another kind or edition)',
    example: 'annual-conference-2020-santos',
  })
  @IsOptional() @IsSlug() replaces?: string;
}

/** `POST /api/admin/meetings/:meetingId/corrections` (DESIGN §6): only the facts recorded wrong. */
export class CorrectMeetingRecordRequest {
  @CorrectionReason('the programme gives the full theme') reason!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 300, example: 'XII UNESCO Creative Cities Network Annual Conference' })
  @IsOptional() @IsString() @Length(1, 300) title?: string;

  @ApiPropertyOptional({ minimum: 1, example: 12 })
  @IsOptional() @IsInt() @Min(1) edition?: number;

  @ApiPropertyOptional({ maxLength: 500, example: 'Creative Crossroads' })
  @IsOptional() @IsString() @Length(1, 500) theme?: string;

  @ApiPropertyOptional({ maxLength: 300, example: 'UNESCO Headquarters, Paris' })
  @IsOptional() @IsString() @Length(1, 300) venue?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_HOST_CITIES, description: 'members on the (corrected) first day', example: ['krakow', 'katowice'] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_HOST_CITIES) @IsSlug({ each: true }) hostCityIds?: string[];

  @ApiPropertyOptional({ format: 'date', description: 'for a meeting held, the first day it was held', example: '2018-06-12' })
  @IsOptional() @IsCalendarDate() startsOn?: string;

  @ApiPropertyOptional({ format: 'date', example: '2018-06-15' })
  @IsOptional() @IsCalendarDate() endsOn?: string;

  @ApiPropertyOptional({ enum: [...MEETING_FORMATS], example: 'in-person' })
  @IsOptional() @IsIn(MEETING_FORMATS) format?: MeetingFormat;

  @ApiPropertyOptional({ description: 'the cancelled meeting it was rescheduled in place of, learned later (same rules as when scheduling)', example: 'annual-conference-2020-santos' })
  @IsOptional() @IsSlug() replaces?: string;
}

/** `POST /api/admin/meetings/:meetingId/attendance`: attendees of a meeting held, learned later. */
export class RecordMeetingAttendanceRequest {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_ATTENDEES, description: 'members on the first day it was held; cities already recorded are left as they are', example: ['lyon', 'ostersund'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ATTENDEES) @IsSlug({ each: true }) attendeeCityIds!: string[];
}

requestsMatch<
  [
    RequestMatches<ScheduleMeetingRequest, 'ScheduleMeeting'>,
    RequestMatches<RecordMeetingHostedRequest, 'RecordMeetingHosted', 'meetingId'>,
    RequestMatches<CancelMeetingRequest, 'CancelMeeting', 'meetingId'>,
    RequestMatches<CorrectMeetingRecordRequest, 'CorrectMeetingRecord', 'meetingId'>,
    RequestMatches<RecordMeetingAttendanceRequest, 'RecordMeetingAttendance', 'meetingId'>,
  ]
>();

import { MEETING_FORMATS, MEETING_KINDS, type MeetingFormat, type MeetingKind } from '@uccn/domain';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

/** More hosts than this is a typing error, not a meeting (Kraków and Katowice, 2018, were two). */
export const MAX_HOST_CITIES = 20;

/**
 * `POST /api/admin/meetings`. What each kind needs (an edition, a field, a country) and "a host
 * city or a venue" are the domain's rules, answered with the same errors whoever sends the command.
 */
export class ScheduleMeetingRequest {
  /** e.g. `annual-conference-2018` */
  @IsSlug() meetingId!: string;
  @IsIn(MEETING_KINDS) kind!: MeetingKind;
  @IsString() @Length(1, 300) title!: string;
  /** annual conferences: XII → 12 */
  @IsOptional() @IsInt() @Min(1) edition?: number;
  /** sub-network meetings */
  @IsOptional() @IsSlug() field?: string;
  /** national meetings */
  @IsOptional() @IsCountryCode() country?: string;
  /** may be empty when a venue is given (UNESCO Headquarters, Paris, 2008) */
  @IsArray() @ArrayMaxSize(MAX_HOST_CITIES) @IsSlug({ each: true }) hostCityIds!: string[];
  @IsOptional() @IsString() @Length(1, 300) venue?: string;
  @IsCalendarDate() startsOn!: string;
  @IsCalendarDate() endsOn!: string;
  @IsOptional() @IsString() @Length(1, 500) theme?: string;
  @IsIn(MEETING_FORMATS) format!: MeetingFormat;
}

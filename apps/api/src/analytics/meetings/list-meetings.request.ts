import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '@uccn/domain';
import { PagingRequest } from '../../http/paging.request.js';
import { IsCountryCode, IsSlug, UpperCase } from '../../http/validation.js';

export class ListMeetingsRequest extends PagingRequest {
  @ApiPropertyOptional({ enum: [...MEETING_KINDS], example: 'annual-conference' })
  @IsOptional() @IsIn(MEETING_KINDS) kind?: MeetingKind;

  @ApiPropertyOptional({ type: 'integer', minimum: 2004, maximum: 9999, description: 'the year the meeting starts', example: 2018 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2004) @Max(9999) year?: number;

  /** checked against the field catalogue as it stands: an unknown field is a 400 that lists the slugs */
  @ApiPropertyOptional({ description: 'a sub-network meeting’s field: a slug of the catalogue (GET /api/analytics/fields); any other is a 400 listing them', example: 'music' })
  @IsOptional() @IsString() @MaxLength(100) field?: string;

  @ApiPropertyOptional({ description: 'a national meeting’s country or a host city’s country: ISO 3166-1 alpha-2, in either case (`pl` reads as `PL`)', example: 'PL' })
  @IsOptional() @UpperCase() @IsCountryCode() country?: string;

  @ApiPropertyOptional({ description: 'one of the host cities', example: 'krakow' })
  @IsOptional() @IsSlug() hostCityId?: string;
}

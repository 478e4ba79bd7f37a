import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCountryCode, UpperCase } from '../../http/validation.js';
import { PagingRequest } from '../../http/paging.request.js';

export class ListCitiesRequest extends PagingRequest {
  /** checked against the field catalogue as it stands (it grows): an unknown field is a 400 that lists the slugs */
  @ApiPropertyOptional({ description: 'the current field: a slug of the catalogue (GET /api/analytics/fields); any other is a 400 listing them', example: 'gastronomy' })
  @IsOptional() @IsString() @MaxLength(100) field?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2, in either case (`se` reads as `SE`)', example: 'SE' })
  @IsOptional() @UpperCase() @IsCountryCode() country?: string;

  @ApiPropertyOptional({ enum: ['member', 'withdrawn'], example: 'member' })
  @IsOptional() @IsIn(['member', 'withdrawn']) status?: 'member' | 'withdrawn';
}

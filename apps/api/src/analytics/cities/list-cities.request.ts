import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCountryCode, IsSlug } from '../../http/validation.js';
import { PagingRequest } from '../../http/paging.request.js';

export class ListCitiesRequest extends PagingRequest {
  @ApiPropertyOptional({ description: 'the current field', example: 'gastronomy' })
  @IsOptional() @IsSlug() field?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2, upper case', example: 'SE' })
  @IsOptional() @IsCountryCode() country?: string;

  @ApiPropertyOptional({ enum: ['member', 'withdrawn'], example: 'member' })
  @IsOptional() @IsIn(['member', 'withdrawn']) status?: 'member' | 'withdrawn';
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/partnerships/:partnershipId/partners`: an organisation joins. */
export class AddPartnerRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'South Transdanubian Cultural Industrial Cluster' })
  @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, upper case', example: 'HU' })
  @IsCountryCode() country!: string;

  @ApiPropertyOptional({ description: 'when the partner is (or stands for) a member city', example: 'pecs' })
  @IsOptional() @IsSlug() cityId?: string;

  @ApiProperty({ format: 'date', example: '2011-03-01' })
  @IsCalendarDate() joinedOn!: string;
}

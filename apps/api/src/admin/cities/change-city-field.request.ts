import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/field-change`: Lyon, media-arts → literature, 2023. */
export class ChangeCityFieldRequest {
  @ApiProperty({ description: 'a field of the catalogue open on `effectiveOn`; otherwise 422', example: 'literature' })
  @IsSlug() field!: string;

  @ApiProperty({ format: 'date', example: '2023-10-31' })
  @IsCalendarDate() effectiveOn!: string;
}

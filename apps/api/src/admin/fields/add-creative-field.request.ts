import { IsString, Length } from 'class-validator';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/fields`: a new creative field opens (architecture, 2025-10-31). */
export class AddCreativeFieldRequest {
  @IsSlug() field!: string;
  @IsString() @Length(1, 100) label!: string;
  @IsCalendarDate() effectiveOn!: string;
}

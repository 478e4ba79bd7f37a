import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/field-change`: Lyon, media-arts → literature, 2023. */
export class ChangeCityFieldRequest {
  /** a field of the catalogue; whether it is open on the date is the domain's rule */
  @IsSlug() field!: string;
  @IsCalendarDate() effectiveOn!: string;
}

import { IsString, Length } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/cities`: a city designated in a creative field. */
export class DesignateCityRequest {
  /** e.g. `ostersund` */
  @IsSlug() cityId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsCountryCode() country!: string;
  /** a field of the catalogue; whether it exists on the date is the domain's rule */
  @IsSlug() field!: string;
  @IsCalendarDate() designatedOn!: string;
}

import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/applications`: a city applies in a call (seed 003). */
export class SubmitApplicationRequest {
  /** e.g. `norrkoping-2017` */
  @IsSlug() applicationId!: string;
  @IsSlug() cityId!: string;
  @IsString() @Length(1, 200) cityName!: string;
  @IsCountryCode() country!: string;
  /** a field of the catalogue; whether it is open on the date is the domain's rule */
  @IsSlug() field!: string;
  /** a call before the network (2004) is the domain's rule (422), not malformed input */
  @IsInt() @Min(1) @Max(9999) callYear!: number;
  @IsCalendarDate() submittedOn!: string;
}

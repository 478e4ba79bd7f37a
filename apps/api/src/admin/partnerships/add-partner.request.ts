import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/partnerships/:partnershipId/partners`: an organisation joins. */
export class AddPartnerRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsCountryCode() country!: string;
  @IsOptional() @IsSlug() cityId?: string;
  @IsCalendarDate() joinedOn!: string;
}

import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';

/** An organisation in a partnership; `cityId` when it is (or stands for) a member city. */
export class PartnerRequest {
  /** e.g. "City of Leipzig", "Gdansk Entrepreneurship Foundation" */
  @IsString() @Length(1, 200) name!: string;
  @IsCountryCode() country!: string;
  @IsOptional() @IsSlug() cityId?: string;
}

/** `POST /api/admin/partnerships`: an inter-city partnership initiative (seed 004). */
export class LaunchPartnershipRequest {
  /** e.g. `creative-cities-central-europe` */
  @IsSlug() partnershipId!: string;
  @IsString() @Length(1, 200) name!: string;
  /** the funding programme, e.g. "Central Europe Programme" */
  @IsOptional() @IsString() @Length(1, 200) programme?: string;
  @ValidateNested() @Type(() => PartnerRequest) leadPartner!: PartnerRequest;
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PartnerRequest) partners!: PartnerRequest[];
  /** free words, as the partnership lists them ("software and computer games") */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 200, { each: true }) creativeIndustries?: string[];
  @IsCalendarDate() startsOn!: string;
  /** the planned end; may lie in the future */
  @IsOptional() @IsCalendarDate() endsOn?: string;
}

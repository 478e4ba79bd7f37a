import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { requestsMatch, type RequestMatches } from '../command-route.js';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ContactRequest } from '../personal-data.requests.js';

/** `:partnershipId` in a path: a bad id is a 400 naming it, not a lookup that finds nothing. */
export class PartnershipParams {
  @ApiProperty({ example: 'creative-cities' })
  @IsSlug() partnershipId!: string;
}

/** `POST /api/admin/partnerships/:partnershipId/conclusion`: the partnership ends. */
export class ConcludePartnershipRequest {
  @ApiProperty({ format: 'date', example: '2012-12-31' })
  @IsCalendarDate() concludedOn!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'a transnational network of creative industry clusters in five Central European cities' })
  @IsOptional() @IsString() @Length(1, 2000) outcome?: string;
}

/** An organisation in a partnership; `cityId` when it is (or stands for) a member city. */
export class PartnerRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Gdansk Entrepreneurship Foundation' })
  @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, upper case', example: 'PL' })
  @IsCountryCode() country!: string;

  @ApiPropertyOptional({ description: 'when the organisation is (or stands for) a city that is a member on the day it takes part (404 for a city not on record, 422 for one not a member then)', example: 'krakow' })
  @IsOptional() @IsSlug() cityId?: string;
}

/** `POST /api/admin/partnerships/:partnershipId/partners`: an organisation joins, as a launch names its partners. */
export class AddPartnerRequest extends PartnerRequest {
  @ApiProperty({ format: 'date', example: '2011-03-01' })
  @IsCalendarDate() joinedOn!: string;
}

/** `POST /api/admin/partnerships`: an inter-city partnership initiative (seed 004). */
export class LaunchPartnershipRequest {
  @ApiProperty({ example: 'creative-cities' })
  @IsSlug() partnershipId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Creative Cities' })
  @IsString() @Length(1, 200) name!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'the funding programme', example: 'Central Europe Programme' })
  @IsOptional() @IsString() @Length(1, 200) programme?: string;

  @ApiProperty({ type: () => PartnerRequest, example: { name: 'City of Leipzig', country: 'DE' } })
  @ValidateNested() @Type(() => PartnerRequest) leadPartner!: PartnerRequest;

  @ApiProperty({
    type: () => [PartnerRequest],
    maxItems: 100,
    example: [
      { name: 'Aufbauwerk Region Leipzig GmbH', country: 'DE' },
      { name: 'Municipality of Genoa – Culture and Innovation Department', country: 'IT' },
      { name: 'Gdansk Entrepreneurship Foundation', country: 'PL' },
      { name: 'Regional Development Agency of the Ljubljana Urban Region', country: 'SI' },
      { name: 'City of Pécs', country: 'HU' },
    ],
  })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PartnerRequest) partners!: PartnerRequest[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'free words, as the partnership lists them',
    example: ['advertising', 'architecture', 'design', 'software and computer games', 'publishing'],
  })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 200, { each: true }) creativeIndustries?: string[];

  @ApiProperty({ format: 'date', example: '2010-04-01' })
  @IsCalendarDate() startsOn!: string;

  @ApiPropertyOptional({ format: 'date', description: 'the planned end; may lie in the future', example: '2012-12-31' })
  @IsOptional() @IsCalendarDate() endsOn?: string;

  @ApiPropertyOptional({
    type: () => [ContactRequest],
    maxItems: 50,
    description: 'the people to write to: personal data, stored only encrypted (DESIGN §7)',
    example: [{ name: 'Ada Testperson', email: 'ada.testperson@example.org', role: 'lead partner contact' }],
  })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ContactRequest) contacts?: ContactRequest[];
}

requestsMatch<
  [
    // the contacts come in the clear and go to the command sealed: the route seals them
    RequestMatches<Omit<LaunchPartnershipRequest, 'contacts'>, 'LaunchPartnership', 'contacts'>,
    RequestMatches<AddPartnerRequest, 'AddPartner', 'partnershipId'>,
    RequestMatches<ConcludePartnershipRequest, 'ConcludePartnership', 'partnershipId'>,
  ]
>();

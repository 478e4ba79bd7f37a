import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { requestsMatch, type RequestMatches } from '../command-route.js';
import { IsCalendarDate, IsCountryCode, IsSlug } from '../../http/validation.js';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { APPLICATION_DECISIONS, ENDORSEMENT_OUTCOMES, type ApplicationDecision, type EndorsementOutcome } from '@uccn/domain';

/** `:applicationId` in a path: a bad id is a 400 naming it, not a lookup that finds nothing. */
export class ApplicationParams {
  @ApiProperty({ example: 'norrkoping-2017' })
  @IsSlug() applicationId!: string;
}

/** `POST /api/admin/applications/:applicationId/decision`: UNESCO designates the city, or not. */
export class DecideApplicationRequest {
  @ApiProperty({ enum: [...APPLICATION_DECISIONS], description: '`designated` needs an endorsement (422 otherwise)', example: 'designated' })
  @IsIn(APPLICATION_DECISIONS) decision!: ApplicationDecision;

  @ApiProperty({ format: 'date', example: '2017-10-31' })
  @IsCalendarDate() decidedOn!: string;
}

/** `POST /api/admin/applications/:applicationId/endorsement`: the national commission's assessment. */
export class EndorseApplicationRequest {
  @ApiProperty({ format: 'date', example: '2017-06-20' })
  @IsCalendarDate() endorsedOn!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'the national commission', example: 'Swedish National Commission for UNESCO' })
  @IsString() @Length(1, 200) by!: string;

  @ApiPropertyOptional({ enum: [...ENDORSEMENT_OUTCOMES], description: '`not-endorsed`: not a suitable candidate (seed 003); the application ends there', example: 'endorsed' })
  @IsOptional() @IsIn(ENDORSEMENT_OUTCOMES) outcome?: EndorsementOutcome;
}

/** `POST /api/admin/applications`: a city applies in a call (seed 003). */
export class SubmitApplicationRequest {
  @ApiProperty({ example: 'norrkoping-2017' })
  @IsSlug() applicationId!: string;

  @ApiProperty({ description: 'the id the city will have once designated', example: 'norrkoping' })
  @IsSlug() cityId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Norrköping' })
  @IsString() @Length(1, 200) cityName!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, upper case', example: 'SE' })
  @IsCountryCode() country!: string;

  @ApiProperty({ description: 'a field of the catalogue; whether it is open then is the domain’s rule (422)', example: 'music' })
  @IsSlug() field!: string;

  @ApiProperty({ minimum: 1, maximum: 9999, description: 'a call before the network (2004) is a 422', example: 2017 })
  @IsInt() @Min(1) @Max(9999) callYear!: number;

  @ApiProperty({ format: 'date', example: '2017-06-14' })
  @IsCalendarDate() submittedOn!: string;
}

requestsMatch<
  [
    RequestMatches<SubmitApplicationRequest, 'SubmitApplication'>,
    RequestMatches<EndorseApplicationRequest, 'EndorseApplication', 'applicationId'>,
    RequestMatches<DecideApplicationRequest, 'DecideApplication', 'applicationId'>,
  ]
>();

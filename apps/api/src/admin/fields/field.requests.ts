import { ApiProperty } from '@nestjs/swagger';
import { requestsMatch, type RequestMatches } from '../command-route.js';
import { IsString, Length } from 'class-validator';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** `POST /api/admin/fields`: a new creative field opens (architecture, 2025-10-31). */
export class AddCreativeFieldRequest {
  @ApiProperty({ description: 'lower-case words joined by hyphens', example: 'architecture' })
  @IsSlug() field!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Architecture' })
  @IsString() @Length(1, 100) label!: string;

  @ApiProperty({ format: 'date', description: 'the first date a designation may name the field', example: '2025-10-31' })
  @IsCalendarDate() effectiveOn!: string;
}

requestsMatch<[RequestMatches<AddCreativeFieldRequest, 'AddCreativeField'>]>();

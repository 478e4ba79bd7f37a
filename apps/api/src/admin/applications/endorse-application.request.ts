import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/applications/:applicationId/endorsement`: the national commission's assessment. */
export class EndorseApplicationRequest {
  @ApiProperty({ format: 'date', example: '2017-06-20' })
  @IsCalendarDate() endorsedOn!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'the national commission', example: 'Swedish National Commission for UNESCO' })
  @IsString() @Length(1, 200) by!: string;
}

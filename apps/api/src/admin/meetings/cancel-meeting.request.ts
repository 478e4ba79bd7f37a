import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/meetings/:meetingId/cancellation`: Santos 2020, COVID-19, force majeure. */
export class CancelMeetingRequest {
  @ApiProperty({ format: 'date', example: '2020-03-20' })
  @IsCalendarDate() cancelledOn!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'COVID-19 pandemic' })
  @IsString() @Length(1, 500) reason!: string;

  @ApiProperty({ example: true })
  @IsBoolean() forceMajeure!: boolean;
}

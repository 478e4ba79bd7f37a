import { ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_FORMATS, type MeetingFormat } from '@uccn/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** Every member city could attend; the network has a few hundred. */
export const MAX_ATTENDEES = 1000;

/** `POST /api/admin/meetings/:meetingId/hosted`: what took place; omitted values are the plan's. */
export class RecordMeetingHostedRequest {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_ATTENDEES,
    description: 'member cities on the meeting’s dates (404 for an unknown one, 422 for one not a member then)',
    example: ['krakow', 'katowice', 'fabriano', 'ostersund'],
  })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ATTENDEES) @IsSlug({ each: true }) attendeeCityIds?: string[];

  @ApiPropertyOptional({ format: 'date', example: '2018-06-12' })
  @IsOptional() @IsCalendarDate() heldFrom?: string;

  @ApiPropertyOptional({ format: 'date', example: '2018-06-15' })
  @IsOptional() @IsCalendarDate() heldTo?: string;

  @ApiPropertyOptional({ enum: [...MEETING_FORMATS], example: 'in-person' })
  @IsOptional() @IsIn(MEETING_FORMATS) format?: MeetingFormat;
}

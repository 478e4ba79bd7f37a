import { MEETING_FORMATS, type MeetingFormat } from '@uccn/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsSlug } from '../../http/validation.js';

/** Every member city could attend; the network has a few hundred. */
export const MAX_ATTENDEES = 1000;

/** `POST /api/admin/meetings/:meetingId/hosted`: what took place; omitted values are the plan's. */
export class RecordMeetingHostedRequest {
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ATTENDEES) @IsSlug({ each: true }) attendeeCityIds?: string[];
  @IsOptional() @IsCalendarDate() heldFrom?: string;
  @IsOptional() @IsCalendarDate() heldTo?: string;
  @IsOptional() @IsIn(MEETING_FORMATS) format?: MeetingFormat;
}

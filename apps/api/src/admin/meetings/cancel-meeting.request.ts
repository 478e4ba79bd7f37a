import { IsBoolean, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/meetings/:meetingId/cancellation`: Santos 2020, COVID-19, force majeure. */
export class CancelMeetingRequest {
  @IsCalendarDate() cancelledOn!: string;
  @IsString() @Length(1, 500) reason!: string;
  @IsBoolean() forceMajeure!: boolean;
}

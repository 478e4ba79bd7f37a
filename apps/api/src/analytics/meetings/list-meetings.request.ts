import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '@uccn/domain';
import { PagingRequest } from '../../http/paging.request.js';

export class ListMeetingsRequest extends PagingRequest {
  @IsOptional() @IsIn(MEETING_KINDS) kind?: MeetingKind;
  /** the year the meeting starts */
  @IsOptional() @Type(() => Number) @IsInt() @Min(2004) @Max(9999) year?: number;
}

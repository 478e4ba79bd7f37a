import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '@uccn/domain';
import { PagingRequest } from '../../http/paging.request.js';

export class ListMeetingsRequest extends PagingRequest {
  @ApiPropertyOptional({ enum: [...MEETING_KINDS], example: 'annual-conference' })
  @IsOptional() @IsIn(MEETING_KINDS) kind?: MeetingKind;

  @ApiPropertyOptional({ type: 'integer', minimum: 2004, maximum: 9999, description: 'the year the meeting starts', example: 2008 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2004) @Max(9999) year?: number;
}

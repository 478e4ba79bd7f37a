import { ApiProperty } from '@nestjs/swagger';
import { IsSlug } from '../../http/validation.js';

/** `:meetingId` in a path: a bad one is a 400 naming it, not a lookup. */
export class MeetingParams {
  @ApiProperty({ example: 'annual-conference-2018' })
  @IsSlug() meetingId!: string;
}

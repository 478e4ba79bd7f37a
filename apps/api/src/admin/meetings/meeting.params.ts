import { IsSlug } from '../../http/validation.js';

/** `:meetingId` in a path: a bad one is a 400 naming it, not a lookup. */
export class MeetingParams {
  @IsSlug() meetingId!: string;
}

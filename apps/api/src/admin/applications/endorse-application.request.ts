import { IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/applications/:applicationId/endorsement`: the national commission's assessment. */
export class EndorseApplicationRequest {
  @IsCalendarDate() endorsedOn!: string;
  /** the national commission, e.g. "Swedish National Commission for UNESCO" */
  @IsString() @Length(1, 200) by!: string;
}

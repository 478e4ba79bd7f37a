import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { APPLICATION_DECISIONS, type ApplicationDecision } from '@uccn/domain';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/applications/:applicationId/decision`: UNESCO designates the city, or not. */
export class DecideApplicationRequest {
  @ApiProperty({ enum: [...APPLICATION_DECISIONS], description: '`designated` needs an endorsement (422 otherwise)', example: 'designated' })
  @IsIn(APPLICATION_DECISIONS) decision!: ApplicationDecision;

  @ApiProperty({ format: 'date', example: '2017-10-31' })
  @IsCalendarDate() decidedOn!: string;
}

import { IsIn } from 'class-validator';
import { APPLICATION_DECISIONS, type ApplicationDecision } from '@uccn/domain';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/applications/:applicationId/decision`: UNESCO designates the city, or not. */
export class DecideApplicationRequest {
  @IsIn(APPLICATION_DECISIONS) decision!: ApplicationDecision;
  @IsCalendarDate() decidedOn!: string;
}

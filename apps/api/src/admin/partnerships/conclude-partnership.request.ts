import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/partnerships/:partnershipId/conclusion`: the partnership ends. */
export class ConcludePartnershipRequest {
  @IsCalendarDate() concludedOn!: string;
  @IsOptional() @IsString() @Length(1, 2000) outcome?: string;
}

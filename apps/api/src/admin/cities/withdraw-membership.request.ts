import { WITHDRAWAL_REASONS, type WithdrawalReason } from '@uccn/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/withdrawal`: the effective date is the first day out. */
export class WithdrawMembershipRequest {
  @IsCalendarDate() effectiveOn!: string;
  @IsIn(WITHDRAWAL_REASONS) reason!: WithdrawalReason;
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

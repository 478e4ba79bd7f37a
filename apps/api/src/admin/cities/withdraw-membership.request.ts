import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WITHDRAWAL_REASONS, type WithdrawalReason } from '@uccn/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../http/validation.js';

/** `POST /api/admin/cities/:cityId/withdrawal`: the effective date is the first day out. */
export class WithdrawMembershipRequest {
  @ApiProperty({ format: 'date', description: 'the first day the city is no longer a member', example: '2019-01-01' })
  @IsCalendarDate() effectiveOn!: string;

  @ApiProperty({ enum: [...WITHDRAWAL_REASONS], example: 'voluntary' })
  @IsIn(WITHDRAWAL_REASONS) reason!: WithdrawalReason;

  @ApiPropertyOptional({ maxLength: 2000, example: 'The city council decided to leave the network.' })
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarDateOf } from '@uccn/domain';
import { canonicalInstant, PERIODS, ReadModels, registerCountFilter, registerFindOptions, toRegisterItem } from '@uccn/projections';
import { CLOCK, type Clock } from '../shared/clock.js';
import { MembershipRegisterQuery, type MembershipRegister } from './membership-register.query.js';

/**
 * Who was a member on a date, as known at an instant: a range query over the bitemporal periods
 * (validFrom ≤ asOf < validTo and knownFrom ≤ knownAt < knownTo), no replay of the log.
 */
@QueryHandler(MembershipRegisterQuery)
export class MembershipRegisterHandler implements IQueryHandler<MembershipRegisterQuery, MembershipRegister> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ asOf: askedAsOf, knownAt: askedKnownAt, paging }: MembershipRegisterQuery): Promise<MembershipRegister> {
    const now = this.clock.now();
    const asOf = askedAsOf ?? calendarDateOf(now);
    const knownAt = canonicalInstant(askedKnownAt ?? now.toISOString());
    const periods = await this.readModels.collection('membership-register', PERIODS);
    const options = registerFindOptions(asOf, knownAt, paging.page, paging.limit);
    const [rows, total] = await Promise.all([periods.find(options), periods.count(registerCountFilter(asOf, knownAt))]);
    return { asOf, knownAt, items: rows.map(toRegisterItem), total, page: paging.page, limit: paging.limit };
  }
}

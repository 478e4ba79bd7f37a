import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarDateOf, instantOf, invalid } from '@uccn/domain';
import {
  PERIODS_READ_MODEL,
  ReadModels,
  REGISTER_YEARS_READ_MODEL,
  registerCountFilter,
  registerFindOptions,
  registerTotal,
  registerYearsQuery,
  toRegisterItem,
  type RegisterItem,
} from '@uccn/projections';
import { CLOCK, type Clock } from '../shared/clock.js';
import { readPage, type Page, type PageRequest } from '../shared/page.js';

/** The register as it stood on `asOf` (domain clock) as the system knew it at `knownAt` (recording clock). */
export interface MembershipRegister extends Page<RegisterItem> {
  readonly asOf: string;
  readonly knownAt: string;
}

export class MembershipRegisterQuery extends Query<MembershipRegister> {
  constructor(
    /** default: today */
    readonly asOf: string | undefined,
    /** default: now */
    readonly knownAt: string | undefined,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

/**
 * Who was a member on a date, as known at an instant: a range query over the bitemporal periods
 * (validFrom ≤ asOf < validTo and knownFrom ≤ knownAt < knownTo), no replay of the log. A
 * `knownAt` after now is a 400.
 */
@QueryHandler(MembershipRegisterQuery)
export class MembershipRegisterHandler implements IQueryHandler<MembershipRegisterQuery, MembershipRegister> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ asOf: askedAsOf, knownAt: askedKnownAt, paging }: MembershipRegisterQuery): Promise<MembershipRegister> {
    const now = this.clock.now();
    // the store compares instants as strings: only the canonical form of a parsed instant may reach it
    const askedInstant = askedKnownAt === undefined ? now : instantOf(askedKnownAt);
    if (!askedInstant) {
      throw invalid('KnownAtNotAnInstant', `knownAt ${askedKnownAt} is not an instant such as 2025-01-15T09:30:00Z`, 'knownAt');
    }
    // what the register will say at an instant to come is not known yet: answering today's would pass it off as that
    if (askedInstant.getTime() > now.getTime()) {
      throw invalid('KnownAtInTheFuture', `knownAt ${askedKnownAt} is in the future (now is ${now.toISOString()}): the register can only be asked as it was known until now`, 'knownAt');
    }
    const asOf = askedAsOf ?? calendarDateOf(now);
    const knownAt = askedInstant.toISOString();
    const periods = await this.readModels.collection(PERIODS_READ_MODEL);
    const find = registerFindOptions(asOf, knownAt, paging.page, paging.limit);
    if (askedKnownAt === undefined) {
      // as known now: the total from the running totals by day, not a count of the periods
      const years = this.readModels.sibling(REGISTER_YEARS_READ_MODEL, periods);
      const [items, totals] = await Promise.all([periods.find(find), years.find(registerYearsQuery(asOf))]);
      return { asOf, knownAt, items: items.map(toRegisterItem), total: registerTotal(totals, asOf), page: paging.page, limit: paging.limit };
    }
    const register = await readPage(periods, find, paging, registerCountFilter(asOf, knownAt));
    return { asOf, knownAt, ...register, items: register.items.map(toRegisterItem) };
  }
}

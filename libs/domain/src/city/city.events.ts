import type { CalendarDate } from '../shared/calendar.js';
import type { DomainEvent } from '../shared/decider.js';

export type ReportKind = 'membership-monitoring' | 'national-annual';
export const REPORT_KINDS: readonly ReportKind[] = ['membership-monitoring', 'national-annual'];

export type ReviewOutcome = 'accepted' | 'revision-requested';
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['accepted', 'revision-requested'];

export type WithdrawalReason = 'voluntary' | 'excluded';
export const WITHDRAWAL_REASONS: readonly WithdrawalReason[] = ['voluntary', 'excluded'];

export type CityDesignated = DomainEvent<
  'CityDesignated',
  {
    readonly cityId: string;
    readonly name: string;
    /** ISO 3166-1 alpha-2 */
    readonly country: string;
    readonly field: string;
    readonly designatedOn: CalendarDate;
    /** set when the designation came from an application's decision */
    readonly applicationId?: string;
  }
>;

/** A member city moved to another creative field (Lyon: media arts 2008 → literature 2023). */
export type CityFieldChanged = DomainEvent<
  'CityFieldChanged',
  { readonly cityId: string; readonly from: string; readonly to: string; readonly effectiveOn: CalendarDate }
>;

export type ReportSubmitted = DomainEvent<
  'ReportSubmitted',
  {
    readonly cityId: string;
    readonly reportId: string;
    readonly kind: ReportKind;
    readonly periodStart: CalendarDate;
    readonly periodEnd: CalendarDate;
    readonly submittedOn: CalendarDate;
    readonly title?: string;
  }
>;

export type ReportReviewed = DomainEvent<
  'ReportReviewed',
  {
    readonly cityId: string;
    readonly reportId: string;
    readonly outcome: ReviewOutcome;
    readonly reviewedOn: CalendarDate;
    readonly comment?: string;
  }
>;

export type MembershipWithdrawn = DomainEvent<
  'MembershipWithdrawn',
  {
    readonly cityId: string;
    readonly effectiveOn: CalendarDate;
    readonly reason: WithdrawalReason;
    readonly note?: string;
  }
>;

export type CityEvent = CityDesignated | CityFieldChanged | ReportSubmitted | ReportReviewed | MembershipWithdrawn;

export const cityStreamId = (cityId: string) => `city-${cityId}`;

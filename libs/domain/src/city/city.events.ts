import type { CalendarDate } from '../shared/calendar.js';
import type { RecordedContact } from '../shared/personal-data.js';
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

/*
 * Corrections (DESIGN §6): the log is never rewritten; a mistake is amended by an event of its own
 * that holds what was recorded (`before`), what is true (`after`, only the facts it changes) and
 * why. The actor and both clocks are in its metadata.
 */

/** The facts of a designation that a correction may amend. */
export interface DesignationFacts {
  readonly name: string;
  readonly country: string;
  /** the field the city was designated in (a later field change is its own event) */
  readonly field: string;
  readonly designatedOn: CalendarDate;
}

/** Santa Fe was designated on 13 July 2005, not on the 31 December the import assumed. */
export type CityRecordCorrected = DomainEvent<
  'CityRecordCorrected',
  {
    readonly cityId: string;
    readonly reason: string;
    readonly before: Partial<DesignationFacts>;
    readonly after: Partial<DesignationFacts>;
  }
>;

/** The facts of a submitted report that a correction may amend. */
export interface ReportFacts {
  readonly kind: ReportKind;
  readonly periodStart: CalendarDate;
  readonly periodEnd: CalendarDate;
  readonly submittedOn: CalendarDate;
  readonly title: string;
}

export type ReportRecordCorrected = DomainEvent<
  'ReportRecordCorrected',
  {
    readonly cityId: string;
    readonly reportId: string;
    readonly reason: string;
    readonly before: Partial<ReportFacts>;
    readonly after: Partial<ReportFacts>;
  }
>;

/** A withdrawal entered in error (for the wrong city, say): the city was a member all along. */
export type MembershipWithdrawalRetracted = DomainEvent<
  'MembershipWithdrawalRetracted',
  {
    readonly cityId: string;
    readonly reason: string;
    /** the withdrawal as it was recorded */
    readonly retracted: { readonly effectiveOn: CalendarDate; readonly reason: WithdrawalReason };
  }
>;

export type CityCorrectionEvent = CityRecordCorrected | ReportRecordCorrected | MembershipWithdrawalRetracted;

/** The city's focal point (DESIGN §7): personal data, sealed; a newer one replaces the older. */
export type FocalPointAssigned = DomainEvent<'FocalPointAssigned', { readonly cityId: string; readonly focalPoint: RecordedContact }>;

export type CityEvent =
  | CityDesignated
  | CityFieldChanged
  | ReportSubmitted
  | ReportReviewed
  | MembershipWithdrawn
  | CityCorrectionEvent
  | FocalPointAssigned;

/** Every event type of a city's stream (the projections that follow a city's whole record read them all). */
export const CITY_EVENT_TYPES = [
  'CityDesignated',
  'CityFieldChanged',
  'ReportSubmitted',
  'ReportReviewed',
  'MembershipWithdrawn',
  'CityRecordCorrected',
  'ReportRecordCorrected',
  'MembershipWithdrawalRetracted',
  'FocalPointAssigned',
] as const satisfies readonly CityEvent['type'][];

export const cityStreamId = (cityId: string) => `city-${cityId}`;

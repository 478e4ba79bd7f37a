import type { CalendarDate } from '../shared/calendar.js';
import { assertNever } from '../shared/decider.js';
import type { CityEvent, ReportKind, WithdrawalReason } from './city.events.js';

/** The field a city held from a date; the first one is its designation. */
export interface FieldPeriod {
  readonly field: string;
  readonly since: CalendarDate;
}

export type ReportStatus = 'submitted' | 'revision-requested' | 'accepted';

export interface CityReport {
  readonly reportId: string;
  readonly kind: ReportKind;
  readonly periodStart: CalendarDate;
  readonly periodEnd: CalendarDate;
  readonly submittedOn: CalendarDate;
  readonly status: ReportStatus;
  readonly lastReviewedOn?: CalendarDate;
}

interface Designation {
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
  readonly designatedOn: CalendarDate;
  readonly applicationId?: string;
  /** the field it holds now */
  readonly field: string;
  /** oldest first: Lyon holds media-arts from 2008, literature from 2023 */
  readonly fields: readonly FieldPeriod[];
  readonly reports: readonly CityReport[];
  /**
   * The latest date on which the city did something as a member after its designation (field
   * change, report): a withdrawal dated on or before it would contradict the record.
   */
  readonly lastActivityOn?: CalendarDate;
}

export interface UnknownCity {
  readonly status: 'unknown';
}
export interface MemberCity extends Designation {
  readonly status: 'member';
}
export interface WithdrawnCity extends Designation {
  readonly status: 'withdrawn';
  readonly withdrawnOn: CalendarDate;
  readonly withdrawalReason: WithdrawalReason;
}

export type CityState = UnknownCity | MemberCity | WithdrawnCity;

export const initialCityState: CityState = { status: 'unknown' };

export function evolveCity(state: CityState, event: CityEvent): CityState {
  switch (event.type) {
    case 'CityDesignated': {
      if (state.status !== 'unknown') return state;
      const { cityId, name, country, field, designatedOn, applicationId } = event.data;
      return {
        status: 'member',
        cityId,
        name,
        country,
        designatedOn,
        ...(applicationId === undefined ? {} : { applicationId }),
        field,
        fields: [{ field, since: designatedOn }],
        reports: [],
      };
    }
    case 'CityFieldChanged': {
      if (state.status === 'unknown') return state;
      const { to, effectiveOn } = event.data;
      return {
        ...state,
        field: to,
        fields: [...state.fields, { field: to, since: effectiveOn }],
        lastActivityOn: later(state.lastActivityOn, effectiveOn),
      };
    }
    case 'ReportSubmitted': {
      if (state.status === 'unknown') return state;
      const { reportId, kind, periodStart, periodEnd, submittedOn } = event.data;
      return {
        ...state,
        reports: [...state.reports, { reportId, kind, periodStart, periodEnd, submittedOn, status: 'submitted' }],
        lastActivityOn: later(state.lastActivityOn, submittedOn),
      };
    }
    case 'ReportReviewed': {
      if (state.status === 'unknown') return state;
      const { reportId, outcome, reviewedOn } = event.data;
      return {
        ...state,
        reports: state.reports.map((report) =>
          report.reportId === reportId ? { ...report, status: outcome, lastReviewedOn: reviewedOn } : report,
        ),
      };
    }
    case 'MembershipWithdrawn': {
      if (state.status !== 'member') return state;
      return { ...state, status: 'withdrawn', withdrawnOn: event.data.effectiveOn, withdrawalReason: event.data.reason };
    }
    default:
      return assertNever(event);
  }
}

const later = (a: CalendarDate | undefined, b: CalendarDate): CalendarDate => (a !== undefined && a > b ? a : b);

/**
 * Membership is a matter of dates, not of the latest status: a city that left in 2020 was still a
 * member in 2018, so a meeting it attended then can be recorded today. Member on a date = designated
 * on or before it and not withdrawn on or before it (the withdrawal date is the first day out).
 */
export function isMemberOn(state: CityState | undefined, date: CalendarDate): boolean {
  if (state === undefined) return false;
  switch (state.status) {
    case 'unknown':
      return false;
    case 'member':
      return state.designatedOn <= date;
    case 'withdrawn':
      return state.designatedOn <= date && date < state.withdrawnOn;
    default:
      return assertNever(state);
  }
}

/** The field the city held on a date (Lyon: media-arts in 2015, literature in 2024), if a member. */
export function fieldOn(state: CityState, date: CalendarDate): string | undefined {
  if (!isMemberOn(state, date) || state.status === 'unknown') return undefined;
  return state.fields.filter((period) => period.since <= date).at(-1)?.field;
}

export const findReport = (state: MemberCity | WithdrawnCity, reportId: string): CityReport | undefined =>
  state.reports.find((report) => report.reportId === reportId);

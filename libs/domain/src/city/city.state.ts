import type { CalendarDate } from '../shared/calendar.js';
import { assertNever } from '../shared/decider.js';
import type { CityEvent, DesignationFacts, ReportSubmitted, WithdrawalReason } from './city.events.js';

/** The field a city held from a date; the first one is its designation. */
export interface FieldPeriod {
  readonly field: string;
  readonly since: CalendarDate;
}

export type ReportStatus = 'submitted' | 'revision-requested' | 'accepted';

/** A report as submitted (its event's data, less the city), with where its review stands. */
export interface CityReport extends Omit<ReportSubmitted['data'], 'cityId'> {
  readonly status: ReportStatus;
  /** reviews come in date order: the first must not precede the submission, even as corrected */
  readonly firstReviewedOn?: CalendarDate;
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
  /** its focal point, when one was assigned: who (opaquely) and under which key (who it is stays sealed) */
  readonly focalPoint?: { readonly subjectId: string; readonly keyId: string };
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
      return { ...state, field: to, fields: [...state.fields, { field: to, since: effectiveOn }] };
    }
    case 'ReportSubmitted': {
      if (state.status === 'unknown') return state;
      const { reportId, kind, periodStart, periodEnd, submittedOn, title } = event.data;
      const report: CityReport = { reportId, kind, periodStart, periodEnd, submittedOn, ...(title === undefined ? {} : { title }), status: 'submitted' };
      return { ...state, reports: [...state.reports, report] };
    }
    case 'ReportReviewed': {
      if (state.status === 'unknown') return state;
      const { reportId, outcome, reviewedOn } = event.data;
      return {
        ...state,
        reports: state.reports.map((report) =>
          report.reportId === reportId
            ? { ...report, status: outcome, firstReviewedOn: report.firstReviewedOn ?? reviewedOn, lastReviewedOn: reviewedOn }
            : report,
        ),
      };
    }
    case 'MembershipWithdrawn': {
      if (state.status !== 'member') return state;
      return { ...state, status: 'withdrawn', withdrawnOn: event.data.effectiveOn, withdrawalReason: event.data.reason };
    }
    case 'CityRecordCorrected':
      return state.status === 'unknown' ? state : withDesignationFacts(state, event.data.after);
    case 'ReportRecordCorrected': {
      if (state.status === 'unknown') return state;
      const { reportId, after } = event.data;
      return { ...state, reports: state.reports.map((report) => (report.reportId === reportId ? { ...report, ...after } : report)) };
    }
    case 'MembershipWithdrawalRetracted': {
      if (state.status !== 'withdrawn') return state;
      const { withdrawnOn: _on, withdrawalReason: _reason, ...member } = state;
      return { ...member, status: 'member' };
    }
    case 'FocalPointAssigned':
      if (state.status === 'unknown') return state;
      return { ...state, focalPoint: { subjectId: event.data.focalPoint.subjectId, keyId: event.data.focalPoint.sealed.keyId } };
    default:
      return assertNever(event);
  }
}

/** A designation as corrected: the first field period moves with the designation's field and date. */
function withDesignationFacts<S extends MemberCity | WithdrawnCity>(state: S, after: Partial<DesignationFacts>): S {
  const [first, ...changes] = state.fields;
  const designation = { field: after.field ?? first!.field, since: after.designatedOn ?? first!.since };
  return {
    ...state,
    ...(after.name === undefined ? {} : { name: after.name }),
    ...(after.country === undefined ? {} : { country: after.country }),
    designatedOn: designation.since,
    fields: [designation, ...changes],
    field: changes.at(-1)?.field ?? designation.field,
  };
}

/**
 * The latest date on which the city did something as a member after its designation (a field
 * change, a report): a withdrawal dated on or before it would contradict the record.
 */
export function lastActivityOn(state: MemberCity | WithdrawnCity): CalendarDate | undefined {
  const dates = [...state.fields.slice(1).map((period) => period.since), ...state.reports.map((report) => report.submittedOn)];
  return dates.length === 0 ? undefined : dates.reduce((a, b) => (a > b ? a : b));
}

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

import { MONITORING_RULE_IN_FORCE_BY, type ReviewOutcome } from '@uccn/domain';
import type { FindOptions } from '@uccn/read-store';
import type { CityDirectoryDoc } from './city-directory.projection.js';
import { membersOnFilter } from './city-directory.projection.js';
import { nextMonitoringReportDueOn, reportCountsOn, reviewKnownOn, type MonitoringReportEntry } from './monitoring-schedule.js';

/**
 * Where a member stands with its monitoring report on a date, in one word:
 * - `not-yet-due`: no report counts yet, and the first one is not yet due;
 * - `on-time`: its last report counts, and the next one is not yet due;
 * - `revision-requested`: its last report was sent back for revision, and the due date it was
 *   meant for has not passed (not on time, not yet overdue);
 * - `overdue`: a report on record, but the due date passed without one that counts;
 * - `no-report-on-record`: never reported, and the first due date passed.
 */
export type ComplianceStatus = 'not-yet-due' | 'on-time' | 'revision-requested' | 'overdue' | 'no-report-on-record';
export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = ['not-yet-due', 'on-time', 'revision-requested', 'overdue', 'no-report-on-record'];

export interface ComplianceItem {
  readonly cityId: string;
  readonly name: string;
  readonly designatedOn: string;
  readonly lastReportOn: string | null;
  /** the verdict on that report as known on `asOf`: `null` while it awaits review */
  readonly lastReviewOutcome: ReviewOutcome | null;
  readonly lastReviewedOn: string | null;
  readonly nextDueOn: string;
  readonly overdue: boolean;
  readonly status: ComplianceStatus;
}

/**
 * A member's monitoring compliance as it stood on `asOf`: reports submitted and reviews given after
 * `asOf` do not count, a report sent back for revision fulfils nothing, and the due date follows
 * the member's four-year schedule (`monitoring-schedule.ts`, from 2015 at the earliest). Overdue
 * means the due date passed before `asOf` (on the due date itself the city is still on time).
 */
export function complianceOf(city: CityDirectoryDoc, asOf: string): ComplianceItem {
  const reports = monitoringReportsOf(city).filter((r) => r.submittedOn <= asOf);
  const last = reports.at(-1) ?? null;
  const review = last === null ? null : reviewKnownOn(last, asOf);
  const nextDueOn = nextMonitoringReportDueOn(city.designatedOn, reports, asOf);
  const overdue = nextDueOn < asOf;
  // a report from before the rule was not one under it: it fulfils nothing
  const counted = reports.some((r) => reportCountsOn(r, asOf) && r.submittedOn >= MONITORING_RULE_IN_FORCE_BY);
  const status: ComplianceStatus = overdue
    ? last === null ? 'no-report-on-record' : 'overdue'
    : review?.outcome === 'revision-requested' ? 'revision-requested' : counted ? 'on-time' : 'not-yet-due';
  return {
    cityId: city.cityId,
    name: city.name,
    designatedOn: city.designatedOn,
    lastReportOn: last?.submittedOn ?? null,
    lastReviewOutcome: review?.outcome ?? null,
    lastReviewedOn: review?.reviewedOn ?? null,
    nextDueOn,
    overdue,
    status,
  };
}

/**
 * The reports with their reviews; a document written by version 1 of the directory (serving while
 * version 2 rebuilds) has only the dates, which count as reports awaiting review.
 */
function monitoringReportsOf(city: CityDirectoryDoc): readonly MonitoringReportEntry[] {
  const reports = (city as Partial<CityDirectoryDoc>).monitoringReports;
  return reports ?? city.monitoringReportDates.map((submittedOn, i) => ({ reportId: `report-${i + 1}`, submittedOn, reviews: [] }));
}

/** `overdue=true|false` on the compliance list: derived on `asOf`, so it filters after `complianceOf`. */
export const complianceMatches = (item: ComplianceItem, overdue: boolean | undefined): boolean => overdue === undefined || item.overdue === overdue;

/**
 * `GET /api/analytics/reports/compliance`: the members on `asOf` in order of designation (the
 * order their reports fall due), read from the designation index; map each with `complianceOf`.
 */
export const complianceQuery = (asOf: string): FindOptions => ({ filter: membersOnFilter(asOf), sort: [['designatedOn', 1]] });

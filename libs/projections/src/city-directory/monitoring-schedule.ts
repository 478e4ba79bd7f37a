import { addYears, MONITORING_RULE_IN_FORCE_BY, type ReviewOutcome } from '@uccn/domain';

/** Every four years each member reports its work to UNESCO (seed 003). */
export const MONITORING_PERIOD_YEARS = 4;

export interface MonitoringReview {
  readonly outcome: ReviewOutcome;
  readonly reviewedOn: string;
}

/** A membership monitoring report as the schedule needs it: when it came, and every review of it in date order. */
export interface MonitoringReportEntry {
  readonly reportId: string;
  readonly submittedOn: string;
  readonly reviews: readonly MonitoringReview[];
}

/**
 * The day a member's four-year cycle starts: its designation, or for a city designated before the
 * rule existed, the day the rule was in force (`MONITORING_RULE_IN_FORCE_BY`). The guidelines count
 * "every four years following the year of designation"; a city of 2004 cannot have owed in 2008 a
 * report that was only introduced in 2015, nor be given days to write one, so its first report is
 * due four years after the rule, like a city designated that day. (The cities of 2004–2009 in
 * fact reported in 2016–2017, SOURCES.md §4: early, which the schedule counts as on time.)
 */
export const monitoringCycleStartOf = (designatedOn: string): string =>
  designatedOn > MONITORING_RULE_IN_FORCE_BY ? designatedOn : MONITORING_RULE_IN_FORCE_BY;

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * The next membership monitoring report due date, on the member's four-year schedule
 * (cycle start + 4k, k ≥ 1), which a report early or late never shifts.
 *
 * A report fulfils the due date nearest to its submission (the first one at the earliest; a tie
 * counts as late for the earlier one), and the next report is due one period after that. So
 * Katowice (2015-12-11) reporting on 2019-11-15 (early) or on 2020-05-20 (late) has fulfilled
 * 2019 and owes 2023-12-11. The plainer rule "the first due date strictly after the last report"
 * would call the early reporter overdue in January 2020, which is wrong. A report dated before the
 * rule was in force was not a report under it, and fulfils nothing.
 */
export function nextMonitoringReportDue(designatedOn: string, lastReportOn: string | null): string {
  const start = monitoringCycleStartOf(designatedOn);
  const dueDate = (k: number) => addYears(start, MONITORING_PERIOD_YEARS * k);
  if (lastReportOn === null || lastReportOn < MONITORING_RULE_IN_FORCE_BY) return dueDate(1);
  let fulfilled = 1;
  while (daysBetween(dueDate(fulfilled + 1), lastReportOn) < daysBetween(dueDate(fulfilled), lastReportOn)) {
    fulfilled += 1;
  }
  return dueDate(fulfilled + 1);
}

/** The last review of `report` dated on or before `asOf`: what was known of its verdict then. */
export const reviewKnownOn = (report: MonitoringReportEntry, asOf: string): MonitoringReview | null =>
  report.reviews.filter((r) => r.reviewedOn <= asOf).at(-1) ?? null;

/**
 * Whether `report` fulfils a due date as it stood on `asOf`: submitted by then and not sent back
 * for revision (a report awaiting review counts; one sent back counts again once accepted).
 */
export const reportCountsOn = (report: MonitoringReportEntry, asOf: string): boolean =>
  report.submittedOn <= asOf && reviewKnownOn(report, asOf)?.outcome !== 'revision-requested';

/** The next due date as it stood on `asOf`, from the reports that count on that date. */
export function nextMonitoringReportDueOn(designatedOn: string, reports: readonly MonitoringReportEntry[], asOf: string): string {
  const counted = reports.filter((r) => reportCountsOn(r, asOf)).map((r) => r.submittedOn).sort();
  return nextMonitoringReportDue(designatedOn, counted.at(-1) ?? null);
}

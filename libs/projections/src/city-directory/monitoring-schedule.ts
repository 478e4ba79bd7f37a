import { addYears } from '@uccn/domain';

/** Every four years each member reports its work to UNESCO (seed 003). */
export const MONITORING_PERIOD_YEARS = 4;

const anniversary = (designatedOn: string, k: number) => addYears(designatedOn, MONITORING_PERIOD_YEARS * k);
const daysBetween = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * The next membership monitoring report due date, on the designation's four-year schedule
 * (designatedOn + 4k, k ≥ 1), which a report early or late never shifts.
 *
 * A report fulfils the due date nearest to its submission (the first one at the earliest; a tie
 * counts as late for the earlier one), and the next report is due one period after that. So
 * Östersund (2010-06-22) reporting on 2014-05-15 (early) or on 2014-11-20 (late) has fulfilled
 * 2014 and owes 2018-06-22. The plainer rule "the first due date strictly after the last report"
 * would call the early reporter overdue in July 2014, which is wrong.
 */
export function nextMonitoringReportDue(designatedOn: string, lastReportOn: string | null): string {
  if (lastReportOn === null) return anniversary(designatedOn, 1);
  let fulfilled = 1;
  while (daysBetween(anniversary(designatedOn, fulfilled + 1), lastReportOn) < daysBetween(anniversary(designatedOn, fulfilled), lastReportOn)) {
    fulfilled += 1;
  }
  return anniversary(designatedOn, fulfilled + 1);
}

import type { FindOptions } from '@uccn/read-store';
import type { CityDirectoryDoc } from './city-directory.projection.js';
import { membersOnFilter } from './city-directory.projection.js';
import { nextMonitoringReportDue } from './monitoring-schedule.js';

export interface ComplianceItem {
  readonly cityId: string;
  readonly name: string;
  readonly designatedOn: string;
  readonly lastReportOn: string | null;
  readonly nextDueOn: string;
  readonly overdue: boolean;
}

/**
 * A member's monitoring compliance as it stood on `asOf`: reports submitted after `asOf` do not
 * count, and the due date follows the designation's four-year schedule. Overdue means the due
 * date passed before `asOf` (on the due date itself the city is still on time).
 */
export function complianceOf(city: CityDirectoryDoc, asOf: string): ComplianceItem {
  const lastReportOn = city.monitoringReportDates.filter((d) => d <= asOf).at(-1) ?? null;
  const nextDueOn = nextMonitoringReportDue(city.designatedOn, lastReportOn);
  return { cityId: city.cityId, name: city.name, designatedOn: city.designatedOn, lastReportOn, nextDueOn, overdue: nextDueOn < asOf };
}

/**
 * `GET /api/analytics/reports/compliance`: the members on `asOf` in order of designation (the
 * order their reports fall due), read from the designation index; map each with `complianceOf`.
 */
export const complianceQuery = (asOf: string): FindOptions => ({ filter: membersOnFilter(asOf), sort: [['designatedOn', 1]] });

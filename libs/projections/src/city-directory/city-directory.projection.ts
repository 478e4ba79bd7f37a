import type { Document, Filter, FindOptions } from '@uccn/read-store';
import { assertNever, type ReportKind, type ReviewOutcome, type WithdrawalReason } from '@uccn/domain';
import { readModel, type DocView, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf, recordedAtOf } from '../shared/registry-event.js';
import { OPEN_DATE } from '../shared/sentinels.js';
import { nextMonitoringReportDueOn, type MonitoringReportEntry } from './monitoring-schedule.js';

export const CITIES = 'cities';

export type CityStatus = 'member' | 'withdrawn';

export interface LastReport {
  readonly reportId: string;
  readonly submittedOn: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** `null` until reviewed */
  readonly outcome: ReviewOutcome | null;
  readonly reviewedOn: string | null;
}

/** One city of the directory, shaped for `GET /api/analytics/cities` and the compliance query. */
export interface CityDirectoryDoc extends Document {
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
  /** the current field */
  readonly field: string;
  readonly status: CityStatus;
  readonly designatedOn: string;
  /** when the system learned of the designation (the second clock) */
  readonly designationRecordedAt: string;
  readonly applicationId: string | null;
  /** every field the city has held, by the date it took it */
  readonly fieldHistory: readonly { readonly field: string; readonly from: string }[];
  readonly withdrawnOn: string | null;
  readonly withdrawalReason: WithdrawalReason | null;
  /** last day-after of membership: `withdrawnOn`, or the open sentinel, so "member on D" is two ranges */
  readonly memberUntil: string;
  readonly reportCount: number;
  readonly lastReports: {
    readonly membershipMonitoring: LastReport | null;
    readonly nationalAnnual: LastReport | null;
  };
  /** every monitoring report's submission date, ascending: compliance as of any date needs them all */
  readonly monitoringReportDates: readonly string[];
  /** every monitoring report with its reviews, by submission date: a report sent back for revision fulfils no due date */
  readonly monitoringReports: readonly MonitoringReportEntry[];
  readonly lastMonitoringReportOn: string | null;
  /** on the schedule as recorded: every report and review counts */
  readonly nextMonitoringReportDue: string;
}

const HANDLES = ['CityDesignated', 'CityFieldChanged', 'ReportSubmitted', 'ReportReviewed', 'MembershipWithdrawn'] as const;

const LAST_REPORT_KEY: Record<ReportKind, keyof CityDirectoryDoc['lastReports']> = {
  'membership-monitoring': 'membershipMonitoring',
  'national-annual': 'nationalAnnual',
};

export const cityDirectoryProjection: ProjectionDefinition = {
  name: 'city-directory',
  // 2: the monitoring schedule starts when the rule was in force (2015), and reports keep their reviews
  version: 2,
  collections: {
    [CITIES]: {
      indexes: [
        // list filters (any combination of status, field, country), sorted by name
        ['status', 'field', 'country', 'name'],
        // status alone matches nearly every city: walk it in name order and stop at the page
        ['status', 'name'],
        ['field', 'country', 'name'],
        ['country', 'name'],
        ['name'],
        // compliance: members on a date
        ['designatedOn'],
      ],
    },
  },
  handles: HANDLES,
  touches: (event) => (typeof event.data['cityId'] === 'string' ? [{ collection: CITIES, id: event.data['cityId'] }] : []),
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    if (event.type === 'CityDesignated') {
      const { cityId, name, country, field, designatedOn, applicationId } = event.data;
      const doc: CityDirectoryDoc = {
        id: cityId,
        cityId,
        name,
        country,
        field,
        status: 'member',
        designatedOn,
        designationRecordedAt: recordedAtOf(recorded),
        applicationId: applicationId ?? null,
        fieldHistory: [{ field, from: designatedOn }],
        withdrawnOn: null,
        withdrawalReason: null,
        memberUntil: OPEN_DATE,
        reportCount: 0,
        lastReports: { membershipMonitoring: null, nationalAnnual: null },
        monitoringReportDates: [],
        monitoringReports: [],
        lastMonitoringReportOn: null,
        nextMonitoringReportDue: nextMonitoringReportDueOn(designatedOn, [], OPEN_DATE),
      };
      return [write(doc)];
    }
    // the domain refuses any other city event before the designation; nothing to show if one slipped in
    const city = current(docs, event.data.cityId);
    if (!city) return [];
    switch (event.type) {
      case 'CityFieldChanged': {
        const { to, effectiveOn } = event.data;
        const fieldHistory = [...city.fieldHistory, { field: to, from: effectiveOn }].sort((a, b) => compare(a.from, b.from));
        return [write({ ...city, field: fieldHistory.at(-1)?.field ?? to, fieldHistory })];
      }
      case 'ReportSubmitted': {
        const { reportId, kind, submittedOn, periodStart, periodEnd } = event.data;
        const key = LAST_REPORT_KEY[kind];
        const previous = city.lastReports[key];
        // "last" is by the domain date: a report recorded late but submitted earlier does not replace it
        const lastReports =
          previous === null || submittedOn >= previous.submittedOn
            ? { ...city.lastReports, [key]: { reportId, submittedOn, periodStart, periodEnd, outcome: null, reviewedOn: null } }
            : city.lastReports;
        const monitoringReportDates =
          kind === 'membership-monitoring' ? [...city.monitoringReportDates, submittedOn].sort(compare) : city.monitoringReportDates;
        const monitoringReports =
          kind === 'membership-monitoring'
            ? [...city.monitoringReports, { reportId, submittedOn, reviews: [] }].sort((a, b) => compare(a.submittedOn, b.submittedOn))
            : city.monitoringReports;
        const lastMonitoringReportOn = monitoringReportDates.at(-1) ?? null;
        return [
          write({
            ...city,
            reportCount: city.reportCount + 1,
            lastReports,
            monitoringReportDates,
            monitoringReports,
            lastMonitoringReportOn,
            nextMonitoringReportDue: nextMonitoringReportDueOn(city.designatedOn, monitoringReports, OPEN_DATE),
          }),
        ];
      }
      case 'ReportReviewed': {
        const { reportId, outcome, reviewedOn } = event.data;
        const reviewed = (report: LastReport | null) => (report?.reportId === reportId ? { ...report, outcome, reviewedOn } : report);
        const lastReports = {
          membershipMonitoring: reviewed(city.lastReports.membershipMonitoring),
          nationalAnnual: reviewed(city.lastReports.nationalAnnual),
        };
        const reviewedMonitoring = city.monitoringReports.some((r) => r.reportId === reportId);
        // a review of an older national report changes nothing the directory shows
        if (!reviewedMonitoring && lastReports.membershipMonitoring === city.lastReports.membershipMonitoring && lastReports.nationalAnnual === city.lastReports.nationalAnnual) {
          return [];
        }
        const monitoringReports = city.monitoringReports.map((r) => (r.reportId === reportId ? { ...r, reviews: [...r.reviews, { outcome, reviewedOn }] } : r));
        return [write({ ...city, lastReports, monitoringReports, nextMonitoringReportDue: nextMonitoringReportDueOn(city.designatedOn, monitoringReports, OPEN_DATE) })];
      }
      case 'MembershipWithdrawn': {
        const { effectiveOn, reason } = event.data;
        return [write({ ...city, status: 'withdrawn', withdrawnOn: effectiveOn, withdrawalReason: reason, memberUntil: effectiveOn })];
      }
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to the directory of cities, one document a city. */
export const CITIES_READ_MODEL = readModel<CityDirectoryDoc>(cityDirectoryProjection, CITIES);

const current = (docs: DocView, cityId: string) => docs.get(CITIES, cityId) as CityDirectoryDoc | undefined;
const write = (doc: CityDirectoryDoc): DocWrite => ({ collection: CITIES, id: doc.id, doc });
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface CityDirectoryFilter {
  readonly field?: string;
  readonly country?: string;
  readonly status?: CityStatus;
}

/** `GET /api/analytics/cities`: equality filters, by name, paged in the store. */
export function cityDirectoryQuery(filter: CityDirectoryFilter, page?: number, limit?: number): FindOptions {
  const where: Record<string, string> = {};
  if (filter.status !== undefined) where['status'] = filter.status;
  if (filter.field !== undefined) where['field'] = filter.field;
  if (filter.country !== undefined) where['country'] = filter.country;
  return { filter: where, sort: [['name', 1]], ...pageWindow(page, limit) };
}

/** The cities that were members on `asOf` (designated on or before it, not yet withdrawn). */
export const membersOnFilter = (asOf: string): Filter => ({ designatedOn: { $lte: asOf }, memberUntil: { $gt: asOf } });

import type { Document, Filter, FindOptions } from '@uccn/read-store';
import { assertNever, CITY_EVENT_TYPES, compare, type ReportFacts, type ReportKind, type ReviewOutcome, type WithdrawalReason } from '@uccn/domain';
import { readModel, type DocView, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf, recordedAtOf } from '../shared/registry-event.js';
import { OPEN_DATE } from '../shared/sentinels.js';
import { nextMonitoringReportDueOn, type MonitoringReportEntry, type MonitoringReview } from './monitoring-schedule.js';

export const CITIES = 'cities';
/**
 * Per city, every report it submitted with its last review: what the directory's report figures
 * are derived from, so a corrected report (or designation date) recomputes them all. Kept apart
 * from the directory's document so its answer keeps its shape, and a review of a report that is
 * not the last of its kind changes nothing the directory shows (nor its lineage).
 */
export const CITY_REPORTS = 'reports';

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

/** One report as the directory's figures need it. */
export interface ReportEntry extends LastReport {
  readonly kind: ReportKind;
  /** every review, in date order (`outcome` and `reviewedOn` above are the last) */
  readonly reviews: readonly MonitoringReview[];
}

export interface CityReportsDoc extends Document {
  /** in the order they were recorded: of two reports submitted on the same day, the later recorded is the last */
  readonly reports: readonly ReportEntry[];
}

/** The directory's figures about reports, each derived from the city's reports and its designation date. */
export type ReportFigures = Pick<
  CityDirectoryDoc,
  'reportCount' | 'lastReports' | 'monitoringReportDates' | 'monitoringReports' | 'lastMonitoringReportOn' | 'nextMonitoringReportDue'
>;

// A focal point is personal data: the analysts' directory holds none of it (DESIGN §7).
const HANDLES = CITY_EVENT_TYPES.filter((type): type is Exclude<(typeof CITY_EVENT_TYPES)[number], 'FocalPointAssigned'> => type !== 'FocalPointAssigned');

/** The events whose figures depend on the city's reports: they read and write its list of reports too. */
const READS_REPORTS: ReadonlySet<string> = new Set(['ReportSubmitted', 'ReportReviewed', 'ReportRecordCorrected', 'CityRecordCorrected']);

export const cityDirectoryProjection: ProjectionDefinition = {
  name: 'city-directory',
  // 2: corrections (CityRecordCorrected, ReportRecordCorrected, MembershipWithdrawalRetracted), the
  // city's reports kept beside it to derive the report figures from, the monitoring schedule from
  // the day the rule was in force (2015), and every review of a monitoring report
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
    // read by id only
    [CITY_REPORTS]: { indexes: [] },
  },
  handles: HANDLES,
  touches: (event) => {
    const cityId = event.data['cityId'];
    if (typeof cityId !== 'string') return [];
    return READS_REPORTS.has(event.type) ? [{ collection: CITIES, id: cityId }, { collection: CITY_REPORTS, id: cityId }] : [{ collection: CITIES, id: cityId }];
  },
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
        ...reportFigures(designatedOn, []),
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
        const reports = [...reportsOf(docs, city.cityId), { reportId, kind, submittedOn, periodStart, periodEnd, outcome: null, reviewedOn: null, reviews: [] }];
        return [write({ ...city, ...reportFigures(city.designatedOn, reports) }), writeReports(city.cityId, reports)];
      }
      case 'ReportReviewed': {
        const { reportId, outcome, reviewedOn } = event.data;
        const known = reportsOf(docs, city.cityId);
        if (!known.some((r) => r.reportId === reportId)) return [];
        const reports = known.map((r) => (r.reportId === reportId ? { ...r, outcome, reviewedOn, reviews: [...r.reviews, { outcome, reviewedOn }] } : r));
        const figures = reportFigures(city.designatedOn, reports);
        // a review of a national report that is not the last of its kind changes nothing the directory
        // shows; every review of a monitoring report counts for compliance as of any date
        const monitoring = known.some((r) => r.reportId === reportId && r.kind === 'membership-monitoring');
        const shown = monitoring || figures.lastReports.nationalAnnual?.reportId === reportId;
        return shown ? [write({ ...city, ...figures }), writeReports(city.cityId, reports)] : [writeReports(city.cityId, reports)];
      }
      case 'ReportRecordCorrected': {
        const { reportId, after } = event.data;
        const known = reportsOf(docs, city.cityId);
        if (!known.some((r) => r.reportId === reportId)) return [];
        // the title is not shown here: a correction of the title alone changes only the lineage
        const reports = known.map((r) => (r.reportId === reportId ? correctedReport(r, after) : r));
        return [write({ ...city, ...reportFigures(city.designatedOn, reports) }), writeReports(city.cityId, reports)];
      }
      case 'MembershipWithdrawn': {
        const { effectiveOn, reason } = event.data;
        return [write({ ...city, status: 'withdrawn', withdrawnOn: effectiveOn, withdrawalReason: reason, memberUntil: effectiveOn })];
      }
      case 'CityRecordCorrected': {
        const { name, country, field, designatedOn } = event.data.after;
        // the correction amends the designation: the first field period moves with its field and
        // date; the field changes after it stay, so the current field moves only if there are none
        const [designation, ...changes] = city.fieldHistory;
        const first = { field: field ?? designation?.field ?? city.field, from: designatedOn ?? designation?.from ?? city.designatedOn };
        const fieldHistory = [first, ...changes];
        const corrected = { ...city, name: name ?? city.name, country: country ?? city.country, designatedOn: first.from, fieldHistory, field: fieldHistory.at(-1)?.field ?? first.field };
        // the monitoring schedule runs from the designation: a corrected date moves the due dates
        return [write({ ...corrected, ...reportFigures(corrected.designatedOn, reportsOf(docs, city.cityId)) })];
      }
      case 'MembershipWithdrawalRetracted':
        // the withdrawal was recorded in error: the city has been a member since its designation
        return [write({ ...city, status: 'member', withdrawnOn: null, withdrawalReason: null, memberUntil: OPEN_DATE })];
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to the directory of cities, one document a city. */
export const CITIES_READ_MODEL = readModel<CityDirectoryDoc>(cityDirectoryProjection, CITIES);

const current = (docs: DocView, cityId: string) => docs.get(CITIES, cityId) as CityDirectoryDoc | undefined;
const write = (doc: CityDirectoryDoc): DocWrite => ({ collection: CITIES, id: doc.id, doc });
const reportsOf = (docs: DocView, cityId: string): readonly ReportEntry[] => (docs.get(CITY_REPORTS, cityId) as CityReportsDoc | undefined)?.reports ?? [];
const writeReports = (cityId: string, reports: readonly ReportEntry[]): DocWrite => ({ collection: CITY_REPORTS, id: cityId, doc: { id: cityId, reports } });

function correctedReport(report: ReportEntry, after: Partial<ReportFacts>): ReportEntry {
  return {
    ...report,
    kind: after.kind ?? report.kind,
    submittedOn: after.submittedOn ?? report.submittedOn,
    periodStart: after.periodStart ?? report.periodStart,
    periodEnd: after.periodEnd ?? report.periodEnd,
  };
}

/**
 * Every report figure of the directory, from the city's reports (as corrected) and its designation
 * date, in one place. "Last" is by the domain date: a report recorded late but submitted earlier
 * does not replace the last one; of two submitted the same day, the later recorded is the last.
 * The monitoring schedule runs from the designation (see `nextMonitoringReportDue`).
 */
export function reportFigures(designatedOn: string, reports: readonly ReportEntry[]): ReportFigures {
  const lastOf = (kind: ReportKind): LastReport | null => {
    const last = reports.filter((r) => r.kind === kind).reduce<ReportEntry | null>((l, r) => (l === null || r.submittedOn >= l.submittedOn ? r : l), null);
    if (last === null) return null;
    const { reportId, submittedOn, periodStart, periodEnd, outcome, reviewedOn } = last;
    return { reportId, submittedOn, periodStart, periodEnd, outcome, reviewedOn };
  };
  const monitoringReports: MonitoringReportEntry[] = reports
    .filter((r) => r.kind === 'membership-monitoring')
    .map(({ reportId, submittedOn, reviews }) => ({ reportId, submittedOn, reviews }))
    .sort((a, b) => compare(a.submittedOn, b.submittedOn));
  const monitoringReportDates = monitoringReports.map((r) => r.submittedOn);
  return {
    reportCount: reports.length,
    lastReports: { membershipMonitoring: lastOf('membership-monitoring'), nationalAnnual: lastOf('national-annual') },
    monitoringReportDates,
    monitoringReports,
    lastMonitoringReportOn: monitoringReportDates.at(-1) ?? null,
    nextMonitoringReportDue: nextMonitoringReportDueOn(designatedOn, monitoringReports, OPEN_DATE),
  };
}

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

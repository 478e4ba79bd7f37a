import type { Document, Filter, FindOptions } from '@uccn/read-store';
import { assertNever, CITY_EVENT_TYPES, compare, type ReportFacts, type ReportKind, type ReviewOutcome, type WithdrawalReason } from '@uccn/domain';
import { readModel, type DocView, type DocWrite, type ProjectionDefinition, type Touch } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf, recordedAtOf } from '../shared/registry-event.js';
import { OPEN_DATE } from '../shared/sentinels.js';
import { nextMonitoringReportDueOn, type MonitoringReportEntry, type MonitoringReview } from './monitoring-schedule.js';

export const CITIES = 'cities';
/**
 * One document a report, with its reviews: what a review and a correction of it read, and what
 * the directory's report figures are recomputed from when a correction may move them. Kept apart
 * from the directory's document so its answer keeps its shape, and one document a report so a
 * report on a city of thousands costs what it costs on a new one.
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

/** A report of a city, in the order the city's stream recorded them (`revision`). */
export interface CityReportDoc extends Document, ReportEntry {
  readonly cityId: string;
  /** the stream revision of its submission: of two reports submitted the same day, the later recorded is the last */
  readonly revision: number;
}

/** The directory's figures about reports, each derived from the city's reports and its designation date. */
export type ReportFigures = Pick<
  CityDirectoryDoc,
  'reportCount' | 'lastReports' | 'monitoringReportDates' | 'monitoringReports' | 'lastMonitoringReportOn' | 'nextMonitoringReportDue'
>;

// A focal point is personal data: the analysts' directory holds none of it (DESIGN §7).
const HANDLES = CITY_EVENT_TYPES.filter((type): type is Exclude<(typeof CITY_EVENT_TYPES)[number], 'FocalPointAssigned'> => type !== 'FocalPointAssigned');

const reportDocId = (cityId: string, reportId: string) => `${cityId}/${reportId}`;

export const cityDirectoryProjection: ProjectionDefinition = {
  name: 'city-directory',
  // 2: corrections (CityRecordCorrected, ReportRecordCorrected, MembershipWithdrawalRetracted), the
  // city's reports kept beside it to derive the report figures from, the monitoring schedule from
  // the day the rule was in force (2015), and every review of a monitoring report
  // 3: one document a report, the figures kept as each report and review comes (recomputed from
  // all of them only when a report is corrected), so a report costs the same on any city
  version: 3,
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
    // by id; by city only for a correction of a report, from the first report on
    [CITY_REPORTS]: { indexes: [], setIndexes: [['cityId']] },
  },
  handles: HANDLES,
  touches: (event): Touch[] => {
    const cityId = event.data['cityId'];
    if (typeof cityId !== 'string') return [];
    const city = { collection: CITIES, id: cityId };
    const reportId = event.data['reportId'];
    switch (event.type) {
      case 'ReportSubmitted':
      case 'ReportReviewed':
        return typeof reportId === 'string' ? [city, { collection: CITY_REPORTS, id: reportDocId(cityId, reportId) }] : [city];
      case 'ReportRecordCorrected':
        // a corrected date or kind may change which report is the last: the figures are recomputed from all
        return [city, { collection: CITY_REPORTS, field: 'cityId', equals: cityId }];
      default:
        return [city];
    }
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
        const { cityId, reportId, kind, submittedOn, periodStart, periodEnd } = event.data;
        const report: CityReportDoc = {
          id: reportDocId(cityId, reportId),
          cityId,
          revision: recorded.revision,
          reportId,
          kind,
          submittedOn,
          periodStart,
          periodEnd,
          outcome: null,
          reviewedOn: null,
          reviews: [],
        };
        return [write({ ...city, ...withReport(city.designatedOn, city, report) }), writeReport(report)];
      }
      case 'ReportReviewed': {
        const { cityId, reportId, outcome, reviewedOn } = event.data;
        const known = docs.get(CITY_REPORTS, reportDocId(cityId, reportId)) as CityReportDoc | undefined;
        if (!known) return [];
        const review = { outcome, reviewedOn };
        const report: CityReportDoc = { ...known, outcome, reviewedOn, reviews: [...known.reviews, review] };
        // a review of a national report that is not the last of its kind changes nothing the directory
        // shows; every review of a monitoring report counts for compliance as of any date
        const figures = withReview(city.designatedOn, city, report);
        return figures ? [write({ ...city, ...figures }), writeReport(report)] : [writeReport(report)];
      }
      case 'ReportRecordCorrected': {
        const { cityId, reportId, after } = event.data;
        const known = docs.all(CITY_REPORTS, 'cityId', cityId) as readonly CityReportDoc[];
        const corrected = known.find((r) => r.reportId === reportId);
        if (!corrected) return [];
        // the title is not shown here: a correction of the title alone changes only the lineage
        const report = correctedReport(corrected, after);
        const reports = known.map((r) => (r.reportId === reportId ? report : r)).sort((a, b) => a.revision - b.revision);
        return [write({ ...city, ...reportFigures(city.designatedOn, reports) }), writeReport(report)];
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
        return [write({ ...corrected, nextMonitoringReportDue: nextMonitoringReportDueOn(corrected.designatedOn, city.monitoringReports, OPEN_DATE) })];
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
const writeReport = (doc: CityReportDoc): DocWrite => ({ collection: CITY_REPORTS, id: doc.id, doc });

function correctedReport(report: CityReportDoc, after: Partial<ReportFacts>): CityReportDoc {
  return {
    ...report,
    kind: after.kind ?? report.kind,
    submittedOn: after.submittedOn ?? report.submittedOn,
    periodStart: after.periodStart ?? report.periodStart,
    periodEnd: after.periodEnd ?? report.periodEnd,
  };
}

const LAST_OF_KIND = { 'membership-monitoring': 'membershipMonitoring', 'national-annual': 'nationalAnnual' } as const satisfies Record<ReportKind, keyof ReportFigures['lastReports']>;

const lastReportOf = ({ reportId, submittedOn, periodStart, periodEnd, outcome, reviewedOn }: ReportEntry): LastReport => ({
  reportId,
  submittedOn,
  periodStart,
  periodEnd,
  outcome,
  reviewedOn,
});

const NO_REPORTS: Omit<ReportFigures, 'nextMonitoringReportDue'> = {
  reportCount: 0,
  lastReports: { membershipMonitoring: null, nationalAnnual: null },
  monitoringReportDates: [],
  monitoringReports: [],
  lastMonitoringReportOn: null,
};

/**
 * Every report figure of the directory, from the city's reports (as corrected, in the order they
 * were recorded) and its designation date: each report added in turn by `withReport`, so the
 * figures kept report by report and the figures recomputed after a correction are one rule.
 */
export function reportFigures(designatedOn: string, reports: readonly ReportEntry[]): ReportFigures {
  return reports.reduce<ReportFigures>((figures, report) => withReport(designatedOn, figures, report), {
    ...NO_REPORTS,
    nextMonitoringReportDue: nextMonitoringReportDueOn(designatedOn, [], OPEN_DATE),
  });
}

/**
 * The figures with one more report, recorded after every report they count. "Last" is by the
 * domain date: a report recorded late but submitted earlier does not replace the last one; of two
 * submitted the same day, the later recorded is the last. The monitoring schedule runs from the
 * designation (see `nextMonitoringReportDue`).
 */
function withReport(designatedOn: string, figures: ReportFigures, report: ReportEntry): ReportFigures {
  const slot = LAST_OF_KIND[report.kind];
  const last = figures.lastReports[slot];
  const lastReports = last === null || report.submittedOn >= last.submittedOn ? { ...figures.lastReports, [slot]: lastReportOf(report) } : figures.lastReports;
  const counted = { ...figures, reportCount: figures.reportCount + 1, lastReports };
  if (report.kind !== 'membership-monitoring') return counted;
  // by submission date; of the same day, in the order recorded
  const entry: MonitoringReportEntry = { reportId: report.reportId, submittedOn: report.submittedOn, reviews: report.reviews };
  const at = figures.monitoringReports.findLastIndex((r) => r.submittedOn <= report.submittedOn) + 1;
  return withMonitoringReports(designatedOn, counted, [...figures.monitoringReports.slice(0, at), entry, ...figures.monitoringReports.slice(at)]);
}

/**
 * The figures after a review of `report` (already carrying it), or `null` when the review changes
 * nothing they show: a national report that is not the last of its kind.
 */
function withReview(designatedOn: string, figures: ReportFigures, report: ReportEntry): ReportFigures | null {
  const slot = LAST_OF_KIND[report.kind];
  const isLast = figures.lastReports[slot]?.reportId === report.reportId;
  const lastReports = isLast ? { ...figures.lastReports, [slot]: lastReportOf(report) } : figures.lastReports;
  if (report.kind !== 'membership-monitoring') return isLast ? { ...figures, lastReports } : null;
  const monitoringReports = figures.monitoringReports.map((r) => (r.reportId === report.reportId ? { ...r, reviews: report.reviews } : r));
  return withMonitoringReports(designatedOn, { ...figures, lastReports }, monitoringReports);
}

function withMonitoringReports(designatedOn: string, figures: ReportFigures, monitoringReports: readonly MonitoringReportEntry[]): ReportFigures {
  const monitoringReportDates = monitoringReports.map((r) => r.submittedOn);
  return {
    ...figures,
    monitoringReports,
    monitoringReportDates,
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

import { decideBy, type Decider } from '../shared/decider.js';
import { assignFocalPoint } from './focal-point.js';
import {
  requireCountry,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireOptionalText,
  requireOrderedPeriod,
  requireSlug,
  requireText,
  requireToday,
} from '../shared/validation.js';
import { requireFieldOpenOn, requireKnownField } from '../network/network.decide.js';
import { NETWORK_FOUNDED_ON } from '../network/network.state.js';
import type {
  ChangeCityField,
  CityCommand,
  DesignateCity,
  ReviewReport,
  SubmitReport,
  WithdrawMembership,
} from './city.commands.js';
import {
  cityAlreadyDesignated,
  cityNotFound,
  cityNotMemberOn,
  designationBeforeNetworkFounded,
  fieldChangeOutOfOrder,
  fieldUnchanged,
  membershipAlreadyWithdrawn,
  reportAlreadyAccepted,
  reportAlreadySubmitted,
  reportNotFound,
  reviewBeforePreviousReview,
  reviewBeforeSubmission,
  withdrawalBeforeDesignation,
  withdrawalBeforeRecordedActivity,
} from './city.errors.js';
import {
  REPORT_KINDS,
  REVIEW_OUTCOMES,
  WITHDRAWAL_REASONS,
  type CityDesignated,
  type CityEvent,
  type CityFieldChanged,
  type MembershipWithdrawn,
  type ReportReviewed,
  type ReportSubmitted,
} from './city.events.js';
import { correctCityRecord, correctReportRecord, retractWithdrawal } from './city.corrections.js';
import { evolveCity, findReport, initialCityState, isMemberOn, lastActivityOn, type CityState } from './city.state.js';

/*
 * Each function checks in the same order: the command's shape (400), then the stream's state
 * (404, 409), then the rules of the domain that depend on dates (422). Nothing is returned until
 * every check has passed, so a refused command appends nothing.
 */

function designateCity(command: DesignateCity, state: CityState): CityDesignated[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const name = requireText(command.name, 'name');
  const country = requireCountry(command.country, 'country');
  const field = requireKnownField(command.catalogue, command.field);
  const designatedOn = requireDate(command.designatedOn, 'designatedOn');
  const applicationId = command.applicationId === undefined ? undefined : requireSlug(command.applicationId, 'applicationId');

  if (state.status !== 'unknown') {
    // The designation process retries after a crash: the same application's designation, already
    // on record, is done rather than in conflict (DESIGN §2.6, exactly once).
    if (applicationId !== undefined && state.applicationId === applicationId) return [];
    throw cityAlreadyDesignated(cityId, state);
  }

  if (designatedOn < NETWORK_FOUNDED_ON) throw designationBeforeNetworkFounded(designatedOn, NETWORK_FOUNDED_ON);
  requireNotInFuture(designatedOn, today, 'designatedOn');
  requireFieldOpenOn(field, designatedOn);

  return [
    {
      type: 'CityDesignated',
      data: {
        cityId,
        name,
        country,
        field: field.field,
        designatedOn,
        ...(applicationId === undefined ? {} : { applicationId }),
      },
    },
  ];
}

function changeCityField(command: ChangeCityField, state: CityState): CityFieldChanged[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const to = requireKnownField(command.catalogue, command.field);
  const effectiveOn = requireDate(command.effectiveOn, 'effectiveOn');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  if (to.field === state.field) throw fieldUnchanged(cityId, to.field);

  requireNotInFuture(effectiveOn, today, 'effectiveOn');
  if (!isMemberOn(state, effectiveOn)) throw cityNotMemberOn(cityId, state, effectiveOn, 'change field');
  const currentSince = state.fields.at(-1)?.since ?? state.designatedOn;
  if (effectiveOn <= currentSince) {
    const what = state.fields.length > 1 ? 'last field change' : 'designation';
    throw fieldChangeOutOfOrder(cityId, effectiveOn, currentSince, what);
  }
  requireFieldOpenOn(to, effectiveOn);

  return [{ type: 'CityFieldChanged', data: { cityId, from: state.field, to: to.field, effectiveOn } }];
}

function submitReport(command: SubmitReport, state: CityState): ReportSubmitted[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const reportId = requireSlug(command.reportId, 'reportId');
  const kind = requireOneOf(command.kind, REPORT_KINDS, 'kind');
  const periodStart = requireDate(command.periodStart, 'periodStart');
  const periodEnd = requireDate(command.periodEnd, 'periodEnd');
  requireOrderedPeriod(periodStart, periodEnd, 'periodStart', 'periodEnd');
  const submittedOn = requireDate(command.submittedOn, 'submittedOn');
  const title = requireOptionalText(command.title, 'title');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  const existing = findReport(state, reportId);
  if (existing) throw reportAlreadySubmitted(cityId, existing);

  requireNotInFuture(submittedOn, today, 'submittedOn');
  if (!isMemberOn(state, submittedOn)) throw cityNotMemberOn(cityId, state, submittedOn, 'submit a report');

  return [
    {
      type: 'ReportSubmitted',
      data: { cityId, reportId, kind, periodStart, periodEnd, submittedOn, ...(title === undefined ? {} : { title }) },
    },
  ];
}

/**
 * A report may be sent back for revision any number of times and then accepted; once accepted it
 * is settled, and reviewing it again is a conflict rather than a silent overwrite of the verdict.
 */
function reviewReport(command: ReviewReport, state: CityState): ReportReviewed[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const reportId = requireSlug(command.reportId, 'reportId');
  const outcome = requireOneOf(command.outcome, REVIEW_OUTCOMES, 'outcome');
  const reviewedOn = requireDate(command.reviewedOn, 'reviewedOn');
  const comment = requireOptionalText(command.comment, 'comment');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  const report = findReport(state, reportId);
  if (!report) throw reportNotFound(cityId, reportId);
  if (report.status === 'accepted') throw reportAlreadyAccepted(cityId, report);

  requireNotInFuture(reviewedOn, today, 'reviewedOn');
  if (reviewedOn < report.submittedOn) throw reviewBeforeSubmission(report, reviewedOn);
  if (report.lastReviewedOn !== undefined && reviewedOn < report.lastReviewedOn) {
    throw reviewBeforePreviousReview(report, reviewedOn);
  }

  return [
    {
      type: 'ReportReviewed',
      data: { cityId, reportId, outcome, reviewedOn, ...(comment === undefined ? {} : { comment }) },
    },
  ];
}

function withdrawMembership(command: WithdrawMembership, state: CityState): MembershipWithdrawn[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const effectiveOn = requireDate(command.effectiveOn, 'effectiveOn');
  const reason = requireOneOf(command.reason, WITHDRAWAL_REASONS, 'reason');
  const note = requireOptionalText(command.note, 'note');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  if (state.status === 'withdrawn') throw membershipAlreadyWithdrawn(cityId, state);

  requireNotInFuture(effectiveOn, today, 'effectiveOn');
  if (effectiveOn < state.designatedOn) throw withdrawalBeforeDesignation(cityId, effectiveOn, state.designatedOn);
  // the withdrawal date is the first day out, so activity on that very day contradicts it too
  const activeOn = lastActivityOn(state);
  if (activeOn !== undefined && effectiveOn <= activeOn) throw withdrawalBeforeRecordedActivity(cityId, effectiveOn, activeOn);

  return [
    {
      type: 'MembershipWithdrawn',
      data: { cityId, effectiveOn, reason, ...(note === undefined ? {} : { note }) },
    },
  ];
}

export const cityDecider: Decider<CityCommand, CityEvent, CityState> = {
  decide: decideBy({
    DesignateCity: designateCity,
    ChangeCityField: changeCityField,
    SubmitReport: submitReport,
    ReviewReport: reviewReport,
    WithdrawMembership: withdrawMembership,
    CorrectCityRecord: correctCityRecord,
    CorrectReportRecord: correctReportRecord,
    RetractWithdrawal: retractWithdrawal,
    AssignFocalPoint: assignFocalPoint,
  }),
  evolve: evolveCity,
  initialState: initialCityState,
};

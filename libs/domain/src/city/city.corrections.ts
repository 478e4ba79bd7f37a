import { changedFacts, requireFactsNamed } from '../shared/correction.js';
import { definedOnly } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import {
  requireCountry,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireSlug,
  requireText,
  requireToday,
} from '../shared/validation.js';
import { requireFieldOpenOn, requireKnownField } from '../network/network.decide.js';
import { NETWORK_FOUNDED_ON } from '../network/network.state.js';
import type { CorrectCityRecord, CorrectReportRecord, RetractWithdrawal } from './city.commands.js';
import {
  cityNotFound,
  correctionChangesNothing,
  correctionContradicts,
  designationBeforeNetworkFounded,
  noWithdrawalToRetract,
  reportNotFound,
} from './city.errors.js';
import {
  REPORT_KINDS,
  type CityRecordCorrected,
  type DesignationFacts,
  type MembershipWithdrawalRetracted,
  type ReportFacts,
  type ReportRecordCorrected,
} from './city.events.js';
import { evolveCity, findReport, lastActivityOn, type CityReport, type CityState, type MemberCity, type WithdrawnCity } from './city.state.js';

/*
 * Corrections (DESIGN §6). Each names only the facts it changes; a correction that changes
 * nothing is a conflict. The record as corrected must still keep every invariant (§2.7): the
 * correction is folded into the state and the whole record checked again, so a date moved past a
 * report, a field change or a withdrawal is refused, naming the fact it would contradict.
 */

export function correctCityRecord(command: CorrectCityRecord, state: CityState): CityRecordCorrected[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const reason = requireText(command.reason, 'reason');
  const proposed: Partial<DesignationFacts> = definedOnly({
    name: command.name === undefined ? undefined : requireText(command.name, 'name'),
    country: command.country === undefined ? undefined : requireCountry(command.country, 'country'),
    field: command.field === undefined ? undefined : requireKnownField(command.catalogue, command.field).field,
    designatedOn: command.designatedOn === undefined ? undefined : requireDate(command.designatedOn, 'designatedOn'),
  });
  requireFactsNamed(proposed, 'name, country, field or designatedOn');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  const recorded: DesignationFacts = { name: state.name, country: state.country, field: state.fields[0]!.field, designatedOn: state.designatedOn };
  const { before, after } = changedFacts(recorded, proposed, () => correctionChangesNothing(`the designation of ${cityId}`));

  if (after.designatedOn !== undefined) {
    if (after.designatedOn < NETWORK_FOUNDED_ON) throw designationBeforeNetworkFounded(after.designatedOn, NETWORK_FOUNDED_ON);
    requireNotInFuture(after.designatedOn, today, 'designatedOn');
  }
  const event: CityRecordCorrected = { type: 'CityRecordCorrected', data: { cityId, reason, before, after } };
  const corrected = evolveCity(state, event) as MemberCity | WithdrawnCity;
  if (after.field !== undefined || after.designatedOn !== undefined) {
    requireFieldOpenOn(requireKnownField(command.catalogue, corrected.fields[0]!.field), corrected.designatedOn);
  }
  const contradiction = contradictionIn(corrected);
  if (contradiction) throw contradiction;
  return [event];
}

export function correctReportRecord(command: CorrectReportRecord, state: CityState): ReportRecordCorrected[] {
  const today = requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const reportId = requireSlug(command.reportId, 'reportId');
  const reason = requireText(command.reason, 'reason');
  const proposed: Partial<ReportFacts> = definedOnly({
    kind: command.kind === undefined ? undefined : requireOneOf(command.kind, REPORT_KINDS, 'kind'),
    periodStart: command.periodStart === undefined ? undefined : requireDate(command.periodStart, 'periodStart'),
    periodEnd: command.periodEnd === undefined ? undefined : requireDate(command.periodEnd, 'periodEnd'),
    submittedOn: command.submittedOn === undefined ? undefined : requireDate(command.submittedOn, 'submittedOn'),
    title: command.title === undefined ? undefined : requireText(command.title, 'title'),
  });
  requireFactsNamed(proposed, 'kind, periodStart, periodEnd, submittedOn or title');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  const report = findReport(state, reportId);
  if (!report) throw reportNotFound(cityId, reportId);
  const { before, after } = changedFacts(reportFactsOf(report), proposed, () => correctionChangesNothing(`report ${reportId} of ${cityId}`));

  if (after.submittedOn !== undefined) requireNotInFuture(after.submittedOn, today, 'submittedOn');
  const event: ReportRecordCorrected = { type: 'ReportRecordCorrected', data: { cityId, reportId, reason, before, after } };
  const contradiction = contradictionIn(evolveCity(state, event) as MemberCity | WithdrawnCity);
  if (contradiction) throw contradiction;
  return [event];
}

export function retractWithdrawal(command: RetractWithdrawal, state: CityState): MembershipWithdrawalRetracted[] {
  requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const reason = requireText(command.reason, 'reason');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  if (state.status !== 'withdrawn') throw noWithdrawalToRetract(cityId);
  return [
    {
      type: 'MembershipWithdrawalRetracted',
      data: { cityId, reason, retracted: { effectiveOn: state.withdrawnOn, reason: state.withdrawalReason } },
    },
  ];
}

/**
 * The first fact of a city's record that contradicts another, or null. The checks the commands
 * make one at a time, made over the whole record: what a correction may break.
 */
export function contradictionIn(city: MemberCity | WithdrawnCity): DomainError | null {
  const { cityId, designatedOn } = city;
  if (designatedOn < NETWORK_FOUNDED_ON) return designationBeforeNetworkFounded(designatedOn, NETWORK_FOUNDED_ON);
  for (let i = 1; i < city.fields.length; i++) {
    const previous = city.fields[i - 1]!;
    const change = city.fields[i]!;
    if (change.since <= previous.since) {
      return correctionContradicts(cityId, `the field change to ${change.field} on ${change.since}`, `it would no longer come after ${i === 1 ? 'the designation' : 'the field change before it'} on ${previous.since}`);
    }
    if (change.field === previous.field) {
      return correctionContradicts(cityId, `the field change to ${change.field} on ${change.since}`, `the city would already hold ${change.field}`);
    }
  }
  for (const report of city.reports) {
    const what = `report ${report.reportId} submitted on ${report.submittedOn}`;
    if (report.submittedOn < designatedOn) return correctionContradicts(cityId, what, `it would come before the designation on ${designatedOn}`);
    if (city.status === 'withdrawn' && report.submittedOn >= city.withdrawnOn) {
      return correctionContradicts(cityId, what, `the city left the network on ${city.withdrawnOn}`);
    }
    if (report.periodEnd < report.periodStart) return correctionContradicts(cityId, what, `its period would end on ${report.periodEnd}, before it starts on ${report.periodStart}`);
    if (report.firstReviewedOn !== undefined && report.firstReviewedOn < report.submittedOn) {
      return correctionContradicts(cityId, what, `it was reviewed on ${report.firstReviewedOn}`);
    }
  }
  if (city.status === 'withdrawn') {
    const activeOn = lastActivityOn(city);
    if (city.withdrawnOn < designatedOn) {
      return correctionContradicts(cityId, `the withdrawal on ${city.withdrawnOn}`, `it would come before the designation on ${designatedOn}`);
    }
    if (activeOn !== undefined && city.withdrawnOn <= activeOn) {
      return correctionContradicts(cityId, `the withdrawal on ${city.withdrawnOn}`, `the city would be active as a member on ${activeOn}`);
    }
  }
  return null;
}

const reportFactsOf = ({ kind, periodStart, periodEnd, submittedOn, title }: CityReport): Partial<ReportFacts> =>
  definedOnly({ kind, periodStart, periodEnd, submittedOn, title });

/** The proposed facts that differ from the recorded ones, with the recorded values beside them. */


import type { CalendarDate } from '../shared/calendar.js';
import type { FieldCatalogue } from '../network/network.state.js';
import type { CommandOf } from '../shared/decider.js';
import type {
  CityDesignated,
  FocalPointAssigned,
  MembershipWithdrawn,
  ReportKind,
  ReportReviewed,
  ReportSubmitted,
} from './city.events.js';

/*
 * Commands are plain data. Each carries `today` (the server's date: no domain date may pass it)
 * and, where the decision needs another stream's facts, those facts as data loaded by the
 * application layer — here the network's field catalogue.
 */

export type DesignateCity = CommandOf<'DesignateCity', CityDesignated['data'], { readonly catalogue: FieldCatalogue }>;

/** Lyon: media arts 2008 → literature 2023. */
export interface ChangeCityField {
  readonly type: 'ChangeCityField';
  readonly cityId: string;
  readonly field: string;
  readonly effectiveOn: CalendarDate;
  readonly catalogue: FieldCatalogue;
  readonly today: CalendarDate;
}

export type SubmitReport = CommandOf<'SubmitReport', ReportSubmitted['data']>;

export type ReviewReport = CommandOf<'ReviewReport', ReportReviewed['data']>;

export type WithdrawMembership = CommandOf<'WithdrawMembership', MembershipWithdrawn['data']>;

/** DESIGN §6: name at least one fact; the others stay as recorded. */
export interface CorrectCityRecord {
  readonly type: 'CorrectCityRecord';
  readonly cityId: string;
  readonly reason: string;
  readonly name?: string;
  readonly country?: string;
  readonly field?: string;
  readonly designatedOn?: CalendarDate;
  readonly catalogue: FieldCatalogue;
  readonly today: CalendarDate;
}

export interface CorrectReportRecord {
  readonly type: 'CorrectReportRecord';
  readonly cityId: string;
  readonly reportId: string;
  readonly reason: string;
  readonly kind?: ReportKind;
  readonly periodStart?: CalendarDate;
  readonly periodEnd?: CalendarDate;
  readonly submittedOn?: CalendarDate;
  readonly title?: string;
  readonly today: CalendarDate;
}

export interface RetractWithdrawal {
  readonly type: 'RetractWithdrawal';
  readonly cityId: string;
  readonly reason: string;
  readonly today: CalendarDate;
}

/** The focal point arrives sealed: the application seals a person's details before the domain sees them. */
export type AssignFocalPoint = CommandOf<'AssignFocalPoint', FocalPointAssigned['data']>;

export type CityCommand =
  | DesignateCity
  | ChangeCityField
  | SubmitReport
  | ReviewReport
  | WithdrawMembership
  | CorrectCityRecord
  | CorrectReportRecord
  | RetractWithdrawal
  | AssignFocalPoint;

import type { CalendarDate } from '../shared/calendar.js';
import type { FieldCatalogue } from '../network/network.state.js';
import type { ReportKind, ReviewOutcome, WithdrawalReason } from './city.events.js';

/*
 * Commands are plain data. Each carries `today` (the server's date: no domain date may pass it)
 * and, where the decision needs another stream's facts, those facts as data loaded by the
 * application layer — here the network's field catalogue.
 */

export interface DesignateCity {
  readonly type: 'DesignateCity';
  readonly cityId: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 */
  readonly country: string;
  readonly field: string;
  readonly designatedOn: CalendarDate;
  /** set by the process manager when the designation comes from an application's decision */
  readonly applicationId?: string;
  readonly catalogue: FieldCatalogue;
  readonly today: CalendarDate;
}

/** Lyon: media arts 2008 → literature 2023. */
export interface ChangeCityField {
  readonly type: 'ChangeCityField';
  readonly cityId: string;
  readonly field: string;
  readonly effectiveOn: CalendarDate;
  readonly catalogue: FieldCatalogue;
  readonly today: CalendarDate;
}

export interface SubmitReport {
  readonly type: 'SubmitReport';
  readonly cityId: string;
  readonly reportId: string;
  readonly kind: ReportKind;
  readonly periodStart: CalendarDate;
  readonly periodEnd: CalendarDate;
  readonly submittedOn: CalendarDate;
  readonly title?: string;
  readonly today: CalendarDate;
}

export interface ReviewReport {
  readonly type: 'ReviewReport';
  readonly cityId: string;
  readonly reportId: string;
  readonly outcome: ReviewOutcome;
  readonly reviewedOn: CalendarDate;
  readonly comment?: string;
  readonly today: CalendarDate;
}

export interface WithdrawMembership {
  readonly type: 'WithdrawMembership';
  readonly cityId: string;
  readonly effectiveOn: CalendarDate;
  readonly reason: WithdrawalReason;
  readonly note?: string;
  readonly today: CalendarDate;
}

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

export type CityCommand =
  | DesignateCity
  | ChangeCityField
  | SubmitReport
  | ReviewReport
  | WithdrawMembership
  | CorrectCityRecord
  | CorrectReportRecord
  | RetractWithdrawal;

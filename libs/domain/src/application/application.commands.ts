import type { CalendarDate } from '../shared/calendar.js';
import type { FieldCatalogue } from '../network/network.state.js';
import type { ApplicationDecision } from './application.events.js';

export interface SubmitApplication {
  readonly type: 'SubmitApplication';
  readonly applicationId: string;
  readonly cityId: string;
  readonly cityName: string;
  /** ISO 3166-1 alpha-2 */
  readonly country: string;
  readonly field: string;
  readonly callYear: number;
  readonly submittedOn: CalendarDate;
  readonly catalogue: FieldCatalogue;
  readonly today: CalendarDate;
}

/** The national commission for UNESCO finds the city a suitable candidate (seed 003). */
export interface EndorseApplication {
  readonly type: 'EndorseApplication';
  readonly applicationId: string;
  readonly endorsedOn: CalendarDate;
  /** the national commission, e.g. "Svenska Unescorådet" */
  readonly by: string;
  readonly today: CalendarDate;
}

export interface DecideApplication {
  readonly type: 'DecideApplication';
  readonly applicationId: string;
  readonly decision: ApplicationDecision;
  readonly decidedOn: CalendarDate;
  readonly today: CalendarDate;
}

export type ApplicationCommand = SubmitApplication | EndorseApplication | DecideApplication;

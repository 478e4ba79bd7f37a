import type { CalendarDate } from '../shared/calendar.js';
import type { FieldCatalogue } from '../network/network.state.js';
import type { CityStates } from '../city/member-cities.js';
import type { CommandOf } from '../shared/decider.js';
import type { ApplicationDecision, ApplicationSubmitted, EndorsementOutcome } from './application.events.js';

export type SubmitApplication = CommandOf<
  'SubmitApplication',
  ApplicationSubmitted['data'],
  {
    readonly catalogue: FieldCatalogue;
    /** the applying city's state: a city already on record does not apply again */
    readonly cities: CityStates;
  }
>;

/** The national commission for UNESCO assesses whether the city is a suitable candidate (seed 003). */
export interface EndorseApplication {
  readonly type: 'EndorseApplication';
  readonly applicationId: string;
  readonly endorsedOn: CalendarDate;
  /** the national commission, e.g. "Svenska Unescorådet" */
  readonly by: string;
  /** `endorsed` when left out */
  readonly outcome?: EndorsementOutcome;
  readonly today: CalendarDate;
}

export interface DecideApplication {
  readonly type: 'DecideApplication';
  readonly applicationId: string;
  readonly decision: ApplicationDecision;
  readonly decidedOn: CalendarDate;
  /** the applying city's state: a `designated` decision for a city already on record is refused */
  readonly cities: CityStates;
  readonly today: CalendarDate;
}

export type ApplicationCommand = SubmitApplication | EndorseApplication | DecideApplication;

import type { CalendarDate } from '../shared/calendar.js';
import { assertNever } from '../shared/decider.js';
import type { ApplicationDecision, ApplicationEvent, ApplicationSubmitted, EndorsementOutcome } from './application.events.js';

export type ApplicationFile = ApplicationSubmitted['data'];

export interface Endorsement {
  readonly endorsedOn: CalendarDate;
  readonly by: string;
  readonly outcome: EndorsementOutcome;
}

export interface UnknownApplication {
  readonly status: 'unknown';
}
export interface SubmittedApplication {
  readonly status: 'submitted';
  readonly application: ApplicationFile;
}
export interface EndorsedApplication {
  readonly status: 'endorsed';
  readonly application: ApplicationFile;
  readonly endorsement: Endorsement;
}
/** Not a suitable candidate: the application ended at the national commission (seed 003). */
export interface NotEndorsedApplication {
  readonly status: 'not-endorsed';
  readonly application: ApplicationFile;
  readonly endorsement: Endorsement;
}
export interface DecidedApplication {
  readonly status: 'decided';
  readonly application: ApplicationFile;
  readonly endorsement?: Endorsement;
  readonly decision: ApplicationDecision;
  readonly decidedOn: CalendarDate;
}

export type ApplicationState = UnknownApplication | SubmittedApplication | EndorsedApplication | NotEndorsedApplication | DecidedApplication;

export const initialApplicationState: ApplicationState = { status: 'unknown' };

export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return state.status === 'unknown' ? { status: 'submitted', application: event.data } : state;
    case 'ApplicationEndorsed': {
      if (state.status !== 'submitted') return state;
      const { endorsedOn, by, outcome } = event.data;
      return { status: outcome, application: state.application, endorsement: { endorsedOn, by, outcome } };
    }
    case 'ApplicationDecided': {
      if (state.status !== 'submitted' && state.status !== 'endorsed') return state;
      const { decision, decidedOn } = event.data;
      return {
        status: 'decided',
        application: state.application,
        ...(state.status === 'endorsed' ? { endorsement: state.endorsement } : {}),
        decision,
        decidedOn,
      };
    }
    default:
      return assertNever(event);
  }
}

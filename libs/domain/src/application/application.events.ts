import type { CalendarDate } from '../shared/calendar.js';
import type { DomainEvent } from '../shared/decider.js';

export type ApplicationDecision = 'designated' | 'not-designated';
export const APPLICATION_DECISIONS: readonly ApplicationDecision[] = ['designated', 'not-designated'];

export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  {
    readonly applicationId: string;
    readonly cityId: string;
    readonly cityName: string;
    readonly country: string;
    readonly field: string;
    readonly callYear: number;
    readonly submittedOn: CalendarDate;
  }
>;

/** Seed 003: the national commission assesses whether the city is a suitable candidate. */
export type EndorsementOutcome = 'endorsed' | 'not-endorsed';
export const ENDORSEMENT_OUTCOMES: readonly EndorsementOutcome[] = ['endorsed', 'not-endorsed'];

/**
 * The national commission's assessment. `not-endorsed`: not a suitable candidate, and the
 * application ends there. (Schema 2 added `outcome`; every endorsement before it was `endorsed`.)
 */
export type ApplicationEndorsed = DomainEvent<
  'ApplicationEndorsed',
  { readonly applicationId: string; readonly endorsedOn: CalendarDate; readonly by: string; readonly outcome: EndorsementOutcome }
>;

/**
 * UNESCO's decision. It carries what the city's designation needs, so the process manager that
 * turns a `designated` decision into `CityDesignated` reads one event, not the whole stream.
 */
export type ApplicationDecided = DomainEvent<
  'ApplicationDecided',
  {
    readonly applicationId: string;
    readonly decision: ApplicationDecision;
    readonly decidedOn: CalendarDate;
    readonly cityId: string;
    readonly cityName: string;
    readonly country: string;
    readonly field: string;
  }
>;

export type ApplicationEvent = ApplicationSubmitted | ApplicationEndorsed | ApplicationDecided;

export const applicationStreamId = (applicationId: string) => `application-${applicationId}`;

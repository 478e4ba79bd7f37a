import { yearOf } from '../shared/calendar.js';
import { decideBy, type Decider } from '../shared/decider.js';
import {
  requireCountry,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requirePositiveInteger,
  requireSlug,
  requireText,
  requireToday,
} from '../shared/validation.js';
import type { DesignateCity } from '../city/city.commands.js';
import type { CityStates } from '../city/member-cities.js';
import { requireFieldOpenOn, requireKnownField } from '../network/network.decide.js';
import { NETWORK_FOUNDED_ON } from '../network/network.state.js';
import type { ApplicationCommand, DecideApplication, EndorseApplication, SubmitApplication } from './application.commands.js';
import {
  applicationAlreadyDecided,
  applicationAlreadyEndorsed,
  applicationAlreadySubmitted,
  applicationDateOutOfOrder,
  applicationEnded,
  applicationNotFound,
  callBeforeNetworkFounded,
  callYearOutOfRange,
  cityAlreadyOnRecord,
  endorsementRequired,
} from './application.errors.js';
import {
  APPLICATION_DECISIONS,
  ENDORSEMENT_OUTCOMES,
  type ApplicationDecided,
  type ApplicationEndorsed,
  type ApplicationEvent,
  type ApplicationSubmitted,
} from './application.events.js';
import { evolveApplication, initialApplicationState, type ApplicationState } from './application.state.js';

/* Checks in the order shape (400) → state (404/409) → dated rules (422), as in every decider. */

function submitApplication(command: SubmitApplication, state: ApplicationState): ApplicationSubmitted[] {
  const today = requireToday(command.today);
  const applicationId = requireSlug(command.applicationId, 'applicationId');
  const cityId = requireSlug(command.cityId, 'cityId');
  const cityName = requireText(command.cityName, 'cityName');
  const country = requireCountry(command.country, 'country');
  const field = requireKnownField(command.catalogue, command.field);
  const callYear = requirePositiveInteger(command.callYear, 'callYear');
  const submittedOn = requireDate(command.submittedOn, 'submittedOn');

  if (state.status !== 'unknown') throw applicationAlreadySubmitted(state.application);
  requireNotOnRecord(command.cities, cityId);

  if (callYear < yearOf(NETWORK_FOUNDED_ON)) throw callBeforeNetworkFounded(callYear);
  requireNotInFuture(submittedOn, today, 'submittedOn');
  // a call is answered in its year, or the year before it is decided (the 2017 call opened in 2016)
  if (callYear !== yearOf(submittedOn) && callYear !== yearOf(submittedOn) + 1) throw callYearOutOfRange(callYear, submittedOn);
  requireFieldOpenOn(field, submittedOn);

  return [
    {
      type: 'ApplicationSubmitted',
      data: { applicationId, cityId, cityName, country, field: field.field, callYear, submittedOn },
    },
  ];
}

function endorseApplication(command: EndorseApplication, state: ApplicationState): ApplicationEndorsed[] {
  const today = requireToday(command.today);
  const applicationId = requireSlug(command.applicationId, 'applicationId');
  const endorsedOn = requireDate(command.endorsedOn, 'endorsedOn');
  const by = requireText(command.by, 'by');
  const outcome = command.outcome === undefined ? 'endorsed' : requireOneOf(command.outcome, ENDORSEMENT_OUTCOMES, 'outcome');

  if (state.status === 'unknown') throw applicationNotFound(applicationId);
  if (state.status === 'decided') throw applicationAlreadyDecided(applicationId, state);
  if (state.status === 'endorsed' || state.status === 'not-endorsed') throw applicationAlreadyEndorsed(applicationId, state.endorsement);

  requireNotInFuture(endorsedOn, today, 'endorsedOn');
  const { submittedOn } = state.application;
  if (endorsedOn < submittedOn) throw applicationDateOutOfOrder('endorsement', endorsedOn, 'submission', submittedOn);

  return [{ type: 'ApplicationEndorsed', data: { applicationId, endorsedOn, by, outcome } }];
}

function decideApplication(command: DecideApplication, state: ApplicationState): ApplicationDecided[] {
  const today = requireToday(command.today);
  const applicationId = requireSlug(command.applicationId, 'applicationId');
  const decision = requireOneOf(command.decision, APPLICATION_DECISIONS, 'decision');
  const decidedOn = requireDate(command.decidedOn, 'decidedOn');

  if (state.status === 'unknown') throw applicationNotFound(applicationId);
  if (state.status === 'decided') throw applicationAlreadyDecided(applicationId, state);
  if (state.status === 'not-endorsed') throw applicationEnded(applicationId, state);
  if (decision === 'designated') requireNotOnRecord(command.cities, state.application.cityId);

  // the national commission endorses before the application goes to UNESCO (seed 003)
  if (decision === 'designated' && state.status !== 'endorsed') throw endorsementRequired(applicationId);
  requireNotInFuture(decidedOn, today, 'decidedOn');
  const { application } = state;
  if (decidedOn < application.submittedOn) {
    throw applicationDateOutOfOrder('decision', decidedOn, 'submission', application.submittedOn);
  }
  if (state.status === 'endorsed' && decidedOn < state.endorsement.endorsedOn) {
    throw applicationDateOutOfOrder('decision', decidedOn, 'endorsement', state.endorsement.endorsedOn);
  }

  const { cityId, cityName, country, field } = application;
  return [{ type: 'ApplicationDecided', data: { applicationId, decision, decidedOn, cityId, cityName, country, field } }];
}

/** A city already on record (by any application, or directly) is not designated again. */
function requireNotOnRecord(cities: CityStates, cityId: string): void {
  const city = Object.hasOwn(cities, cityId) ? cities[cityId] : undefined;
  if (city !== undefined && city.status !== 'unknown') throw cityAlreadyOnRecord(cityId, city.designatedOn, city.field);
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  decide: decideBy({
    SubmitApplication: submitApplication,
    EndorseApplication: endorseApplication,
    DecideApplication: decideApplication,
  }),
  evolve: evolveApplication,
  initialState: initialApplicationState,
};

/** What the designation process adds before sending: the catalogue it loaded and the server's date. */
export type DesignationFromDecision = Omit<DesignateCity, 'catalogue' | 'today'>;

/**
 * The city designation a `designated` decision calls for (DESIGN §2.6), or null for
 * `not-designated`. The designation is dated on the decision and names the application, which
 * makes a retried designation a no-op in the city decider rather than a conflict.
 */
export function designationFromDecision(event: ApplicationDecided): DesignationFromDecision | null {
  const { applicationId, decision, decidedOn, cityId, cityName, country, field } = event.data;
  if (decision !== 'designated') return null;
  return { type: 'DesignateCity', cityId, name: cityName, country, field, designatedOn: decidedOn, applicationId };
}

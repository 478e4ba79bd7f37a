import { decideBy, type Decider } from '../shared/decider.js';
import { invalid } from '../shared/domain-error.js';
import { requireMembersOn } from '../city/member-cities.js';
import {
  requireCountry,
  requireDate,
  requireNotInFuture,
  requireOptionalDate,
  requireOptionalText,
  requireOrderedPeriod,
  requireSlug,
  requireText,
  requireToday,
} from '../shared/validation.js';
import { requireRecordedContact, type RecordedContact } from '../shared/personal-data.js';
import type { AddPartner, AddPartnershipContact, ConcludePartnership, LaunchPartnership, PartnershipCommand } from './partnership.commands.js';
import {
  contactAlreadyRecorded,
  joinedOutsidePartnershipDates,
  partnerAlreadyInPartnership,
  partnershipAlreadyConcluded,
  partnershipAlreadyLaunched,
  partnershipDateOutOfOrder,
  partnershipNotFound,
} from './partnership.errors.js';
import type {
  Partner,
  PartnerJoined,
  PartnershipConcluded,
  PartnershipContactAdded,
  PartnershipEvent,
  PartnershipLaunched,
} from './partnership.events.js';
import {
  evolvePartnership,
  findContact,
  findPartner,
  initialPartnershipState,
  partnerKey,
  sameRole,
  type PartnershipState,
} from './partnership.state.js';

/* Checks in the order shape (400) → state (404/409) → dated rules (422), as in every decider. */

function launchPartnership(command: LaunchPartnership, state: PartnershipState): PartnershipLaunched[] {
  const today = requireToday(command.today);
  const partnershipId = requireSlug(command.partnershipId, 'partnershipId');
  const name = requireText(command.name, 'name');
  const programme = requireOptionalText(command.programme, 'programme');
  const leadPartner = requirePartner(command.leadPartner, 'leadPartner');
  if (!Array.isArray(command.partners)) throw invalid('InvalidList', 'partners must be a list', 'partners');
  const partners = command.partners.map((partner) => requirePartner(partner, 'partners'));
  requireDistinctPartners([leadPartner, ...partners]);
  const creativeIndustries = requireTextList(command.creativeIndustries ?? [], 'creativeIndustries');
  const startsOn = requireDate(command.startsOn, 'startsOn');
  const endsOn = requireOptionalDate(command.endsOn, 'endsOn');
  if (endsOn !== undefined) requireOrderedPeriod(startsOn, endsOn, 'startsOn', 'endsOn');
  const contacts = requireContacts(command.contacts);

  if (state.status !== 'unknown') throw partnershipAlreadyLaunched(state.charter);

  // the planned end may lie ahead ("the project runs until December 2012"); the launch may not
  requireNotInFuture(startsOn, today, 'startsOn');
  requireMembersOn(command.cities, partnerCityIds([leadPartner, ...partners]), startsOn, 'be a partner');

  return [
    {
      type: 'PartnershipLaunched',
      data: {
        partnershipId,
        name,
        ...(programme === undefined ? {} : { programme }),
        leadPartner,
        partners,
        creativeIndustries,
        startsOn,
        ...(endsOn === undefined ? {} : { endsOn }),
        // absent rather than empty: launches recorded before contacts existed hash as they did
        ...(contacts.length === 0 ? {} : { contacts }),
      },
    },
  ];
}

function addPartner(command: AddPartner, state: PartnershipState): PartnerJoined[] {
  const today = requireToday(command.today);
  const partnershipId = requireSlug(command.partnershipId, 'partnershipId');
  const partner = requirePartner({ name: command.name, country: command.country, cityId: command.cityId }, '');
  const joinedOn = requireDate(command.joinedOn, 'joinedOn');

  if (state.status === 'unknown') throw partnershipNotFound(partnershipId);
  if (state.status === 'concluded') throw partnershipAlreadyConcluded(partnershipId, state);
  const already = findPartner(state, partner);
  if (already) throw partnerAlreadyInPartnership(partnershipId, already);

  requireNotInFuture(joinedOn, today, 'joinedOn');
  const { charter } = state;
  if (joinedOn < charter.startsOn || (charter.endsOn !== undefined && joinedOn > charter.endsOn)) {
    throw joinedOutsidePartnershipDates(partnershipId, joinedOn, charter);
  }
  requireMembersOn(command.cities, partnerCityIds([partner]), joinedOn, 'join a partnership');

  return [{ type: 'PartnerJoined', data: { partnershipId, partner, joinedOn } }];
}

function concludePartnership(command: ConcludePartnership, state: PartnershipState): PartnershipConcluded[] {
  const today = requireToday(command.today);
  const partnershipId = requireSlug(command.partnershipId, 'partnershipId');
  const concludedOn = requireDate(command.concludedOn, 'concludedOn');
  const outcome = requireOptionalText(command.outcome, 'outcome');

  if (state.status === 'unknown') throw partnershipNotFound(partnershipId);
  if (state.status === 'concluded') throw partnershipAlreadyConcluded(partnershipId, state);

  requireNotInFuture(concludedOn, today, 'concludedOn');
  const { charter, members } = state;
  if (concludedOn < charter.startsOn) throw partnershipDateOutOfOrder('conclusion', concludedOn, 'launch', charter.startsOn);
  const lastJoined = members.reduce((latest, member) => (member.joinedOn > latest ? member.joinedOn : latest), charter.startsOn);
  if (concludedOn < lastJoined) throw partnershipDateOutOfOrder('conclusion', concludedOn, 'last partner joining', lastJoined);

  return [
    {
      type: 'PartnershipConcluded',
      data: { partnershipId, concludedOn, ...(outcome === undefined ? {} : { outcome }) },
    },
  ];
}

/**
 * A contact is a record of who to write to, not an act of the partnership: it may be added after
 * the conclusion too (the record of a finished project names its people).
 */
function addPartnershipContact(command: AddPartnershipContact, state: PartnershipState): PartnershipContactAdded[] {
  requireToday(command.today);
  const partnershipId = requireSlug(command.partnershipId, 'partnershipId');
  const contact = requireRecordedContact(command.contact, 'contact');

  if (state.status === 'unknown') throw partnershipNotFound(partnershipId);
  if (findContact(state, contact)) throw contactAlreadyRecorded(partnershipId, contact.role);

  return [{ type: 'PartnershipContactAdded', data: { partnershipId, contact } }];
}

function requireContacts(value: unknown): readonly RecordedContact[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('InvalidList', 'contacts must be a list', 'contacts');
  const contacts = value.map((contact) => requireRecordedContact(contact, 'contacts'));
  contacts.forEach((contact, index) => {
    if (contacts.findIndex((other) => other.subjectId === contact.subjectId && sameRole(other.role, contact.role)) !== index) {
      throw invalid('DuplicateValue', `a person is named more than once as ${contact.role}`, 'contacts');
    }
  });
  return contacts;
}

/** `at` prefixes the request field at fault: `leadPartner.country`, `partners.name`, or bare `country`. */
function requirePartner(value: unknown, at: string): Partner {
  const path = (field: string) => (at === '' ? field : `${at}.${field}`);
  if (typeof value !== 'object' || value === null) throw invalid('InvalidPartner', `${at} must be a partner {name, country, cityId?}`, at);
  const candidate = value as Record<string, unknown>;
  const name = requireText(candidate['name'], path('name'));
  const country = requireCountry(candidate['country'], path('country'));
  const cityId = candidate['cityId'] === undefined ? undefined : requireSlug(candidate['cityId'], path('cityId'));
  return { name, country, ...(cityId === undefined ? {} : { cityId }) };
}

/** A partner that names a city must name a member city on the day it takes part (not `atlantis`). */
export const partnerCityIds = (partners: readonly unknown[]): string[] =>
  partners.flatMap((partner) => {
    const cityId = typeof partner === 'object' && partner !== null ? (partner as Partial<Partner>).cityId : undefined;
    return typeof cityId === 'string' ? [cityId] : [];
  });

function requireDistinctPartners(partners: readonly Partner[]): void {
  const seen = new Set<string>();
  for (const partner of partners) {
    const key = partnerKey(partner);
    if (seen.has(key)) throw invalid('DuplicateValue', `${partner.name} (${partner.country}) is named more than once`, 'partners');
    seen.add(key);
  }
}

function requireTextList(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) throw invalid('InvalidList', `${field} must be a list`, field);
  return value.map((item) => requireText(item, field));
}

export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  decide: decideBy({
    LaunchPartnership: launchPartnership,
    AddPartner: addPartner,
    ConcludePartnership: concludePartnership,
    AddPartnershipContact: addPartnershipContact,
  }),
  evolve: evolvePartnership,
  initialState: initialPartnershipState,
};

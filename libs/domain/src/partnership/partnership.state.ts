import type { CalendarDate } from '../shared/calendar.js';
import { assertNever } from '../shared/decider.js';
import type { RecordedContact } from '../shared/personal-data.js';
import type { Partner, PartnershipEvent, PartnershipLaunched } from './partnership.events.js';

export type PartnershipCharter = PartnershipLaunched['data'];

export interface PartnerMembership {
  readonly partner: Partner;
  /** the launch date for the founding partners */
  readonly joinedOn: CalendarDate;
}

export interface ContactOnRecord {
  readonly subjectId: string;
  readonly role: string;
  /** the key their details are sealed under: a person erased and named again has a new one */
  readonly keyId: string;
}

export interface UnknownPartnership {
  readonly status: 'unknown';
}
export interface ActivePartnership {
  readonly status: 'active';
  readonly charter: PartnershipCharter;
  /** the lead partner first, then the partners in the order they joined */
  readonly members: readonly PartnerMembership[];
  /** who is a contact in which role (their details stay sealed in the events) */
  readonly contacts: readonly ContactOnRecord[];
}
export interface ConcludedPartnership {
  readonly status: 'concluded';
  readonly charter: PartnershipCharter;
  readonly members: readonly PartnerMembership[];
  readonly contacts: readonly ContactOnRecord[];
  readonly concludedOn: CalendarDate;
  readonly outcome?: string;
}

export type PartnershipState = UnknownPartnership | ActivePartnership | ConcludedPartnership;

export const initialPartnershipState: PartnershipState = { status: 'unknown' };

export function evolvePartnership(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  switch (event.type) {
    case 'PartnershipLaunched': {
      if (state.status !== 'unknown') return state;
      const charter = event.data;
      const members = [charter.leadPartner, ...charter.partners].map((partner) => ({ partner, joinedOn: charter.startsOn }));
      const contacts = (charter.contacts ?? []).map(contactOnRecord);
      return { status: 'active', charter, members, contacts };
    }
    case 'PartnerJoined': {
      if (state.status !== 'active') return state;
      const { partner, joinedOn } = event.data;
      return { ...state, members: [...state.members, { partner, joinedOn }] };
    }
    case 'PartnershipConcluded': {
      if (state.status !== 'active') return state;
      const { concludedOn, outcome } = event.data;
      return { ...state, status: 'concluded', concludedOn, ...(outcome === undefined ? {} : { outcome }) };
    }
    case 'PartnershipContactAdded': {
      if (state.status === 'unknown') return state;
      return { ...state, contacts: [...state.contacts, contactOnRecord(event.data.contact)] };
    }
    default:
      return assertNever(event);
  }
}

/**
 * Partners are organisations named in prose ("City Hall of Gdansk"), so the same one can come back
 * with other spacing or capitals; it is the same partner if name and country match once normalised.
 */
export const partnerKey = (partner: Pick<Partner, 'name' | 'country'>): string =>
  `${partner.country}:${partner.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')}`;

export const findPartner = (state: ActivePartnership | ConcludedPartnership, partner: Pick<Partner, 'name' | 'country'>) =>
  state.members.find((member) => partnerKey(member.partner) === partnerKey(partner));

const contactOnRecord = ({ subjectId, role, sealed }: RecordedContact): ContactOnRecord => ({ subjectId, role, keyId: sealed.keyId });

/**
 * The same person in the same role is one contact; the same person may hold two roles. A person
 * erased since is named again under a new key: that is a new contact, not the erased one.
 */
export const findContact = (state: ActivePartnership | ConcludedPartnership, contact: RecordedContact) =>
  state.contacts.find((known) => known.subjectId === contact.subjectId && sameRole(known.role, contact.role) && known.keyId === contact.sealed.keyId);

export const sameRole = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

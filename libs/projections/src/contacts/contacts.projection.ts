import type { Document, FindOptions } from '@uccn/read-store';
import { assertNever, type RecordedContact, type SealedEnvelope } from '@uccn/domain';
import { readModel, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf, recordedAtOf } from '../shared/registry-event.js';

export const CONTACTS = 'contacts';
/** Per subject, the keys whose destruction is on record. */
export const ERASURES = 'erasures';

/**
 * A person named in the record, for the auditors' `GET /api/audit/contacts`: who (the opaque
 * subject id), in what role, for which city or partnership, and their details still sealed. The
 * read model never holds a name or an address in the clear: the query opens each envelope with
 * the subject's key when it answers, and once the key is destroyed the envelope opens no more,
 * here and in every rebuild (DESIGN §7).
 */
export interface ContactDoc extends Document {
  readonly subjectId: string;
  readonly role: string;
  readonly cityId: string | null;
  readonly partnershipId: string | null;
  readonly sealed: SealedEnvelope;
  /** when the registry recorded this person in this role */
  readonly recordedAt: string;
}

/**
 * A subject's erasures as the log records them. The query reads an envelope under one of these
 * keys as erased even while the key itself still exists: should the process stop between
 * recording an erasure and destroying the key, no answer shows the person meanwhile.
 */
export interface ErasureDoc extends Document {
  readonly keyIds: readonly string[];
}

const HANDLES = ['FocalPointAssigned', 'PartnershipLaunched', 'PartnershipContactAdded', 'DataSubjectErased'] as const;

export const contactsProjection: ProjectionDefinition = {
  name: 'contacts',
  version: 1,
  collections: { [CONTACTS]: { indexes: [['cityId', 'recordedAt'], ['partnershipId', 'recordedAt'], ['recordedAt']] }, [ERASURES]: { indexes: [] } },
  handles: HANDLES,
  // a contact is a whole document named by its event; an erasure adds to the subject's list
  touches: (event) =>
    event.type === 'DataSubjectErased' && typeof event.data['subjectId'] === 'string' ? [{ collection: ERASURES, id: event.data['subjectId'] }] : [],
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    const recordedAt = recordedAtOf(recorded);
    switch (event.type) {
      case 'FocalPointAssigned': {
        // one focal point a city: the newer document takes the older one's place
        const { cityId, focalPoint } = event.data;
        return [write(`city:${cityId}:focal-point`, focalPoint, { cityId, partnershipId: null }, recordedAt)];
      }
      case 'PartnershipLaunched': {
        const { partnershipId, contacts = [] } = event.data;
        return contacts.map((contact) => write(partnershipContactId(partnershipId, contact), contact, { cityId: null, partnershipId }, recordedAt));
      }
      case 'PartnershipContactAdded': {
        const { partnershipId, contact } = event.data;
        return [write(partnershipContactId(partnershipId, contact), contact, { cityId: null, partnershipId }, recordedAt)];
      }
      case 'DataSubjectErased': {
        const { subjectId, keyId } = event.data;
        const known = docs.get(ERASURES, subjectId) as ErasureDoc | undefined;
        const doc: ErasureDoc = { id: subjectId, keyIds: [...(known?.keyIds ?? []), keyId] };
        return [{ collection: ERASURES, id: subjectId, doc }];
      }
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to the contacts on record, one document a person in a role. */
export const CONTACTS_READ_MODEL = readModel<ContactDoc>(contactsProjection, CONTACTS);
export const ERASURES_READ_MODEL = readModel<ErasureDoc>(contactsProjection, ERASURES);

const partnershipContactId = (partnershipId: string, { subjectId, role }: RecordedContact) =>
  `partnership:${partnershipId}:${subjectId}:${role.trim().toLocaleLowerCase('en').replace(/\s+/g, '-')}`;

function write(id: string, { subjectId, role, sealed }: RecordedContact, of: Pick<ContactDoc, 'cityId' | 'partnershipId'>, recordedAt: string): DocWrite {
  const doc: ContactDoc = { id, subjectId, role, ...of, sealed, recordedAt };
  return { collection: CONTACTS, id, doc };
}

/** `GET /api/audit/contacts?cityId&partnershipId`: in the order they were recorded. */
export function contactsQuery(filter: { readonly cityId?: string; readonly partnershipId?: string }, page?: number, limit?: number): FindOptions {
  return {
    filter: {
      ...(filter.cityId === undefined ? {} : { cityId: filter.cityId }),
      ...(filter.partnershipId === undefined ? {} : { partnershipId: filter.partnershipId }),
    },
    sort: [['recordedAt', 1]],
    ...pageWindow(page, limit),
  };
}

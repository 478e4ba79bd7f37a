import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CONTACTS_READ_MODEL, contactsQuery, ERASURES_READ_MODEL, ReadModels, type ContactDoc, type Stored } from '@uccn/projections';
import { PersonalData } from '../personal-data/personal-data.js';
import { readPage, type Page, type PageRequest } from '../shared/page.js';

export interface ContactsFilter {
  readonly cityId?: string;
  readonly partnershipId?: string;
}

/** What a person is a contact of: a city (its focal point) or a partnership. */
export type ContactOf = { readonly cityId: string } | { readonly partnershipId: string };

/** A contact as the auditors read it: the person while their key exists, `erased` after (DESIGN §3, §7). */
export type ContactEntry =
  | { readonly subjectId: string; readonly name: string; readonly email: string; readonly role: string; readonly of: ContactOf; readonly recordedAt: string }
  | { readonly subjectId: string; readonly erased: true; readonly role: string; readonly of: ContactOf; readonly recordedAt: string };

export class ListContactsQuery extends Query<Page<ContactEntry>> {
  constructor(
    readonly filter: ContactsFilter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

/**
 * The contacts on record, opened when answering: the read model holds only sealed envelopes, so
 * the plaintext exists in this process's memory for the length of one answer, and once a
 * subject's key is destroyed their envelopes answer `{ erased: true }`, in this generation and in
 * every rebuild.
 */
@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery, Page<ContactEntry>> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ filter, paging }: ListContactsQuery): Promise<Page<ContactEntry>> {
    const [contacts, erasures] = await Promise.all([this.readModels.collection(CONTACTS_READ_MODEL), this.readModels.collection(ERASURES_READ_MODEL)]);
    const found = await readPage(contacts, contactsQuery(filter, paging.page, paging.limit), paging);
    const subjectIds = [...new Set(found.items.map((doc) => doc.subjectId))];
    const erased = new Set((await erasures.find({ filter: { id: { $in: subjectIds } } })).flatMap((doc) => doc.keyIds));
    const readings = await this.personalData.readAll(found.items, (keyId) => erased.has(keyId));
    return { ...found, items: found.items.map((doc, index) => ({ subjectId: doc.subjectId, ...readings[index]!, role: doc.role, of: ofWhat(doc), recordedAt: doc.recordedAt })) };
  }
}

const ofWhat = (doc: Stored<ContactDoc>): ContactOf => (doc.cityId !== null ? { cityId: doc.cityId } : { partnershipId: doc.partnershipId! });

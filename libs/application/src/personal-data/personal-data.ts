import { createHmac } from 'node:crypto';
import { conflict, type DomainEvent, type RecordedContact } from '@uccn/domain';
import { newDataKey, type DataKey, type KeyStore } from '@uccn/read-store';
import { readContact, sealContact, type ContactDetails, type ContactReading } from './contact-cipher.js';
import { normaliseEmail, subjectIdOf } from './subject-id.js';

/** A contact as a caller gives it: the person (sealed before anything keeps it) and the role (kept in the clear). */
export interface ContactInput extends ContactDetails {
  readonly role: string;
}

/**
 * How many proposed keys a process holds for commands under way; the oldest is forgotten first
 * (its command then fails closed when kept, and succeeds when sent again).
 */
const MAX_PROPOSED_KEYS = 10_000;

/** The people an event names: every `{ subjectId, sealed: { keyId } }` in its data, at any depth. */
function sealedIn(events: readonly DomainEvent[]): { subjectId: string; keyId: string }[] {
  const found: { subjectId: string; keyId: string }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const candidate = value as { subjectId?: unknown; sealed?: { keyId?: unknown } };
    if (typeof candidate.subjectId === 'string' && typeof candidate.sealed?.keyId === 'string') {
      found.push({ subjectId: candidate.subjectId, keyId: candidate.sealed.keyId });
      return;
    }
    Object.values(value).forEach(visit);
  };
  events.forEach((event) => visit(event.data));
  return found;
}

/** Where the keys and the registry secret come from; opened on first use, so a registry that never names a person makes neither. */
export interface PersonalDataSources {
  readonly openKeyStore: () => Promise<KeyStore>;
  readonly loadSecret: () => Buffer;
}

/**
 * The one door to personal data (DESIGN §7): it turns a person into a subject id and a sealed
 * envelope before a command is built, opens envelopes for the auditors' answers while the key
 * exists, and destroys keys. Nothing else in the registry holds a name or an e-mail address.
 */
export class PersonalData {
  private keyStore: Promise<KeyStore> | null = null;
  /** keys proposed for people not on record yet, by subject; never written until kept */
  private readonly pending = new Map<string, DataKey>();
  private secretBytes: Buffer | null = null;

  constructor(private readonly sources: PersonalDataSources) {}

  subjectIdOf(email: string): string {
    return subjectIdOf(email, this.secret());
  }

  /**
   * A keyed digest (HMAC-SHA-256 under the registry secret): what the idempotency records and the
   * events' metadata keep of a request. A plain hash of a body holding an address could be
   * confirmed by anyone guessing the address; a keyed one cannot.
   */
  digest(text: string): string {
    return createHmac('sha256', this.secret()).update(text, 'utf8').digest('hex');
  }

  /**
   * The person sealed under their key. A person not on record yet is sealed under a key only
   * proposed: it is kept (`keepKeysNamedIn`) just before the events of an accepted command are
   * appended, so a refused command leaves no key behind, and an address never on record has none
   * (its erasure is a 404). The address is sealed in its normal form.
   */
  async seal({ name, email, role }: ContactInput): Promise<RecordedContact> {
    const subjectId = this.subjectIdOf(email);
    const key = (await (await this.keys()).find(subjectId)) ?? this.proposedKey(subjectId);
    return { subjectId, role, sealed: sealContact({ name, email: normaliseEmail(email) }, key) };
  }

  /**
   * Before an accepted command's events are appended: keeps the proposed keys they name, and
   * checks that every other key they name still exists. Fails closed (409) rather than append an
   * envelope no key would open: the person was erased while the command was under way, or
   * another process first recorded them under a key of its own. Sent again, the command seals
   * under the key as it now stands.
   */
  async keepKeysNamedIn(events: readonly DomainEvent[]): Promise<void> {
    const named = sealedIn(events);
    if (named.length === 0) return;
    const keys = await this.keys();
    for (const { subjectId, keyId } of named) {
      const proposed = this.pending.get(subjectId);
      const kept = proposed?.keyId === keyId ? await keys.keyFor(subjectId, proposed) : await keys.find(subjectId);
      if (proposed?.keyId === keyId) this.pending.delete(subjectId);
      if (kept?.keyId !== keyId) {
        throw conflict('PersonRecordChangedMeanwhile', "a person's key changed while this command was under way (erased, or recorded by another process): send it again");
      }
    }
  }

  /** One proposed key per subject in this process, so concurrent first mentions agree; bounded. */
  private proposedKey(subjectId: string): DataKey {
    const known = this.pending.get(subjectId);
    if (known) return known;
    if (this.pending.size >= MAX_PROPOSED_KEYS) this.pending.delete(this.pending.keys().next().value!);
    const key = newDataKey(subjectId);
    this.pending.set(subjectId, key);
    return key;
  }

  /**
   * Each contact's details while its key exists, `{ erased: true }` after; a subject's key is read
   * once. `isErased` names keys whose erasure is on record: those read as erased even should the
   * key have outlived its erasure (a stop between recording it and destroying the key).
   */
  async readAll(contacts: readonly Pick<RecordedContact, 'subjectId' | 'sealed'>[], isErased: (keyId: string) => boolean = () => false): Promise<ContactReading[]> {
    const keys = await this.keys();
    const found = new Map<string, Promise<DataKey | null>>();
    return Promise.all(
      contacts.map(async ({ subjectId, sealed }) => {
        if (isErased(sealed.keyId)) return { erased: true } as const;
        if (!found.has(subjectId)) found.set(subjectId, keys.find(subjectId));
        return readContact(sealed, await found.get(subjectId)!);
      }),
    );
  }

  /** The subject's key id as it stands, `null` when they have none (never on record, or erased). */
  async currentKeyId(subjectId: string): Promise<string | null> {
    return (await (await this.keys()).find(subjectId))?.keyId ?? null;
  }

  /**
   * Completes a subject's erasures on record: destroys their key if it is one whose erasure is on
   * record (`isErased`); a key made since, for the person on record again, is not theirs to
   * destroy. With no key left it still asks the store to destroy, which finishes what an earlier
   * destroy left undone (SQLite: the WAL checkpoint a reader held up, after the delete committed).
   */
  async settleErasures(subjectId: string, isErased: (keyId: string) => boolean): Promise<void> {
    const keys = await this.keys();
    const key = await keys.find(subjectId);
    if (key === null || isErased(key.keyId)) await keys.destroy(subjectId);
  }

  async close(): Promise<void> {
    if (this.keyStore) await (await this.keyStore).close();
  }

  private keys(): Promise<KeyStore> {
    this.keyStore ??= this.sources.openKeyStore().catch((error: unknown) => {
      this.keyStore = null; // a store down at start may be up at the next request
      throw error;
    });
    return this.keyStore;
  }

  private secret(): Buffer {
    return (this.secretBytes ??= this.sources.loadSecret());
  }
}

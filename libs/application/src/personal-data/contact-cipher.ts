import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedEnvelope } from '@uccn/domain';
import type { DataKey } from '@uccn/read-store';

/** What is personal in a contact: the rest (role, of whom) stays in the clear. */
export interface ContactDetails {
  readonly name: string;
  readonly email: string;
}

/**
 * A contact's details sealed under its subject's data key: AES-256-GCM, nothing else stored in
 * the clear. The shape is the domain's (events carry it); `keyId` says which key (after an erasure
 * a new key has a new id, so old envelopes stay unreadable even once the subject is on record again).
 */
export type SealedContact = SealedEnvelope;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The envelope cannot be opened: tampered with, or for another subject, or under another key. */
export class ContactUnreadable extends Error {
  override readonly name = 'ContactUnreadable';
  constructor(readonly reason: 'key-mismatch' | 'not-authentic' | 'malformed') {
    super(`a sealed contact cannot be opened (${reason})`);
  }
}

/**
 * Associated data: authenticated, not stored. It binds the ciphertext to its subject, its key id
 * and the envelope's version, so an envelope copied onto another subject's record fails to open
 * even were the keys confused.
 */
function associatedData(key: DataKey, v: number): Buffer {
  return Buffer.from(JSON.stringify(['uccn-contact', v, key.subjectId, key.keyId]), 'utf8');
}

export function sealContact(details: ContactDetails, key: DataKey): SealedContact {
  if (typeof details?.name !== 'string' || typeof details.email !== 'string') throw new Error('a contact needs a name and an e-mail address');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(key, 1));
  // only the two fields, whatever else the caller's object holds
  const plaintext = Buffer.from(JSON.stringify({ name: details.name, email: details.email }), 'utf8');
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    v: 1,
    alg: 'A256GCM',
    keyId: key.keyId,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    data: data.toString('base64url'),
  };
}

/** The details, or `ContactUnreadable`; never a partial or unauthenticated plaintext. */
export function openContact(sealed: SealedContact, key: DataKey): ContactDetails {
  if (sealed?.v !== 1 || sealed.alg !== 'A256GCM') throw new ContactUnreadable('malformed');
  if (sealed.keyId !== key.keyId) throw new ContactUnreadable('key-mismatch');
  const iv = Buffer.from(sealed.iv, 'base64url');
  const tag = Buffer.from(sealed.tag, 'base64url');
  // a short tag would weaken GCM's check: only the full 16 bytes are accepted
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new ContactUnreadable('malformed');
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(key, sealed.v));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]);
  } catch {
    throw new ContactUnreadable('not-authentic');
  }
  const { name, email } = JSON.parse(plaintext.toString('utf8')) as ContactDetails;
  return { name, email };
}

export type ContactReading = ContactDetails | { readonly erased: true };

/**
 * What a reader shows: the details while the subject's key exists, `{ erased: true }` once it was
 * destroyed (no key, or a newer key than the envelope's). Tampering is not an erasure: it throws.
 */
export function readContact(sealed: SealedContact, key: DataKey | null): ContactReading {
  if (key === null || key.keyId !== sealed.keyId) return { erased: true };
  return openContact(sealed, key);
}

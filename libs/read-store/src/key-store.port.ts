import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The key store port: one data key per data subject (DESIGN §7), kept beside the read models and
 * never in the log, so destroying a key makes every ciphertext made with it unreadable for good
 * (crypto-shredding) while the log stays append-only and its hash chain intact.
 *
 * Semantics every adapter shows (the conformance suite checks them):
 * - `keyFor` gets the subject's key or makes it on first use, atomically: any number of
 *   concurrent first uses, from any number of processes, end with ONE key that all of them return.
 *   Given a `proposed` key (made by `newDataKey` for that subject), a first use stores that one;
 *   once a key exists, the existing one is returned whatever is proposed.
 * - `find` never makes a key: `null` when none was ever made, or the last one was destroyed.
 * - `destroy` removes the key so that no copy survives in the store's own files (each adapter says
 *   what that takes, and what it cannot reach); it is idempotent and answers whether a key existed.
 *   A later `keyFor` makes a NEW key, with a new `keyId`: ciphertext made under the destroyed key
 *   names a key id that no longer exists, and stays unreadable.
 *
 * Subject ids are opaque (an HMAC of the e-mail address, never the address itself); the port only
 * checks they are short and plain.
 */
export interface DataKey {
  readonly subjectId: string;
  /** names this key (random), carried in every envelope made with it */
  readonly keyId: string;
  /** 32 random bytes: an AES-256 key */
  readonly key: Buffer;
}

export interface KeyStore {
  keyFor(subjectId: string, proposed?: DataKey): Promise<DataKey>;
  find(subjectId: string): Promise<DataKey | null>;
  destroy(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

export const KEY_STORE = Symbol('KEY_STORE');

export const DATA_KEY_BYTES = 32;

const SUBJECT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function assertSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || !SUBJECT_ID.test(subjectId)) {
    // the value is not echoed: a caller passing an e-mail address by mistake must not log it
    throw new Error('invalid subject id: expected 1 to 128 characters of [A-Za-z0-9_-]');
  }
}

/** A fresh key for `subjectId`, from the operating system's CSPRNG. */
export function newDataKey(subjectId: string): DataKey {
  return { subjectId, keyId: randomUUID(), key: randomBytes(DATA_KEY_BYTES) };
}

/** A proposed key must be for the subject it is proposed for, and a key: never stored otherwise. */
export function assertProposedKey(subjectId: string, proposed: DataKey | undefined): void {
  if (proposed === undefined) return;
  if (proposed.subjectId !== subjectId || proposed.key.length !== DATA_KEY_BYTES || typeof proposed.keyId !== 'string' || proposed.keyId === '') {
    throw new Error('a proposed key must be a fresh key for the same subject');
  }
}

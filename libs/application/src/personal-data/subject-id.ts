import { createHmac } from 'node:crypto';

/** The registry secret's least length, in bytes: an HMAC-SHA-256 key of full strength. */
export const SUBJECT_SECRET_MIN_BYTES = 32;

/** A data subject is identified by the e-mail address, trimmed and lower-cased (DESIGN §7). */
export function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (normalised === '') throw new Error('an e-mail address is needed to identify a data subject');
  return normalised;
}

/**
 * The subject's opaque id: HMAC-SHA-256 of the normalised address under the registry secret, in
 * lower-case hex. Without the secret it cannot be recomputed from a guessed address (a plain hash
 * could: addresses are easy to enumerate). Hex, 64 characters, because the id is also a slug in a
 * stream name (`data-subject-<subjectId>`), and slugs are lower-case and at most 64 characters.
 */
export function subjectIdOf(email: string, secret: Uint8Array): string {
  if (secret.length < SUBJECT_SECRET_MIN_BYTES) throw new Error(`the registry secret must be at least ${SUBJECT_SECRET_MIN_BYTES} bytes`);
  return createHmac('sha256', secret).update(normaliseEmail(email), 'utf8').digest('hex');
}

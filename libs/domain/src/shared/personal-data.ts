import { invalid } from './domain-error.js';
import { requireText } from './validation.js';

/*
 * Personal data in the record (DESIGN §7). The domain never sees a person's name or e-mail: the
 * application seals them under the subject's own key before a command is built, so events carry
 * only an opaque subject id, the role (in the clear: "focal point" names no one) and the sealed
 * envelope. Destroying the subject's key makes every envelope unreadable (crypto-shredding), while
 * the events, and the hash chain over them, stay as written.
 */

/** AES-256-GCM ciphertext of `{ name, email }`, and what is needed to open it with the right key. */
export interface SealedEnvelope {
  readonly v: 1;
  readonly alg: 'A256GCM';
  /** which of the subject's keys sealed it: after an erasure a new key has a new id */
  readonly keyId: string;
  /** base64url, 12 bytes */
  readonly iv: string;
  /** base64url, the 16-byte authentication tag */
  readonly tag: string;
  /** base64url ciphertext */
  readonly data: string;
}

/** A person as the record holds them: who (opaquely), in what role, and their details sealed. */
export interface RecordedContact {
  /** HMAC of the normalised e-mail under the registry's secret: 64 lower-case hex digits */
  readonly subjectId: string;
  readonly role: string;
  readonly sealed: SealedEnvelope;
}

/** The role of a city's focal point: one at a time, a newer one replaces the older. */
export const FOCAL_POINT_ROLE = 'focal point';

const SUBJECT_ID = /^[0-9a-f]{64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function requireSubjectId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SUBJECT_ID.test(value)) throw invalid('InvalidSubjectId', `${field} must be a data subject's id`, field);
  return value;
}

/** A contact as sealed by the application; the message never echoes what was sent. */
export function requireRecordedContact(value: unknown, field: string): RecordedContact {
  if (typeof value !== 'object' || value === null) throw invalid('InvalidContact', `${field} must be a contact`, field);
  const candidate = value as Record<string, unknown>;
  const subjectId = requireSubjectId(candidate['subjectId'], `${field}.subjectId`);
  const role = requireText(candidate['role'], `${field}.role`);
  return { subjectId, role, sealed: requireSealedEnvelope(candidate['sealed'], `${field}.sealed`) };
}

function requireSealedEnvelope(value: unknown, field: string): SealedEnvelope {
  const sealed = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const parts = [sealed['keyId'], sealed['iv'], sealed['tag'], sealed['data']];
  if (sealed['v'] !== 1 || sealed['alg'] !== 'A256GCM' || !parts.every((part) => typeof part === 'string' && BASE64URL.test(part))) {
    throw invalid('InvalidContact', `${field} must be a sealed envelope (v 1, A256GCM)`, field);
  }
  const [keyId, iv, tag, data] = parts as string[];
  return { v: 1, alg: 'A256GCM', keyId: keyId!, iv: iv!, tag: tag!, data: data! };
}

import { createHash } from 'node:crypto';
import type { RecordedContact } from '@uccn/domain';

/**
 * Test-only: a contact as the application would seal it, for invented people (never the seeds').
 * The envelope is well formed but seals nothing: deciders never open it, so they need no key.
 */
export function recordedContact(person: string, role: string, keyId = `key-of-${person.replace(/[^A-Za-z0-9_-]/g, '-')}`): RecordedContact {
  return {
    subjectId: createHash('sha256').update(person).digest('hex'),
    role,
    sealed: { v: 1, alg: 'A256GCM', keyId, iv: 'aXYtaXYtaXYtaXYt', tag: 'dGFnLXRhZy10YWctdGFnLQ', data: 'c2VhbGVk' },
  };
}

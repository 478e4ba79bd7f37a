import { randomBytes } from 'node:crypto';
import { normaliseEmail, subjectIdOf } from './subject-id.js';

// invented people, never the seed's
const secret = randomBytes(32);
const email = 'Oskar.Lindqvist-Mbeki@Example.NET';

describe('subjectIdOf: an HMAC of the normalised e-mail under the registry secret', () => {
  it('is 64 lower-case hex digits, a slug fit for a stream name, and stable', () => {
    const id = subjectIdOf(email, secret);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(subjectIdOf(email, secret)).toBe(id);
  });

  it('normalises the address: trimmed and lower-cased give the same subject', () => {
    const id = subjectIdOf(email, secret);
    expect(subjectIdOf('  oskar.lindqvist-mbeki@example.net\n', secret)).toBe(id);
    expect(subjectIdOf('OSKAR.LINDQVIST-MBEKI@EXAMPLE.NET', secret)).toBe(id);
    expect(normaliseEmail(' A.B@C.D ')).toBe('a.b@c.d');
  });

  it('differs for another address and under another secret', () => {
    const id = subjectIdOf(email, secret);
    expect(subjectIdOf('oskar.lindqvist@example.net', secret)).not.toBe(id);
    expect(subjectIdOf(email, randomBytes(32))).not.toBe(id);
  });

  it('is never the e-mail itself, nor a plain hash of it anyone could recompute', async () => {
    const { createHash } = await import('node:crypto');
    const id = subjectIdOf(email, secret);
    expect(id).not.toContain('oskar');
    for (const algorithm of ['sha256', 'sha1', 'md5']) {
      expect(id).not.toBe(createHash(algorithm).update(normaliseEmail(email)).digest('hex'));
    }
  });

  it('refuses an empty address and a short secret', () => {
    expect(() => subjectIdOf('   ', secret)).toThrow(/e-mail address is needed/);
    expect(() => subjectIdOf(email, randomBytes(16))).toThrow(/at least 32 bytes/);
  });
});

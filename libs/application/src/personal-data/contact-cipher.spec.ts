import { randomBytes } from 'node:crypto';
import type { DataKey } from '@uccn/read-store';
import { ContactUnreadable, openContact, readContact, sealContact, type SealedContact } from './contact-cipher.js';

// invented people, never the seed's
const ines = { name: 'Inès Varga-Oduya', email: 'ines.varga@example.org' };
const keyOf = (subjectId: string): DataKey => ({ subjectId, keyId: `k-${subjectId.slice(0, 6)}-${randomBytes(4).toString('hex')}`, key: randomBytes(32) });
const SUBJECT = 'a1'.repeat(32);

/** the envelope with one base64url field's bytes changed */
function flipped(sealed: SealedContact, field: 'iv' | 'tag' | 'data', at = 0): SealedContact {
  const bytes = Buffer.from(sealed[field], 'base64url');
  bytes[at] = bytes[at]! ^ 0x01;
  return { ...sealed, [field]: bytes.toString('base64url') };
}

describe('a contact sealed with AES-256-GCM under its subject key', () => {
  const key = keyOf(SUBJECT);

  it('opens to the same details (a round trip), and only the name and e-mail are sealed', () => {
    const sealed = sealContact({ ...ines, role: 'focal point' } as typeof ines, key);
    expect(openContact(sealed, key)).toEqual(ines);
    expect(openContact(JSON.parse(JSON.stringify(sealed)) as SealedContact, key)).toEqual(ines);
  });

  it('names the key and the version, with a 96-bit IV and a 128-bit tag', () => {
    const sealed = sealContact(ines, key);
    expect(sealed).toEqual({ v: 1, alg: 'A256GCM', keyId: key.keyId, iv: expect.any(String), tag: expect.any(String), data: expect.any(String) });
    expect(Buffer.from(sealed.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64url')).toHaveLength(16);
  });

  it('holds no plaintext: neither the name nor the e-mail, nor any part of them, in any encoding seen', () => {
    const sealed = sealContact(ines, key);
    const text = JSON.stringify(sealed);
    for (const secret of [ines.name, ines.email, 'Varga', 'ines.varga', 'example.org']) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        expect(text).not.toContain(Buffer.from(secret).toString(encoding).slice(0, 8));
      }
    }
  });

  it('uses a fresh IV each time: the same details sealed twice differ', () => {
    const [a, b] = [sealContact(ines, key), sealContact(ines, key)];
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it.each([
    ['the ciphertext', (s: SealedContact) => flipped(s, 'data', 3)],
    ['the last byte of the ciphertext', (s: SealedContact) => flipped(s, 'data', Buffer.from(s.data, 'base64url').length - 1)],
    ['the IV', (s: SealedContact) => flipped(s, 'iv')],
    ['the tag', (s: SealedContact) => flipped(s, 'tag', 15)],
  ])('refuses to open when %s was tampered with', (_, tamper) => {
    const sealed = tamper(sealContact(ines, key));
    expect(() => openContact(sealed, key)).toThrow(ContactUnreadable);
    expect(() => openContact(sealed, key)).toThrow(expect.objectContaining({ reason: 'not-authentic' }));
  });

  it('refuses a truncated tag rather than check fewer bits', () => {
    const sealed = sealContact(ines, key);
    const short = { ...sealed, tag: Buffer.from(sealed.tag, 'base64url').subarray(0, 4).toString('base64url') };
    expect(() => openContact(short, key)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('is bound to its subject: the same key bytes and id under another subject do not open it (associated data)', () => {
    const sealed = sealContact(ines, key);
    expect(() => openContact(sealed, { ...key, subjectId: 'b2'.repeat(32) })).toThrow(expect.objectContaining({ reason: 'not-authentic' }));
  });

  it('is bound to its version: an envelope claiming another version is refused', () => {
    const sealed = sealContact(ines, key);
    expect(() => openContact({ ...sealed, v: 2 } as unknown as SealedContact, key)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('does not open under another key', () => {
    const sealed = sealContact(ines, key);
    expect(() => openContact(sealed, keyOf(SUBJECT))).toThrow(expect.objectContaining({ reason: 'key-mismatch' }));
    // another key passed off under the right key id: GCM refuses it
    expect(() => openContact(sealed, { ...keyOf(SUBJECT), keyId: key.keyId })).toThrow(expect.objectContaining({ reason: 'not-authentic' }));
  });
});

describe('reading a sealed contact', () => {
  it('shows the details while the key exists, and { erased: true } once it is destroyed or replaced', () => {
    const key = keyOf(SUBJECT);
    const sealed = sealContact(ines, key);
    expect(readContact(sealed, key)).toEqual(ines);
    // destroyed: the key store finds nothing
    expect(readContact(sealed, null)).toEqual({ erased: true });
    // the person on record again after an erasure: a new key, which does not open the old envelope
    expect(readContact(sealed, keyOf(SUBJECT))).toEqual({ erased: true });
  });

  it('a destroyed key makes decryption impossible: without the key bytes nothing opens it', () => {
    const key = keyOf(SUBJECT);
    const sealed = sealContact(ines, key);
    key.key.fill(0); // what the key store's destroy leaves: no copy of the bytes
    expect(() => openContact(sealed, key)).toThrow(ContactUnreadable);
  });

  it('tampering is not an erasure: it throws', () => {
    const key = keyOf(SUBJECT);
    expect(() => readContact(flipped(sealContact(ines, key), 'data'), key)).toThrow(ContactUnreadable);
  });
});

import { randomBytes } from 'node:crypto';
import { SqliteKeyStore } from '@uccn/read-store';
import { PersonalData } from './personal-data.js';

/* Invented people only. A real key store: SQLite in memory. */
describe('PersonalData, the one door to personal data', () => {
  const secret = randomBytes(32);
  const open = () => new PersonalData({ openKeyStore: () => SqliteKeyStore.open({ file: ':memory:' }), loadSecret: () => secret });
  let personalData: PersonalData;
  beforeEach(() => (personalData = open()));
  afterEach(() => personalData.close());
  const ada = { name: 'Ada Testperson', email: ' Ada.Testperson@Example.org ', role: 'focal point' };

  it('seals a person under their own key: the subject id is keyed, the address normalised inside the envelope', async () => {
    const contact = await personalData.seal(ada);
    expect(contact.subjectId).toBe(personalData.subjectIdOf('ada.testperson@example.org'));
    expect(JSON.stringify(contact)).not.toMatch(/Ada|Testperson|example/i);
    expect(await personalData.readAll([contact])).toEqual([{ name: 'Ada Testperson', email: 'ada.testperson@example.org' }]);
  });

  it('reads an envelope whose erasure is on record as erased, even while its key still exists', async () => {
    const contact = await personalData.seal(ada);
    expect(await personalData.currentKeyId(contact.subjectId)).toBe(contact.sealed.keyId);
    expect(await personalData.readAll([contact], (keyId) => keyId === contact.sealed.keyId)).toEqual([{ erased: true }]);
  });

  it('destroys only a key whose erasure is on record: a newer key of the same person is not theirs to destroy', async () => {
    const contact = await personalData.seal(ada);
    await personalData.destroyKeyIfErased(contact.subjectId, (keyId) => keyId === 'an-older-key');
    expect(await personalData.currentKeyId(contact.subjectId)).toBe(contact.sealed.keyId);
    await personalData.destroyKeyIfErased(contact.subjectId, (keyId) => keyId === contact.sealed.keyId);
    expect(await personalData.currentKeyId(contact.subjectId)).toBeNull();
    expect(await personalData.readAll([contact])).toEqual([{ erased: true }]);
  });

  it('digests under the registry secret: the same text under another secret gives another digest', () => {
    const other = new PersonalData({ openKeyStore: () => SqliteKeyStore.open({ file: ':memory:' }), loadSecret: () => randomBytes(32) });
    expect(personalData.digest('{"email":"ada.testperson@example.org"}')).toMatch(/^[0-9a-f]{64}$/);
    expect(personalData.digest('x')).not.toBe(other.digest('x'));
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@uccn/config';
import { GENERATED_SUBJECT_SECRET_FILE, loadOrGenerateSubjectSecret, openKeyStore } from './personal-data.js';

describe('the registry secret for subject ids', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-secret-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is generated into the data directory on first use, owner-only, and the same on every later start', () => {
    const first = loadOrGenerateSubjectSecret({ dataDir, subjectSecret: null });
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, GENERATED_SUBJECT_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrGenerateSubjectSecret({ dataDir, subjectSecret: null }).equals(first)).toBe(true);
  });

  it('is the configured one when given, and then nothing is written', () => {
    const secret = 'a-configured-secret-of-32-characters-at-least';
    expect(loadOrGenerateSubjectSecret({ dataDir, subjectSecret: secret }).toString()).toBe(secret);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('is read from UCCN_SUBJECT_SECRET or UCCN_SUBJECT_SECRET_FILE, never both, never short, never echoed', () => {
    const secret = 'z'.repeat(40);
    const file = path.join(dataDir, 'secret');
    fs.writeFileSync(file, `${secret}\n`);
    expect(loadConfig({ UCCN_SUBJECT_SECRET: secret }).subjectSecret).toBe(secret);
    expect(loadConfig({ UCCN_SUBJECT_SECRET_FILE: file }).subjectSecret).toBe(secret);
    expect(loadConfig({}).subjectSecret).toBeNull();
    expect(() => loadConfig({ UCCN_SUBJECT_SECRET: secret, UCCN_SUBJECT_SECRET_FILE: file })).toThrow(/UCCN_SUBJECT_SECRET must be unset/);
    expect(() => loadConfig({ UCCN_SUBJECT_SECRET: 'short-secret' })).toThrow(/UCCN_SUBJECT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ UCCN_SUBJECT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
    expect(() => loadConfig({ UCCN_SUBJECT_SECRET_FILE: path.join(dataDir, 'missing') })).toThrow(/UCCN_SUBJECT_SECRET_FILE must be the path of a readable file/);
  });

  it('the embedded key store is a table in the read models file of the data directory', async () => {
    const keys = await openKeyStore(loadConfig({ UCCN_DATA_DIR: dataDir }));
    try {
      await keys.keyFor('c3'.repeat(32));
      expect(fs.readdirSync(dataDir)).toContain('read-models.db');
    } finally {
      await keys.close();
    }
  });
});

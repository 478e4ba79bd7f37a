import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReadStoreUnavailable, SqliteKeyStore, SqliteReadStore } from '@uccn/read-store';
import { describeKeyStoreConformance } from '../../libs/read-store/src/conformance/key-store.conformance.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-keys-'));
}

describeKeyStoreConformance('embedded SQLite', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'read-models.db');
  // two connections to one file stand for two processes (the API and the CLI on one data directory)
  const store = await SqliteKeyStore.open({ file });
  const second = await SqliteKeyStore.open({ file });
  return {
    store,
    second,
    cleanup: async () => {
      await second.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteKeyStore (SQLite only)', () => {
  let dir: string;
  let file: string;
  let reads: SqliteReadStore;
  let keys: SqliteKeyStore;

  beforeEach(async () => {
    dir = tempDir();
    file = path.join(dir, 'read-models.db');
    // as in the embedded mode: the keys in the read models' database, beside their documents
    reads = await SqliteReadStore.open({ file });
    keys = await SqliteKeyStore.open({ file });
  });

  afterEach(async () => {
    await keys.close();
    await reads.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const subject = (n: number): string => n.toString(16).padStart(64, '0');

  /** every file of the data directory whose raw bytes hold `needle` (the database, -wal, -shm…) */
  function filesHolding(needle: Buffer): string[] {
    return fs
      .readdirSync(dir)
      .filter((name) => fs.readFileSync(path.join(dir, name)).includes(needle))
      .sort();
  }

  it('after destroy, the key bytes are in no file of the data directory (not the database, not its -wal or -shm)', async () => {
    await reads.ensureCollection('contacts', [['of']]);
    await reads.commit({ changes: [{ collection: 'contacts', id: 'c1', doc: { id: 'c1', of: 'partnership-x' } }] });
    // neighbours on the same pages, made before and after the one to erase
    for (let n = 1; n <= 20; n++) await keys.keyFor(subject(n));
    const erased = await keys.keyFor(subject(100));
    for (let n = 21; n <= 40; n++) await keys.keyFor(subject(n));
    await reads.upsert('contacts', { id: 'c2', of: 'partnership-y' });

    // the search can find a key: before the destroy it is on disk, in the WAL at least
    expect(filesHolding(erased.key)).toContain('read-models.db-wal');
    expect(filesHolding(Buffer.from(erased.keyId))).not.toEqual([]);

    expect(await keys.destroy(subject(100))).toBe(true);

    expect(fs.readdirSync(dir).sort()).toEqual(['read-models.db', 'read-models.db-shm', 'read-models.db-wal']);
    expect(filesHolding(erased.key)).toEqual([]);
    // the WAL was cut: no older page image is left in it
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    // the neighbours' keys are intact, on disk and readable
    const neighbour = await keys.find(subject(21));
    expect(neighbour).not.toBeNull();
    expect(filesHolding(neighbour!.key)).toEqual(['read-models.db']);
    // and so are the read models
    expect(await reads.count('contacts')).toBe(2);
  });

  it('a key made again after its destruction leaves no trace of the old one either', async () => {
    const first = await keys.keyFor(subject(7));
    await keys.destroy(subject(7));
    const second = await keys.keyFor(subject(7));
    await keys.keyFor(subject(8));
    await keys.destroy(subject(7));
    expect(filesHolding(first.key)).toEqual([]);
    expect(filesHolding(second.key)).toEqual([]);
  });

  it('keys survive closing and reopening the file, and the key table is not a collection of the read store', async () => {
    const made = await keys.keyFor(subject(3));
    await keys.close();
    keys = await SqliteKeyStore.open({ file });
    expect(await keys.find(subject(3))).toEqual(made);
    expect(await reads.listCollections()).toEqual([]);
  });

  it('a destroy whose checkpoint cannot complete fails, and a retry completes it', async () => {
    const erased = await keys.keyFor(subject(5));
    const blocker = await SqliteKeyStore.open({ file, busyTimeoutMs: 0 });
    const impatient = await SqliteKeyStore.open({ file, busyTimeoutMs: 0 });
    try {
      // a reader holding a snapshot that includes the key pins the WAL frames holding it
      const db = (blocker as unknown as { db: import('better-sqlite3').Database }).db;
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM subject_keys').get();
      await expect(impatient.destroy(subject(5))).rejects.toBeInstanceOf(ReadStoreUnavailable);
      expect(await keys.find(subject(5))).toBeNull();
      db.exec('COMMIT');
      expect(await impatient.destroy(subject(5))).toBe(false);
      expect(filesHolding(erased.key)).toEqual([]);
    } finally {
      await impatient.close();
      await blocker.close();
    }
  });

  it('reports use after close as ReadStoreUnavailable', async () => {
    await keys.close();
    await expect(keys.keyFor(subject(1))).rejects.toBeInstanceOf(ReadStoreUnavailable);
    await expect(keys.destroy(subject(1))).rejects.toBeInstanceOf(ReadStoreUnavailable);
  });
});

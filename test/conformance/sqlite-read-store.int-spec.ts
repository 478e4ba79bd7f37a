import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Document, ReadStoreUnavailable, SqliteReadStore } from '@uccn/read-store';
import { describeReadStoreConformance } from '../../libs/read-store/src/conformance/read-store.conformance.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
}

describeReadStoreConformance('embedded SQLite', async () => {
  const dir = tempDir();
  const store = await SqliteReadStore.open({ file: path.join(dir, 'read.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteReadStore (SQLite only)', () => {
  let dir: string;
  let file: string;
  let store: SqliteReadStore;

  beforeEach(async () => {
    dir = tempDir();
    file = path.join(dir, 'nested', 'read.db');
    store = await SqliteReadStore.open({ file });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fields = ['literature', 'music', 'crafts', 'gastronomy', 'design', 'film', 'media-arts'];
  const city = (i: number): Document => ({
    id: `city-${String(i).padStart(5, '0')}`,
    name: `City ${i}`,
    country: `C${i % 97}`,
    field: fields[i % fields.length],
    year: 2004 + (i % 22),
    member: i % 3 !== 0,
    designatedOn: `${2004 + (i % 22)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    geo: { region: `region-${i % 5}` },
  });

  async function seedDirectory(count: number): Promise<string> {
    await store.ensureCollection('directory', [['country'], ['field', 'year'], ['member'], ['geo.region'], ['designatedOn']]);
    const docs = Array.from({ length: count }, (_, i) => city(i));
    await store.commit({ changes: docs.map((doc) => ({ collection: 'directory', id: doc.id, doc })) });
    return 'directory';
  }

  /** SCAN reads every row (in table or some index's order); SEARCH reads only the matching range */
  const fullScan = (plan: string[]): boolean => plan.some((step) => /^SCAN doc_directory\b/.test(step));
  const searchesIndex = (plan: string[], index: string): boolean => plan.some((step) => step.startsWith('SEARCH doc_directory') && step.includes(index));

  describe('filtered finds on indexed fields use the expression indexes (EXPLAIN QUERY PLAN)', () => {
    it.each([
      ['string equality', { country: 'C7' }, 'idx_directory__country'],
      ['boolean equality', { member: false }, 'idx_directory__member'],
      ['compound index prefix with a range', { field: 'music', year: { $gte: 2010, $lt: 2020 } }, 'idx_directory__field__year'],
      ['$in', { country: { $in: ['C1', 'C2', 'C3'] } }, 'idx_directory__country'],
      ['dotted path', { 'geo.region': 'region-3' }, 'idx_directory__geo.region'],
      ['ISO date range', { designatedOn: { $gte: '2024-01-01' } }, 'idx_directory__designatedOn'],
    ] as const)('%s', async (_, filter, index) => {
      const collection = await seedDirectory(3000);
      const plan = store.explainFind(collection, { filter, sort: [['name', 1]], limit: 20 });
      expect(searchesIndex(plan, index)).toBe(true);
      expect(fullScan(plan)).toBe(false);
    });

    it('sorted paging on an indexed field walks the index instead of sorting the whole table', async () => {
      const collection = await seedDirectory(3000);
      const ascending = store.explainFind(collection, { sort: [['designatedOn', 1]], skip: 40, limit: 20 });
      expect(ascending.join('\n')).toMatch(/SCAN doc_directory USING INDEX idx_directory__designatedOn/);
      expect(ascending).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      // descending with the id tie-breaker ascending: only ties are sorted, not the table
      const descending = store.explainFind(collection, { sort: [['designatedOn', -1]], limit: 20 });
      expect(descending).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    });

    it('counts, even of booleans (whose JSON type is checked), are answered from the index alone', async () => {
      const collection = await seedDirectory(3000);
      expect(store.explainCount(collection, { member: true })).toEqual([expect.stringMatching(/^SEARCH doc_directory USING COVERING INDEX idx_directory__member\b/)]);
      const [first] = store.explainCount(collection, { field: 'film', year: { $in: [2010, 2011] } });
      expect(first).toMatch(/^SEARCH doc_directory USING COVERING INDEX idx_directory__field__year\b/);
      expect(await store.count(collection, { member: true })).toBe(2000);
    });

    it('a filter on a field without an index is a full scan (the check above can tell)', async () => {
      const collection = await seedDirectory(300);
      expect(fullScan(store.explainFind(collection, { filter: { name: 'City 7' } }))).toBe(true);
    });
  });

  it('documents, indexes and checkpoints survive closing and reopening the file', async () => {
    const collection = await seedDirectory(500);
    await store.commit({ changes: [{ collection, id: 'extra', doc: { id: 'extra', name: 'Kraków', country: 'PL' } }], checkpoint: { name: 'directory', position: 501 } });
    await store.close();

    store = await SqliteReadStore.open({ file });
    expect(await store.count(collection)).toBe(501);
    expect(await store.get(collection, 'extra')).toEqual({ id: 'extra', name: 'Kraków', country: 'PL' });
    expect(await store.get(collection, 'city-00042')).toEqual(city(42));
    expect(await store.getCheckpoint('directory')).toBe(501);
    expect(await store.listCollections()).toEqual(['directory']);
    expect(searchesIndex(store.explainFind(collection, { filter: { country: 'PL' } }), 'idx_directory__country')).toBe(true);
  });

  it('a document that cannot be stored midway rolls back the unit, its new collections and its checkpoint', async () => {
    await store.commit({ changes: [{ collection: 'a', id: 'x', doc: { id: 'x', v: 1 } }], checkpoint: { name: 'p', position: 1 } });
    await expect(
      store.commit({
        changes: [
          { collection: 'a', id: 'x', doc: { id: 'x', v: 2 } },
          { collection: 'brand-new', id: 'y', doc: { id: 'y' } },
          // JSON cannot hold a bigint: the failure happens inside the transaction, after writes
          { collection: 'a', id: 'z', doc: { id: 'z', big: 1n } },
        ],
        checkpoint: { name: 'p', position: 2 },
      }),
    ).rejects.toThrow(/BigInt/);
    expect(await store.find('a')).toEqual([{ id: 'x', v: 1 }]);
    expect(await store.getCheckpoint('p')).toBe(1);
    expect(await store.listCollections()).toEqual(['a']);
    expect(await store.get('brand-new', 'y')).toBeNull();
  });

  it('uses WAL mode, in a file of its own', async () => {
    await store.upsert('a', { id: 'x' });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
  });

  it('reports a file it cannot open as ReadStoreUnavailable', async () => {
    const notAFile = path.join(dir, 'a-directory');
    fs.mkdirSync(notAFile);
    await expect(SqliteReadStore.open({ file: notAFile })).rejects.toBeInstanceOf(ReadStoreUnavailable);
  });

  it('reports use after close as ReadStoreUnavailable', async () => {
    await store.close();
    await expect(store.get('a', 'x')).rejects.toBeInstanceOf(ReadStoreUnavailable);
    await expect(store.commit({ changes: [], checkpoint: { name: 'p', position: 1 } })).rejects.toBeInstanceOf(ReadStoreUnavailable);
  });
});

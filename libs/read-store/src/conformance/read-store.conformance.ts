import { compare } from '@uccn/domain';
import type { Document, ReadStore } from '../read-store.port.js';

/**
 * The one behaviour every read store adapter must show. Each adapter's int-spec calls this with a
 * way to open a store; the suite declares its own describe/it blocks.
 *
 * Every test works in collections and checkpoints with a random per-run prefix, so the suite can
 * run against a shared MongoDB without seeing (or clobbering) anyone else's data.
 */
export function describeReadStoreConformance(
  adapterName: string,
  open: () => Promise<{ store: ReadStore; cleanup?: () => Promise<void> }>,
): void {
  describe(`ReadStore conformance: ${adapterName}`, () => {
    let store: ReadStore;
    let cleanup: (() => Promise<void>) | undefined;
    const run = `rs${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36)}`;
    let counter = 0;
    const created: string[] = [];
    /** a fresh collection name for this test, unique in this run and across runs */
    const collectionName = (hint: string): string => {
      const name = `${run}-${++counter}-${hint}`;
      created.push(name);
      return name;
    };
    const checkpoints: string[] = [];
    const checkpointName = (hint: string): string => {
      const name = `${run}-${++counter}-${hint}`;
      checkpoints.push(name);
      return name;
    };
    const byId = (docs: readonly Document[]): Document[] => [...docs].sort((a, b) => compare(a.id, b.id));
    const ids = (docs: readonly Document[]): string[] => docs.map((d) => d.id);

    beforeAll(async () => {
      ({ store, cleanup } = await open());
    });

    afterAll(async () => {
      if (store) {
        for (const name of created) await store.dropCollection(name).catch(() => undefined);
        for (const name of checkpoints) await store.deleteCheckpoint(name).catch(() => undefined);
      }
      if (cleanup) await cleanup();
      else if (store) await store.close();
    });

    const cities: Document[] = [
      { id: 'c1', name: 'Kraków', country: 'PL', field: 'literature', year: 2013, active: true, designatedOn: '2013-12-11', score: 4.5, geo: { region: 'europe', lat: 50.06 } },
      { id: 'c2', name: 'Bologna', country: 'IT', field: 'music', year: 2006, active: true, designatedOn: '2006-05-18', score: 3, geo: { region: 'europe', lat: 44.49 } },
      { id: 'c3', name: 'Seville', country: 'ES', field: 'music', year: 2006, active: false, designatedOn: '2006-03-21T10:00:00.000Z', score: 4, geo: { region: 'europe', lat: 37.39 } },
      { id: 'c4', name: 'Edinburgh', country: 'GB', field: 'literature', year: 2004, active: true, designatedOn: '2004-10-01', score: null, geo: { region: 'europe' } },
      { id: 'c5', name: 'Santa Fe', country: 'US', field: 'crafts', year: 2005, designatedOn: '2005-07-14', geo: { region: 'north-america', lat: 35.69 } },
      { id: 'c6', name: 'Popayán', country: 'CO', field: 'gastronomy', year: 2005, active: false, designatedOn: '2005-08-02T00:00:00.000Z', score: 2, geo: { region: 'latin-america', lat: 2.44 } },
    ];

    /** a collection holding the six cities above, with an index on the fields the tests filter */
    async function seededCities(): Promise<string> {
      const c = collectionName('cities');
      await store.ensureCollection(c, [['country'], ['field', 'year'], ['geo.region'], ['designatedOn']]);
      await store.commit({ changes: cities.map((doc) => ({ collection: c, id: doc.id, doc })) });
      return c;
    }

    describe('collections', () => {
      it('ensureCollection is idempotent, with and without indexes, and lists the collection', async () => {
        const c = collectionName('directory');
        await store.ensureCollection(c, [['country'], ['field', 'year'], ['geo.region']]);
        await store.ensureCollection(c, [['country'], ['field', 'year'], ['geo.region']]);
        await store.ensureCollection(c);
        await store.ensureCollection(c, [['country'], ['designatedOn']]);
        await store.upsert(c, { id: 'x', country: 'PL' });
        await store.ensureCollection(c, [['country']]);
        expect(await store.get(c, 'x')).toEqual({ id: 'x', country: 'PL' });
        expect(await store.listCollections()).toEqual(expect.arrayContaining([c]));
      });

      it('a collection that was never created reads as empty instead of throwing', async () => {
        const c = collectionName('never');
        expect(await store.get(c, 'nobody')).toBeNull();
        expect(await store.getMany(c, ['a', 'b'])).toEqual([]);
        expect(await store.find(c)).toEqual([]);
        expect(await store.find(c, { filter: { country: 'PL' }, sort: [['year', -1]], limit: 5 })).toEqual([]);
        expect(await store.count(c)).toBe(0);
        expect(await store.count(c, { year: { $gte: 2000 } })).toBe(0);
        await expect(store.delete(c, 'nobody')).resolves.toBeUndefined();
        await expect(store.dropCollection(c)).resolves.toBeUndefined();
        expect(await store.listCollections()).not.toContain(c);
      });

      it('writing to a collection that was never ensured creates it', async () => {
        const c = collectionName('implicit');
        await store.upsert(c, { id: 'a', n: 1 });
        const d = collectionName('implicit-commit');
        await store.commit({ changes: [{ collection: d, id: 'b', doc: { id: 'b', n: 2 } }] });
        expect(await store.get(c, 'a')).toEqual({ id: 'a', n: 1 });
        expect(await store.get(d, 'b')).toEqual({ id: 'b', n: 2 });
        expect(await store.listCollections()).toEqual(expect.arrayContaining([c, d]));
      });

      it('dropCollection removes the documents and the collection; the name can be used again', async () => {
        const c = await seededCities();
        const other = collectionName('kept');
        await store.upsert(other, { id: 'k' });
        await store.dropCollection(c);
        expect(await store.listCollections()).not.toContain(c);
        expect(await store.listCollections()).toContain(other);
        expect(await store.count(c)).toBe(0);
        expect(await store.get(c, 'c1')).toBeNull();
        await store.ensureCollection(c, [['country']]);
        expect(await store.find(c)).toEqual([]);
        await store.upsert(c, { id: 'again' });
        expect(ids(await store.find(c))).toEqual(['again']);
        expect(await store.get(other, 'k')).toEqual({ id: 'k' });
      });

      it('rejects invalid collection names', async () => {
        await expect(store.ensureCollection('Bad Name')).rejects.toThrow();
        await expect(store.upsert('x"; drop table', { id: 'a' })).rejects.toThrow();
        await expect(store.find('')).rejects.toThrow();
        await expect(store.get('../etc', 'a')).rejects.toThrow();
      });

      it('ping answers while the store is open', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('documents', () => {
      it('get returns the stored document, or null for an unknown id', async () => {
        const c = await seededCities();
        expect(await store.get(c, 'c1')).toEqual(cities[0]);
        expect(await store.get(c, 'missing')).toBeNull();
      });

      it('getMany returns the documents found, leaving out unknown ids', async () => {
        const c = await seededCities();
        expect(byId(await store.getMany(c, ['c3', 'nope', 'c1']))).toEqual([cities[0], cities[2]]);
        expect(await store.getMany(c, [])).toEqual([]);
      });

      it('getMany handles long id lists', async () => {
        const c = collectionName('many');
        const docs = Array.from({ length: 1500 }, (_, i) => ({ id: `d${String(i).padStart(5, '0')}`, i }));
        await store.commit({ changes: docs.map((doc) => ({ collection: c, id: doc.id, doc })) });
        const wanted = docs.filter((d) => d.i % 2 === 0).map((d) => d.id);
        const found = await store.getMany(c, [...wanted, 'absent']);
        expect(byId(found)).toEqual(docs.filter((d) => d.i % 2 === 0));
      });

      it('upsert inserts, then replaces the whole document (fields not given are gone)', async () => {
        const c = collectionName('upsert');
        await store.upsert(c, { id: 'kr', name: 'Kraków', field: 'literature', extra: { a: 1 } });
        await store.upsert(c, { id: 'kr', name: 'Krakow' });
        expect(await store.get(c, 'kr')).toEqual({ id: 'kr', name: 'Krakow' });
        expect(await store.count(c)).toBe(1);
      });

      it('delete removes one document; deleting an unknown id does nothing', async () => {
        const c = await seededCities();
        await store.delete(c, 'c2');
        await store.delete(c, 'c2');
        await store.delete(c, 'never-there');
        expect(await store.get(c, 'c2')).toBeNull();
        expect(await store.count(c)).toBe(cities.length - 1);
      });

      it('rejects a document without a string id', async () => {
        const c = collectionName('noid');
        await expect(store.upsert(c, { name: 'anonymous' } as unknown as Document)).rejects.toThrow();
        await expect(store.upsert(c, { id: 42 } as unknown as Document)).rejects.toThrow();
        expect(await store.count(c)).toBe(0);
      });

      it('documents round-trip exactly: unicode, nested objects and arrays, numbers, booleans, nulls', async () => {
        const c = collectionName('roundtrip');
        const doc: Document = {
          id: 'city:kraków/ü',
          name: 'Kraków',
          alt: ['Cracovia', 'Краков', '克拉科夫', '🐉 Wawel'],
          quote: 'She said "hi" \\ \n\t and left',
          year: 2013,
          negative: -17,
          ratio: 0.1 + 0.2,
          big: 9007199254740991,
          tiny: 1e-7,
          zero: 0,
          flags: { member: true, withdrawn: false, note: null },
          history: [
            { year: 2013, event: 'designated', tags: ['literature', { nested: [1, [2, [3]]] }] },
            { year: 2019, event: 'report', tags: [] },
          ],
          empty: {},
          emptyList: [],
          nothing: null,
        };
        await store.upsert(c, doc);
        expect(await store.get(c, doc.id)).toEqual(doc);
        const found = await store.find(c, { filter: { name: 'Kraków' } });
        expect(found).toEqual([doc]);
        expect(await store.getMany(c, [doc.id])).toEqual([doc]);
      });

      it('ids are compared exactly (case and unicode matter)', async () => {
        const c = collectionName('ids');
        await store.upsert(c, { id: 'Kraków', v: 1 });
        await store.upsert(c, { id: 'krakow', v: 2 });
        await store.upsert(c, { id: 'KRAKÓW', v: 3 });
        expect(await store.get(c, 'Kraków')).toEqual({ id: 'Kraków', v: 1 });
        expect(await store.get(c, 'Krakow')).toBeNull();
        expect(await store.count(c)).toBe(3);
      });
    });

    describe('find: equality filters', () => {
      it('matches strings, numbers and booleans', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { field: 'music' } }))).toEqual(['c2', 'c3']);
        expect(ids(await store.find(c, { filter: { year: 2005 } }))).toEqual(['c5', 'c6']);
        expect(ids(await store.find(c, { filter: { score: 4.5 } }))).toEqual(['c1']);
        expect(ids(await store.find(c, { filter: { active: true } }))).toEqual(['c1', 'c2', 'c4']);
        expect(ids(await store.find(c, { filter: { active: false } }))).toEqual(['c3', 'c6']);
        expect(ids(await store.find(c, { filter: { field: 'music', year: 2006, active: true } }))).toEqual(['c2']);
        expect(await store.find(c, { filter: { field: 'opera' } })).toEqual([]);
      });

      it('null matches a missing field or a null value', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { active: null } }))).toEqual(['c5']);
        expect(ids(await store.find(c, { filter: { score: null } }))).toEqual(['c4', 'c5']);
        expect(ids(await store.find(c, { filter: { 'geo.lat': null } }))).toEqual(['c4']);
      });

      it('does not mix types: a number never equals a string or a boolean', async () => {
        const c = collectionName('types');
        await store.commit({
          changes: [
            { id: 'n1', v: 1 },
            { id: 's1', v: '1' },
            { id: 't', v: true },
            { id: 'n0', v: 0 },
            { id: 'f', v: false },
            { id: 's2006', v: '2006' },
            { id: 'n2006', v: 2006 },
          ].map((doc) => ({ collection: c, id: doc.id, doc })),
        });
        expect(ids(await store.find(c, { filter: { v: 1 } }))).toEqual(['n1']);
        expect(ids(await store.find(c, { filter: { v: '1' } }))).toEqual(['s1']);
        expect(ids(await store.find(c, { filter: { v: true } }))).toEqual(['t']);
        expect(ids(await store.find(c, { filter: { v: 0 } }))).toEqual(['n0']);
        expect(ids(await store.find(c, { filter: { v: false } }))).toEqual(['f']);
        expect(ids(await store.find(c, { filter: { v: 2006 } }))).toEqual(['n2006']);
        expect(ids(await store.find(c, { filter: { v: '2006' } }))).toEqual(['s2006']);
      });

      it('treats filter values as data, never as query text', async () => {
        const c = await seededCities();
        await store.upsert(c, { id: 'q', name: "O'Brien\" OR 1=1 --", field: '$gt' });
        expect(ids(await store.find(c, { filter: { name: "x' OR '1'='1" } }))).toEqual([]);
        expect(ids(await store.find(c, { filter: { name: "O'Brien\" OR 1=1 --" } }))).toEqual(['q']);
        expect(ids(await store.find(c, { filter: { field: '$gt' } }))).toEqual(['q']);
        expect(await store.count(c, { country: { $in: ["PL') OR 1=1 --"] } })).toBe(0);
      });

      it('filters on id', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { id: 'c4' } }))).toEqual(['c4']);
        expect(ids(await store.find(c, { filter: { id: { $in: ['c6', 'c2', 'zz'] } } }))).toEqual(['c2', 'c6']);
      });

      it('dotted paths reach into nested objects', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { 'geo.region': 'europe' } }))).toEqual(['c1', 'c2', 'c3', 'c4']);
        expect(ids(await store.find(c, { filter: { 'geo.lat': { $gt: 40 } } }))).toEqual(['c1', 'c2']);
        expect(ids(await store.find(c, { filter: { 'geo.region': 'europe' }, sort: [['geo.lat', 1]] }))).toEqual(['c4', 'c3', 'c2', 'c1']);
        expect(await store.count(c, { 'geo.region': 'latin-america' })).toBe(1);
      });

      it('rejects field paths that are not plain identifiers, and unknown operators', async () => {
        const c = await seededCities();
        await expect(store.find(c, { filter: { "x') OR 1=1 --": 'a' } })).rejects.toThrow();
        await expect(store.find(c, { filter: { $where: 'true' } })).rejects.toThrow();
        await expect(store.find(c, { sort: [['name; drop', 1]] })).rejects.toThrow();
        await expect(store.count(c, { 'a..b': 1 })).rejects.toThrow();
        await expect(store.find(c, { filter: { name: { $regex: 'K' } } as never })).rejects.toThrow();
      });
    });

    describe('find: range conditions', () => {
      it('compares numbers with $lt, $lte, $gt, $gte', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { year: { $lt: 2006 } } }))).toEqual(['c4', 'c5', 'c6']);
        expect(ids(await store.find(c, { filter: { year: { $lte: 2005 } } }))).toEqual(['c4', 'c5', 'c6']);
        expect(ids(await store.find(c, { filter: { year: { $gt: 2006 } } }))).toEqual(['c1']);
        expect(ids(await store.find(c, { filter: { year: { $gte: 2005, $lt: 2013 } } }))).toEqual(['c2', 'c3', 'c5', 'c6']);
        expect(ids(await store.find(c, { filter: { score: { $gte: 3, $lte: 4 } } }))).toEqual(['c2', 'c3']);
      });

      it('compares ISO dates as strings', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { designatedOn: { $gte: '2006-01-01' } } }))).toEqual(['c1', 'c2', 'c3']);
        expect(ids(await store.find(c, { filter: { designatedOn: { $lt: '2005-08-01' } } }))).toEqual(['c4', 'c5']);
        expect(ids(await store.find(c, { filter: { designatedOn: { $gt: '2005-08-02', $lte: '2006-04-01T00:00:00.000Z' } } }))).toEqual(['c3', 'c6']);
        expect(ids(await store.find(c, { filter: { name: { $gte: 'P', $lt: 'T' } } }))).toEqual(['c3', 'c5', 'c6']);
      });

      it('$in matches any of the values; null in the list matches a missing field; an empty list matches nothing', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { country: { $in: ['PL', 'ES', 'FR'] } } }))).toEqual(['c1', 'c3']);
        expect(ids(await store.find(c, { filter: { year: { $in: [2004, 2013] } } }))).toEqual(['c1', 'c4']);
        expect(ids(await store.find(c, { filter: { active: { $in: [false, null] } } }))).toEqual(['c3', 'c5', 'c6']);
        expect(await store.find(c, { filter: { country: { $in: [] } } })).toEqual([]);
        expect(await store.count(c, { country: { $in: [] } })).toBe(0);
      });

      it('$ne excludes the value and keeps documents where the field is missing', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { field: { $ne: 'music' } } }))).toEqual(['c1', 'c4', 'c5', 'c6']);
        expect(ids(await store.find(c, { filter: { active: { $ne: false } } }))).toEqual(['c1', 'c2', 'c4', 'c5']);
        expect(ids(await store.find(c, { filter: { active: { $ne: null } } }))).toEqual(['c1', 'c2', 'c3', 'c4', 'c6']);
        expect(ids(await store.find(c, { filter: { year: { $ne: 2006 } } }))).toEqual(['c1', 'c4', 'c5', 'c6']);
      });

      it('a range never matches a missing field', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { filter: { score: { $lt: 100 } } }))).toEqual(['c1', 'c2', 'c3', 'c6']);
        expect(ids(await store.find(c, { filter: { 'geo.lat': { $gte: 0 } } }))).toEqual(['c1', 'c2', 'c3', 'c5', 'c6']);
      });
    });

    describe('find: sort and paging', () => {
      it('returns documents by id ascending when no sort is given', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
      });

      it('sorts by one field ascending and descending, breaking ties by id ascending', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { sort: [['year', 1]] }))).toEqual(['c4', 'c5', 'c6', 'c2', 'c3', 'c1']);
        expect(ids(await store.find(c, { sort: [['year', -1]] }))).toEqual(['c1', 'c2', 'c3', 'c5', 'c6', 'c4']);
        expect(ids(await store.find(c, { sort: [['name', 1]] }))).toEqual(['c2', 'c4', 'c1', 'c6', 'c5', 'c3']);
        expect(ids(await store.find(c, { sort: [['designatedOn', -1]] }))).toEqual(['c1', 'c2', 'c3', 'c6', 'c5', 'c4']);
      });

      it('sorts by two fields in mixed directions, then id', async () => {
        const c = await seededCities();
        expect(ids(await store.find(c, { sort: [['field', 1], ['year', -1]] }))).toEqual(['c5', 'c6', 'c1', 'c4', 'c2', 'c3']);
        expect(ids(await store.find(c, { sort: [['geo.region', -1], ['year', 1]] }))).toEqual(['c5', 'c6', 'c4', 'c2', 'c3', 'c1']);
        expect(ids(await store.find(c, { filter: { 'geo.region': 'europe' }, sort: [['field', -1], ['country', 1]] }))).toEqual(['c3', 'c2', 'c4', 'c1']);
      });

      it('sorts missing values first when ascending and last when descending', async () => {
        const c = await seededCities();
        const asc = ids(await store.find(c, { sort: [['score', 1]] }));
        expect(asc).toEqual(['c4', 'c5', 'c6', 'c2', 'c3', 'c1']);
        expect(ids(await store.find(c, { sort: [['score', -1]] }))).toEqual(['c1', 'c3', 'c2', 'c6', 'c4', 'c5']);
      });

      it('pages with skip and limit without gaps or repeats, even across ties', async () => {
        const c = collectionName('paging');
        const docs = Array.from({ length: 53 }, (_, i) => ({ id: `p${String((i * 37) % 53).padStart(2, '0')}`, bucket: i % 4, at: `2020-01-${String((i % 9) + 1).padStart(2, '0')}` }));
        await store.ensureCollection(c, [['bucket'], ['at']]);
        await store.commit({ changes: docs.map((doc) => ({ collection: c, id: doc.id, doc })) });
        const sort = [['bucket', -1], ['at', 1]] as const;
        const all = ids(await store.find(c, { sort }));
        expect(all).toHaveLength(53);
        const pages: string[] = [];
        for (let skip = 0; skip < 60; skip += 10) pages.push(...ids(await store.find(c, { sort, skip, limit: 10 })));
        expect(pages).toEqual(all);
        expect(new Set(pages).size).toBe(53);
        expect(await store.find(c, { sort, skip: 100, limit: 10 })).toEqual([]);
        expect(ids(await store.find(c, { sort, skip: 50 }))).toEqual(all.slice(50));
        const filtered = ids(await store.find(c, { filter: { bucket: 2 }, sort: [['at', -1]], skip: 3, limit: 4 }));
        const expected = docs
          .filter((d) => d.bucket === 2)
          .sort((a, b) => compare(b.at, a.at) || compare(a.id, b.id))
          .slice(3, 7)
          .map((d) => d.id);
        expect(filtered).toEqual(expected);
      });
    });

    describe('count', () => {
      it('counts all documents, or those matching a filter', async () => {
        const c = await seededCities();
        expect(await store.count(c)).toBe(6);
        expect(await store.count(c, {})).toBe(6);
        expect(await store.count(c, { field: 'music' })).toBe(2);
        expect(await store.count(c, { year: { $gte: 2005 }, active: { $ne: false } })).toBe(3);
        expect(await store.count(c, { country: 'FR' })).toBe(0);
      });
    });

    describe('commit and checkpoints', () => {
      it('getCheckpoint is null when never written, and 0 is a position like any other', async () => {
        const cp = checkpointName('fresh');
        expect(await store.getCheckpoint(cp)).toBeNull();
        await store.commit({ changes: [], checkpoint: { name: cp, position: 0 } });
        expect(await store.getCheckpoint(cp)).toBe(0);
      });

      it('commit writes the changes across collections and moves the checkpoint', async () => {
        const a = collectionName('directory');
        const b = collectionName('by-country');
        const cp = checkpointName('directory');
        await store.upsert(a, { id: 'gone', v: 0 });
        await store.commit({
          changes: [
            { collection: a, id: 'kr', doc: { id: 'kr', name: 'Kraków' } },
            { collection: b, id: 'PL', doc: { id: 'PL', cities: ['kr'] } },
            { collection: a, id: 'gone', doc: null },
          ],
          checkpoint: { name: cp, position: 41 },
        });
        expect(await store.get(a, 'kr')).toEqual({ id: 'kr', name: 'Kraków' });
        expect(await store.get(b, 'PL')).toEqual({ id: 'PL', cities: ['kr'] });
        expect(await store.get(a, 'gone')).toBeNull();
        expect(await store.getCheckpoint(cp)).toBe(41);

        await store.commit({ changes: [], checkpoint: { name: cp, position: 9007199254740991 } });
        expect(await store.getCheckpoint(cp)).toBe(9007199254740991);
      });

      it('commits several checkpoints with the documents they reflect, all or none', async () => {
        const a = collectionName('shared-a');
        const b = collectionName('shared-b');
        const [cpA, cpB] = [checkpointName('shared-a'), checkpointName('shared-b')];
        await store.commit({
          changes: [
            { collection: a, id: 'x', doc: { id: 'x', v: 1 } },
            { collection: b, id: 'y', doc: { id: 'y', v: 1 } },
          ],
          checkpoint: { name: cpA, position: 7 },
          checkpoints: [{ name: cpB, position: 8 }],
        });
        expect([await store.getCheckpoint(cpA), await store.getCheckpoint(cpB)]).toEqual([7, 8]);
        expect(await store.get(b, 'y')).toEqual({ id: 'y', v: 1 });

        await expect(
          store.commit({
            changes: [
              { collection: a, id: 'x', doc: { id: 'x', v: 2 } },
              { collection: b, id: 'y', doc: { v: 2 } as unknown as Document },
            ],
            checkpoints: [
              { name: cpA, position: 9 },
              { name: cpB, position: 10 },
            ],
          }),
        ).rejects.toThrow();
        expect([await store.getCheckpoint(cpA), await store.getCheckpoint(cpB)]).toEqual([7, 8]);
        expect(await store.get(a, 'x')).toEqual({ id: 'x', v: 1 });
      });

      it('applies changes to the same document in order: the last one wins', async () => {
        const c = collectionName('order');
        await store.commit({
          changes: [
            { collection: c, id: 'x', doc: { id: 'x', v: 1 } },
            { collection: c, id: 'x', doc: { id: 'x', v: 2 } },
            { collection: c, id: 'y', doc: { id: 'y', v: 1 } },
            { collection: c, id: 'y', doc: null },
            { collection: c, id: 'z', doc: null },
            { collection: c, id: 'z', doc: { id: 'z', v: 3 } },
          ],
        });
        expect(await store.find(c)).toEqual([
          { id: 'x', v: 2 },
          { id: 'z', v: 3 },
        ]);
      });

      it('commits a large batch in one unit', async () => {
        const c = collectionName('batch');
        const cp = checkpointName('batch');
        await store.ensureCollection(c, [['n']]);
        const changes = Array.from({ length: 5000 }, (_, i) => ({ collection: c, id: `b${i}`, doc: { id: `b${i}`, n: i % 10, name: `Città ${i}` } }));
        await store.commit({ changes, checkpoint: { name: cp, position: 5000 } });
        expect(await store.count(c)).toBe(5000);
        expect(await store.count(c, { n: 7 })).toBe(500);
        expect(await store.getCheckpoint(cp)).toBe(5000);
      });

      it('a unit with an invalid collection name midway changes neither documents nor the checkpoint', async () => {
        const c = collectionName('atomic');
        const cp = checkpointName('atomic');
        await store.commit({ changes: [{ collection: c, id: 'a', doc: { id: 'a', v: 1 } }], checkpoint: { name: cp, position: 1 } });
        await expect(
          store.commit({
            changes: [
              { collection: c, id: 'a', doc: { id: 'a', v: 2 } },
              { collection: c, id: 'b', doc: { id: 'b', v: 2 } },
              { collection: 'Not A Valid Name!', id: 'x', doc: { id: 'x' } },
              { collection: c, id: 'c', doc: { id: 'c', v: 2 } },
            ],
            checkpoint: { name: cp, position: 2 },
          }),
        ).rejects.toThrow();
        expect(await store.find(c)).toEqual([{ id: 'a', v: 1 }]);
        expect(await store.getCheckpoint(cp)).toBe(1);
      });

      it('a unit with a document without an id midway changes neither documents nor the checkpoint', async () => {
        const c = collectionName('atomic-id');
        const cp = checkpointName('atomic-id');
        await store.commit({ changes: [{ collection: c, id: 'a', doc: { id: 'a', v: 1 } }], checkpoint: { name: cp, position: 1 } });
        await expect(
          store.commit({
            changes: [
              { collection: c, id: 'a', doc: null },
              { collection: c, id: 'b', doc: { id: 'b', v: 2 } },
              { collection: c, id: 'c', doc: { v: 2 } as unknown as Document },
            ],
            checkpoint: { name: cp, position: 2 },
          }),
        ).rejects.toThrow();
        expect(await store.find(c)).toEqual([{ id: 'a', v: 1 }]);
        expect(await store.getCheckpoint(cp)).toBe(1);
      });

      it('rejects a change whose document id differs from the change id, changing nothing', async () => {
        const c = collectionName('mismatch');
        const cp = checkpointName('mismatch');
        await expect(
          store.commit({
            changes: [
              { collection: c, id: 'a', doc: { id: 'a' } },
              { collection: c, id: 'b', doc: { id: 'not-b' } },
            ],
            checkpoint: { name: cp, position: 5 },
          }),
        ).rejects.toThrow();
        expect(await store.count(c)).toBe(0);
        expect(await store.getCheckpoint(cp)).toBeNull();
      });

      it('deleteCheckpoint forgets the position; deleting an unknown checkpoint does nothing', async () => {
        const cp = checkpointName('forget');
        const other = checkpointName('other');
        await store.commit({ changes: [], checkpoint: { name: cp, position: 7 } });
        await store.commit({ changes: [], checkpoint: { name: other, position: 8 } });
        await store.deleteCheckpoint(cp);
        await store.deleteCheckpoint(cp);
        expect(await store.getCheckpoint(cp)).toBeNull();
        expect(await store.getCheckpoint(other)).toBe(8);
      });

      it('checkpoints are not listed as collections', async () => {
        const cp = checkpointName('hidden');
        await store.commit({ changes: [], checkpoint: { name: cp, position: 3 } });
        const listed = await store.listCollections();
        expect(listed.some((name) => name.includes(cp))).toBe(false);
      });
    });
  });
}

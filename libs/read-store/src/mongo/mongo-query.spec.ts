/**
 * The translation to MongoDB's query language, checked without a server: what reaches MongoDB is
 * the port's filter with `id` renamed `_id`, and nothing outside the port's six operators.
 */
import { assertChanges, fromStored, toMongoFilter, toMongoIndex, toMongoSort, toStored } from './mongo-query.js';

describe('MongoDB query translation', () => {
  it('stores the id as _id and gives it back as id', () => {
    const doc = { id: 'krakow', name: 'Kraków', geo: { lat: 50.06 } };
    expect(toStored(doc)).toEqual({ _id: 'krakow', name: 'Kraków', geo: { lat: 50.06 } });
    expect(fromStored(toStored(doc))).toEqual(doc);
  });

  it('passes equality, null and the six operators through, renaming id', () => {
    expect(
      toMongoFilter({ id: { $in: ['c1', 'c2'] }, country: 'PL', score: null, year: { $gte: 2005, $lt: 2013 }, field: { $ne: 'music' } }),
    ).toEqual({ _id: { $in: ['c1', 'c2'] }, country: 'PL', score: null, year: { $gte: 2005, $lt: 2013 }, field: { $ne: 'music' } });
  });

  it('refuses operators and paths the port does not have, so they never reach the server', () => {
    expect(() => toMongoFilter({ $where: 'true' })).toThrow();
    expect(() => toMongoFilter({ name: { $regex: 'K' } } as never)).toThrow();
    expect(() => toMongoFilter({ name: { $exists: true } } as never)).toThrow();
    expect(() => toMongoFilter({ "x') OR 1=1": 'a' })).toThrow();
    expect(() => toMongoFilter({ year: {} })).toThrow();
    expect(() => toMongoFilter({ year: { $in: 2005 } } as never)).toThrow();
    expect(() => toMongoFilter({ tags: ['a'] } as never)).toThrow();
  });

  it('ends every sort with _id ascending, once', () => {
    expect([...(toMongoSort([['year', -1], ['geo.lat', 1]]) as Map<string, number>)]).toEqual([['year', -1], ['geo.lat', 1], ['_id', 1]]);
    expect([...(toMongoSort([['id', -1]]) as Map<string, number>)]).toEqual([['_id', -1]]);
    expect([...(toMongoSort(undefined) as Map<string, number>)]).toEqual([['_id', 1]]);
  });

  it('builds compound ascending indexes, leaving out the one on _id that MongoDB keeps anyway', () => {
    expect(toMongoIndex(['field', 'year'])).toEqual({ field: 1, year: 1 });
    expect(toMongoIndex(['id'])).toBeNull();
    expect(() => toMongoIndex(['bad path'])).toThrow();
  });

  it('checks every change of a unit before anything is written', () => {
    expect(() => assertChanges([{ collection: 'cities', id: 'a', doc: { id: 'a' } }, { collection: 'cities', id: 'b', doc: null }])).not.toThrow();
    expect(() => assertChanges([{ collection: 'cities', id: 'b', doc: { id: 'not-b' } }])).toThrow();
    expect(() => assertChanges([{ collection: 'Not Valid', id: 'x', doc: null }])).toThrow();
    expect(() => assertChanges([{ collection: 'cities', id: 'x', doc: { id: 'x', _id: 'y' } }])).toThrow();
  });
});

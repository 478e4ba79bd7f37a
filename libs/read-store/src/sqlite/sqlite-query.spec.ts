import { createIndexSql, fieldExpression, orderByClause, pagingClause, tableName, whereClause } from './sqlite-query.js';

describe('translating read store filters to SQL', () => {
  it('binds every value as a parameter, never as SQL text', () => {
    const { sql, params } = whereClause({ name: "Kraków' OR 1=1 --", year: { $gte: 2004, $lt: 2020 }, country: { $ne: 'PL' } });
    expect(sql).not.toContain('Kraków');
    expect(sql).not.toContain('2004');
    expect(sql).not.toContain('PL');
    expect(params).toEqual(["Kraków' OR 1=1 --", 2004, 2020, 'PL']);
  });

  it('queries a field with the very expression its index is built on, so the index can be used', () => {
    const index = createIndexSql('city-directory', ['geo.region', 'year']);
    expect(index).toContain(fieldExpression('geo.region'));
    expect(index).toContain(fieldExpression('year'));
    expect(whereClause({ 'geo.region': 'europe' }).sql).toContain(fieldExpression('geo.region'));
    expect(orderByClause([['year', -1]])).toContain(fieldExpression('year'));
  });

  it('puts id right after the values, so the index also serves the id tie-breaker, then the JSON types', () => {
    expect(createIndexSql('directory', ['field', 'year'])).toMatch(
      /\(json_extract\(doc, '\$\.field'\), json_extract\(doc, '\$\.year'\), id, json_type\(doc, '\$\.field'\), json_type\(doc, '\$\.year'\)\)$/,
    );
  });

  it('reads id from its column, not from the JSON', () => {
    expect(fieldExpression('id')).toBe('id');
    expect(whereClause({ id: 'c1' }).sql).toBe('id = ?');
  });

  it('binds booleans as 1/0 and checks the JSON type, so true never matches the number 1', () => {
    const { sql, params } = whereClause({ member: true });
    expect(params).toEqual([1]);
    expect(sql).toContain(`json_type(doc, '$.member') = 'true'`);
    expect(whereClause({ count: 1 }).sql).toContain(`IN ('integer', 'real')`);
    expect(whereClause({ count: 2 }).sql).not.toContain('json_type');
  });

  it('treats null as missing or null, and keeps missing fields under $ne', () => {
    expect(whereClause({ score: null }).sql).toBe(`json_extract(doc, '$.score') IS NULL`);
    expect(whereClause({ score: { $ne: 3 } }).sql).toBe(`NOT json_extract(doc, '$.score') IS ?`);
  });

  it('keeps one SQL text for $in lists of any length, so prepared statements are reused', () => {
    const short = whereClause({ country: { $in: ['PL'] } });
    const long = whereClause({ country: { $in: ['PL', 'IT', 'ES', 'GB', 'US'] } });
    expect(long.sql).toBe(short.sql);
    expect(long.params).toEqual([JSON.stringify(['PL', 'IT', 'ES', 'GB', 'US'])]);
    expect(whereClause({ country: { $in: [] } }).sql).toBe('0');
  });

  it('matches everything when the filter is empty', () => {
    expect(whereClause(undefined)).toEqual({ sql: '1', params: [] });
    expect(whereClause({})).toEqual({ sql: '1', params: [] });
  });

  it('rejects field paths that could change the SQL, and operators it does not know', () => {
    expect(() => whereClause({ "name') OR 1=1 --": 'x' })).toThrow(/invalid field path/);
    expect(() => orderByClause([['a b', 1]])).toThrow(/invalid field path/);
    expect(() => createIndexSql('directory', ['$where'])).toThrow(/invalid field path/);
    expect(() => tableName('x" ; DROP TABLE checkpoints; --')).toThrow(/invalid collection name/);
    expect(() => whereClause({ name: { $regex: 'K' } } as never)).toThrow(/unsupported filter operator/);
    expect(() => whereClause({ tags: ['a'] } as never)).toThrow(/unsupported filter value/);
  });

  it('always sorts by id ascending last, so pages never overlap', () => {
    expect(orderByClause(undefined)).toBe('id ASC');
    expect(orderByClause([['field', 1], ['year', -1]])).toBe(`json_extract(doc, '$.field') ASC, json_extract(doc, '$.year') DESC, id ASC`);
  });

  it('binds skip and limit, and refuses negative or fractional ones', () => {
    expect(pagingClause({})).toEqual({ sql: 'LIMIT CAST(? AS INTEGER) OFFSET CAST(? AS INTEGER)', params: [-1, 0] });
    expect(pagingClause({ skip: 40, limit: 20 }).params).toEqual([20, 40]);
    expect(() => pagingClause({ skip: -1 })).toThrow();
    expect(() => pagingClause({ limit: 1.5 })).toThrow();
  });
});

import Database from 'better-sqlite3';
import { ReadStoreUnavailable } from '../read-store.port.js';
import { toReadStoreError } from './sqlite-errors.js';

describe('SQLite errors seen by read store callers', () => {
  it.each(['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DBMOVED'])(
    '%s means the store is unavailable',
    (code) => {
      const cause = new Database.SqliteError('disk trouble', code);
      const mapped = toReadStoreError(cause);
      expect(mapped).toBeInstanceOf(ReadStoreUnavailable);
      expect((mapped as ReadStoreUnavailable).cause).toBe(cause);
    },
  );

  it('leaves other SQL errors and plain bugs as they are', () => {
    const constraint = new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE');
    const bug = new Error('invalid field path');
    expect(toReadStoreError(constraint)).toBe(constraint);
    expect(toReadStoreError(bug)).toBe(bug);
  });
});

import Database from 'better-sqlite3';
import { ReadStoreUnavailable } from '../read-store.port.js';

/** Result codes (extended codes share the prefix) that mean the disk, not the caller, is at fault. */
const UNAVAILABLE_CODES = ['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_NOTADB', 'SQLITE_CORRUPT'];

export function isStorageFailure(error: unknown): boolean {
  if (error instanceof Database.SqliteError) {
    return UNAVAILABLE_CODES.some((code) => error.code === code || error.code.startsWith(`${code}_`));
  }
  // better-sqlite3 throws a TypeError when the connection was closed under us
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

/** Storage failures become ReadStoreUnavailable; anything else (a bug, bad input) passes through. */
export function toReadStoreError(error: unknown): unknown {
  if (error instanceof ReadStoreUnavailable || !isStorageFailure(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ReadStoreUnavailable(`SQLite read store unavailable: ${message}`, { cause: error });
}

export function isMissingTable(error: unknown): boolean {
  return error instanceof Database.SqliteError && /no such table/i.test(error.message);
}

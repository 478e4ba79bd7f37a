import { messageOf } from '@uccn/domain';
import { ReadStoreUnavailable } from '../read-store.port.js';

/** Result codes (extended codes share the prefix) that mean the disk, not the caller, is at fault. */
const UNAVAILABLE_CODES = ['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_NOTADB', 'SQLITE_CORRUPT'];

// Checked by shape, not instanceof: the native addon builds its errors in Node's own realm, which
// is not the realm of code running inside a jest sandbox.
interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
}

function sqliteCode(error: unknown): string | undefined {
  const e = error as ErrorLike | null;
  return e?.name === 'SqliteError' && typeof e.code === 'string' ? e.code : undefined;
}

export function isStorageFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code) return UNAVAILABLE_CODES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`));
  // better-sqlite3 throws a TypeError when the connection was closed under us
  return (error as ErrorLike | null)?.name === 'TypeError' && /database connection is not open/i.test(messageOf(error));
}

/** Storage failures become ReadStoreUnavailable; anything else (a bug, bad input) passes through. */
export function toReadStoreError(error: unknown): unknown {
  if (error instanceof ReadStoreUnavailable || !isStorageFailure(error)) return error;
  return new ReadStoreUnavailable(`SQLite read store unavailable: ${messageOf(error)}`, { cause: error });
}

export function isMissingTable(error: unknown): boolean {
  return sqliteCode(error) !== undefined && /no such table/i.test(messageOf(error));
}

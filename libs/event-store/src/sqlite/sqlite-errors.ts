import { messageOf } from '@uccn/domain';
import { EventStoreUnavailable } from '../event-store.port.js';

/** SQLite result codes that mean "the storage cannot serve us right now", not "bad request". */
const unavailableCodes = ['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_PROTOCOL', 'SQLITE_NOMEM', 'SQLITE_PERM'];

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …) count as their primary code. */
export function isStorageFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code !== undefined) return unavailableCodes.some((c) => code === c || code.startsWith(`${c}_`));
  // better-sqlite3 throws a TypeError once the connection is closed. Checked by name, not
  // instanceof: the addon's errors come from Node's realm, not a jest sandbox's (as in read-store).
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === 'TypeError' && typeof e.message === 'string' && /database connection is not open/i.test(e.message);
}

export function isUniqueViolation(error: unknown): boolean {
  return sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT') === true;
}

/** Storage failures become EventStoreUnavailable; anything else is passed through unchanged. */
export function toStoreError(error: unknown, doing: string): unknown {
  if (error instanceof EventStoreUnavailable || !isStorageFailure(error)) return error;
  return new EventStoreUnavailable(`SQLite event store cannot ${doing}: ${messageOf(error)}`, { cause: error });
}

/**
 * The audit log's page cursor (`next`, handed back as `after`): opaque to clients and the same on
 * every store. Inside it is the position of the last event the page covered; but positions are
 * the store's own — gapless on SQLite, offsets into EventStoreDB's transaction log, where reading
 * from any other number than an event's own position fails — so a client must not build one or
 * count with it. A cursor that is not one the API handed out is refused (400), never a 500.
 */
const PREFIX = 'log:';
const SHAPE = /^[A-Za-z0-9_-]{1,40}$/;
const POSITION = /^log:(0|[1-9][0-9]{0,15})$/;

/** The cursor that resumes the log after `position`. */
export function logCursorOf(position: number): string {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`not a log position: ${position}`);
  return Buffer.from(`${PREFIX}${position}`, 'utf8').toString('base64url');
}

/** The position a cursor resumes after, or null for anything `logCursorOf` did not make. */
export function positionOfLogCursor(cursor: string): number | null {
  if (!SHAPE.test(cursor)) return null;
  const match = POSITION.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const position = Number(match[1]);
  // one spelling per position: base64url has others (spare bits) that decode alike
  return Number.isSafeInteger(position) && logCursorOf(position) === cursor ? position : null;
}

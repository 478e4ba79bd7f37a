import type Database from 'better-sqlite3';

/**
 * `position` is the rowid: SQLite gives a new row max(rowid)+1, and events are never deleted,
 * so a rolled-back append leaves no hole and positions stay gapless in commit order.
 * The UNIQUE(stream_id, revision) index also answers "current revision of a stream", so no
 * separate streams table has to be kept in step.
 */
const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY,
    event_id  TEXT    NOT NULL UNIQUE,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  ) STRICT;
`;

export interface ConnectionSettings {
  /** how long a writer waits for another process's write lock before giving up */
  readonly busyTimeoutMs: number;
}

export function prepareConnection(db: Database.Database, settings: ConnectionSettings): void {
  db.pragma('journal_mode = WAL');
  // FULL (not WAL's usual NORMAL): an acknowledged append must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(settings.busyTimeoutMs))}`);
  db.exec(schema);
}

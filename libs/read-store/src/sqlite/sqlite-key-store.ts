import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertProposedKey, assertSubjectId, type DataKey, type KeyStore, newDataKey } from '../key-store.port.js';
import { ReadStoreUnavailable } from '../read-store.port.js';
import { toReadStoreError } from './sqlite-errors.js';

export interface SqliteKeyStoreOptions {
  /** the database file: the read models' own (the keys live beside them), or a file of its own */
  readonly file: string;
  /** how long a write or the checkpoint after a destroy waits for another connection (default 5 s) */
  readonly busyTimeoutMs?: number;
}

interface KeyRow {
  readonly subject_id: string;
  readonly key_id: string;
  readonly key: Buffer;
}

/**
 * The embedded key store: a `subject_keys` table (not a `doc_` table, so never listed as a
 * collection) on a connection of its own to the read models' database.
 *
 * What a destroy takes so that no copy of the key survives in the database's files:
 * - `secure_delete` on this connection: SQLite overwrites the deleted row's bytes, and any page
 *   the delete frees, with zeros instead of leaving them in free space. The setting is per
 *   connection; only this connection ever writes the key table, so every page that held a key is
 *   freed or rewritten under it.
 * - a `wal_checkpoint(TRUNCATE)` after the delete: in WAL mode the pages that held the key are
 *   still in the `-wal` file (every transaction that touched them appended a copy); the
 *   checkpoint copies the zeroed pages into the database and cuts the `-wal` file to zero bytes.
 *   The `-shm` file is an index of the WAL (page numbers), never page content.
 * What it cannot reach: copies outside these files (backups, file-system snapshots) and blocks the
 * file system or the disk keep after a truncation (an SSD remaps writes); full-disk encryption is
 * the answer there.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly select: Database.Statement<[string], KeyRow>;
  private readonly insert: Database.Statement<[string, string, Buffer]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly getOrCreate: (fresh: DataKey) => KeyRow;

  private constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT subject_id, key_id, key FROM subject_keys WHERE subject_id = ?');
    this.insert = db.prepare('INSERT INTO subject_keys (subject_id, key_id, key) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING');
    this.remove = db.prepare('DELETE FROM subject_keys WHERE subject_id = ?');
    // IMMEDIATE takes the write lock before reading, so two processes cannot both see "no key"
    // and the one that loses the race reads the winner's key in the same transaction
    this.getOrCreate = db
      .transaction((fresh: DataKey) => {
        this.insert.run(fresh.subjectId, fresh.keyId, fresh.key);
        return this.select.get(fresh.subjectId)!;
      })
      .immediate;
  }

  static async open(options: SqliteKeyStoreOptions): Promise<SqliteKeyStore> {
    let db: Database.Database | undefined;
    try {
      if (options.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
      db = new Database(options.file);
      db.pragma('journal_mode = WAL');
      db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
      db.pragma('secure_delete = ON');
      if (db.pragma('secure_delete', { simple: true }) !== 1) throw new Error('SQLite refused secure_delete: keys could not be erased');
      db.exec('CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key_id TEXT NOT NULL, key BLOB NOT NULL)');
      return new SqliteKeyStore(db);
    } catch (error) {
      db?.close();
      throw toReadStoreError(error);
    }
  }

  async keyFor(subjectId: string, proposed?: DataKey): Promise<DataKey> {
    assertSubjectId(subjectId);
    assertProposedKey(subjectId, proposed);
    return this.guard(() => toDataKey(this.getOrCreate(proposed ?? newDataKey(subjectId))));
  }

  async find(subjectId: string): Promise<DataKey | null> {
    assertSubjectId(subjectId);
    return this.guard(() => {
      const row = this.select.get(subjectId);
      return row ? toDataKey(row) : null;
    });
  }

  async destroy(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    return this.guard(() => {
      const existed = this.remove.run(subjectId).changes > 0;
      // checkpointed even when no key was left, so a retry after a busy checkpoint finishes the job
      this.truncateWal();
      return existed;
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Copies every WAL frame into the database and truncates the `-wal` file. It waits (busy
   * timeout) for readers of older snapshots; if one still holds the WAL, the old frames would
   * survive, so this fails rather than answer that the key is gone.
   */
  private truncateWal(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (result && result.busy !== 0) {
      throw new ReadStoreUnavailable(
        'the key was deleted but the WAL could not be checkpointed (another connection is reading); a copy may remain in the -wal file until destroy is retried',
      );
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toReadStoreError(error);
    }
  }
}

function toDataKey(row: KeyRow): DataKey {
  return { subjectId: row.subject_id, keyId: row.key_id, key: Buffer.from(row.key) };
}

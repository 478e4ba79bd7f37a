import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  assertCollectionName,
  type Checkpoint,
  checkpointsOf,
  type Document,
  type DocumentChange,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type ReadStore,
  type UnitOfWork,
} from '../read-store.port.js';
import { isMissingTable, toReadStoreError } from './sqlite-errors.js';
import { createIndexSql, orderByClause, pagingClause, tableName, whereClause } from './sqlite-query.js';
import { WalCheckpointer } from '@uccn/sqlite';

export interface SqliteReadStoreOptions {
  /** the database file, separate from the event log's; its directory is created when missing */
  readonly file: string;
  /** how long a write waits for another connection's lock (default 5 s) */
  readonly busyTimeoutMs?: number;
}

const TABLE_PREFIX = 'doc_';

interface CollectionWriter {
  readonly upsert: Database.Statement;
  readonly remove: Database.Statement;
}
/** enough for every query shape the projections use; past it the oldest are dropped */
const STATEMENT_CACHE_SIZE = 500;
/** changed documents after which the planner's statistics are refreshed (a rebuild writes many) */
const CHANGES_BETWEEN_OPTIMIZE = 20_000;
/**
 * how often the checkpointer's thread copies the WAL into the file, when it was written: under
 * designations the read models write about 45 MB of WAL a second, and every 5 s the copy's sync of
 * 200 MB held up the event store's fsync behind it (flushes of 130–190 ms); every second, each
 * copy is a fifth of that, and a rebuild measured no slower
 */
const CHECKPOINT_EVERY_MS = 1_000;
/** 4 KB pages: 64 MB of WAL between automatic checkpoints */
const WAL_PAGES_BETWEEN_CHECKPOINTS = 16_384;

/**
 * The embedded read store: one table per collection holding each document as JSON, expression
 * indexes on `json_extract(doc, '$.field')`, and a checkpoints table written in the same
 * transaction as the documents it reflects.
 */
export class SqliteReadStore implements ReadStore {
  private readonly statements = new Map<string, Database.Statement>();
  /** each collection's write statements, prepared once (dropped with the collection) */
  private readonly writers = new Map<string, CollectionWriter>();
  /** collections known to exist; only a positive cache, a miss asks sqlite_master */
  private readonly tables = new Set<string>();
  private changesSinceOptimize = 0;

  private constructor(
    private readonly db: Database.Database,
    /** checkpoints the WAL beside the event loop (@uccn/sqlite); null in memory */
    private readonly checkpointer: WalCheckpointer | null,
  ) {}

  static async open(options: SqliteReadStoreOptions): Promise<SqliteReadStore> {
    let db: Database.Database | undefined;
    try {
      if (options.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
      db = new Database(options.file);
      db.pragma('journal_mode = WAL');
      // NORMAL may lose the last transactions on power loss (never corrupts). Acceptable here: the
      // read side is derived, each checkpoint commits with its documents, so a lost tail is simply
      // re-projected from the event log on restart.
      db.pragma('synchronous = NORMAL');
      db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -65536');
      // A rebuild rewrites the same index pages in transaction after transaction; checkpointing
      // every 4 MB of WAL (the default) copies and fsyncs each of them over and over, which
      // measured as a third of the time of bulk writes. 64 MB between checkpoints copies a page
      // once for many commits; the file is cut back to that size afterwards.
      // the worker checkpoints every few seconds (@uccn/sqlite); the writer itself only far beyond
      const checkpointer = WalCheckpointer.start(options.file, CHECKPOINT_EVERY_MS);
      db.pragma(`wal_autocheckpoint = ${checkpointer ? 4 * WAL_PAGES_BETWEEN_CHECKPOINTS : WAL_PAGES_BETWEEN_CHECKPOINTS}`);
      db.pragma(`journal_size_limit = ${WAL_PAGES_BETWEEN_CHECKPOINTS * 4096}`);
      db.exec('CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)');
      // the planner needs statistics to choose between expression indexes; keep gathering them cheap
      db.pragma('analysis_limit = 1000');
      db.pragma('optimize = 0x10002');
      return new SqliteReadStore(db, checkpointer);
    } catch (error) {
      db?.close();
      throw toReadStoreError(error);
    }
  }

  async get(collection: string, id: string): Promise<Document | null> {
    return this.guard(() => {
      const sql = `SELECT doc FROM ${tableName(collection)} WHERE id = ?`;
      return this.read(collection, null, () => parse(this.statement(sql).pluck().get(id) as string | undefined));
    });
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Document[]> {
    return this.guard(() => {
      if (ids.length === 0) return validCollection(collection, []);
      const sql = `SELECT doc FROM ${tableName(collection)} WHERE id IN (SELECT value FROM json_each(?))`;
      return this.read(collection, [], () => parseAll(this.statement(sql).pluck().all(JSON.stringify(ids))));
    });
  }

  async find(collection: string, options: FindOptions = {}): Promise<Document[]> {
    return this.guard(() => {
      const { sql, params } = this.findSql(collection, options);
      return this.read(collection, [], () => parseAll(this.statement(sql).pluck().all(...params)));
    });
  }

  /**
   * The query plan SQLite chooses for `find` (the `detail` column of EXPLAIN QUERY PLAN), so specs
   * and benchmarks can show that a query is answered from an index rather than a full scan.
   */
  explainFind(collection: string, options: FindOptions = {}): string[] {
    return this.guard(() => {
      const { sql, params } = this.findSql(collection, options);
      return this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => (row as { detail: string }).detail);
    });
  }

  /** Like `explainFind`, for `count`. */
  explainCount(collection: string, filter?: Filter): string[] {
    return this.guard(() => {
      const { sql, params } = countSql(collection, filter);
      return this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => (row as { detail: string }).detail);
    });
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    return this.guard(() => {
      const { sql, params } = countSql(collection, filter);
      return this.read(collection, 0, () => this.statement(sql).pluck().get(...params) as number);
    });
  }

  async upsert(collection: string, doc: Document): Promise<void> {
    return this.commit({ changes: [{ collection, id: doc?.id, doc }] });
  }

  async delete(collection: string, id: string): Promise<void> {
    return this.commit({ changes: [{ collection, id, doc: null }] });
  }

  async commit(unit: UnitOfWork): Promise<void> {
    return this.guard(() => {
      // a rebuild commits thousands of documents to a handful of collections: each collection's
      // name is checked and its statements looked up once per unit, not once per document
      const writers = new Map<string, CollectionWriter | null>();
      for (const change of unit.changes) {
        if (!writers.has(change.collection)) {
          assertCollectionName(change.collection);
          writers.set(change.collection, null);
        }
        assertValidDocument(change);
      }
      const checkpoints = checkpointsOf(unit);
      for (const checkpoint of checkpoints) assertValidCheckpoint(checkpoint);
      const created: string[] = [];
      const writerOf = (collection: string): CollectionWriter => {
        let writer = writers.get(collection);
        if (!writer) {
          if (this.createTable(collection)) created.push(collection);
          writer = this.writer(collection);
          writers.set(collection, writer);
        }
        return writer;
      };
      try {
        this.db.transaction(() => {
          for (const change of unit.changes) {
            if (change.doc === null) {
              if (writers.get(change.collection) || this.hasTable(change.collection)) writerOf(change.collection).remove.run(change.id);
            } else {
              // serialised here, inside the transaction: a document that cannot be stored undoes the unit
              writerOf(change.collection).upsert.run(change.id, JSON.stringify(change.doc));
            }
          }
          for (const checkpoint of checkpoints) {
            this.statement('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position').run(
              checkpoint.name,
              checkpoint.position,
            );
          }
        }).immediate();
      } catch (error) {
        // tables created inside the rolled-back transaction are gone again
        for (const collection of created) this.tables.delete(collection);
        throw error;
      }
      // a rebuild changes a table's size by orders of magnitude; stale statistics mislead the planner
      this.changesSinceOptimize += unit.changes.length;
      if (this.changesSinceOptimize >= CHANGES_BETWEEN_OPTIMIZE) {
        this.changesSinceOptimize = 0;
        this.db.pragma('optimize');
      }
    });
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return this.guard(() => {
      const position = this.statement('SELECT position FROM checkpoints WHERE name = ?').pluck().get(name) as number | undefined;
      return position ?? null;
    });
  }

  async deleteCheckpoint(name: string): Promise<void> {
    return this.guard(() => {
      this.statement('DELETE FROM checkpoints WHERE name = ?').run(name);
    });
  }

  async ensureCollection(collection: string, indexes: readonly IndexSpec[] = []): Promise<void> {
    return this.guard(() => {
      assertCollectionName(collection);
      const ddl = indexes.map((fields) => createIndexSql(collection, fields));
      let created = false;
      try {
        this.db.transaction(() => {
          created = this.createTable(collection);
          for (const sql of ddl) this.db.exec(sql);
        }).immediate();
      } catch (error) {
        if (created) this.tables.delete(collection);
        throw error;
      }
    });
  }

  async dropCollection(collection: string): Promise<void> {
    return this.guard(() => {
      assertCollectionName(collection);
      this.db.exec(`DROP TABLE IF EXISTS ${tableName(collection)}`);
      this.tables.delete(collection);
      this.writers.delete(collection);
      for (const sql of this.statements.keys()) if (sql.includes(tableName(collection))) this.statements.delete(sql);
    });
  }

  async listCollections(): Promise<string[]> {
    return this.guard(() => {
      const names = this.statement(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'doc\\_%' ESCAPE '\\' ORDER BY name`,
      )
        .pluck()
        .all() as string[];
      return names.map((name) => name.slice(TABLE_PREFIX.length));
    });
  }

  async ping(): Promise<void> {
    return this.guard(() => {
      this.statement('SELECT 1').get();
    });
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.checkpointer?.stop();
    this.statements.clear();
    this.writers.clear();
    try {
      this.db.pragma('optimize');
    } finally {
      this.db.close();
    }
  }

  private findSql(collection: string, options: FindOptions): { sql: string; params: unknown[] } {
    const where = whereClause(options.filter);
    const paging = pagingClause(options);
    const sql = `SELECT doc FROM ${tableName(collection)} WHERE ${where.sql} ORDER BY ${orderByClause(options.sort)} ${paging.sql}`;
    return { sql, params: [...where.params, ...paging.params] };
  }

  /** Runs synchronous work, turning disk failures into ReadStoreUnavailable. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toReadStoreError(error);
    }
  }

  /** A read from a collection that does not exist (or was just dropped) answers `empty`. */
  private read<T>(collection: string, empty: T, query: () => T): T {
    assertCollectionName(collection);
    if (!this.hasTable(collection)) return empty;
    try {
      return query();
    } catch (error) {
      if (!isMissingTable(error)) throw error;
      this.tables.delete(collection);
      return empty;
    }
  }

  private hasTable(collection: string): boolean {
    if (this.tables.has(collection)) return true;
    const found = this.statement(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(TABLE_PREFIX + collection) !== undefined;
    if (found) this.tables.add(collection);
    return found;
  }

  /** Creates the collection's table if missing; true when this call created it. */
  private createTable(collection: string): boolean {
    if (this.hasTable(collection)) return false;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${tableName(collection)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    this.tables.add(collection);
    return true;
  }

  private writer(collection: string): CollectionWriter {
    let writer = this.writers.get(collection);
    if (!writer) {
      writer = { upsert: this.db.prepare(upsertSql(collection)), remove: this.db.prepare(`DELETE FROM ${tableName(collection)} WHERE id = ?`) };
      this.writers.set(collection, writer);
    }
    return writer;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
      if (this.statements.size > STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    return statement;
  }
}

function countSql(collection: string, filter: Filter | undefined): { sql: string; params: unknown[] } {
  const where = whereClause(filter);
  return { sql: `SELECT count(*) FROM ${tableName(collection)} WHERE ${where.sql}`, params: where.params };
}

function upsertSql(collection: string): string {
  return `INSERT INTO ${tableName(collection)} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`;
}

function validCollection<T>(collection: string, value: T): T {
  assertCollectionName(collection);
  return value;
}

function assertValidDocument(change: DocumentChange): void {
  if (typeof change.id !== 'string' || change.id.length === 0) throw new Error(`a document needs a non-empty string id in ${change.collection}`);
  if (change.doc === null) return;
  if (typeof change.doc !== 'object' || Array.isArray(change.doc)) throw new Error(`document ${change.id} is not an object`);
  if (change.doc.id !== change.id) throw new Error(`document id ${JSON.stringify(change.doc.id)} differs from its change id ${JSON.stringify(change.id)}`);
}

function assertValidCheckpoint(checkpoint: Checkpoint): void {
  if (typeof checkpoint.name !== 'string' || checkpoint.name.length === 0) throw new Error('a checkpoint needs a name');
  if (!Number.isSafeInteger(checkpoint.position) || checkpoint.position < 0) {
    throw new Error(`checkpoint position must be a non-negative integer, got ${checkpoint.position}`);
  }
}

function parse(json: string | undefined): Document | null {
  return json === undefined ? null : (JSON.parse(json) as Document);
}

function parseAll(rows: unknown[]): Document[] {
  return (rows as string[]).map((json) => JSON.parse(json) as Document);
}

/**
 * The production read store: MongoDB through the official driver. Each logical collection is a
 * MongoDB collection, the port's `id` is `_id`, checkpoints live in `_checkpoints` (a name the
 * port's collection names cannot take, so it is never listed).
 *
 * `commit` writes the documents and the checkpoint in ONE multi-document transaction, which
 * MongoDB offers only on a replica set (a single-node one is enough: `mongod --replSet rs0`,
 * then `rs.initiate()` once). On a standalone server `commit` fails with a message saying so.
 */
import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  MongoClient,
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { messageOf } from '@uccn/domain';
import {
  assertCollectionName,
  checkpointsOf,
  type Document,
  type DocumentChange,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type ReadStore,
  ReadStoreUnavailable,
  type UnitOfWork,
} from '../read-store.port.js';
import {
  assertChanges,
  assertDocument,
  assertPaging,
  fromStored,
  type StoredDocument,
  toMongoFilter,
  toMongoIndex,
  toMongoSort,
  toStored,
} from './mongo-query.js';

const CHECKPOINTS = '_checkpoints';
const COLLECTION_NAME = /^[a-z0-9][a-z0-9_-]*$/;

interface CheckpointDocument {
  _id: string;
  position: number;
}

export interface MongoReadStoreOptions {
  /** how long to look for a reachable server before an operation fails, in ms */
  readonly serverSelectionTimeoutMS?: number;
}

const NAMESPACE_EXISTS = 48;
const ILLEGAL_OPERATION = 20;

export class MongoReadStore implements ReadStore {
  /** collections known to exist, so `commit` creates each one outside its transaction once */
  private readonly existing = new Set<string>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /**
   * Creates the client; the driver connects on the first operation, so an API can start while
   * MongoDB is still booting (its readiness probe calls `ping()`). The database is `dbName`, else
   * the one named in the URL's path, e.g. `mongodb://mongo:27017/uccn?replicaSet=rs0`.
   */
  static async connect(url: string, dbName?: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const timeout = options.serverSelectionTimeoutMS ?? 3_000;
    const client = new MongoClient(url, {
      serverSelectionTimeoutMS: timeout,
      connectTimeoutMS: timeout,
      // the projector's unit of work must survive a primary failover once written
      writeConcern: { w: 'majority' },
      ignoreUndefined: true,
    });
    return new MongoReadStore(client, client.db(dbName));
  }

  get(collection: string, id: string): Promise<Document | null> {
    return this.run(`get from ${collection}`, async () => {
      const found = await this.documents(collection).findOne({ _id: id });
      return found ? fromStored(found) : null;
    });
  }

  getMany(collection: string, ids: readonly string[]): Promise<Document[]> {
    return this.run(`getMany from ${collection}`, async () => {
      const documents = this.documents(collection);
      if (ids.length === 0) return [];
      const found = await documents.find({ _id: { $in: [...ids] } }).toArray();
      return found.map(fromStored);
    });
  }

  find(collection: string, options: FindOptions = {}): Promise<Document[]> {
    return this.run(`find in ${collection}`, async () => {
      const documents = this.documents(collection);
      const filter = toMongoFilter(options.filter);
      const sort = toMongoSort(options.sort);
      assertPaging(options);
      // Mongo reads limit 0 as "no limit"; the port means "nothing"
      if (options.limit === 0) return [];
      const cursor = documents.find(filter, { sort, skip: options.skip ?? 0, limit: options.limit ?? 0 });
      return (await cursor.toArray()).map(fromStored);
    });
  }

  count(collection: string, filter?: Filter): Promise<number> {
    return this.run(`count in ${collection}`, async () => {
      const documents = this.documents(collection);
      return documents.countDocuments(toMongoFilter(filter));
    });
  }

  upsert(collection: string, doc: Document): Promise<void> {
    return this.run(`upsert into ${collection}`, async () => {
      const documents = this.documents(collection);
      assertDocument(doc);
      await documents.replaceOne({ _id: doc.id }, toStored(doc), { upsert: true });
      this.existing.add(collection);
    });
  }

  delete(collection: string, id: string): Promise<void> {
    return this.run(`delete from ${collection}`, async () => {
      await this.documents(collection).deleteOne({ _id: id });
    });
  }

  commit(unit: UnitOfWork): Promise<void> {
    return this.run('commit', async () => {
      assertChanges(unit.changes);
      const checkpoints = checkpointsOf(unit);
      for (const checkpoint of checkpoints) assertCheckpoint(checkpoint.name, checkpoint.position);

      if (unit.changes.length === 0 && checkpoints.length <= 1) {
        // one document write is atomic on its own
        for (const checkpoint of checkpoints) await this.writeCheckpoint(checkpoint.name, checkpoint.position);
        return;
      }

      const byCollection = groupByCollection(unit.changes);
      // Older servers cannot create a collection inside a transaction; create them first.
      for (const name of byCollection.keys()) await this.createIfMissing(name);
      if (checkpoints.length > 0) await this.createIfMissing(CHECKPOINTS);

      const session = this.client.startSession();
      try {
        // withTransaction retries the whole callback on transient errors (failover, write
        // conflicts with another projector); every operation here is idempotent, so that is safe.
        await session.withTransaction(async () => {
          for (const [name, operations] of byCollection) {
            await this.db.collection<StoredDocument>(name).bulkWrite(operations, { session, ordered: true });
          }
          for (const checkpoint of checkpoints) {
            await this.checkpoints().replaceOne(
              { _id: checkpoint.name },
              { position: checkpoint.position },
              { upsert: true, session },
            );
          }
        });
      } finally {
        await session.endSession();
      }
    });
  }

  getCheckpoint(name: string): Promise<number | null> {
    return this.run('getCheckpoint', async () => {
      const found = await this.checkpoints().findOne({ _id: name });
      return found ? found.position : null;
    });
  }

  deleteCheckpoint(name: string): Promise<void> {
    return this.run('deleteCheckpoint', async () => {
      await this.checkpoints().deleteOne({ _id: name });
    });
  }

  ensureCollection(collection: string, indexes: readonly IndexSpec[] = []): Promise<void> {
    return this.run(`ensureCollection ${collection}`, async () => {
      assertCollectionName(collection);
      const keys = indexes.map(toMongoIndex).filter((k) => k !== null);
      await this.createIfMissing(collection);
      // createIndexes is a no-op for an index that already exists with the same keys
      if (keys.length > 0) await this.db.collection(collection).createIndexes(keys.map((key) => ({ key })));
    });
  }

  dropCollection(collection: string): Promise<void> {
    return this.run(`dropCollection ${collection}`, async () => {
      assertCollectionName(collection);
      this.existing.delete(collection);
      // the driver treats "namespace not found" as success
      await this.db.dropCollection(collection);
    });
  }

  listCollections(): Promise<string[]> {
    return this.run('listCollections', async () => {
      const listed = await this.db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray();
      return listed.map((c) => c.name).filter((name) => COLLECTION_NAME.test(name)).sort();
    });
  }

  ping(): Promise<void> {
    return this.run('ping', async () => {
      await this.db.command({ ping: 1 });
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private documents(collection: string): Collection<StoredDocument> {
    assertCollectionName(collection);
    return this.db.collection<StoredDocument>(collection);
  }

  private checkpoints(): Collection<CheckpointDocument> {
    return this.db.collection<CheckpointDocument>(CHECKPOINTS);
  }

  private async writeCheckpoint(name: string, position: number): Promise<void> {
    await this.checkpoints().replaceOne({ _id: name }, { position }, { upsert: true });
  }

  private async createIfMissing(name: string): Promise<void> {
    if (this.existing.has(name)) return;
    try {
      await this.db.createCollection(name);
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    }
    this.existing.add(name);
  }

  /** Maps the driver's connectivity failures to the port's error, once for every operation. */
  private async run<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toPortError(error, what);
    }
  }
}

function assertCheckpoint(name: string, position: number): void {
  if (typeof name !== 'string' || name.length === 0) throw new Error('a checkpoint needs a name');
  if (!Number.isSafeInteger(position) || position < 0) throw new Error(`invalid checkpoint position ${position}`);
}

/** Changes per collection, each collection's in the order given (the last change to a document wins). */
function groupByCollection(changes: readonly DocumentChange[]): Map<string, AnyBulkWriteOperation<StoredDocument>[]> {
  const groups = new Map<string, AnyBulkWriteOperation<StoredDocument>[]>();
  for (const change of changes) {
    const operations = groups.get(change.collection) ?? [];
    operations.push(
      change.doc === null
        ? { deleteOne: { filter: { _id: change.id } } }
        : { replaceOne: { filter: { _id: change.id }, replacement: toStored(change.doc), upsert: true } },
    );
    groups.set(change.collection, operations);
  }
  return groups;
}

export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoClientClosedError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoOperationTimeoutError
  ) {
    return true;
  }
  // a write that failed over and was not retried within the transaction's own retries
  return error instanceof MongoServerError && error.hasErrorLabel('TransientTransactionError');
}

function toPortError(error: unknown, what: string): Error {
  if (error instanceof ReadStoreUnavailable) return error;
  if (isUnavailable(error)) {
    return new ReadStoreUnavailable(`MongoDB unavailable during ${what}: ${messageOf(error)}`, { cause: error });
  }
  if (error instanceof MongoServerError && error.code === ILLEGAL_OPERATION && /replica set|mongos/i.test(error.message)) {
    return new Error(
      'the MongoDB read store commits documents and checkpoints in one transaction, which needs a replica set ' +
        '(start mongod with --replSet rs0 and run rs.initiate() once; see docker/README.md)',
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

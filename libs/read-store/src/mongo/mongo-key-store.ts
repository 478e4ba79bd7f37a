/**
 * The key store on MongoDB: one document per subject in `_subject_keys` (a name the read store's
 * collections cannot take, so it is never listed among them), `_id` being the subject id.
 *
 * What a delete leaves on the server, which the registry cannot reach (an operator's part):
 * - the **oplog**: on a replica set (which the read store requires) the insert of a key is an
 *   oplog entry holding the whole document, key included, on every member, until the capped
 *   oplog rolls over (its size or `oplogMinRetentionHours` decide when); the delete's entry holds
 *   only the `_id`;
 * - the **journal** (WiredTiger's write-ahead log) holds the insert until its files are recycled
 *   after checkpoints; WiredTiger data files may keep the freed bytes until the space is reused
 *   or the collection is compacted;
 * - **backups and snapshots** (mongodump, file-system or cloud snapshots) and any delayed or
 *   hidden member keep the key for as long as they are kept;
 * - a change stream or a `$out` taken by someone else is a copy of its own.
 * Encryption at rest on the server (WiredTiger's encrypted storage engine, or an encrypted volume)
 * bounds what these copies expose; the README says what an operator must do.
 */
import { Binary, type Collection, MongoClient, MongoServerError } from 'mongodb';
import { messageOf } from '@uccn/domain';
import { assertProposedKey, assertSubjectId, type DataKey, type KeyStore, newDataKey } from '../key-store.port.js';
import { ReadStoreUnavailable } from '../read-store.port.js';
import { isUnavailable } from './mongo-read-store.js';

export const KEYS_COLLECTION = '_subject_keys';
const DUPLICATE_KEY = 11000;

interface KeyDocument {
  _id: string;
  keyId: string;
  key: Binary;
}

export interface MongoKeyStoreOptions {
  /** how long to look for a reachable server before an operation fails, in ms */
  readonly serverSelectionTimeoutMS?: number;
}

export class MongoKeyStore implements KeyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<KeyDocument>,
  ) {}

  /** The database is `dbName`, else the one named in the URL's path (the read models' own). */
  static async connect(url: string, dbName?: string, options: MongoKeyStoreOptions = {}): Promise<MongoKeyStore> {
    const timeout = options.serverSelectionTimeoutMS ?? 3_000;
    const client = new MongoClient(url, {
      serverSelectionTimeoutMS: timeout,
      connectTimeoutMS: timeout,
      // a key must survive a failover once handed out (data is encrypted under it), and a destroy
      // must not be rolled back by one
      writeConcern: { w: 'majority' },
      readConcern: { level: 'majority' },
    });
    return new MongoKeyStore(client, client.db(dbName).collection<KeyDocument>(KEYS_COLLECTION));
  }

  async keyFor(subjectId: string, proposed?: DataKey): Promise<DataKey> {
    assertSubjectId(subjectId);
    assertProposedKey(subjectId, proposed);
    return this.run('keyFor', async () => {
      const fresh = proposed ?? newDataKey(subjectId);
      const make = () =>
        this.keys.findOneAndUpdate(
          { _id: subjectId },
          { $setOnInsert: { keyId: fresh.keyId, key: new Binary(fresh.key) } },
          { upsert: true, returnDocument: 'after' },
        );
      let found: KeyDocument | null;
      try {
        found = await make();
      } catch (error) {
        // two upserts of one new _id can both miss it and one then hits the unique _id index: the
        // other's key is there now, and this upsert finds it (matching, it inserts nothing)
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
        found = await make();
      }
      if (!found) throw new Error(`no key after an upsert for a subject`);
      return toDataKey(found);
    });
  }

  async find(subjectId: string): Promise<DataKey | null> {
    assertSubjectId(subjectId);
    return this.run('find', async () => {
      const found = await this.keys.findOne({ _id: subjectId });
      return found ? toDataKey(found) : null;
    });
  }

  async destroy(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    return this.run('destroy', async () => (await this.keys.deleteOne({ _id: subjectId })).deletedCount > 0);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async run<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      throw new ReadStoreUnavailable(`MongoDB unavailable during key store ${what}: ${messageOf(error)}`, { cause: error });
    }
  }
}

function toDataKey(doc: KeyDocument): DataKey {
  return { subjectId: doc._id, keyId: doc.keyId, key: Buffer.from(doc.key.buffer) };
}

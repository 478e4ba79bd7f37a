/**
 * The read store port: documents per collection, and an atomic unit of work that writes a batch
 * of documents together with a projection's checkpoint, so a crash never leaves documents that
 * disagree with the checkpoint.
 *
 * Collection names are `^[a-z0-9][a-z0-9_-]*$`; a document is a JSON object with a string `id`.
 * Filters are a small, Mongo-shaped language that both adapters translate to indexed queries.
 */

export type Scalar = string | number | boolean | null;

export interface RangeCondition {
  readonly $lt?: Scalar;
  readonly $lte?: Scalar;
  readonly $gt?: Scalar;
  readonly $gte?: Scalar;
  readonly $in?: readonly Scalar[];
  readonly $ne?: Scalar;
}

/** Every entry must hold (AND). A scalar means equality; `null` matches a missing or null field. */
export type Filter = Readonly<Record<string, Scalar | RangeCondition>>;

export type SortDirection = 1 | -1;

export interface FindOptions {
  readonly filter?: Filter;
  /** applied in order; `id` ascending is always the final tie-breaker, so paging is stable */
  readonly sort?: ReadonlyArray<readonly [field: string, direction: SortDirection]>;
  readonly skip?: number;
  readonly limit?: number;
}

export interface Document {
  readonly id: string;
  readonly [field: string]: unknown;
}

export interface DocumentChange {
  readonly collection: string;
  readonly id: string;
  /** the whole new document, or `null` to delete it */
  readonly doc: Document | null;
}

export interface Checkpoint {
  readonly name: string;
  readonly position: number;
}

export interface UnitOfWork {
  readonly changes: readonly DocumentChange[];
  /** written in the same transaction as the changes */
  readonly checkpoint?: Checkpoint;
  /**
   * more checkpoints, written in the same transaction too: several projections' batches committed
   * as one unit (the runner's shared commit), each checkpoint with the documents it reflects
   */
  readonly checkpoints?: readonly Checkpoint[];
}

/** Every checkpoint a unit writes, `checkpoint` first. */
export const checkpointsOf = (unit: UnitOfWork): readonly Checkpoint[] =>
  unit.checkpoint ? [unit.checkpoint, ...(unit.checkpoints ?? [])] : (unit.checkpoints ?? []);

/** One index: the fields, ascending, in order. */
export type IndexSpec = readonly string[];

export interface ReadStore {
  get(collection: string, id: string): Promise<Document | null>;
  getMany(collection: string, ids: readonly string[]): Promise<Document[]>;
  find(collection: string, options?: FindOptions): Promise<Document[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  upsert(collection: string, doc: Document): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  /** All changes and the checkpoint, atomically: all of them or none. */
  commit(unit: UnitOfWork): Promise<void>;
  /** The position stored under `name`, or `null` if none was ever written. */
  getCheckpoint(name: string): Promise<number | null>;
  deleteCheckpoint(name: string): Promise<void>;
  /** Creates the collection and its indexes if missing (idempotent). */
  ensureCollection(collection: string, indexes?: readonly IndexSpec[]): Promise<void>;
  dropCollection(collection: string): Promise<void>;
  listCollections(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The read store cannot be reached or cannot write. */
export class ReadStoreUnavailable extends Error {
  override readonly name = 'ReadStoreUnavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const COLLECTION_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name) || name.length > 100) {
    throw new Error(`invalid collection name: ${JSON.stringify(name)}`);
  }
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Field names reach SQL as JSON paths: only plain identifiers (dotted for nesting) are allowed. */
export function assertFieldPath(path: string): void {
  if (!FIELD_PATH.test(path)) throw new Error(`invalid field path: ${JSON.stringify(path)}`);
}

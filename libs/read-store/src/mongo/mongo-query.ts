/**
 * Translates the port's documents, filters, sorts and indexes to MongoDB's. The port's filter
 * language is a subset of Mongo's, so the translation is mostly validation (only plain field
 * paths and the six operators may reach the server: no `$where`, `$regex` or `$expr`) and the
 * renaming of `id` to `_id`.
 */
import type { Document as MongoDocument, Filter as MongoFilter, Sort } from 'mongodb';
import {
  assertCollectionName,
  assertFieldPath,
  type Document,
  type DocumentChange,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type RangeCondition,
  type Scalar,
} from '../read-store.port.js';

/** The shape a document has in MongoDB: the port's `id` is the primary key `_id`. */
export interface StoredDocument extends MongoDocument {
  _id: string;
}

export function fieldName(path: string): string {
  assertFieldPath(path);
  return path === 'id' ? '_id' : path;
}

export function assertDocument(doc: unknown, expectedId?: string): asserts doc is Document {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('a document must be an object');
  const id = (doc as { id?: unknown }).id;
  if (typeof id !== 'string') throw new Error('a document needs a string id');
  if (expectedId !== undefined && id !== expectedId) {
    throw new Error(`the document's id ${JSON.stringify(id)} differs from the change's id ${JSON.stringify(expectedId)}`);
  }
  if ('_id' in doc) throw new Error('a document may not carry its own _id: the store derives it from id');
}

export function toStored(doc: Document): StoredDocument {
  const { id, ...fields } = doc;
  return { _id: id, ...fields };
}

export function fromStored(stored: MongoDocument): Document {
  const { _id, ...fields } = stored;
  return { id: String(_id), ...fields };
}

/** Validates a unit's changes before any write, so an invalid change midway changes nothing. */
export function assertChanges(changes: readonly DocumentChange[]): void {
  for (const change of changes) {
    assertCollectionName(change.collection);
    if (typeof change.id !== 'string') throw new Error('a change needs a string id');
    if (change.doc !== null) assertDocument(change.doc, change.id);
  }
}

function assertScalar(value: unknown, path: string): asserts value is Scalar {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!ok) throw new Error(`unsupported filter value on ${path}: ${JSON.stringify(value)}`);
}

function isCondition(value: unknown): value is RangeCondition {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SCALAR_OPERATORS = new Set(['$lt', '$lte', '$gt', '$gte', '$ne']);

function toMongoCondition(path: string, condition: RangeCondition): MongoDocument {
  const out: MongoDocument = {};
  for (const [op, value] of Object.entries(condition)) {
    if (op === '$in') {
      if (!Array.isArray(value)) throw new Error(`$in on ${path} needs an array`);
      for (const v of value) assertScalar(v, path);
      out.$in = [...value];
    } else if (SCALAR_OPERATORS.has(op)) {
      assertScalar(value, path);
      out[op] = value;
    } else {
      throw new Error(`unsupported filter operator ${JSON.stringify(op)} on ${path}`);
    }
  }
  if (Object.keys(out).length === 0) throw new Error(`empty condition on ${path}`);
  return out;
}

/**
 * Equality to null matches a missing field or a null value, $ne keeps missing fields and a range
 * never matches a missing field (type bracketing): Mongo's own semantics, which the port adopts.
 */
export function toMongoFilter(filter: Filter | undefined): MongoFilter<StoredDocument> {
  const out: MongoDocument = {};
  for (const [path, value] of Object.entries(filter ?? {})) {
    const field = fieldName(path);
    if (isCondition(value)) {
      out[field] = toMongoCondition(path, value);
    } else {
      assertScalar(value, path);
      out[field] = value;
    }
  }
  return out as MongoFilter<StoredDocument>;
}

/** The sort terms, always ending with `_id` ascending so that paging is stable. */
export function toMongoSort(sort: FindOptions['sort']): Sort {
  const terms = new Map<string, 1 | -1>();
  for (const [path, direction] of sort ?? []) {
    if (direction !== 1 && direction !== -1) throw new Error(`invalid sort direction on ${path}`);
    const field = fieldName(path);
    if (!terms.has(field)) terms.set(field, direction);
  }
  if (!terms.has('_id')) terms.set('_id', 1);
  return terms;
}

export function assertPaging(options: Pick<FindOptions, 'skip' | 'limit'>): void {
  for (const [name, n] of [['skip', options.skip], ['limit', options.limit]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new Error(`${name} must be a non-negative integer`);
  }
}

/** A compound ascending index; `null` for the one MongoDB keeps on `_id` anyway. */
export function toMongoIndex(spec: IndexSpec): Record<string, 1> | null {
  if (spec.length === 0) throw new Error('an index needs at least one field');
  const fields = spec.map(fieldName);
  if (fields.length === 1 && fields[0] === '_id') return null;
  return Object.fromEntries(fields.map((f) => [f, 1 as const]));
}

import { assertCollectionName, assertFieldPath, type Filter, type FindOptions, type RangeCondition, type Scalar } from '../read-store.port.js';

/**
 * Translates the port's Mongo-shaped filters and sorts into SQL over `doc_<collection>(id, doc)`.
 *
 * Field paths are inlined into the SQL text (validated first) because an expression index is only
 * used when the query repeats the indexed expression literally; every value is a bound parameter.
 */

export type SqlValue = string | number | null;

export interface SqlFragment {
  readonly sql: string;
  readonly params: SqlValue[];
}

/** The SQL expression for a field; index DDL and queries must both come from here to match. */
export function fieldExpression(path: string): string {
  assertFieldPath(path);
  return path === 'id' ? 'id' : `json_extract(doc, '$.${path}')`;
}

function jsonType(path: string): string {
  return `json_type(doc, '$.${path}')`;
}

/**
 * JSON true/false come out of json_extract as 1/0, so a boolean and the numbers 1 and 0 look the
 * same to SQL. Where they could collide, the JSON type is checked as well, after the (indexable)
 * comparison on the value.
 */
function typeGuard(path: string, value: Scalar): string | null {
  if (path === 'id') return null;
  if (typeof value === 'boolean') return `${jsonType(path)} = '${value ? 'true' : 'false'}'`;
  if (value === 0 || value === 1) return `${jsonType(path)} IN ('integer', 'real')`;
  return null;
}

function bind(value: Scalar): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`unsupported filter value: ${String(value)}`);
}

/** `field = value`, where null means missing or null; never yields SQL NULL. */
function equals(path: string, value: Scalar, params: SqlValue[]): string {
  const expr = fieldExpression(path);
  if (value === null) return `${expr} IS NULL`;
  params.push(bind(value));
  const guard = typeGuard(path, value);
  return guard ? `(${expr} = ? AND ${guard})` : `${expr} = ?`;
}

/** Like `equals`, but false rather than NULL where the field is missing, so that NOT works. */
function nullSafeEquals(path: string, value: Scalar, params: SqlValue[]): string {
  const expr = fieldExpression(path);
  if (value === null) return `${expr} IS NULL`;
  params.push(bind(value));
  const guard = typeGuard(path, value);
  return guard ? `(${expr} IS ? AND (${guard}) IS 1)` : `${expr} IS ?`;
}

function inList(path: string, values: readonly Scalar[], params: SqlValue[]): string {
  if (!Array.isArray(values)) throw new Error(`$in on ${path} needs an array`);
  if (values.length === 0) return '0';
  const plain = values.filter((v): v is string | number => v !== null && typeGuard(path, v) === null);
  const special = values.filter((v) => v === null || typeGuard(path, v) !== null);
  const parts: string[] = [];
  if (plain.length > 0) {
    // one SQL text whatever the list length, so the statement cache stays small; SQLite still
    // answers `expr IN (SELECT value FROM json_each(?))` with lookups on an index of expr
    parts.push(`${fieldExpression(path)} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(plain.map(bind)));
  }
  for (const value of new Set(special)) parts.push(equals(path, value, params));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

const RANGE_OPERATORS = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' } as const;

function isCondition(value: unknown): value is RangeCondition {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function condition(path: string, cond: RangeCondition, params: SqlValue[]): string[] {
  const parts: string[] = [];
  const expr = fieldExpression(path);
  for (const [op, value] of Object.entries(cond) as [keyof RangeCondition, unknown][]) {
    switch (op) {
      case '$lt':
      case '$lte':
      case '$gt':
      case '$gte': {
        const scalar = value as Scalar;
        // Mongo: only $lte/$gte null can hold (null equals null); nothing is less than null
        if (scalar === null) parts.push(op === '$lte' || op === '$gte' ? `${expr} IS NULL` : '0');
        else {
          parts.push(`${expr} ${RANGE_OPERATORS[op]} ?`);
          params.push(bind(scalar));
        }
        break;
      }
      case '$in':
        parts.push(inList(path, value as readonly Scalar[], params));
        break;
      case '$ne':
        parts.push(`NOT ${nullSafeEquals(path, value as Scalar, params)}`);
        break;
      default:
        throw new Error(`unsupported filter operator ${JSON.stringify(op)} on ${path}`);
    }
  }
  return parts;
}

/** The WHERE clause (without the keyword) for a filter; `1` when it has no entries. */
export function whereClause(filter: Filter | undefined): SqlFragment {
  const params: SqlValue[] = [];
  const parts: string[] = [];
  for (const [path, value] of Object.entries(filter ?? {})) {
    if (isCondition(value)) {
      const conds = condition(path, value, params);
      if (conds.length === 0) throw new Error(`empty condition on ${path}`);
      parts.push(...conds);
    } else parts.push(equals(path, value, params));
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

/** ORDER BY terms, always ending with `id` ascending so that paging is stable. */
export function orderByClause(sort: FindOptions['sort']): string {
  const terms = (sort ?? []).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) throw new Error(`invalid sort direction on ${path}`);
    return `${fieldExpression(path)} ${direction === 1 ? 'ASC' : 'DESC'}`;
  });
  return [...terms, 'id ASC'].join(', ');
}

/**
 * LIMIT/OFFSET with bound values; no limit is SQLite's -1. The casts keep the statement's plan:
 * under better-sqlite3's STAT4 build a bare bound LIMIT re-prepares the statement on every run.
 */
export function pagingClause(options: Pick<FindOptions, 'skip' | 'limit'>): SqlFragment {
  const { skip, limit } = options;
  for (const [name, n] of [['skip', skip], ['limit', limit]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new Error(`${name} must be a non-negative integer`);
  }
  return { sql: 'LIMIT CAST(? AS INTEGER) OFFSET CAST(? AS INTEGER)', params: [limit ?? -1, skip ?? 0] };
}

/** The quoted table of a collection; the name is checked here because it reaches SQL text. */
export function tableName(collection: string): string {
  assertCollectionName(collection);
  return `"doc_${collection}"`;
}

/**
 * The index for a field list: the values, then `id` (so one index also serves the `id` tie-breaker
 * in ORDER BY), then the JSON types the boolean/0/1 guards read, so even those filters (e.g. a
 * count of `member: true`) are answered from the index without reading a document.
 */
export function createIndexSql(collection: string, fields: readonly string[]): string {
  if (fields.length === 0) throw new Error('an index needs at least one field');
  const values = fields.map(fieldExpression);
  const types = fields.filter((field) => field !== 'id').map(jsonType);
  const columns = [...values, 'id', ...types].join(', ');
  return `CREATE INDEX IF NOT EXISTS ${indexName(collection, fields)} ON ${tableName(collection)} (${columns})`;
}

export function indexName(collection: string, fields: readonly string[]): string {
  return `"idx_${collection}__${fields.join('__')}"`;
}

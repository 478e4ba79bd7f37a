import type { RecordedEvent } from '@uccn/event-store';
import type { Document, FindOptions, RangeCondition, Scalar } from '@uccn/read-store';
import { compare, SCHEMA_VERSIONS, type RegistryEventType } from '@uccn/domain';
import type { DocView, ProjectionDefinition } from '../projection.js';
import type { EventOfType } from '../shared/registry-event.js';

/** collection → id → document, as the read store would hold them. */
export type ProjectedDocuments = Map<string, Map<string, Document>>;

/**
 * Folds events in memory exactly as the runner does: skip the types the projection does not
 * handle, load the documents it `touches`, `apply`, write the result stamped with lineage.
 * Stricter than a store on purpose: reading a document that was not named by `touches`, or
 * writing to an undeclared collection, throws, so a spec catches what would be a silent bug.
 */
export function projectEvents(
  definition: ProjectionDefinition,
  events: readonly RecordedEvent[],
  initial: ProjectedDocuments = new Map(),
): ProjectedDocuments {
  const store: ProjectedDocuments = new Map([...initial].map(([c, docs]) => [c, new Map(docs)]));
  for (const event of events) {
    if (!definition.handles.includes(event.type)) continue;
    const touched = new Set(definition.touches(event).map((ref) => key(ref.collection, ref.id)));
    const view: DocView = {
      get(collection, id) {
        if (!touched.has(key(collection, id))) {
          throw new Error(`${definition.name} read ${collection}/${id} without naming it in touches(${event.type})`);
        }
        return store.get(collection)?.get(id);
      },
    };
    for (const write of definition.apply(event, view)) {
      if (!(write.collection in definition.collections)) {
        throw new Error(`${definition.name} wrote to undeclared collection ${write.collection}`);
      }
      const docs = store.get(write.collection) ?? new Map<string, Document>();
      store.set(write.collection, docs);
      if (write.doc === null) docs.delete(write.id);
      // JSON round trip: what a store gives back (no undefined fields, no shared references)
      else docs.set(write.id, JSON.parse(JSON.stringify({ ...write.doc, id: write.id, lastEventId: event.id, lastPosition: event.position })));
    }
  }
  return store;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

/** The documents of one collection, in id order, for exact assertions. */
export function documentsOf(projected: ProjectedDocuments, collection: string): Document[] {
  return [...(projected.get(collection)?.values() ?? [])].sort((a, b) => compare(a.id, b.id));
}

export interface RecordedOptions {
  readonly id?: string;
  readonly streamId?: string;
  readonly revision?: number;
  readonly position?: number;
  readonly recordedAt?: string;
  readonly actor?: string;
  readonly role?: string;
  readonly correlationId?: string;
  readonly schemaVersion?: number;
}

export const DEFAULT_RECORDED_AT = '2025-01-01T00:00:00.000Z';

/**
 * A recorded event for specs. Without a stream it lands on its aggregate's stream; positions,
 * revisions and ids left out are filled by `log`, the way the store numbers them.
 */
export function recorded<T extends RegistryEventType>(
  type: T,
  data: EventOfType<T>['data'],
  options: RecordedOptions = {},
): RecordedEvent {
  const streamId = options.streamId ?? streamOf(data as Record<string, unknown>);
  return {
    id: options.id ?? '',
    streamId,
    revision: options.revision ?? -1,
    position: options.position ?? 0,
    type,
    data: data as Record<string, unknown>,
    metadata: {
      actor: options.actor ?? 'secretariat-key',
      role: options.role ?? 'secretariat',
      recordedAt: options.recordedAt ?? DEFAULT_RECORDED_AT,
      correlationId: options.correlationId ?? 'correlation',
      // the data is typed as the current schema of its type
      schemaVersion: options.schemaVersion ?? SCHEMA_VERSIONS[type],
    },
  };
}

/** Numbers events in order as the store would: positions 1…n, revisions per stream, ids `event-<position>`. */
export function logOf(...events: readonly RecordedEvent[]): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const position = event.position || index + 1;
    const revision = event.revision >= 0 ? event.revision : (revisions.get(event.streamId) ?? -1) + 1;
    revisions.set(event.streamId, revision);
    const id = event.id || `event-${position}`;
    return { ...event, id, position, revision, metadata: { ...event.metadata, eventId: id } };
  });
}

function streamOf(data: Record<string, unknown>): string {
  for (const [field, prefix] of [
    ['meetingId', 'meeting'],
    ['applicationId', 'application'],
    ['partnershipId', 'partnership'],
    ['cityId', 'city'],
  ] as const) {
    // a CityDesignated may carry its applicationId: the city wins for city events
    if (field === 'applicationId' && 'designatedOn' in data) continue;
    if (typeof data[field] === 'string') return `${prefix}-${data[field] as string}`;
  }
  return 'network';
}

/**
 * Evaluates a read-store filter in memory, with the port's meaning (AND of conditions, `null`
 * matches missing), so a spec can run a query helper against projected documents.
 */
export function findDocuments(projected: ProjectedDocuments, collection: string, options: FindOptions = {}): Document[] {
  const matching = documentsOf(projected, collection).filter((doc) =>
    Object.entries(options.filter ?? {}).every(([path, condition]) => holds(valueAt(doc, path), condition)),
  );
  const sort = options.sort ?? [];
  matching.sort((a, b) => {
    for (const [path, direction] of sort) {
      const order = compareScalars(valueAt(a, path), valueAt(b, path)) * direction;
      if (order !== 0) return order;
    }
    return compareScalars(a.id, b.id);
  });
  const skip = options.skip ?? 0;
  return matching.slice(skip, options.limit === undefined ? undefined : skip + options.limit);
}

function valueAt(doc: Document, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc);
}

function holds(value: unknown, condition: Scalar | RangeCondition): boolean {
  const actual = value === undefined ? null : value;
  if (condition === null || typeof condition !== 'object') return actual === condition;
  const c = condition;
  return (
    (c.$lt === undefined || compareScalars(actual, c.$lt) < 0) &&
    (c.$lte === undefined || compareScalars(actual, c.$lte) <= 0) &&
    (c.$gt === undefined || compareScalars(actual, c.$gt) > 0) &&
    (c.$gte === undefined || compareScalars(actual, c.$gte) >= 0) &&
    (c.$in === undefined || c.$in.includes(actual as Scalar)) &&
    (c.$ne === undefined || actual !== c.$ne)
  );
}

function compareScalars(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

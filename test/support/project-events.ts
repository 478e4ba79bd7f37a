import { SCHEMA_VERSIONS, type RegistryEventType } from '@uccn/domain';
import type { RecordedEvent } from '@uccn/event-store';
import { applyBatch, physicalCollection, type EventOfType, type ProjectionDefinition } from '@uccn/projections';
import { SqliteReadStore, type Document, type FindOptions } from '@uccn/read-store';

/**
 * Test support for projection specs, kept out of the production barrel: builders of recorded
 * events, and a projection applied by the runner's own `applyBatch` to a real read store. A
 * reducer that reads a document it did not name in `touches`, or writes to a collection it did
 * not declare, fails the spec exactly as it would fail the projector.
 */

/** collection → id → document, as the read store gave them back. */
export type ProjectedDocuments = Map<string, Map<string, Document>>;

/** The generation a spec's projection is built in: any will do, the documents are read back by it. */
const GENERATION = 1;

/**
 * Applies the events as the projector does (through `applyBatch`, each batch committed to an
 * embedded SQLite read store in memory) and reads back every collection the projection declares.
 * One batch unless `batchSize` cuts the log: then each later batch reads what the earlier ones
 * committed, as the projector does from one batch to the next.
 */
export async function projectEvents(
  definition: ProjectionDefinition,
  events: readonly RecordedEvent[],
  { batchSize = Math.max(events.length, 1) }: { readonly batchSize?: number } = {},
): Promise<ProjectedDocuments> {
  const store = await SqliteReadStore.open({ file: ':memory:' });
  try {
    for (const [collection, { indexes }] of Object.entries(definition.collections)) {
      await store.ensureCollection(physicalCollection(definition.name, collection, GENERATION), indexes);
    }
    let position = 0;
    for (let start = 0; start < events.length; start += batchSize) {
      const outcome = await applyBatch(definition, GENERATION, events.slice(start, start + batchSize), store, position);
      if (outcome.failure) throw outcome.failure;
      await store.commit({ changes: outcome.changes });
      position = outcome.position;
    }
    const projected: ProjectedDocuments = new Map();
    for (const collection of Object.keys(definition.collections)) {
      const docs = await store.find(physicalCollection(definition.name, collection, GENERATION));
      if (docs.length > 0) projected.set(collection, new Map(docs.map((doc) => [doc.id, doc])));
    }
    return projected;
  } finally {
    await store.close();
  }
}

/** The documents of one collection, in id order, for exact assertions. */
export function documentsOf(projected: ProjectedDocuments, collection: string): Document[] {
  return [...(projected.get(collection)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A query helper's find options run by the read store itself over one collection's documents,
 * so a spec checks the filter, sort and paging the API would send, with the adapter's meaning.
 */
export async function findDocuments(projected: ProjectedDocuments, collection: string, options: FindOptions = {}): Promise<Document[]> {
  const store = await SqliteReadStore.open({ file: ':memory:' });
  try {
    await store.commit({ changes: documentsOf(projected, collection).map((doc) => ({ collection, id: doc.id, doc })) });
    return await store.find(collection, options);
  } finally {
    await store.close();
  }
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

/** Lyon, City of Media Arts from 3 November 2008 (recorded the next day), as the projection specs share it. */
export const lyonDesignated = recorded(
  'CityDesignated',
  { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' },
  { recordedAt: '2008-11-04T10:00:00.000Z' },
);

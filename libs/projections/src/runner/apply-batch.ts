import { messageOf } from '@uccn/domain';
import type { RecordedEvent } from '@uccn/event-store';
import type { Document, DocumentChange, ReadStore } from '@uccn/read-store';
import { isDocSetRef, type DocRef, type DocSetRef, type DocView, type DocWrite, type ProjectionDefinition, type Touch } from '../projection.js';
import { physicalCollection } from './projection-catalog.js';

/** One event the reducer could not apply: the projection stops there, it never skips it. */
export class ProjectionFailure extends Error {
  override readonly name = 'ProjectionFailure';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`${projection} failed on ${event.type} at position ${event.position}: ${messageOf(cause)}`);
  }
}

export interface BatchOutcome {
  /** the documents to write, each once, in their final state for the batch */
  readonly changes: DocumentChange[];
  /** position of the last event applied (the checkpoint to write with the changes) */
  readonly position: number;
  /** set when an event threw: `changes` and `position` then stop just before it */
  readonly failure: ProjectionFailure | null;
}

const key = (ref: DocRef) => `${ref.collection}\u0000${ref.id}`;
const setKey = (ref: DocSetRef) => `${ref.collection}\u0000${ref.field}\u0000${ref.equals}`;

/**
 * Applies a batch of events to one generation of a projection. Documents are read once per
 * batch and written once per batch however many events touched them, which is what makes a
 * rebuild of a million events fast. Every written document carries lineage: the id and position
 * of the last event that changed it.
 */
export async function applyBatch(
  definition: ProjectionDefinition,
  generation: number,
  events: readonly RecordedEvent[],
  store: ReadStore,
  startPosition: number,
): Promise<BatchOutcome> {
  const handled = handledTypes(definition);
  const cache = new Map<string, Document | null>();
  const dirty = new Map<string, DocumentChange>();
  let position = startPosition;

  // Every document the batch touches is loaded up front, one query per collection rather than one
  // per event. Only the reducer's own throws poison an event: a store that fails to load the
  // documents is a passing outage, left to the worker to retry from the checkpoint.
  const touched: (readonly Touch[] | null)[] = new Array(events.length).fill(null);
  let poisoned: { readonly index: number; readonly cause: unknown } | null = null;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (!handled.has(event.type)) continue;
    try {
      touched[index] = indexedSets(definition, definition.touches(event));
    } catch (cause) {
      poisoned = { index, cause };
      break;
    }
  }
  await loadMissing(touched, cache, store, definition.name, generation);

  // One view for the whole batch, pointed at each event's documents in turn, and each collection's
  // physical name made once: a rebuild applies a million events, and every object and string made
  // per event is garbage to collect.
  let refs: readonly Touch[] = [];
  let current: RecordedEvent | null = null;
  const view: DocView = {
    get(collection: string, id: string) {
      // Only the documents the event named: the cache holds the whole batch's, and reading any
      // other would make the result depend on how the log was cut into batches.
      for (const ref of refs) if (!isDocSetRef(ref) && ref.id === id && ref.collection === collection) return cache.get(key(ref)) ?? undefined;
      throw new Error(`${definition.name} read ${collection}/${id} without naming it in touches(${current?.type})`);
    },
    all(collection: string, field: string, equals: string) {
      if (!refs.some((ref) => isDocSetRef(ref) && ref.collection === collection && ref.field === field && ref.equals === equals)) {
        throw new Error(`${definition.name} read ${collection} where ${field} = ${equals} without naming it in touches(${current?.type})`);
      }
      // every stored member of the set was loaded into the cache, and every document the batch wrote is
      // there too, in its latest state: the cache alone answers the set as it stands before this event
      const prefix = `${collection}\u0000`;
      const members: Document[] = [];
      for (const [cached, doc] of cache) {
        if (doc !== null && cached.startsWith(prefix) && doc[field] === equals) members.push(doc);
      }
      return members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
  const physical = new Map<string, string>();
  const physicalOf = (collection: string): string => {
    let name = physical.get(collection);
    if (name === undefined) physical.set(collection, (name = physicalCollection(definition.name, collection, generation)));
    return name;
  };

  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (poisoned?.index === index) {
      return { changes: [...dirty.values()], position, failure: new ProjectionFailure(definition.name, event, poisoned.cause) };
    }
    const touches = touched[index];
    if (touches) {
      refs = touches;
      current = event;
      let writes: readonly DocWrite[];
      try {
        writes = definition.apply(event, view);
        const undeclared = writes.find((write) => !(write.collection in definition.collections));
        if (undeclared) throw new Error(`${definition.name} wrote to undeclared collection ${undeclared.collection}`);
      } catch (cause) {
        return { changes: [...dirty.values()], position, failure: new ProjectionFailure(definition.name, event, cause) };
      } finally {
        refs = [];
      }
      for (const write of writes) {
        const doc = write.doc === null ? null : { ...write.doc, id: write.id, lastEventId: event.id, lastPosition: event.position };
        const written = key(write);
        cache.set(written, doc);
        dirty.set(written, { collection: physicalOf(write.collection), id: write.id, doc });
      }
    }
    position = event.position;
  }
  return { changes: [...dirty.values()], position, failure: null };
}

/** The touches, once every set they name is known to be read through an index, even while a generation is built. */
function indexedSets(definition: ProjectionDefinition, touches: readonly Touch[]): readonly Touch[] {
  for (const touch of touches) {
    if (!isDocSetRef(touch)) continue;
    const setIndexes = definition.collections[touch.collection]?.setIndexes ?? [];
    if (!setIndexes.some((index) => index.length === 1 && index[0] === touch.field)) {
      throw new Error(`${definition.name} names a set of ${touch.collection} by ${touch.field} without declaring [${touch.field}] in its setIndexes`);
    }
  }
  return touches;
}

/** each definition's `handles` as a set, made once rather than once per batch */
const handledTypesOf = new WeakMap<ProjectionDefinition, ReadonlySet<string>>();
function handledTypes(definition: ProjectionDefinition): ReadonlySet<string> {
  let types = handledTypesOf.get(definition);
  if (!types) handledTypesOf.set(definition, (types = new Set(definition.handles)));
  return types;
}

async function loadMissing(
  touched: readonly (readonly Touch[] | null)[],
  cache: Map<string, Document | null>,
  store: ReadStore,
  projection: string,
  generation: number,
): Promise<void> {
  const byCollection = new Map<string, Set<string>>();
  const sets = new Map<string, DocSetRef>();
  for (const refs of touched) {
    for (const ref of refs ?? []) {
      if (isDocSetRef(ref)) {
        sets.set(setKey(ref), ref);
        continue;
      }
      if (cache.has(key(ref))) continue;
      let ids = byCollection.get(ref.collection);
      if (!ids) byCollection.set(ref.collection, (ids = new Set<string>()));
      ids.add(ref.id);
    }
  }
  for (const [collection, ids] of byCollection) {
    const found = await store.getMany(physicalCollection(projection, collection, generation), [...ids]);
    const byId = new Map(found.map((doc) => [doc.id, doc]));
    for (const id of ids) cache.set(key({ collection, id }), byId.get(id) ?? null);
  }
  for (const { collection, field, equals } of sets.values()) {
    const members = await store.find(physicalCollection(projection, collection, generation), { filter: { [field]: equals } });
    for (const doc of members) if (!cache.has(key({ collection, id: doc.id }))) cache.set(key({ collection, id: doc.id }), doc);
  }
}

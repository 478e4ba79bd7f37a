import type { Document, Filter, FindOptions, ReadStore } from '@uccn/read-store';
import type { ReadModelRef, Stored } from '../projection.js';
import { physicalCollection, readCatalogEntry } from './projection-catalog.js';

/** A read model's collection as the serving generation holds it. */
export interface ReadModelCollection<D extends Document = Document> {
  readonly generation: number;
  get(id: string): Promise<Stored<D> | null>;
  getMany(ids: readonly string[]): Promise<Stored<D>[]>;
  find(options?: FindOptions): Promise<Stored<D>[]>;
  count(filter?: Filter): Promise<number>;
}

/**
 * The query side's only door to the projections: it resolves the serving generation once per
 * call, so every read of one request goes to the same, complete generation.
 */
export class ReadModels {
  constructor(private readonly store: ReadStore) {}

  /** A projection's collection, typed by the document its reducer writes there. */
  collection<D extends Document>(ref: ReadModelRef<D>): Promise<ReadModelCollection<D>>;
  /** Any collection by name, untyped (exports, tests). */
  collection(projection: string, collection: string): Promise<ReadModelCollection>;
  async collection<D extends Document>(refOrProjection: ReadModelRef<D> | string, named?: string): Promise<ReadModelCollection<D>> {
    const { projection, collection } = typeof refOrProjection === 'string' ? { projection: refOrProjection, collection: named! } : refOrProjection;
    const entry = await readCatalogEntry(this.store, projection);
    return this.at(projection, collection, entry?.activeGeneration ?? 1);
  }

  /** Another collection of the same projection, from the same generation as `of` (one request, one generation). */
  sibling<D extends Document>(ref: ReadModelRef<D>, of: Pick<ReadModelCollection, 'generation'>): ReadModelCollection<D> {
    return this.at(ref.projection, ref.collection, of.generation);
  }

  private at<D extends Document>(projection: string, collection: string, generation: number): ReadModelCollection<D> {
    const name = physicalCollection(projection, collection, generation);
    const store = this.store;
    const documents = {
      generation,
      get: (id: string) => store.get(name, id),
      getMany: (ids: readonly string[]) => store.getMany(name, ids),
      find: (options?: FindOptions) => store.find(name, options),
      count: (filter?: Filter) => store.count(name, filter),
    };
    /*
     * The read side's one cast. The store hands back plain documents; the ref says which reducer
     * wrote them, and only that projection writes its collections: its `apply` writes D, and
     * apply-batch stamps each write with its Lineage, so what comes back is Stored<D>.
     */
    return documents as ReadModelCollection<D>;
  }
}

import type { Document, Filter, FindOptions, ReadStore } from '@uccn/read-store';
import { physicalCollection, readCatalogEntry } from './projection-catalog.js';

/** A read model's collection as the serving generation holds it. */
export interface ReadModelCollection {
  readonly generation: number;
  get(id: string): Promise<Document | null>;
  getMany(ids: readonly string[]): Promise<Document[]>;
  find(options?: FindOptions): Promise<Document[]>;
  count(filter?: Filter): Promise<number>;
}

/**
 * The query side's only door to the projections: it resolves the serving generation once per
 * call, so every read of one request goes to the same, complete generation.
 */
export class ReadModels {
  constructor(private readonly store: ReadStore) {}

  async collection(projection: string, collection: string): Promise<ReadModelCollection> {
    const entry = await readCatalogEntry(this.store, projection);
    const generation = entry?.activeGeneration ?? 1;
    const name = physicalCollection(projection, collection, generation);
    const store = this.store;
    return {
      generation,
      get: (id) => store.get(name, id),
      getMany: (ids) => store.getMany(name, ids),
      find: (options) => store.find(name, options),
      count: (filter) => store.count(name, filter),
    };
  }
}

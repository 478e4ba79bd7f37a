import type { Document, ReadStore } from '@uccn/read-store';

/**
 * Where each projection's documents live. A projection is built in numbered generations; its
 * collections are named `<projection>_<collection>_v<generation>`, and one catalogue document per
 * projection says which generation serves. A rebuild fills generation n + 1 beside the serving
 * one and flips `activeGeneration` in the same unit of work as its last checkpoint, so a reader
 * sees either the old generation or the complete new one, never a half-built one.
 */
export const CATALOG_COLLECTION = 'projection_catalog';

export interface CatalogEntry extends Document {
  readonly id: string;
  readonly activeGeneration: number;
  /** the definition's `version` the active generation was built with */
  readonly activeCodeVersion: number;
  /** a generation being built beside the active one */
  readonly building: { readonly generation: number; readonly codeVersion: number; readonly requestedAt: string } | null;
  /** generations to drop once no reader can still hold their name */
  readonly retired: readonly number[];
  /** set by the API when the projector runs in another process; the runner picks it up */
  readonly rebuildRequestedAt: string | null;
}

export const physicalCollection = (projection: string, collection: string, generation: number): string =>
  `${projection}_${collection}_v${generation}`;

/** The generation a rebuild builds next: above every one the catalogue knows of, retired ones included. */
export const nextGeneration = (entry: CatalogEntry): number =>
  Math.max(entry.activeGeneration, ...entry.retired, entry.building?.generation ?? 0) + 1;

export const checkpointName = (projection: string, generation: number): string => `${projection}@v${generation}`;

export async function readCatalogEntry(store: ReadStore, projection: string): Promise<CatalogEntry | null> {
  return (await store.get(CATALOG_COLLECTION, projection)) as CatalogEntry | null;
}

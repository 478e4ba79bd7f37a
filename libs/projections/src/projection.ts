import type { RecordedEvent } from '@uccn/event-store';
import type { Document, IndexSpec } from '@uccn/read-store';

/** A document a projection reads or writes, named by its logical collection. */
export interface DocRef {
  readonly collection: string;
  readonly id: string;
}

/**
 * Every document of `collection` whose `field` equals `equals`: for the rare event that must see a
 * set of documents it cannot name one by one (a correction of a report recomputing the city's
 * figures from all its reports). The collection declares `[field]` in its `setIndexes`; the set
 * is read from the store, so an event that names one costs a query: keep it off the common path.
 */
export interface DocSetRef {
  readonly collection: string;
  readonly field: string;
  readonly equals: string;
}

/** What `touches` names: one document, or a set of them by a field's value. */
export type Touch = DocRef | DocSetRef;

export const isDocSetRef = (touch: Touch): touch is DocSetRef => 'field' in touch;

/** What the reducer sees of the current documents (those named by `touches`). */
export interface DocView {
  get(collection: string, id: string): Document | undefined;
  /** the documents of a set named by `touches`, as they stand before this event, in id order */
  all(collection: string, field: string, equals: string): readonly Document[];
}

/** The new version of a document, or `null` to delete it. */
export interface DocWrite {
  readonly collection: string;
  readonly id: string;
  readonly doc: Document | null;
}

/**
 * A projection is a pure reducer of the log into documents shaped for the queries that read them.
 * It never does I/O: the runner loads the documents it `touches`, calls `apply`, and writes the
 * result together with the checkpoint. The same events therefore always give the same documents,
 * which is what makes a rebuild trustworthy.
 */
export interface ProjectionDefinition {
  /** kebab-case, stable: the name in `/api/audit/projections` and in rebuild URLs */
  readonly name: string;
  /**
   * Bump when `apply` changes meaning: a new version is built from position 0 beside the old one,
   * which keeps serving until the new one has caught up.
   */
  readonly version: number;
  /**
   * logical collection name → the indexes its queries need (built once a new generation has caught
   * up: one sort each instead of keeping them in step with a million writes), and `setIndexes`, the
   * ones the reducer's own reads of a set need (`DocSetRef`), kept from the first write
   */
  readonly collections: Readonly<Record<string, { readonly indexes: readonly IndexSpec[]; readonly setIndexes?: readonly IndexSpec[] }>>;
  /** event types this projection reads; the others only advance its checkpoint */
  readonly handles: readonly string[];
  /** Which documents `apply` needs to see for this event (pure). */
  touches(event: RecordedEvent): readonly Touch[];
  /** The pure reducer: the event and the documents it touches → the documents it writes. */
  apply(event: RecordedEvent, docs: DocView): readonly DocWrite[];
}

/**
 * Lineage stamped by the runner on every document it writes: the last event that changed it, so an
 * auditor can go from any row to the events behind it.
 */
export interface Lineage {
  readonly lastEventId: string;
  readonly lastPosition: number;
}

/**
 * The fields a document type declares, without `Document`'s index signature (under which `Omit`
 * and `keyof` would see only `string`): what `Pick`, `Omit` and shape checks work on.
 */
export type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** A document as the read store holds it: what the projection wrote, stamped with its lineage. */
export type Stored<D extends Document> = D & Lineage;

/**
 * One collection of one projection, named once beside the document type its reducer writes there,
 * so that a query reading it through `ReadModels.collection(ref)` gets that type without a cast.
 * `doc` is never set: it only carries the type.
 */
export interface ReadModelRef<D extends Document> {
  readonly projection: string;
  readonly collection: string;
  readonly doc?: D;
}

/** The typed reference to `collection` of `definition` (which must declare it). */
export function readModel<D extends Document>(definition: ProjectionDefinition, collection: string): ReadModelRef<D> {
  if (!(collection in definition.collections)) throw new Error(`${definition.name} declares no collection ${collection}`);
  return { projection: definition.name, collection };
}

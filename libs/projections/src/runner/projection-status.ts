import type { EventStore } from '@uccn/event-store';
import type { Document, ReadStore } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { checkpointName, readCatalogEntry } from './projection-catalog.js';

export type ProjectionState = 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionError {
  readonly message: string;
  /** the event the projection stopped at, when a reducer threw */
  readonly position: number | null;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly at: string;
}

/** What the runner records on each change of state, so any process can report it. */
export interface StatusRecord extends Document {
  readonly id: string;
  readonly generation: number;
  readonly state: ProjectionState;
  readonly lastError: ProjectionError | null;
}

export const STATUS_COLLECTION = 'projection_status';
export const statusId = (projection: string, generation: number) => `${projection}@v${generation}`;

export interface ProjectionStatus {
  readonly name: string;
  /** the serving generation */
  readonly version: number;
  readonly codeVersion: number;
  readonly position: number;
  readonly head: number;
  /** events in the log after `position`, counted up to LAG_COUNTED_UP_TO (that value means at least so many) */
  readonly lag: number;
  readonly state: ProjectionState;
  readonly lastError: ProjectionError | null;
  readonly rebuild: { readonly version: number; readonly position: number; readonly state: ProjectionState; readonly lastError: ProjectionError | null } | null;
}

/**
 * A projection's lag is counted in events, up to this many: beyond it the figure means "at least".
 * Positions cannot be subtracted for it: on EventStoreDB they are byte offsets into the
 * transaction log, and EventStoreDB counts nothing for a client, so the events are read to be
 * counted; the bound keeps a status read cheap however far behind a projection is.
 */
export const LAG_COUNTED_UP_TO = 10_000;

/**
 * Reads every projection's health from the stores alone (catalogue, checkpoints, status records,
 * head of the log), so the API reports the truth whether projections run in-process or in
 * `apps/projector`.
 */
export async function readProjectionStatuses(
  definitions: readonly ProjectionDefinition[],
  events: EventStore,
  store: ReadStore,
): Promise<ProjectionStatus[]> {
  const head = await events.headPosition();
  // projections that stand at the same position (all of them, once live) share one count
  const counts = new Map<number, Promise<number>>();
  const lagAfter = (position: number): Promise<number> => {
    if (position >= head) return Promise.resolve(0);
    let count = counts.get(position);
    if (!count) counts.set(position, (count = events.countAfter(position, LAG_COUNTED_UP_TO)));
    return count;
  };
  return Promise.all(
    definitions.map(async (definition): Promise<ProjectionStatus> => {
      const entry = await readCatalogEntry(store, definition.name);
      const generation = entry?.activeGeneration ?? 1;
      const active = await generationStatus(store, definition.name, generation);
      const building = entry?.building ? await generationStatus(store, definition.name, entry.building.generation) : null;
      return {
        name: definition.name,
        version: generation,
        codeVersion: entry?.activeCodeVersion ?? definition.version,
        position: active.position,
        head,
        lag: await lagAfter(active.position),
        state: active.state,
        lastError: active.lastError,
        rebuild: building && entry?.building ? { version: entry.building.generation, ...building } : null,
      };
    }),
  );
}

async function generationStatus(store: ReadStore, projection: string, generation: number) {
  const position = (await store.getCheckpoint(checkpointName(projection, generation))) ?? 0;
  const record = (await store.get(STATUS_COLLECTION, statusId(projection, generation))) as StatusRecord | null;
  return { position, state: record?.state ?? ('catching-up' as ProjectionState), lastError: record?.lastError ?? null };
}

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
  readonly lag: number;
  readonly state: ProjectionState;
  readonly lastError: ProjectionError | null;
  readonly rebuild: { readonly version: number; readonly position: number; readonly state: ProjectionState; readonly lastError: ProjectionError | null } | null;
}

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
        lag: Math.max(0, head - active.position),
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

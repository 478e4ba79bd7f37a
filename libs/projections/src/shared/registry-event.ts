import type { RecordedEvent } from '@uccn/event-store';
import { isRegistryEventType, upcastStored, type RegistryEvent, type RegistryEventType } from '@uccn/domain';

/** One event type of the registry, by name. */
export type EventOfType<T extends RegistryEventType> = Extract<RegistryEvent, { type: T }>;

/**
 * The domain event inside a recorded one, brought to the current schema of its type.
 * Projections upcast here, from the stored `metadata.schemaVersion`, so the runner hands them
 * events exactly as stored: upcasting twice would be wrong once an upcaster is not idempotent.
 */
export function asRegistryEvent(event: RecordedEvent): RegistryEvent {
  if (!isRegistryEventType(event.type)) throw new Error(`not an event of the registry: ${event.type}`);
  return upcastStored(event) as RegistryEvent;
}

/**
 * The event narrowed to the types a projection handles, or `undefined` for the others, so each
 * reducer can switch exhaustively over exactly the events it reads.
 */
export function eventOf<T extends RegistryEventType>(handles: readonly T[], event: RecordedEvent): EventOfType<T> | undefined {
  if (!(handles as readonly string[]).includes(event.type)) return undefined;
  return asRegistryEvent(event) as EventOfType<T>;
}

/**
 * ISO instants only compare correctly as strings in one canonical form (`toISOString`):
 * `…00Z` and `…00.000Z` are the same instant but not the same string.
 */
export function canonicalInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** When the system learned the event (the second clock), canonical. */
export const recordedAtOf = (event: RecordedEvent): string => canonicalInstant(String(event.metadata['recordedAt'] ?? ''));

export const actorOf = (event: RecordedEvent): string | null =>
  typeof event.metadata['actor'] === 'string' ? event.metadata['actor'] : null;

export const roleOf = (event: RecordedEvent): string | null =>
  typeof event.metadata['role'] === 'string' ? event.metadata['role'] : null;

import { SCHEMA_VERSIONS, isRegistryEventType, type RegistryEvent } from './events.js';

/**
 * Upcasters turn an event stored at schema version `v` into version `v + 1`, keyed by type and
 * the version they start from. A schema change adds one entry here and bumps its type's
 * `SCHEMA_VERSIONS`. Stored events are never rewritten.
 */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;
const UPCASTERS: Partial<Record<RegistryEvent['type'], Record<number, Upcaster>>> = {
  // 2: the national commission may find a candidate unsuitable (seed 003); before, every endorsement endorsed
  ApplicationEndorsed: { 1: (data) => ({ ...data, outcome: 'endorsed' }) },
};

/** Brings a stored event's data to the current schema of its type. */
export function upcast(type: string, data: Record<string, unknown>, schemaVersion: number | undefined): Record<string, unknown> {
  if (!isRegistryEventType(type)) return data;
  const target = SCHEMA_VERSIONS[type];
  let version = schemaVersion ?? 1;
  let upcasted = data;
  while (version < target) {
    const step = UPCASTERS[type]?.[version];
    if (!step) throw new Error(`no upcaster for ${type} from schema version ${version}`);
    upcasted = step(upcasted);
    version += 1;
  }
  return upcasted;
}

/** An event as a store hands it back: its schema version travels in the metadata. */
export interface StoredEventShape {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A stored event as the domain sees it: type and data, brought to the current schema. */
export function upcastStored(stored: StoredEventShape): { type: string; data: Record<string, unknown> } {
  const schemaVersion = typeof stored.metadata['schemaVersion'] === 'number' ? stored.metadata['schemaVersion'] : undefined;
  return { type: stored.type, data: upcast(stored.type, stored.data, schemaVersion) };
}

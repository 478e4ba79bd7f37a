import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RegistryConfig } from '@uccn/config';
import { EsdbEventStore, SqliteEventStore, type EventStore } from '@uccn/event-store';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@uccn/read-store';

export const EVENTS_FILE = 'events.db';
export const READ_MODELS_FILE = 'read-models.db';

/** EventStoreDB when `EVENTSTORE_URL` is set, else the embedded SQLite log under the data directory. */
export async function openEventStore(config: RegistryConfig): Promise<EventStore> {
  if (config.eventStoreUrl) return EsdbEventStore.connect(config.eventStoreUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open({ file: path.join(config.dataDir, EVENTS_FILE) });
}

/** MongoDB when `MONGODB_URL` is set, else the embedded SQLite read store (its own file). */
export async function openReadStore(config: RegistryConfig): Promise<ReadStore> {
  if (config.mongodbUrl) return MongoReadStore.connect(config.mongodbUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return SqliteReadStore.open({ file: path.join(config.dataDir, READ_MODELS_FILE) });
}

/**
 * Where the stores are, in words, for the line a process or a command prints first:
 * `SQLite log in ./data, SQLite read models`, `EventStoreDB, MongoDB read models`.
 */
export function storesOf(config: RegistryConfig): string {
  const events = config.eventStoreUrl ? 'EventStoreDB' : `SQLite log in ${config.dataDir}`;
  const reads = config.mongodbUrl ? 'MongoDB read models' : config.eventStoreUrl ? `SQLite read models in ${config.dataDir}` : 'SQLite read models';
  return `${events}, ${reads}`;
}

import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { RegistryCommand, RegistryCommandHandler, systemClock, type CommandContext } from '@uccn/application';
import { SqliteEventStore } from '@uccn/event-store';
import { countryOf, fieldOf } from '../support/scale-log.js';

export interface AppendFigures {
  /** better-sqlite3 alone: one event per transaction, WAL, synchronous=FULL */
  readonly rawOnePerTransaction: number;
  /** the same, 100 events per transaction: what one fsync can carry */
  readonly rawHundredPerTransaction: number;
  /** command-style appends through the application (load, decide, envelope, append), per concurrency */
  readonly commands: Readonly<Record<number, number>>;
}

const EVENT_DATA = JSON.stringify({ cityId: 'city-000001', name: 'City 1', country: 'SE', field: 'gastronomy', designatedOn: '2010-05-10' });
const EVENT_METADATA = JSON.stringify({ actor: 'bench', role: 'secretariat', correlationId: randomUUID(), recordedAt: new Date().toISOString(), schemaVersion: 1, previousHash: null, hash: 'f'.repeat(64) });

/** Events per second written by better-sqlite3 with `perTransaction` events in each durable commit. */
function rawAppendRate(file: string, perTransaction: number, seconds: number): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision)) STRICT');
    const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
    let n = 0;
    const commit = db.transaction(() => {
      for (let i = 0; i < perTransaction; i++, n++) insert.run(randomUUID(), `city-${n}`, 0, 'CityDesignated', EVENT_DATA, EVENT_METADATA);
    });
    const started = performance.now();
    const deadline = started + seconds * 1000;
    while (performance.now() < deadline) commit();
    return n / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

/**
 * Designations through the real handler, each a new stream: read the stream and the field
 * catalogue, decide, wrap (ids, metadata, hash chain), append one event and wait for its fsync,
 * with `concurrency` commands in flight.
 */
async function commandRate(store: SqliteEventStore, concurrency: number, seconds: number, prefix: string): Promise<number> {
  const handler = new RegistryCommandHandler(store, systemClock);
  const context: CommandContext = { actor: 'bench', role: 'secretariat', correlationId: randomUUID() };
  let next = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      const payload = { cityId: `${prefix}-${i}`, name: `Bench ${i}`, country: countryOf(i), field: fieldOf(i), designatedOn: '2019-10-31' };
      await handler.execute(new RegistryCommand('DesignateCity', payload, context));
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

export async function measureAppends(dir: string, concurrencies: readonly number[], seconds: number): Promise<AppendFigures> {
  const rawOnePerTransaction = rawAppendRate(path.join(dir, 'raw-1.db'), 1, seconds);
  const rawHundredPerTransaction = rawAppendRate(path.join(dir, 'raw-100.db'), 100, seconds);
  const store = await SqliteEventStore.open({ file: path.join(dir, 'commands.db') });
  try {
    await commandRate(store, 8, 0.5, 'warm-up');
    const commands: Record<number, number> = {};
    for (const concurrency of concurrencies) commands[concurrency] = await commandRate(store, concurrency, seconds, `c${concurrency}`);
    return { rawOnePerTransaction, rawHundredPerTransaction, commands };
  } finally {
    await store.close();
  }
}

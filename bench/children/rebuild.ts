import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@uccn/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, readProjectionStatuses } from '@uccn/projections';
import { SqliteReadStore } from '@uccn/read-store';
import { peakRssBytes, reportFailure, type ChildMessage } from '../support/children.js';

export interface RebuildFigures {
  readonly events: number;
  /** every row of the log read in order with data and metadata parsed: the floor of any consumer */
  readonly rawScanPerSecond: number;
  readonly rebuildSeconds: number;
  readonly rebuildPerSecond: number;
  readonly failed: readonly string[];
}

/** Reads the whole log as the store's own columns and parses both JSON documents of each event. */
function rawScan(file: string): { events: number; perSecond: number } {
  const db = new Database(file, { readonly: true });
  try {
    const started = performance.now();
    let events = 0;
    let bytes = 0;
    for (const row of db.prepare('SELECT position, event_id, stream_id, revision, type, data, metadata FROM events ORDER BY position').raw(true).iterate()) {
      const [, , , , type, data, metadata] = row as [number, string, string, number, string, string, string];
      const parsed = { type, data: JSON.parse(data) as object, metadata: JSON.parse(metadata) as object };
      bytes += parsed.type.length;
      events += 1;
    }
    return { events, perSecond: events / ((performance.now() - started) / 1000) };
  } finally {
    db.close();
  }
}

/**
 * Builds every read model from position 0 into a new read store, with the runner the API uses,
 * and times it until every projection stands at the head of the log.
 */
async function main(): Promise<void> {
  const dir = process.env['BENCH_DATA_DIR']!;
  const eventsFile = path.join(dir, 'events.db');
  const scan = rawScan(eventsFile);

  const events = await SqliteEventStore.open({ file: eventsFile });
  const store = await SqliteReadStore.open({ file: path.join(dir, 'read-models.db') });
  const batchSize = Number(process.env['BENCH_PROJECTION_BATCH_SIZE'] ?? 1000);
  const runner = new ProjectionRunner(ALL_PROJECTIONS, events, store, { batchSize });
  const head = await events.headPosition();
  const started = performance.now();
  await runner.start();
  await runner.waitForPosition(head);
  const rebuildSeconds = (performance.now() - started) / 1000;
  await runner.stop();
  const failed = (await readProjectionStatuses(ALL_PROJECTIONS, events, store))
    .filter((s) => s.state === 'failed' || s.position < head)
    .map((s) => `${s.name}: ${s.state} at ${s.position}${s.lastError ? ` (${s.lastError.message})` : ''}`);
  await store.close();
  await events.close();

  const result: RebuildFigures = { events: head, rawScanPerSecond: scan.perSecond, rebuildSeconds, rebuildPerSecond: head / rebuildSeconds, failed };
  process.send!({ type: 'done', result, peakRssBytes: peakRssBytes() } satisfies ChildMessage, () => process.exit(0));
}

main().catch(reportFailure);

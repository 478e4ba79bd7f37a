import { MongoClient } from 'mongodb';
import type { RecordedEvent } from '@uccn/event-store';

/**
 * The production stores' suites run against a server named by an environment variable, and are
 * skipped, with the reason printed, when none is configured (DESIGN §5).
 */
export function describeWithServer(
  variable: 'EVENTSTORE_URL' | 'MONGODB_URL',
  skipped: string,
  example: string,
): { url: string | undefined; describe: jest.Describe } {
  const url = process.env[variable];
  if (!url) console.warn(`${skipped} skipped: set ${variable}=${example} to run it`);
  return { url, describe: url ? describe : describe.skip };
}

/**
 * What shows a log to be a registry's, or null for one a conformance run may write into: every
 * event the registry records carries its stream's hash chain (`metadata.hash`), and its log holds
 * the `log-anchors` stream; the suites' own test events carry neither.
 */
export function registryTraceIn(events: readonly RecordedEvent[]): string | null {
  const registryEvent = events.find((e) => typeof e.metadata['hash'] === 'string' || e.streamId === 'log-anchors');
  return registryEvent ? `${registryEvent.type} in ${registryEvent.streamId} at position ${registryEvent.position}` : null;
}

/** Drops a throw-away database of a MongoDB conformance run. */
export async function dropMongoDatabase(url: string, dbName: string): Promise<void> {
  const admin = new MongoClient(url);
  try {
    await admin.db(dbName).dropDatabase();
  } finally {
    await admin.close();
  }
}

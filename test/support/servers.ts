import { MongoClient } from 'mongodb';

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

/** Drops a throw-away database of a MongoDB conformance run. */
export async function dropMongoDatabase(url: string, dbName: string): Promise<void> {
  const admin = new MongoClient(url);
  try {
    await admin.db(dbName).dropDatabase();
  } finally {
    await admin.close();
  }
}

import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadStore, ReadStoreUnavailable } from '@uccn/read-store';
import { describeReadStoreConformance } from '../../libs/read-store/src/conformance/read-store.conformance.js';
import { freePort } from '../support/ports.js';

const url = process.env.MONGODB_URL;

if (!url) {
  console.warn('MongoDB conformance skipped: set MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0 (a replica set: commit uses transactions) to run it');
}

// Skipped only when no server is configured; the reason is printed above.
const describeWithServer = url ? describe : describe.skip;

describeWithServer('MongoReadStore against the server at MONGODB_URL', () => {
  describeReadStoreConformance('MongoDB', async () => {
    // a database of its own per run, dropped afterwards
    const dbName = `uccn-conformance-${randomUUID().slice(0, 8)}`;
    const store = await MongoReadStore.connect(url!, dbName);
    const cleanup = async () => {
      await store.close();
      const admin = new MongoClient(url!);
      try {
        await admin.db(dbName).dropDatabase();
      } finally {
        await admin.close();
      }
    };
    return { store, cleanup };
  });
});

describe('MongoReadStore without a server', () => {
  it('reports a closed port as ReadStoreUnavailable, promptly', async () => {
    const port = await freePort();
    const store = await MongoReadStore.connect(`mongodb://127.0.0.1:${port}/uccn?directConnection=true`, undefined, {
      serverSelectionTimeoutMS: 1_000,
    });
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(ReadStoreUnavailable);
      await expect(store.get('cities', 'krakow')).rejects.toBeInstanceOf(ReadStoreUnavailable);
      await expect(
        store.commit({ changes: [{ collection: 'cities', id: 'krakow', doc: { id: 'krakow' } }], checkpoint: { name: 'directory', position: 1 } }),
      ).rejects.toBeInstanceOf(ReadStoreUnavailable);
    } finally {
      await store.close();
    }
  }, 20_000);
});

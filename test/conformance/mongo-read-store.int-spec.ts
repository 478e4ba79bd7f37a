import { randomUUID } from 'node:crypto';
import { MongoReadStore, ReadStoreUnavailable } from '@uccn/read-store';
import { describeReadStoreConformance } from '../../libs/read-store/src/conformance/read-store.conformance.js';
import { freePort } from '../support/ports.js';
import { describeWithServer, dropMongoDatabase } from '../support/servers.js';

// a replica set: commit uses transactions
const server = describeWithServer('MONGODB_URL', 'MongoDB conformance', 'mongodb://localhost:27018/?directConnection=true');
const url = server.url;

server.describe('MongoReadStore against the server at MONGODB_URL', () => {
  describeReadStoreConformance('MongoDB', async () => {
    // a database of its own per run, dropped afterwards
    const dbName = `uccn-conformance-${randomUUID().slice(0, 8)}`;
    const store = await MongoReadStore.connect(url!, dbName);
    const cleanup = async () => {
      await store.close();
      await dropMongoDatabase(url!, dbName);
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

import { randomUUID } from 'node:crypto';
import { MongoKeyStore, ReadStoreUnavailable } from '@uccn/read-store';
import { describeKeyStoreConformance } from '../../libs/read-store/src/conformance/key-store.conformance.js';
import { freePort } from '../support/ports.js';
import { describeWithServer, dropMongoDatabase } from '../support/servers.js';

const server = describeWithServer('MONGODB_URL', 'MongoDB key store conformance', 'mongodb://localhost:27018/?directConnection=true');
const url = server.url;

server.describe('MongoKeyStore against the server at MONGODB_URL', () => {
  describeKeyStoreConformance('MongoDB', async () => {
    // a database of its own per run, dropped afterwards; two clients stand for two processes
    const dbName = `uccn-keys-${randomUUID().slice(0, 8)}`;
    const store = await MongoKeyStore.connect(url!, dbName);
    const second = await MongoKeyStore.connect(url!, dbName);
    const cleanup = async () => {
      await second.close();
      await store.close();
      await dropMongoDatabase(url!, dbName);
    };
    return { store, second, cleanup };
  });
});

describe('MongoKeyStore without a server', () => {
  it('reports a closed port as ReadStoreUnavailable, promptly', async () => {
    const port = await freePort();
    const store = await MongoKeyStore.connect(`mongodb://127.0.0.1:${port}/uccn?directConnection=true`, undefined, {
      serverSelectionTimeoutMS: 1_000,
    });
    const subject = 'a'.repeat(64);
    try {
      await expect(store.keyFor(subject)).rejects.toBeInstanceOf(ReadStoreUnavailable);
      await expect(store.find(subject)).rejects.toBeInstanceOf(ReadStoreUnavailable);
      await expect(store.destroy(subject)).rejects.toBeInstanceOf(ReadStoreUnavailable);
    } finally {
      await store.close();
    }
  }, 20_000);
});

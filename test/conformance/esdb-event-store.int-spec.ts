import { EsdbEventStore, EventStoreUnavailable } from '@uccn/event-store';
import { describeEventStoreConformance } from '../../libs/event-store/src/conformance/event-store.conformance.js';
import { freePort } from '../support/ports.js';
import { describeWithServer } from '../support/servers.js';

// a throw-away server of its own: the suite writes test streams, never point it at a production log
const server = describeWithServer('EVENTSTORE_URL', 'EventStoreDB conformance', 'esdb://localhost:2113?tls=false');
const url = server.url;

server.describe('EsdbEventStore against the server at EVENTSTORE_URL', () => {
  describeEventStoreConformance('EventStoreDB', async () => ({ store: await EsdbEventStore.connect(url!) }));
});

describe('EsdbEventStore without a server', () => {
  it('reports a closed port as EventStoreUnavailable, promptly', async () => {
    const port = await freePort();
    const store = await EsdbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`, { operationTimeoutMs: 3_000 });
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailable);
      await expect(store.append('city-krakow', [], 'any')).rejects.toBeInstanceOf(EventStoreUnavailable);
      await expect(store.readStream('city-krakow')).rejects.toBeInstanceOf(EventStoreUnavailable);
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailable);
    } finally {
      await store.close();
    }
  }, 20_000);
});

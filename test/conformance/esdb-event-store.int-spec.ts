import { EsdbEventStore, EventStoreUnavailable } from '@uccn/event-store';
import { describeEventStoreConformance } from '../../libs/event-store/src/conformance/event-store.conformance.js';
import { freePort } from '../support/ports.js';
import { describeWithServer, registryTraceIn } from '../support/servers.js';

// a throw-away server of its own (docker/README.md: the compose file's `conformance` profile): the
// suite writes test streams that EventStoreDB cannot drop, so it refuses a registry's log
const server = describeWithServer('EVENTSTORE_URL', 'EventStoreDB conformance', 'esdb://localhost:2114?tls=false');
const url = server.url;

server.describe('EsdbEventStore against the server at EVENTSTORE_URL', () => {
  describeEventStoreConformance('EventStoreDB', async () => {
    const store = await EsdbEventStore.connect(url!);
    const trace = registryTraceIn(await store.readAll({ maxCount: 1_000 }));
    if (trace) {
      await store.close();
      throw new Error(`EVENTSTORE_URL holds a registry's log (${trace}): the suite would write test streams into it; run it against a throw-away server (docker/README.md)`);
    }
    return { store };
  });
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

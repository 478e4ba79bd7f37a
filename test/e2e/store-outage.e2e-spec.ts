import { eventually } from './support/http-client.js';
import { freePort, startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { registrySuite } from './support/registry-suite.js';
import { hostAndPort, TcpProxy, throughProxy } from './support/tcp-proxy.js';

/**
 * The production stores behind the real clients (`@eventstore/db-client`, `mongodb`), pointed at
 * a port where nothing listens. The registry must start, say it is not ready, and answer 503
 * problem+json where it needs the missing store, never hang and never half-write.
 *
 * Recovery needs a server that can return: with EVENTSTORE_URL / MONGODB_URL set, a TCP relay
 * in front of the real store is taken down and brought back on the same port.
 */
const ostersund = { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-05-10' };
const krakow = { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' };

async function expectNotReady(registry: InProcessRegistry, store: 'eventStore' | 'readStore') {
  const ready = await registry.anonymous.get('/health/ready');
  expect(ready.status).toBe(503);
  expect(JSON.stringify(ready.body)).toContain(store);
}

function expectUnavailable(answer: { status: number; headers: Headers; body: any }) {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 503, type: expect.stringMatching(/store-unavailable$/) });
}

describe('EventStoreDB unreachable (a closed port)', () => {
  const registry = registrySuite(async () => ({ env: { EVENTSTORE_URL: `esdb://127.0.0.1:${await freePort()}?tls=false` } }));

  it('starts, reports the log as down in /health/ready, and answers commands with 503', async () => {
    await expectNotReady(registry, 'eventStore');
    expectUnavailable(await registry.secretariat.post('/api/admin/cities', ostersund));
    expectUnavailable(await registry.auditor.get('/api/audit/events'));
  });

  it('still answers liveness: the process is up, only a store is missing', async () => {
    expect((await registry.anonymous.get('/health')).status).toBe(200);
  });
});

describe('MongoDB unreachable (a closed port)', () => {
  const registry = registrySuite(async () => ({ env: { MONGODB_URL: `mongodb://127.0.0.1:${await freePort()}/uccn?directConnection=true` } }));

  it('starts anyway, and /health/ready reports the read store as down', async () => {
    await expectNotReady(registry, 'readStore');
  });

  it('answers reads of the read models with 503', async () => {
    expectUnavailable(await registry.analyst.get('/api/analytics/cities'));
    expectUnavailable(await registry.analyst.get('/api/analytics/summary'));
  });

  it('answers a command with an Idempotency-Key with 503: its first answer could not be kept', async () => {
    const before = await registry.auditor.get('/api/audit/events?stream=city-krakow');
    expectUnavailable(await registry.secretariat.post('/api/admin/cities', krakow, { 'idempotency-key': 'krakow-2013' }));
    const after = await registry.auditor.get('/api/audit/events?stream=city-krakow');
    expect(after.body.items).toEqual(before.body.items);
  });

  it('keeps accepting commands without a key: they need only the log, the system of record', async () => {
    const answer = await registry.secretariat.post('/api/admin/cities', ostersund);
    expect(answer.status).toBe(201);
    const log = await registry.auditor.get('/api/audit/events?stream=city-ostersund');
    expect(log.body.items).toHaveLength(1);
  });
});

const eventStoreUrl = process.env.EVENTSTORE_URL;
const mongodbUrl = process.env.MONGODB_URL;
if (!eventStoreUrl) console.warn('EventStoreDB recovery spec skipped: set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run it');
if (!mongodbUrl) console.warn('MongoDB recovery spec skipped: set MONGODB_URL (a replica set primary) to run it');

// Skipped only without a server to return; the reason is printed above.
(eventStoreUrl ? describe : describe.skip)('EventStoreDB goes away and comes back', () => {
  let proxy: TcpProxy;
  let registry: InProcessRegistry;
  beforeAll(async () => {
    proxy = await TcpProxy.start(hostAndPort(eventStoreUrl!, 2113));
    registry = await startRegistry({ env: { EVENTSTORE_URL: throughProxy(eventStoreUrl!, proxy) } });
  });
  afterAll(async () => {
    await registry?.close();
    await proxy?.down();
  });

  it('answers 503 while it is gone, and serves again once it is back', async () => {
    const city = { ...ostersund, cityId: `ostersund-${Date.now()}` };
    await proxy.down();
    expectUnavailable(await registry.secretariat.post('/api/admin/cities', city));
    await expectNotReady(registry, 'eventStore');
    await proxy.up();
    await eventually(async () => expect((await registry.anonymous.get('/health/ready')).status).toBe(200), 30_000);
    const answer = await registry.secretariat.post('/api/admin/cities', city);
    expect(answer.status).toBe(201);
    await registry.settled(answer.body.position);
    expect((await registry.analyst.get(`/api/analytics/cities/${city.cityId}`)).status).toBe(200);
  }, 90_000);
});

(mongodbUrl ? describe : describe.skip)('MongoDB goes away and comes back', () => {
  let proxy: TcpProxy;
  let registry: InProcessRegistry;
  beforeAll(async () => {
    proxy = await TcpProxy.start(hostAndPort(mongodbUrl!, 27017));
    // through the relay, the driver must not discover the replica set's own addresses
    const url = new URL(throughProxy(mongodbUrl!, proxy));
    url.searchParams.delete('replicaSet');
    url.searchParams.set('directConnection', 'true');
    url.pathname = `/uccn-outage-${Date.now()}`;
    registry = await startRegistry({ env: { MONGODB_URL: url.toString() } });
  });
  afterAll(async () => {
    await registry?.close();
    await proxy?.down();
  });

  it('answers reads with 503 while it is gone, and the projections catch up once it is back', async () => {
    await proxy.down();
    const city = { ...krakow, cityId: `krakow-${Date.now()}` };
    const accepted = await registry.secretariat.post('/api/admin/cities', city);
    expect(accepted.status).toBe(201);
    expectUnavailable(await registry.analyst.get('/api/analytics/cities'));
    await expectNotReady(registry, 'readStore');
    await proxy.up();
    await eventually(async () => expect((await registry.anonymous.get('/health/ready')).status).toBe(200), 30_000);
    await registry.settled(accepted.body.position);
    expect((await registry.analyst.get(`/api/analytics/cities/${city.cityId}`)).status).toBe(200);
  }, 90_000);
});

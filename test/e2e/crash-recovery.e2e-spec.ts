import { eventually } from './support/http-client.js';
import { freePort, newDataDir, spawnRegistry } from './support/registry-server.js';

/**
 * The promise of the log: an acknowledged command survives a SIGKILL, and the read models
 * converge after a restart with no event lost or applied twice.
 */
describe('a server killed with SIGKILL after acknowledged commands', () => {
  it('keeps every acknowledged event, and the directory converges with no duplicates after restart', async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    const first = await spawnRegistry(dataDir, port);
    const { secretariat } = first;

    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const cityId = `city-${i}`;
        const answer = await secretariat.post('/api/admin/cities', { cityId, name: `City ${i}`, country: 'SE', field: 'music', designatedOn: '2017-10-31' });
        if (answer.status === 201) acknowledged.push(cityId);
      }),
    );
    expect(acknowledged).toHaveLength(60);
    await first.kill('SIGKILL');

    const second = await spawnRegistry(dataDir, port);
    try {
      const { auditor } = second;
      const log = await auditor.get('/api/audit/events?type=CityDesignated&limit=500');
      expect(log.body.items.map((e: { data: { cityId: string } }) => e.data.cityId).sort()).toEqual([...acknowledged].sort());
      const positions = log.body.items.map((e: { position: number }) => e.position);
      expect(new Set(positions).size).toBe(positions.length);

      const { analyst } = second;
      const directory = await eventually(async () => {
        const page = await analyst.get('/api/analytics/cities?limit=500');
        expect(page.body.total).toBe(60);
        return page;
      }, 15_000);
      const ids = directory.body.items.map((c: { cityId: string }) => c.cityId);
      expect(new Set(ids).size).toBe(60);
      expect([...ids].sort()).toEqual([...acknowledged].sort());
    } finally {
      await second.kill('SIGTERM');
    }
  });
});

describe('a server killed with SIGKILL in the middle of a burst of 500 concurrent commands', () => {
  it('keeps every acknowledged event, writes nothing by halves, and serves after restart', async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    const first = await spawnRegistry(dataDir, port);
    const { secretariat } = first;

    const acknowledged = new Set<string>();
    let killed: Promise<void> | null = null;
    const burst = Array.from({ length: 500 }, async (_, i) => {
      const cityId = `burst-${i}`;
      try {
        const answer = await secretariat.post('/api/admin/cities', { cityId, name: `Burst ${i}`, country: 'FR', field: 'film', designatedOn: '2019-10-31' });
        if (answer.status === 201) acknowledged.add(cityId);
      } catch {
        // the connection died with the server: not acknowledged
      }
      // kill once a good share has been acknowledged, while the rest are still in flight
      if (acknowledged.size === 150 && !killed) killed = first.kill('SIGKILL');
    });
    await Promise.all(burst);
    await (killed ?? first.kill('SIGKILL'));
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    const second = await spawnRegistry(dataDir, port);
    try {
      const { auditor } = second;
      const logged = new Map<string, { revision: number; data: { cityId: string } }[]>();
      for (let after = ''; ; ) {
        const page = await auditor.get(`/api/audit/events?limit=500${after}`);
        for (const e of page.body.items) logged.set(e.streamId, [...(logged.get(e.streamId) ?? []), e]);
        if (page.body.next === null || page.body.items.length === 0) break;
        after = `&after=${page.body.next}`;
      }
      for (const cityId of acknowledged) expect(logged.has(`city-${cityId}`)).toBe(true);
      for (const [streamId, events] of logged) {
        // whole events only: each stream one designation at revision 0, with its data intact
        expect(events.map((e) => e.revision)).toEqual([0]);
        expect(`city-${events[0]!.data.cityId}`).toBe(streamId);
      }
      const after = await second.secretariat.post('/api/admin/cities', { cityId: 'after-restart', name: 'After', country: 'FR', field: 'film', designatedOn: '2019-10-31' });
      expect(after.status).toBe(201);
    } finally {
      await second.kill('SIGTERM');
    }
  });
});

import { ApiClient } from './support/http-client.js';
import { freePort, newDataDir, spawnRegistry } from './support/registry-server.js';
import { TEST_KEYS } from './support/test-keys.js';

/**
 * The promise of the log: an acknowledged command survives a SIGKILL, and the read models
 * converge after a restart with no event lost or applied twice.
 */
describe('a server killed with SIGKILL after acknowledged commands', () => {
  it('keeps every acknowledged event, and the directory converges with no duplicates after restart', async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    const first = await spawnRegistry(dataDir, port);
    const secretariat = new ApiClient(first.url, TEST_KEYS.secretariat.key);

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
      const auditor = new ApiClient(second.url, TEST_KEYS.auditor.key);
      const log = await auditor.get('/api/audit/events?type=CityDesignated&limit=500');
      expect(log.body.items.map((e: { data: { cityId: string } }) => e.data.cityId).sort()).toEqual([...acknowledged].sort());
      const positions = log.body.items.map((e: { position: number }) => e.position);
      expect(new Set(positions).size).toBe(positions.length);

      const analyst = new ApiClient(second.url, TEST_KEYS.analyst.key);
      const directory = await waitFor(async () => {
        const page = await analyst.get('/api/analytics/cities?limit=500');
        return page.body.total === 60 ? page : null;
      });
      const ids = directory.body.items.map((c: { cityId: string }) => c.cityId);
      expect(new Set(ids).size).toBe(60);
      expect([...ids].sort()).toEqual([...acknowledged].sort());
    } finally {
      await second.kill('SIGTERM');
    }
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('the read model did not converge in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

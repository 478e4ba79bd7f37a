import { ALL_PROJECTIONS } from '@uccn/projections';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { startRegistry } from './support/registry-server.js';
import { registrySuite } from './support/registry-suite.js';

const ostersund = { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-05-10' };

/** The value of one series in Prometheus text format, or undefined when it is not exposed. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.length === present.length && wanted.every((w) => present.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('metrics and readiness, end to end', () => {
  const registry = registrySuite();

  it('counts commands by command and outcome, the events appended, and exposes every projection’s position and lag', async () => {
    const designated = await registry.secretariat.post('/api/admin/cities', ostersund, { 'idempotency-key': 'designate-ostersund' });
    expect(designated.status).toBe(201);
    const replayed = await registry.secretariat.post('/api/admin/cities', ostersund, { 'idempotency-key': 'designate-ostersund' });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect((await registry.secretariat.post('/api/admin/cities', { ...ostersund, field: 'music' })).status).toBe(409);
    expect((await registry.secretariat.post('/api/admin/cities', { ...ostersund, cityId: 'Not A Slug' })).status).toBe(400);
    await registry.settled(designated.body.position);

    const scrape = await registry.auditor.get('/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = scrape.body as string;

    expect(sample(text, 'uccn_commands_total', { command: 'DesignateCity', outcome: 'created' })).toBe(1);
    expect(sample(text, 'uccn_commands_total', { command: 'DesignateCity', outcome: 'replayed' })).toBe(1);
    expect(sample(text, 'uccn_commands_total', { command: 'DesignateCity', outcome: 'refused' })).toBe(2);
    expect(sample(text, 'uccn_command_duration_seconds_count', { command: 'DesignateCity' })).toBe(4);
    expect(sample(text, 'uccn_events_appended_total', { stream_kind: 'city' })).toBe(1);

    const head = sample(text, 'uccn_projection_head_position');
    expect(head).toBeGreaterThanOrEqual(designated.body.position);
    for (const { name } of ALL_PROJECTIONS) {
      expect({ name, lag: sample(text, 'uccn_projection_lag_events', { projection: name }) }).toEqual({ name, lag: 0 });
      expect({ name, position: sample(text, 'uccn_projection_position', { projection: name }) }).toEqual({ name, position: head });
      expect({ name, failed: sample(text, 'uccn_projection_failed', { projection: name }) }).toEqual({ name, failed: 0 });
    }
    // collectDefaultMetrics on the app's own registry
    expect(sample(text, 'process_cpu_user_seconds_total')).toEqual(expect.any(Number));
  });

  it('shows each projection’s lag when nothing applies the log (projections run elsewhere and are behind)', async () => {
    const behind = await startRegistry({ env: { UCCN_RUN_PROJECTIONS: 'false' } });
    try {
      expect((await behind.secretariat.post('/api/admin/cities', ostersund)).status).toBe(201);
      const text = (await behind.auditor.get('/metrics')).body as string;
      const head = sample(text, 'uccn_projection_head_position')!;
      expect(head).toBeGreaterThanOrEqual(1);
      for (const { name } of ALL_PROJECTIONS) {
        expect({ name, lag: sample(text, 'uccn_projection_lag_events', { projection: name }) }).toEqual({ name, lag: head });
      }
    } finally {
      await behind.close();
    }
  });

  it('takes an operations key: 401 without one, 403 for an analyst', async () => {
    expect((await registry.anonymous.get('/metrics')).status).toBe(401);
    expect((await registry.analyst.get('/metrics')).status).toBe(403);
    expect((await registry.secretariat.get('/metrics')).status).toBe(200);
  });

  it('is ready with both stores up and no projection failed, saying so per check', async () => {
    const ready = await registry.anonymous.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, readStore: { status: 'up' }, projections: { status: 'up', failed: [] } },
      error: {},
    });
    expect(Object.keys(ready.body.info.projections.each).sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
  });

  it('is not ready (503) when the read store does not answer, naming the check that failed', async () => {
    const broken = await startRegistry();
    try {
      await broken.app.get<ReadStore>(READ_STORE).close();
      const ready = await broken.anonymous.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        info: { eventStore: { status: 'up' } },
        error: { readStore: { status: 'down' }, projections: { status: 'down' } },
      });
      expect((await broken.anonymous.get('/health')).status).toBe(200);
    } finally {
      await broken.close().catch(() => {});
    }
  });
});

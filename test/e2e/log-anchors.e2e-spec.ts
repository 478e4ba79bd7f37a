import { LogAnchorService } from '@uccn/application';
import { registrySuite } from './support/registry-suite.js';
import { FABRIANO, OSTERSUND } from './support/seeds.js';

/**
 * `GET /api/audit/anchors/latest`: the newest anchor of the log (the digest `verify` must meet),
 * with the position and time of the event that recorded it, read without walking the log.
 */
describe('GET /api/audit/anchors/latest', () => {
  const registry = registrySuite();

  it('answers null until the registry has anchored anything, then the anchor verify meets', async () => {
    const none = await registry.auditor.get('/api/audit/anchors/latest');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ anchor: null });

    await registry.accepted('/api/admin/cities', OSTERSUND);
    const { position } = (await registry.accepted('/api/admin/cities', FABRIANO)).body;
    const anchors = registry.app.get(LogAnchorService).process!;
    await anchors.waitForPosition(position);
    await anchors.anchorNow();

    const { anchor } = (await registry.auditor.get('/api/audit/anchors/latest')).body;
    const verify = (await registry.auditor.get('/api/audit/verify')).body;
    expect(verify).toEqual({ ok: true, checked: position + 1, newestAnchor: { upToPosition: position, events: position, logHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(anchor).toEqual({ ...verify.newestAnchor, position: position + 1, recordedAt: expect.any(String) });
    // the event that recorded it, as the raw log shows it
    const [recorded] = (await registry.auditor.get(`/api/audit/events?order=newest-first&limit=1`)).body.items;
    expect(recorded).toMatchObject({ position: anchor.position, streamId: 'log-anchors', type: 'LogAnchored', data: verify.newestAnchor, metadata: { recordedAt: anchor.recordedAt } });
  });

  it('answers the newest of several', async () => {
    const { position } = (await registry.accepted('/api/admin/cities/fabriano/field-change', { field: 'music', effectiveOn: '2020-01-15' })).body;
    const anchors = registry.app.get(LogAnchorService).process!;
    await anchors.waitForPosition(position);
    await anchors.anchorNow();

    const { anchor } = (await registry.auditor.get('/api/audit/anchors/latest')).body;
    expect(anchor).toMatchObject({ upToPosition: position, position: position + 1 });
    expect((await registry.auditor.get('/api/audit/verify')).body.newestAnchor).toEqual({ upToPosition: anchor.upToPosition, events: anchor.events, logHash: anchor.logHash });
  });

  it('is for auditors only', async () => {
    expect((await registry.anonymous.get('/api/audit/anchors/latest')).status).toBe(401);
    expect((await registry.analyst.get('/api/audit/anchors/latest')).status).toBe(403);
    expect((await registry.secretariat.get('/api/audit/anchors/latest')).status).toBe(403);
  });
});

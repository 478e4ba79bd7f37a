import { eventsOf, registrySuite } from './support/registry-suite.js';
import { TEST_KEYS } from './support/test-keys.js';

const city = (cityId: string) => ({ cityId, name: `City ${cityId}`, country: 'IT', field: 'design', designatedOn: '2014-12-01' });

describe('idempotent commands', () => {
  const registry = registrySuite();

  it('answers a retry with the same key and body as the first time, with Idempotent-Replayed, appending nothing', async () => {
    const headers = { 'idempotency-key': 'designate-turin-1' };
    const first = await registry.secretariat.post('/api/admin/cities', city('torino'), headers);
    const retry = await registry.secretariat.post('/api/admin/cities', city('torino'), headers);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventsOf(registry, 'city-torino')).toHaveLength(1);
  });

  it('refuses the same key with a different body (422), appending nothing', async () => {
    const headers = { 'idempotency-key': 'designate-bologna-1' };
    expect((await registry.secretariat.post('/api/admin/cities', city('bologna'), headers)).status).toBe(201);
    const other = await registry.secretariat.post('/api/admin/cities', city('fabriano'), headers);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await eventsOf(registry, 'city-fabriano')).toHaveLength(0);
  });

  it('derives the event ids from the key, so a retry proposes the very same events', async () => {
    const headers = { 'idempotency-key': 'designate-parma-1' };
    await registry.secretariat.post('/api/admin/cities', city('parma'), headers);
    const [event] = await eventsOf(registry, 'city-parma');
    expect(event!.metadata).toMatchObject({ idempotencyKey: 'designate-parma-1', requestHash: expect.any(String) });
    expect(event!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/); // a name-based (v5) UUID
  });
});

describe('optimistic concurrency', () => {
  const registry = registrySuite();

  it('gives exactly one 201 and nine 409 to ten racing designations of one city, with one event', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => registry.secretariat.post('/api/admin/cities', city('genova'))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(await eventsOf(registry, 'city-genova')).toHaveLength(1);
  });

  it('lets 40 concurrent reports on one city all succeed, with gapless revisions (bounded, jittered retries)', async () => {
    expect((await registry.secretariat.post('/api/admin/cities', { ...city('ostersund'), country: 'SE', field: 'gastronomy', designatedOn: '2010-06-22' })).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        registry.secretariat.post('/api/admin/cities/ostersund/reports', {
          reportId: `annual-${2011 + (i % 14)}-${i}`,
          kind: 'national-annual',
          periodStart: '2011-01-01',
          periodEnd: '2011-12-31',
          submittedOn: '2012-01-15',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const revisions = (await eventsOf(registry, 'city-ostersund')).map((e) => e.revision);
    expect(revisions).toEqual(Array.from({ length: 41 }, (_, i) => i));
  });

  it('answers 412 to a stale If-Match on a stream that has moved on since the client read it (no lost update)', async () => {
    expect((await registry.secretariat.post('/api/admin/cities', city('lucca'))).status).toBe(201);
    const report = (reportId: string) => ({ reportId, kind: 'national-annual', periodStart: '2015-01-01', periodEnd: '2015-12-31', submittedOn: '2016-01-15' });
    // two clerks read the city at revision 0; the first records a report and moves it to 1
    expect((await registry.secretariat.post('/api/admin/cities/lucca/reports', report('annual-2015'), { 'if-match': '"0"' })).status).toBe(201);
    const stale = await registry.secretariat.post('/api/admin/cities/lucca/reports', report('annual-2015-bis'), { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentRevision: 1 });
    expect((await eventsOf(registry, 'city-lucca')).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('answers 412 when If-Match names a revision the stream does not have, and a malformed If-Match is a 400', async () => {
    const stale = await registry.secretariat.post('/api/admin/cities', city('como'), { 'if-match': '"3"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await eventsOf(registry, 'city-como')).toHaveLength(0);
    expect((await registry.secretariat.post('/api/admin/cities', city('como'), { 'if-match': 'three' })).status).toBe(400);
  });
});

describe('hardened endpoints', () => {
  const registry = registrySuite({ env: { UCCN_RATE_LIMIT: '5' } });

  it('limits each key to UCCN_RATE_LIMIT requests a minute: 429 with Retry-After, other keys unaffected', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await registry.analyst.get('/api/analytics/cities'));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const limited = answers[5]!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await registry.auditor.get('/api/audit/events')).status).toBe(200);
  });

  it('refuses a body over 64 KB with 413 problem+json', async () => {
    const answer = await registry.secretariat.post('/api/admin/cities', { ...city('big'), name: 'x'.repeat(70 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('sends security headers, no CORS headers unless configured, and a correlation id', async () => {
    const answer = await registry.anonymous.get('/health');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('strict-transport-security')).toEqual(expect.any(String));
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('x-correlation-id')).toEqual(expect.any(String));
  });

  it('never echoes a key or a stack in an error', async () => {
    const answer = await registry.anonymous.as(TEST_KEYS.secretariat.key + 'x').post('/api/admin/cities', city('x'));
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toContain(TEST_KEYS.secretariat.key);
    expect(answer.body).not.toHaveProperty('stack');
  });
});

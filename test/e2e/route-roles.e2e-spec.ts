import type { ApiClient } from './support/http-client.js';
import { startRegistry, type InProcessRegistry } from './support/registry-server.js';

type Caller = 'none' | 'secretariat' | 'auditor' | 'analyst';
const EVERYONE: Caller[] = ['secretariat', 'auditor', 'analyst'];

/** Every route of DESIGN §3 and the roles the contract lets call it. */
const ROUTES: [method: 'GET' | 'POST', path: string, allowed: Caller[]][] = [
  ['POST', '/api/admin/cities', ['secretariat']],
  ['POST', '/api/admin/fields', ['secretariat']],
  ['POST', '/api/admin/cities/lyon/field-change', ['secretariat']],
  ['POST', '/api/admin/cities/lyon/reports', ['secretariat']],
  ['POST', '/api/admin/cities/lyon/reports/r1/review', ['secretariat']],
  ['POST', '/api/admin/cities/lyon/withdrawal', ['secretariat']],
  ['POST', '/api/admin/meetings', ['secretariat']],
  ['POST', '/api/admin/meetings/m1/hosted', ['secretariat']],
  ['POST', '/api/admin/meetings/m1/cancellation', ['secretariat']],
  ['POST', '/api/admin/applications', ['secretariat']],
  ['POST', '/api/admin/applications/a1/endorsement', ['secretariat']],
  ['POST', '/api/admin/applications/a1/decision', ['secretariat']],
  ['POST', '/api/admin/partnerships', ['secretariat']],
  ['POST', '/api/admin/partnerships/p1/partners', ['secretariat']],
  ['POST', '/api/admin/partnerships/p1/conclusion', ['secretariat']],
  ['POST', '/api/admin/projections/city-directory/rebuild', ['secretariat']],
  ['GET', '/api/audit/events', ['auditor']],
  ['GET', '/api/audit/cities/lyon/history', ['auditor']],
  ['GET', '/api/audit/membership?asOf=2018-06-12', ['auditor']],
  ['GET', '/api/audit/verify', ['auditor']],
  ['GET', '/api/audit/projections', ['auditor', 'secretariat']],
  ['GET', '/api/analytics/fields', EVERYONE],
  ['GET', '/api/analytics/summary', EVERYONE],
  ['GET', '/api/analytics/cities', EVERYONE],
  ['GET', '/api/analytics/cities/lyon', EVERYONE],
  ['GET', '/api/analytics/meetings', EVERYONE],
  ['GET', '/api/analytics/reports/compliance?asOf=2020-01-01', EVERYONE],
  ['GET', '/api/analytics/applications', EVERYONE],
  ['GET', '/api/analytics/partnerships', EVERYONE],
];

describe('every route × every caller answers as the contract says', () => {
  let registry: InProcessRegistry;
  let callers: Record<Caller, ApiClient>;
  beforeAll(async () => {
    registry = await startRegistry();
    callers = { none: registry.anonymous, secretariat: registry.secretariat, auditor: registry.auditor, analyst: registry.analyst };
  });
  afterAll(() => registry.close());

  const cases = ROUTES.flatMap(([method, path, allowed]) =>
    (['none', 'secretariat', 'auditor', 'analyst'] as Caller[]).map((caller) => {
      const expected = caller === 'none' ? 'unauthorized' : allowed.includes(caller) ? 'allowed' : 'forbidden';
      return [method, path, caller, expected] as const;
    }),
  );

  it.each(cases)('%s %s as %s is %s', async (method, path, caller, expected) => {
    const client = callers[caller];
    // an empty body: an allowed caller gets past authentication and meets validation (400)
    const answer = method === 'GET' ? await client.get(path) : await client.post(path, {});
    if (expected === 'unauthorized') expect(answer.status).toBe(401);
    else if (expected === 'forbidden') expect(answer.status).toBe(403);
    else expect([401, 403, 405, 500]).not.toContain(answer.status);
    if (answer.status >= 400) expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('leaves liveness and readiness open without a key', async () => {
    expect((await registry.anonymous.get('/health')).status).toBe(200);
    expect((await registry.anonymous.get('/health/ready')).status).toBe(200);
  });
});

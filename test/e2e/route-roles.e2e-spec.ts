import type { Role } from '@uccn/config';
import { CONTRACT_ROUTES, examplePath } from './support/contract-routes.js';
import type { ApiClient } from './support/http-client.js';
import { registrySuite } from './support/registry-suite.js';

type Caller = 'none' | Role;

const ROUTES = CONTRACT_ROUTES.map((route) => [route.method, examplePath(route), route.roles] as const);

describe('every route × every caller answers as the contract says', () => {
  const registry = registrySuite();
  let callers: Record<Caller, ApiClient>;
  beforeAll(() => {
    callers = { none: registry.anonymous, secretariat: registry.secretariat, auditor: registry.auditor, analyst: registry.analyst };
  });

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

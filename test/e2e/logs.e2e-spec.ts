import { eventually, type ApiClient } from './support/http-client.js';
import { registrySuite } from './support/registry-suite.js';
import { TEST_KEYS } from './support/test-keys.js';

const lyon = { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-24' };

/**
 * The JSON lines the API writes, read from a destination stream. One app per file: nestjs-pino
 * keeps one pino-http instance per process (per test file under Jest), made by the first app.
 */
describe('structured logs', () => {
  const written: string[] = [];
  const lines = () => written.map((line) => JSON.parse(line) as Record<string, any>);
  const registry = registrySuite({ env: { UCCN_LOG_LEVEL: 'info' }, logDestination: { write: (line: string) => void written.push(line) } });
  let client: ApiClient;
  beforeAll(() => {
    client = registry.anonymous;
  });

  it('logs a command once with its request id, actor and outcome, and never the key', async () => {
    const answer = await client.as(TEST_KEYS.secretariat.key).post('/api/admin/cities', lyon, { 'x-correlation-id': 'designate-lyon-1' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-correlation-id')).toBe('designate-lyon-1');

    const request = await eventually(async () => lines().find((l) => l.req?.id === 'designate-lyon-1' && l.res) ?? fail('no request line'));
    expect(request).toMatchObject({ req: { method: 'POST', url: '/api/admin/cities' }, res: { statusCode: 201 }, requestId: 'designate-lyon-1' });
    expect(lines().filter((l) => l.req?.id === 'designate-lyon-1')).toHaveLength(1);
    const commands = lines().filter((l) => l.requestId === 'designate-lyon-1' && l.command);
    expect(commands).toEqual([
      expect.objectContaining({
        command: 'DesignateCity',
        actor: { name: TEST_KEYS.secretariat.name, role: 'secretariat' },
        outcome: 'created',
        result: { id: 'lyon', revision: 0, position: answer.body.position },
        durationMs: expect.any(Number),
      }),
    ]);
    expect(written.join('')).not.toContain(TEST_KEYS.secretariat.key);
  });

  it('redacts a key sent in the query string (?key=…) from the request line and the problem', async () => {
    const key = TEST_KEYS.auditor.key;
    const answer = await client.get(`/api/audit/events?limit=5&key=${encodeURIComponent(key)}`, { 'x-correlation-id': 'key-in-query-1' });
    expect(answer.status).toBe(401);
    expect(answer.body.instance).toBe('/api/audit/events?limit=5&key=[redacted]');
    const request = await eventually(async () => lines().find((l) => l.req?.id === 'key-in-query-1' && l.res) ?? fail('no request line'));
    expect(request.req.url).toBe('/api/audit/events?limit=5&key=[redacted]');
    expect(JSON.stringify(answer.body) + written.join('')).not.toContain(key);
  });

  it('logs a refused command with the problem it was answered with', async () => {
    const city = { ...lyon, cityId: 'lyon-again' };
    expect((await client.as(TEST_KEYS.secretariat.key).post('/api/admin/cities', city)).status).toBe(201);
    const again = await client.as(TEST_KEYS.secretariat.key).post('/api/admin/cities', city, { 'x-correlation-id': 'designate-lyon-2' });
    expect(again.status).toBe(409);
    const line = await eventually(async () => lines().find((l) => l.requestId === 'designate-lyon-2' && l.command) ?? fail('no command line'));
    expect(line).toMatchObject({
      command: 'DesignateCity',
      actor: { name: TEST_KEYS.secretariat.name, role: 'secretariat' },
      outcome: 'refused',
      problem: { status: 409, type: 'urn:uccn:problem:city-already-designated', code: 'CityAlreadyDesignated' },
    });
  });

  it('logs under the generated request id that the answer carries, when the client sent none', async () => {
    const answer = await client.as(TEST_KEYS.analyst.key).get('/api/analytics/cities');
    const id = answer.headers.get('x-correlation-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(async () => lines().find((l) => l.req?.id === id && l.res?.statusCode === answer.status) ?? fail('no request line'));
  });

  it('leaves the probes out: readiness and metrics scrapes give no request line', async () => {
    expect((await client.get('/health/ready', { 'x-correlation-id': 'probe-1' })).status).toBe(200);
    expect((await client.as(TEST_KEYS.auditor.key).get('/metrics', { 'x-correlation-id': 'probe-2' })).status).toBe(200);
    const marker = await client.as(TEST_KEYS.analyst.key).get('/api/analytics/fields', { 'x-correlation-id': 'after-probes' });
    // the line of a request made after them has been written, so theirs would have been too
    await eventually(async () => lines().find((l) => l.req?.id === 'after-probes' && l.res?.statusCode === marker.status) ?? fail('no request line'));
    expect(lines().filter((l) => l.req?.id === 'probe-1' || l.req?.id === 'probe-2')).toEqual([]);
  });

  it('never logs a key, not even a wrong one', async () => {
    const wrongKey = 'not-a-key-but-a-secret-all-the-same';
    const refused = await client.as(wrongKey).post('/api/admin/cities', lyon, { 'x-correlation-id': 'wrong-key-1' });
    expect(refused.status).toBe(401);
    await eventually(async () => lines().find((l) => l.req?.id === 'wrong-key-1') ?? fail('no request line'));
    const all = written.join('');
    for (const key of [wrongKey, ...Object.values(TEST_KEYS).map((k) => k.key)]) expect(all).not.toContain(key);
    expect(all).not.toMatch(/bearer/i);
  });
});

function fail(reason: string): never {
  throw new Error(reason);
}

import { ApiClient } from './support/http-client.js';
import { startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { TEST_KEYS_JSON } from './support/test-keys.js';

/** A second secretariat key: the national commission's liaison, say. */
const LIAISON = { name: 'commission-liaison', role: 'secretariat', key: 'test-key-secretariat-0000000002' } as const;

const report = (reportId: string) => ({
  reportId,
  kind: 'national-annual',
  periodStart: '2017-01-01',
  periodEnd: '2017-12-31',
  submittedOn: '2018-01-15',
});

async function eventsOf(registry: InProcessRegistry, stream: string) {
  return (await registry.auditor.get(`/api/audit/events?stream=${stream}&limit=500`)).body.items as { type: string; data: Record<string, unknown> }[];
}

describe('one Idempotency-Key, many requests', () => {
  let registry: InProcessRegistry;
  let liaison: ApiClient;
  beforeAll(async () => {
    registry = await startRegistry({ env: { UCCN_API_KEYS: JSON.stringify([...JSON.parse(TEST_KEYS_JSON), LIAISON]) } });
    liaison = new ApiClient(registry.url).as(LIAISON.key);
  });
  afterAll(() => registry.close());

  const designate = (client: ApiClient, cityId: string, headers: Record<string, string> = {}) =>
    client.post('/api/admin/cities', { cityId, name: `City ${cityId}`, country: 'SE', field: 'music', designatedOn: '2017-10-31' }, headers);

  it('records exactly one of 20 racing requests that share a key but not a body; the other 19 are 422', async () => {
    // Several rounds: the interleavings differ from round to round.
    for (let round = 0; round < 5; round++) {
      const cityId = `norrkoping-${round}`;
      expect((await designate(registry.secretariat, cityId)).status).toBe(201);
      const headers = { 'idempotency-key': `annual-report-${round}` };
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => registry.secretariat.post(`/api/admin/cities/${cityId}/reports`, report(`national-2017-${i}`), headers)),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, ...Array(19).fill(422)]);
      const reports = (await eventsOf(registry, `city-${cityId}`)).filter((e) => e.type === 'ReportSubmitted');
      expect(reports).toHaveLength(1);
      const accepted = answers.find((a) => a.status === 201)!;
      expect(accepted.headers.get('idempotent-replayed')).toBeNull();
    }
  });

  it('keeps each caller’s answer apart: another caller may use the same key for its own request', async () => {
    const headers = { 'idempotency-key': 'designation-of-the-day' };
    const mine = await designate(registry.secretariat, 'ostersund', headers);
    const theirs = await designate(liaison, 'umea', headers);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(await eventsOf(registry, 'city-umea')).toHaveLength(1);
  });

  it('does not answer another caller’s identical request from the first caller’s kept answer', async () => {
    const headers = { 'idempotency-key': 'designate-lulea' };
    expect((await designate(registry.secretariat, 'lulea', headers)).status).toBe(201);
    const again = await designate(liaison, 'lulea', headers);
    expect(again.status).toBe(409); // the city is already on record: a conflict, not the first caller's 201
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await eventsOf(registry, 'city-lulea')).toHaveLength(1);
  });

  it('answers a retry with the first status, body and ETag after the stream has moved on', async () => {
    const headers = { 'idempotency-key': 'designate-kiruna' };
    const first = await designate(registry.secretariat, 'kiruna', headers);
    // the stream moves on: a retry must still get the first answer, not the stream's state now
    expect((await registry.secretariat.post('/api/admin/cities/kiruna/reports', report('national-2018'))).status).toBe(201);
    const retry = await designate(registry.secretariat, 'kiruna', headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });
});


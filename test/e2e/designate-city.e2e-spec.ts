import { fieldsNamed } from './support/refusals.js';
import { expectRecorded, registrySuite } from './support/registry-suite.js';
import { TEST_KEYS } from './support/test-keys.js';

const ostersund = { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-05-10' };
const norrkoping = { cityId: 'norrkoping', name: 'Norrköping', country: 'SE', field: 'music', designatedOn: '2017-10-31' };
const krakow = { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' };
const katowice = { cityId: 'katowice', name: 'Katowice', country: 'PL', field: 'music', designatedOn: '2015-12-11' };

describe('designating a city, end to end over HTTP', () => {
  const registry = registrySuite();

  it('records CityDesignated and answers 201 with id, revision, position and the revision as ETag', async () => {
    const answer = await registry.secretariat.post('/api/admin/cities', ostersund);
    expectRecorded(answer, 'ostersund', 0);
  });

  it('shows the city in the directory once its projection has caught up', async () => {
    const { body } = await registry.secretariat.post('/api/admin/cities', norrkoping);
    await registry.settled(body.position);
    const city = await registry.analyst.get('/api/analytics/cities/norrkoping');
    expect(city.status).toBe(200);
    expect(city.body).toMatchObject({ cityId: 'norrkoping', name: 'Norrköping', country: 'SE', field: 'music', status: 'member', designatedOn: '2017-10-31', lastPosition: body.position });
  });

  it('keeps the actor and the recording time in the audit log, beside the domain date', async () => {
    const before = new Date().toISOString();
    const { body } = await registry.secretariat.post('/api/admin/cities', krakow);
    const log = await registry.auditor.get(`/api/audit/events?stream=city-krakow`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    const [event] = log.body.items;
    expect(event).toMatchObject({ position: body.position, streamId: 'city-krakow', revision: 0, type: 'CityDesignated', data: krakow });
    expect(event.metadata).toMatchObject({ actor: TEST_KEYS.secretariat.name, role: 'secretariat', schemaVersion: 1, eventId: event.id });
    expect(event.metadata.recordedAt >= before).toBe(true);
    expect(event.metadata.correlationId).toEqual(expect.any(String));
  });

  it('answers 409 when the city is already designated, and appends nothing', async () => {
    const cityId = registry.uniqueId('ostersund');
    await registry.accepted('/api/admin/cities', { ...ostersund, cityId });
    const again = await registry.refused(409, () => registry.secretariat.post('/api/admin/cities', { ...ostersund, cityId, field: 'music' }));
    expect(again.body).toMatchObject({ status: 409, title: 'Conflict', type: expect.stringContaining('city-already-designated') });
  });

  it.each([
    ['an unknown property', { ...ostersund, cityId: 'a1', mayor: 'x' }, 'mayor'],
    ['an impossible calendar date', { ...ostersund, cityId: 'a2', designatedOn: '2017-02-30' }, 'designatedOn'],
    ['a country that is not ISO 3166-1 alpha-2', { ...ostersund, cityId: 'a3', country: 'XX' }, 'country'],
    ['a lower-case country code', { ...ostersund, cityId: 'a4', country: 'se' }, 'country'],
    ['an id that is not a slug', { ...ostersund, cityId: 'Östersund City' }, 'cityId'],
    ['a missing name', { ...ostersund, cityId: 'a5', name: undefined }, 'name'],
    ['a field unknown to the catalogue', { ...ostersund, cityId: 'a6', field: 'sculpture' }, 'field'],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const answer = await registry.refused(400, () => registry.secretariat.post('/api/admin/cities', body));
    expect(fieldsNamed(answer)).toContain(field);
  });

  it('answers 400 to malformed JSON', async () => {
    const answer = await registry.secretariat.postRaw('/api/admin/cities', '{"cityId": "x",');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).not.toHaveProperty('stack');
  });

  it.each([
    ['a designation before the network was founded (2004)', { ...ostersund, cityId: 'early', designatedOn: '2003-12-31' }],
    ['a domain date in the future', { ...ostersund, cityId: 'future', designatedOn: '2999-01-01' }],
  ])('answers 422 to %s', async (_, body) => {
    const answer = await registry.secretariat.post('/api/admin/cities', body);
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toEqual(expect.any(String));
  });

  it('answers 401 without a key or with a wrong one, and 403 to a role that may not designate', async () => {
    expect((await registry.anonymous.post('/api/admin/cities', { ...ostersund, cityId: 'x1' })).status).toBe(401);
    expect((await registry.anonymous.as('not-a-key-at-all-000000').post('/api/admin/cities', { ...ostersund, cityId: 'x2' })).status).toBe(401);
    expect((await registry.auditor.post('/api/admin/cities', { ...ostersund, cityId: 'x3' })).status).toBe(403);
    expect((await registry.analyst.post('/api/admin/cities', { ...ostersund, cityId: 'x4' })).status).toBe(403);
    expect((await registry.analyst.get('/api/audit/events')).status).toBe(403);
  });

  it('serves liveness and readiness without a key', async () => {
    expect((await registry.anonymous.get('/health')).body).toEqual({ status: 'ok' });
    expect((await registry.anonymous.get('/health/ready')).status).toBe(200);
  });
});

describe('the directory of the cities designated, over HTTP', () => {
  const registry = registrySuite();
  beforeAll(async () => {
    let position = 0;
    for (const city of [ostersund, norrkoping, krakow, katowice]) position = (await registry.accepted('/api/admin/cities', city)).body.position;
    await registry.settled(position);
  });

  it('filters and pages the directory', async () => {
    const poland = await registry.analyst.get('/api/analytics/cities?country=PL');
    expect(poland.body).toMatchObject({ total: 2, page: 1, limit: 50 });
    expect(poland.body.items.map((c: { cityId: string }) => c.cityId)).toEqual(['katowice', 'krakow']);
    const music = await registry.analyst.get('/api/analytics/cities?field=music&status=member');
    expect(music.body.items.map((c: { cityId: string }) => c.cityId).sort()).toEqual(['katowice', 'norrkoping']);
    const secondPage = await registry.analyst.get('/api/analytics/cities?limit=2&page=2');
    expect(secondPage.body).toMatchObject({ page: 2, limit: 2, total: 4 });
    expect(secondPage.body.items).toHaveLength(2);
    expect((await registry.analyst.get('/api/analytics/cities?limit=501')).status).toBe(400);
    expect((await registry.analyst.get('/api/analytics/cities/nowhere')).status).toBe(404);
  });
});

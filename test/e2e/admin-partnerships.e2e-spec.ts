import { fieldsNamed } from './support/refusals.js';
import { expectRecorded, registrySuite } from './support/registry-suite.js';
import { cluster, creativeCities } from './support/seeds.js';

/** Creative Cities (seed 004) under another id. */
const another = (partnershipId: string, more: Record<string, unknown> = {}) => ({ ...creativeCities, partnershipId, ...more });

describe('partnerships, end to end over HTTP', () => {
  const registry = registrySuite();
  const { eventsOf } = registry;

  /** The secretariat's command, refused with `status` as problem+json, the log's head left where it was. */
  const refused = (path: string, body: unknown, status: number) => registry.refused(status, () => registry.post(path, body));

  /** Creative Cities under an id of the spec's own, for a spec that changes it; answers the id. */
  const launched = async () => {
    const partnershipId = registry.uniqueId('creative-cities');
    await registry.accepted('/api/admin/partnerships', another(partnershipId));
    return partnershipId;
  };
  const conclusion = { concludedOn: '2012-12-31', outcome: 'a transnational network of creative industry clusters in five Central European cities' };

  /** A second Creative Cities, for the specs that append nothing */
  beforeAll(() => registry.accepted('/api/admin/partnerships', another('creative-cities-2')));

  it('launches Creative Cities with its lead partner, partners and creative industries: 201, ETag "0"', async () => {
    const answer = await registry.post('/api/admin/partnerships', creativeCities);
    expectRecorded(answer, 'creative-cities', 0);
    const [event] = await eventsOf('partnership-creative-cities');
    expect(event).toMatchObject({ type: 'PartnershipLaunched', data: creativeCities });
  });

  it('records a partner joining: 201, ETag "1"', async () => {
    const partnershipId = await launched();
    const joined = await registry.post(`/api/admin/partnerships/${partnershipId}/partners`, cluster);
    expect(joined.status).toBe(201);
    expect(joined.body).toEqual({ id: partnershipId, revision: 1, position: expect.any(Number) });
    expect(joined.headers.get('etag')).toBe('"1"');
    const log = await eventsOf(`partnership-${partnershipId}`);
    expect(log[1]).toMatchObject({
      type: 'PartnerJoined',
      data: { partnershipId, partner: { name: cluster.name, country: 'HU' }, joinedOn: '2011-03-01' },
    });
  });

  it('answers 409 to a partner already in the partnership, and appends nothing', async () => {
    const { body: problem } = await refused('/api/admin/partnerships/creative-cities-2/partners', { name: 'City of Pécs', country: 'HU', joinedOn: '2011-05-01' }, 409);
    expect(problem.type).toContain('partner-already-in-partnership');
  });

  it('concludes the project at the end of December 2012, after a partner joined: 201, ETag "2"', async () => {
    const partnershipId = await launched();
    await registry.accepted(`/api/admin/partnerships/${partnershipId}/partners`, cluster);
    const concluded = await registry.post(`/api/admin/partnerships/${partnershipId}/conclusion`, conclusion);
    expect(concluded.status).toBe(201);
    expect(concluded.headers.get('etag')).toBe('"2"');
    expect((await eventsOf(`partnership-${partnershipId}`))[2]).toMatchObject({ type: 'PartnershipConcluded', data: { concludedOn: '2012-12-31' } });
  });

  it('answers 409 to a launch under a taken id, a join or a conclusion after the conclusion', async () => {
    const partnershipId = await launched();
    await registry.accepted(`/api/admin/partnerships/${partnershipId}/conclusion`, conclusion);
    expect((await refused('/api/admin/partnerships', another(partnershipId), 409)).body.type).toContain('partnership-already-launched');
    const late = { name: 'Job Centre s.r.l.', country: 'IT', joinedOn: '2012-06-01' };
    expect((await refused(`/api/admin/partnerships/${partnershipId}/partners`, late, 409)).body.type).toContain('partnership-already-concluded');
    expect((await refused(`/api/admin/partnerships/${partnershipId}/conclusion`, { concludedOn: '2012-12-31' }, 409)).body.type).toContain(
      'partnership-already-concluded',
    );
  });

  it('answers 404 to a join or a conclusion of a partnership never launched', async () => {
    expect((await refused('/api/admin/partnerships/nowhere/partners', cluster, 404)).body.type).toContain('partnership-not-found');
    expect((await refused('/api/admin/partnerships/nowhere/conclusion', { concludedOn: '2012-12-31' }, 404)).body.type).toContain('partnership-not-found');
  });

  it('launches a partnership with no programme, industries or planned end', async () => {
    const { programme: _p, creativeIndustries: _c, endsOn: _e, ...bare } = another('leipzig-gdansk');
    const answer = await registry.post('/api/admin/partnerships', bare);
    expect(answer.status).toBe(201);
    const [event] = await eventsOf('partnership-leipzig-gdansk');
    expect(event.data).not.toHaveProperty('programme');
    expect(event.data).not.toHaveProperty('endsOn');
    expect(event.data.creativeIndustries).toEqual([]);
  });

  it.each([
    ['a launch dated in the future', '/api/admin/partnerships', another('future', { startsOn: '2999-01-01', endsOn: undefined }), 'date-in-the-future'],
    ['a partner joining after the planned end', '/api/admin/partnerships/creative-cities-2/partners', { ...cluster, joinedOn: '2013-01-15' }, 'joined-outside-partnership-dates'],
    ['a partner joining before the launch', '/api/admin/partnerships/creative-cities-2/partners', { ...cluster, joinedOn: '2010-01-15' }, 'joined-outside-partnership-dates'],
    ['a conclusion before the launch', '/api/admin/partnerships/creative-cities-2/conclusion', { concludedOn: '2009-12-31' }, 'partnership-date-out-of-order'],
  ])('answers 422 to %s', async (_, path, body, type) => {
    expect((await refused(path, body, 422)).body.type).toContain(type);
  });

  it.each([
    ['an unknown property', { ...another('b1'), budget: 1 }, 'budget'],
    ['an id that is not a slug', another('Creative Cities'), 'partnershipId'],
    ['a lead partner without a country code', another('b2', { leadPartner: { name: 'City of Leipzig', country: 'Germany' } }), 'leadPartner.country'],
    ['a partner with a bad country code', another('b3', { partners: [creativeCities.partners[0], { name: 'Gdansk Entrepreneurship Foundation', country: 'pl' }] }), 'partners.1.country'],
    ['a partner with a city id that is not a slug', another('b4', { partners: [{ name: 'City of Pécs', country: 'HU', cityId: 'Pécs' }] }), 'partners.0.cityId'],
    ['partners that are not a list', another('b5', { partners: 'Genoa' }), 'partners'],
    ['creative industries that are not words', another('b6', { creativeIndustries: ['design', 7] }), 'creativeIndustries'],
    ['an impossible start date', another('b7', { startsOn: '2010-02-30' }), 'startsOn'],
    ['a planned end before the start', another('b8', { endsOn: '2009-12-31' }), 'endsOn'],
    ['the same partner twice', another('b9', { partners: [creativeCities.partners[0], creativeCities.partners[0]] }), 'partners'],
  ])('answers 400 naming the field to a launch with %s', async (_, body, field) => {
    expect(fieldsNamed(await refused('/api/admin/partnerships', body, 400))).toContain(field);
  });

  it('answers 400 naming the field to a bad join or conclusion, and naming partnershipId to a path id that is not a slug', async () => {
    expect(fieldsNamed(await refused('/api/admin/partnerships/creative-cities-2/partners', { ...cluster, name: undefined }, 400))).toContain('name');
    expect(fieldsNamed(await refused('/api/admin/partnerships/creative-cities-2/partners', { ...cluster, joinedOn: 'March 2011' }, 400))).toEqual(['joinedOn']);
    expect(fieldsNamed(await refused('/api/admin/partnerships/creative-cities-2/conclusion', { concludedOn: '2012-12-31', why: 'x' }, 400))).toEqual(['why']);
    expect(fieldsNamed(await refused('/api/admin/partnerships/Creative_Cities/partners', cluster, 400))).toContain('partnershipId');
    expect(fieldsNamed(await refused('/api/admin/partnerships/Creative_Cities/conclusion', { concludedOn: '2012-12-31' }, 400))).toContain('partnershipId');
  });

  it('lets only the secretariat send partnership commands', async () => {
    expect((await registry.analyst.post('/api/admin/partnerships', another('x1'))).status).toBe(403);
    expect((await registry.auditor.post('/api/admin/partnerships/creative-cities-2/partners', cluster)).status).toBe(403);
    expect((await registry.anonymous.post('/api/admin/partnerships/creative-cities-2/conclusion', { concludedOn: '2012-12-31' })).status).toBe(401);
  });
});

describe('a partner that names a city, over HTTP', () => {
  const registry = registrySuite();
  beforeAll(async () => {
    const krakow = { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' };
    expect((await registry.secretariat.post('/api/admin/cities', krakow)).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/partnerships', { ...creativeCities, partnershipId: 'literature-2014', startsOn: '2014-01-01', endsOn: '2016-12-31' })).status).toBe(201);
  });

  it('accepts a member city on the day it joins', async () => {
    const joined = await registry.secretariat.post('/api/admin/partnerships/literature-2014/partners', { name: 'City of Kraków', country: 'PL', cityId: 'krakow', joinedOn: '2014-02-01' });
    expect(joined.status).toBe(201);
  });

  it('refuses a city not on record (404: atlantis) and one not yet a member (422)', async () => {
    await registry.refused(404, () =>
      registry.secretariat.post('/api/admin/partnerships/literature-2014/partners', { name: 'Atlantis', country: 'GR', cityId: 'atlantis', joinedOn: '2014-02-01' }),
    );
    await registry.refused(422, () =>
      registry.secretariat.post('/api/admin/partnerships', { ...creativeCities, partnershipId: 'too-early', partners: [{ name: 'City of Kraków', country: 'PL', cityId: 'krakow' }] }),
    );
  });
});

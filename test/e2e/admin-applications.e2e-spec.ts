import { eventually } from './support/http-client.js';
import { fieldsNamed } from './support/refusals.js';
import { registrySuite } from './support/registry-suite.js';

/*
 * Seed 003: a Swedish city's way into the network. Norrköping applies in music to the 2017 call,
 * the Swedish National Commission for UNESCO finds it a suitable candidate, UNESCO designates it
 * on 31 October 2017 — and the designation process records the city's designation.
 */
const commission = 'Swedish National Commission for UNESCO';
const norrkoping = {
  applicationId: 'norrkoping-2017',
  cityId: 'norrkoping',
  cityName: 'Norrköping',
  country: 'SE',
  field: 'music',
  callYear: 2017,
  submittedOn: '2017-06-14',
};
const application = (applicationId: string, more: Partial<typeof norrkoping> = {}) => ({
  ...norrkoping,
  applicationId,
  cityId: applicationId,
  ...more,
});

describe('applications, end to end over HTTP', () => {
  const registry = registrySuite();
  const { eventsOf } = registry;

  /** The secretariat's command, refused with `status` as problem+json, the log's head left where it was. */
  const refused = (path: string, body: unknown, status: number) => registry.refused(status, () => registry.post(path, body));

  /** An application of the spec's own (its id and its city's), submitted and endorsed; answers the id. */
  async function submittedAndEndorsed(base: string, more: Partial<typeof norrkoping> = {}) {
    const applicationId = registry.uniqueId(base);
    await registry.accepted('/api/admin/applications', application(applicationId, more));
    await registry.accepted(`/api/admin/applications/${applicationId}/endorsement`, { endorsedOn: '2017-06-20', by: commission });
    return applicationId;
  }

  beforeAll(async () => {
    // UNESCO added architecture in 2025 (data/SOURCES.md): known to the catalogue, not open in 2017
    await registry.accepted('/api/admin/fields', { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' });
    // Norrköping's application the whole way, for the specs that append nothing
    await registry.accepted('/api/admin/applications', norrkoping);
    await registry.accepted('/api/admin/applications/norrkoping-2017/endorsement', { endorsedOn: '2017-06-20', by: commission });
    await registry.accepted('/api/admin/applications/norrkoping-2017/decision', { decision: 'designated', decidedOn: '2017-10-31' });
  });

  it("records Norrköping's application, its endorsement and UNESCO's decision, each 201 with the revision as ETag", async () => {
    const applicationId = registry.uniqueId('norrkoping-2017');
    const submitted = await registry.post('/api/admin/applications', application(applicationId));
    expect(submitted.status).toBe(201);
    expect(submitted.body).toEqual({ id: applicationId, revision: 0, position: expect.any(Number) });
    expect(submitted.headers.get('etag')).toBe('"0"');

    const endorsed = await registry.post(`/api/admin/applications/${applicationId}/endorsement`, { endorsedOn: '2017-06-20', by: commission });
    expect(endorsed.status).toBe(201);
    expect(endorsed.body).toEqual({ id: applicationId, revision: 1, position: expect.any(Number) });
    expect(endorsed.headers.get('etag')).toBe('"1"');

    const decided = await registry.post(`/api/admin/applications/${applicationId}/decision`, { decision: 'designated', decidedOn: '2017-10-31' });
    expect(decided.status).toBe(201);
    expect(decided.body).toEqual({ id: applicationId, revision: 2, position: expect.any(Number) });
    expect(decided.headers.get('etag')).toBe('"2"');

    const log = await eventsOf(`application-${applicationId}`);
    expect(log.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'ApplicationEndorsed', 'ApplicationDecided']);
    expect(log[1]!.data).toEqual({ applicationId, endorsedOn: '2017-06-20', by: commission, outcome: 'endorsed' });
  });

  it('designates the city once the decision is in the log, caused by the decision event', async () => {
    const applicationId = await submittedAndEndorsed('norrkoping-2017');
    const cityId = applicationId;
    await registry.accepted(`/api/admin/applications/${applicationId}/decision`, { decision: 'designated', decidedOn: '2017-10-31' });
    const city = await eventually(async () => {
      const answer = await registry.analyst.get(`/api/analytics/cities/${cityId}`);
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(city).toMatchObject({ cityId, name: 'Norrköping', country: 'SE', field: 'music', status: 'member', designatedOn: '2017-10-31', applicationId });

    const [decision] = (await eventsOf(`application-${applicationId}`)).filter((e) => e.type === 'ApplicationDecided');
    const cityLog = await eventsOf(`city-${cityId}`);
    expect(cityLog).toHaveLength(1);
    expect(cityLog[0]).toMatchObject({ type: 'CityDesignated', data: { applicationId, designatedOn: '2017-10-31' } });
    expect(cityLog[0]!.metadata).toMatchObject({
      actor: 'designation-process',
      role: 'system',
      causationId: decision!.metadata.eventId,
      correlationId: decision!.metadata.correlationId,
      idempotencyKey: `application:${applicationId}`,
    });
  });

  it('answers 422 to a designation the national commission has not endorsed, and appends nothing', async () => {
    const applicationId = registry.uniqueId('ostersund');
    await registry.accepted('/api/admin/applications', application(applicationId));
    const { body: problem } = await refused(`/api/admin/applications/${applicationId}/decision`, { decision: 'designated', decidedOn: '2017-10-31' }, 422);
    expect(problem).toMatchObject({ status: 422, type: expect.stringContaining('endorsement-required') });
    expect(problem.detail).toContain('national commission');
  });

  it('records a decision not to designate without an endorsement, and designates nobody', async () => {
    const ostersund = registry.uniqueId('ostersund');
    await registry.accepted('/api/admin/applications', application(ostersund));
    const decided = await registry.post(`/api/admin/applications/${ostersund}/decision`, { decision: 'not-designated', decidedOn: '2017-10-31' });
    expect(decided.status).toBe(201);
    // a later designation proves the process has followed the log past this decision
    const umea = await submittedAndEndorsed('umea');
    await registry.post(`/api/admin/applications/${umea}/decision`, { decision: 'designated', decidedOn: '2017-10-31' });
    await eventually(async () => expect((await registry.analyst.get(`/api/analytics/cities/${umea}`)).status).toBe(200));
    expect(await eventsOf(`city-${ostersund}`)).toEqual([]);
  });

  it.each([
    ['a field not open on the date of the application (architecture in 2017)', { field: 'architecture' }, 'creative-field-not-yet-open'],
    ['a call before the network was founded', { callYear: 2003 }, 'call-before-network-founded'],
    ['a submission dated in the future', { submittedOn: '2999-01-01' }, 'date-in-the-future'],
  ])('answers 422 to %s', async (_, more, type) => {
    const { body: problem } = await refused('/api/admin/applications', application('lulea', more), 422);
    expect(problem.type).toContain(type);
  });

  it.each([
    ['an unknown property', { ...application('a1'), mayor: 'x' }, 'mayor'],
    ['an application id that is not a slug', application('Norrköping 2017'), 'applicationId'],
    ['a city id that is not a slug', { ...application('a2'), cityId: 'Norrköping' }, 'cityId'],
    ['a call year that is not a whole number', { ...application('a3'), callYear: '2017' }, 'callYear'],
    ['a country that is not ISO 3166-1 alpha-2', { ...application('a4'), country: 'SW' }, 'country'],
    ['an impossible date', { ...application('a5'), submittedOn: '2017-02-30' }, 'submittedOn'],
    ['a missing city name', { ...application('a6'), cityName: undefined }, 'cityName'],
    ['a field unknown to the catalogue', application('a7', { field: 'sculpture' }), 'field'],
  ])('answers 400 naming the field to a submission with %s', async (_, body, field) => {
    expect(fieldsNamed(await refused('/api/admin/applications', body, 400))).toContain(field);
  });

  it.each([
    ['endorsement', { endorsedOn: '2017-06-20', by: commission }],
    ['decision', { decision: 'not-designated', decidedOn: '2017-10-31' }],
  ])('answers 400 naming applicationId when the path id of the %s is not a slug', async (action, body) => {
    expect(fieldsNamed(await refused(`/api/admin/applications/Norrk%C3%B6ping_2017/${action}`, body, 400))).toContain('applicationId');
  });

  it('answers 400 naming the field to a bad endorsement or decision', async () => {
    const noCommission = await refused('/api/admin/applications/norrkoping-2017/endorsement', { endorsedOn: '2017-06-20', by: '' }, 400);
    expect(fieldsNamed(noCommission)).toEqual(['by']);
    const maybe = await refused('/api/admin/applications/norrkoping-2017/decision', { decision: 'maybe', decidedOn: '2017-10-31' }, 400);
    expect(fieldsNamed(maybe)).toEqual(['decision']);
    const badDate = await refused('/api/admin/applications/norrkoping-2017/decision', { decision: 'designated', decidedOn: '31/10/2017' }, 400);
    expect(fieldsNamed(badDate)).toEqual(['decidedOn']);
  });

  it('answers 404 to an endorsement or a decision for an application never submitted', async () => {
    const endorse = await refused('/api/admin/applications/nowhere-2017/endorsement', { endorsedOn: '2017-06-20', by: commission }, 404);
    expect(endorse.body.type).toContain('application-not-found');
    const decide = await refused('/api/admin/applications/nowhere-2017/decision', { decision: 'designated', decidedOn: '2017-10-31' }, 404);
    expect(decide.body.type).toContain('application-not-found');
  });

  it('answers 409 to the same application twice, a second endorsement, and a second decision', async () => {
    expect((await refused('/api/admin/applications', norrkoping, 409)).body.type).toContain('application-already-submitted');
    const gavle = await submittedAndEndorsed('gavle');
    expect((await refused(`/api/admin/applications/${gavle}/endorsement`, { endorsedOn: '2017-06-21', by: commission }, 409)).body.type).toContain(
      'application-already-endorsed',
    );
    expect((await refused('/api/admin/applications/norrkoping-2017/decision', { decision: 'not-designated', decidedOn: '2017-11-01' }, 409)).body.type).toContain(
      'application-already-decided',
    );
  });

  it('answers 422 to an endorsement dated before the submission', async () => {
    const kiruna = registry.uniqueId('kiruna');
    await registry.accepted('/api/admin/applications', application(kiruna));
    const { body: problem } = await refused(`/api/admin/applications/${kiruna}/endorsement`, { endorsedOn: '2017-06-01', by: commission }, 422);
    expect(problem.type).toContain('application-date-out-of-order');
  });

  it('lets only the secretariat send application commands', async () => {
    expect((await registry.analyst.post('/api/admin/applications', application('x1'))).status).toBe(403);
    expect((await registry.auditor.post('/api/admin/applications/norrkoping-2017/endorsement', { endorsedOn: '2017-06-20', by: commission })).status).toBe(403);
    expect((await registry.anonymous.post('/api/admin/applications/norrkoping-2017/decision', { decision: 'designated', decidedOn: '2017-10-31' })).status).toBe(401);
  });
});

describe('an application for a city already on record (DESIGN §2.6), over HTTP', () => {
  const registry = registrySuite();

  const designate = (cityId: string, field: string) =>
    registry.secretariat.post('/api/admin/cities', { cityId, name: cityId, country: 'SE', field, designatedOn: '2017-10-31' });

  it('is refused at submission: Norrköping, a City of Music, cannot apply again in film', async () => {
    expect((await designate('norrkoping', 'music')).status).toBe(201);
    const refused = await registry.refused(409, () =>
      registry.secretariat.post('/api/admin/applications', application('norrkoping-2019', { cityId: 'norrkoping', field: 'film', callYear: 2019, submittedOn: '2019-03-01' })),
    );
    expect(refused.body).toMatchObject({ code: 'CityAlreadyOnRecord', detail: expect.stringContaining('music') });
  });

  it('is refused at the decision when the city came on record after the submission, and the city is unchanged', async () => {
    expect((await registry.secretariat.post('/api/admin/applications', application('umea', { field: 'film', callYear: 2017 }))).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/applications/umea/endorsement', { endorsedOn: '2017-06-20', by: commission })).status).toBe(201);
    expect((await designate('umea', 'design')).status).toBe(201);
    await registry.refused(409, () => registry.secretariat.post('/api/admin/applications/umea/decision', { decision: 'designated', decidedOn: '2017-11-01' }));
    const city = (await registry.auditor.get('/api/audit/events?stream=city-umea&limit=500')).body.items;
    expect(city.map((e: { type: string; data: { field?: string } }) => [e.type, e.data.field])).toEqual([['CityDesignated', 'design']]);
  });

  it('answers an application the national commission did not endorse as ended', async () => {
    expect((await registry.secretariat.post('/api/admin/applications', application('lulea', { callYear: 2017 }))).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/applications/lulea/endorsement', { endorsedOn: '2017-06-20', by: commission, outcome: 'not-endorsed' })).status).toBe(201);
    await registry.refused(409, () => registry.secretariat.post('/api/admin/applications/lulea/decision', { decision: 'designated', decidedOn: '2017-10-31' }));
  });

  it('refuses a call year that is neither the submission’s nor the next (422)', async () => {
    await registry.refused(422, () => registry.secretariat.post('/api/admin/applications', application('kiruna', { callYear: 2031 })));
  });
});

import { expectRefused } from './support/refusals.js';
import { startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { conference2018 } from './support/seeds.js';

/*
 * DESIGN §6, over HTTP: a mistake in the record is amended by a correction of its own. Each test
 * builds the cities it needs, so the file passes alone and in any order.
 */
describe('amending a city’s record', () => {
  let registry: InProcessRegistry;
  beforeAll(async () => (registry = await startRegistry()));
  afterAll(() => registry.close());

  const designate = (cityId: string, designatedOn: string, field = 'crafts-and-folk-art') =>
    registry.secretariat.post('/api/admin/cities', { cityId, name: `City ${cityId}`, country: 'US', field, designatedOn });
  const events = async (stream: string) =>
    (await registry.auditor.get(`/api/audit/events?stream=${stream}&limit=500`)).body.items as { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[];

  it('corrects a designation’s day, answering 201 with the stream’s new revision, and keeps both values in the log', async () => {
    expect((await designate('santa-fe', '2005-12-31')).status).toBe(201);
    const answer = await registry.secretariat.post('/api/admin/cities/santa-fe/corrections', { designatedOn: '2005-07-13', reason: 'UNESCO press release of 13 July 2005' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ id: 'santa-fe', revision: 1 });
    expect(answer.headers.get('etag')).toBe('"1"');
    const [, corrected] = await events('city-santa-fe');
    expect(corrected).toMatchObject({
      type: 'CityRecordCorrected',
      data: { cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
      metadata: { actor: 'unesco-secretariat', recordedAt: expect.any(String) },
    });
  });

  it('answers 404 for a city never designated, 409 for a correction that changes nothing, 400 for one naming no fact', async () => {
    expect((await designate('paducah', '2013-11-20')).status).toBe(201);
    await expectRefused(registry.auditor, 404, () => registry.secretariat.post('/api/admin/cities/atlantis/corrections', { designatedOn: '2005-07-13', reason: 'x' }));
    await expectRefused(registry.auditor, 409, () => registry.secretariat.post('/api/admin/cities/paducah/corrections', { designatedOn: '2013-11-20', reason: 'x' }));
    await expectRefused(registry.auditor, 400, () => registry.secretariat.post('/api/admin/cities/paducah/corrections', { reason: 'x' }));
    await expectRefused(registry.auditor, 400, () => registry.secretariat.post('/api/admin/cities/paducah/corrections', { designatedOn: '2013-11-21' }));
  });

  it('refuses with 422, naming the report, a correction that would put a report before the designation', async () => {
    expect((await designate('ostersund', '2010-06-22', 'gastronomy')).status).toBe(201);
    const report = { reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-05-15' };
    expect((await registry.secretariat.post('/api/admin/cities/ostersund/reports', report)).status).toBe(201);
    const refused = await expectRefused(registry.auditor, 422, () =>
      registry.secretariat.post('/api/admin/cities/ostersund/corrections', { designatedOn: '2015-01-01', reason: 'wrong year' }),
    );
    expect(refused.body).toMatchObject({ code: 'CorrectionContradictsRecord', detail: expect.stringContaining('report mmr-2014') });
  });

  it('corrects a report, and refuses a report correction that would put it before the designation', async () => {
    expect((await designate('chiang-mai', '2017-10-31')).status).toBe(201);
    const report = { reportId: 'national-2018', kind: 'national-annual', periodStart: '2018-01-01', periodEnd: '2018-12-31', submittedOn: '2019-01-20' };
    expect((await registry.secretariat.post('/api/admin/cities/chiang-mai/reports', report)).status).toBe(201);
    const corrected = await registry.secretariat.post('/api/admin/cities/chiang-mai/reports/national-2018/corrections', { submittedOn: '2019-01-15', reason: 'dated by its cover letter' });
    expect(corrected.status).toBe(201);
    await expectRefused(registry.auditor, 422, () =>
      registry.secretariat.post('/api/admin/cities/chiang-mai/reports/national-2018/corrections', { submittedOn: '2016-01-15', reason: 'x' }),
    );
    await expectRefused(registry.auditor, 404, () => registry.secretariat.post('/api/admin/cities/chiang-mai/reports/none/corrections', { title: 'x', reason: 'x' }));
  });

  it('retracts a withdrawal entered for the wrong city, once', async () => {
    expect((await designate('krakow', '2013-10-21', 'literature')).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/cities/krakow/withdrawal', { effectiveOn: '2019-01-01', reason: 'voluntary' })).status).toBe(201);
    const retracted = await registry.secretariat.post('/api/admin/cities/krakow/withdrawal/retraction', { reason: 'entered for the wrong city' });
    expect(retracted.status).toBe(201);
    await expectRefused(registry.auditor, 409, () => registry.secretariat.post('/api/admin/cities/krakow/withdrawal/retraction', { reason: 'again' }));
    const [, , event] = await events('city-krakow');
    expect(event).toMatchObject({ type: 'MembershipWithdrawalRetracted', data: { retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' } } });
  });
});

describe('amending a meeting’s record', () => {
  let registry: InProcessRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    for (const [cityId, designatedOn] of [['krakow', '2013-10-21'], ['katowice', '2015-12-11'], ['lyon', '2008-06-01'], ['kashan', '2025-10-31']] as const) {
      const field = cityId === 'kashan' ? 'crafts-and-folk-art' : 'literature';
      expect((await registry.secretariat.post('/api/admin/cities', { cityId, name: cityId, country: 'PL', field, designatedOn })).status).toBe(201);
    }
  });
  afterAll(() => registry.close());

  const schedule = (meetingId: string) =>
    registry.secretariat.post('/api/admin/meetings', { ...conference2018, meetingId });
  const meetingOf = async (meetingId: string, position: number) => {
    await registry.settled(position);
    const { body } = await registry.analyst.get('/api/analytics/meetings?year=2018');
    return body.items.find((m: { meetingId: string }) => m.meetingId === meetingId);
  };

  it('adds attendance to a meeting already held, which the meetings list then shows', async () => {
    expect((await schedule('annual-2018-a')).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/meetings/annual-2018-a/hosted', {})).status).toBe(201);
    const added = await registry.secretariat.post('/api/admin/meetings/annual-2018-a/attendance', { attendeeCityIds: ['lyon', 'krakow'] });
    expect(added.status).toBe(201);
    expect(await meetingOf('annual-2018-a', added.body.position)).toMatchObject({ attendeeCityIds: ['lyon', 'krakow'], attendance: 2 });
    await expectRefused(registry.auditor, 409, () => registry.secretariat.post('/api/admin/meetings/annual-2018-a/attendance', { attendeeCityIds: ['lyon'] }));
    await expectRefused(registry.auditor, 422, () => registry.secretariat.post('/api/admin/meetings/annual-2018-a/attendance', { attendeeCityIds: ['kashan'] }));
  });

  it('refuses attendance for a meeting not held (409) or never scheduled (404)', async () => {
    expect((await schedule('annual-2018-b')).status).toBe(201);
    await expectRefused(registry.auditor, 409, () => registry.secretariat.post('/api/admin/meetings/annual-2018-b/attendance', { attendeeCityIds: ['lyon'] }));
    await expectRefused(registry.auditor, 404, () => registry.secretariat.post('/api/admin/meetings/nowhere/attendance', { attendeeCityIds: ['lyon'] }));
  });

  it('corrects a meeting’s theme and days, which the meetings list then shows', async () => {
    expect((await schedule('annual-2018-c')).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/meetings/annual-2018-c/hosted', {})).status).toBe(201);
    const corrected = await registry.secretariat.post('/api/admin/meetings/annual-2018-c/corrections', {
      theme: 'Creative Crossroads: Culture and Creativity',
      endsOn: '2018-06-16',
      reason: 'the programme',
    });
    expect(corrected.status).toBe(201);
    expect(await meetingOf('annual-2018-c', corrected.body.position)).toMatchObject({ theme: 'Creative Crossroads: Culture and Creativity', endsOn: '2018-06-16', heldTo: '2018-06-16' });
    await expectRefused(registry.auditor, 409, () => registry.secretariat.post('/api/admin/meetings/annual-2018-c/corrections', { endsOn: '2018-06-16', reason: 'again' }));
    await expectRefused(registry.auditor, 422, () => registry.secretariat.post('/api/admin/meetings/annual-2018-c/corrections', { endsOn: '2018-06-01', reason: 'x' }));
    await expectRefused(registry.auditor, 422, () => registry.secretariat.post('/api/admin/meetings/annual-2018-c/corrections', { hostCityIds: ['kashan'], reason: 'x' }));
  });
});

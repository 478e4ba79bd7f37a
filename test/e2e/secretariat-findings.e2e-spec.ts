import { startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { city, FABRIANO, KATOWICE, KRAKOW, OSTERSUND } from './support/seeds.js';

/**
 * What a new secretariat user ran into (issue 13, item 5), over HTTP on its own data. Cities,
 * fields and years are the real ones (network-history/uccn-cities.csv); the day within the year
 * is illustrative where the sources give only the year. The monitoring reports and reviews are
 * illustrative; the monitoring rule is in force by 2015-05-28 (network-history/SOURCES.md §4).
 * The sub-network and national meetings, and the conference still to come, are illustrative.
 */
const EDINBURGH = city('edinburgh', 'Edinburgh', 'GB', 'literature', '2004-10-01');
const NORRKOPING = city('norrkoping', 'Norrköping', 'SE', 'music', '2017-10-31');

const nextYear = new Date().getUTCFullYear() + 1;

describe('what a new secretariat user ran into', () => {
  let registry: InProcessRegistry;
  let head = 0;

  const command = async (path: string, body: unknown) => {
    const answer = await registry.secretariat.post(path, body);
    if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    head = Math.max(head, answer.body.position);
  };
  const mmr = (cityId: string, reportId: string, submittedOn: string) =>
    command(`/api/admin/cities/${cityId}/reports`, { reportId, kind: 'membership-monitoring', periodStart: '2015-05-28', periodEnd: '2019-05-27', submittedOn });
  const review = (cityId: string, reportId: string, outcome: string, reviewedOn: string) =>
    command(`/api/admin/cities/${cityId}/reports/${reportId}/review`, { outcome, reviewedOn });
  const compliance = async (query: string) => {
    const answer = await registry.analyst.get(`/api/analytics/reports/compliance?${query}`);
    expect(answer.status).toBe(200);
    return answer.body as { asOf: string; items: { cityId: string; [k: string]: unknown }[]; total: number };
  };
  const row = async (query: string, cityId: string) => (await compliance(`${query}&limit=500`)).items.find((i) => i.cityId === cityId);

  beforeAll(async () => {
    registry = await startRegistry();
    await command('/api/admin/fields', { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' });
    for (const c of [EDINBURGH, OSTERSUND, KRAKOW, FABRIANO, KATOWICE, NORRKOPING]) await command('/api/admin/cities', c);
    // Östersund reports early, under the rule; Katowice's report is sent back, then accepted;
    // Kraków's is sent back and stays so; Norrköping reports before its due date
    await mmr('ostersund', 'mmr-2017', '2017-01-15');
    await review('ostersund', 'mmr-2017', 'accepted', '2017-03-01');
    await mmr('katowice', 'mmr-2019', '2019-11-15');
    await review('katowice', 'mmr-2019', 'revision-requested', '2020-01-20');
    await review('katowice', 'mmr-2019', 'accepted', '2020-04-02');
    await mmr('krakow', 'mmr-2019', '2019-03-01');
    await review('krakow', 'mmr-2019', 'revision-requested', '2019-04-10');
    await mmr('norrkoping', 'mmr-2021', '2021-09-30');
    const conference = { kind: 'annual-conference', format: 'in-person' };
    await command('/api/admin/meetings', {
      ...conference, meetingId: 'annual-conference-2018', title: 'XII UCCN Annual Conference', edition: 12, hostCityIds: ['krakow', 'katowice'],
      startsOn: '2018-06-12', endsOn: '2018-06-15', theme: 'Creative Crossroads',
    });
    await command('/api/admin/meetings/annual-conference-2018/hosted', { attendeeCityIds: ['krakow', 'katowice', 'fabriano', 'ostersund'] });
    await command('/api/admin/meetings', {
      ...conference, meetingId: 'annual-conference-2019', title: 'XIII UCCN Annual Conference', edition: 13, hostCityIds: ['fabriano'],
      startsOn: '2019-06-10', endsOn: '2019-06-15', theme: 'The Ideal City',
    });
    await command('/api/admin/meetings/annual-conference-2019/hosted', {});
    await command('/api/admin/meetings', {
      kind: 'subnetwork', format: 'in-person', meetingId: 'music-2019', title: 'Cities of Music meeting', field: 'music', hostCityIds: ['katowice'],
      startsOn: '2019-09-02', endsOn: '2019-09-04',
    });
    await command('/api/admin/meetings', {
      kind: 'national', format: 'in-person', meetingId: 'national-se-2019', title: 'Swedish creative cities', country: 'SE', hostCityIds: ['ostersund'],
      startsOn: '2019-11-20', endsOn: '2019-11-20',
    });
    await command('/api/admin/meetings', {
      ...conference, meetingId: `annual-conference-${nextYear}`, title: 'UCCN Annual Conference', hostCityIds: ['fabriano'],
      startsOn: `${nextYear}-06-08`, endsOn: `${nextYear}-06-11`, edition: 19,
    });
    await registry.settled(head);
  });
  afterAll(() => registry?.close());

  describe('the four-yearly monitoring report applies from the day the rule was in force (2015-05-28)', () => {
    it('calls no city overdue on 2014-06-01, and Edinburgh was not due in 2008', async () => {
      const answer = await compliance('asOf=2014-06-01');
      expect(answer.total).toBe(4);
      expect(answer.items.filter((i) => i.overdue)).toEqual([]);
      expect(await row('asOf=2008-06-01', 'edinburgh')).toEqual({
        cityId: 'edinburgh', name: 'Edinburgh', designatedOn: '2004-10-01',
        lastReportOn: null, lastReviewOutcome: null, lastReviewedOn: null, nextDueOn: '2019-05-28', overdue: false, status: 'not-yet-due',
      });
    });

    it('makes a city designated before the rule due four years after it, one designated after due four years after its designation', async () => {
      expect(await row('asOf=2016-01-01', 'edinburgh')).toMatchObject({ nextDueOn: '2019-05-28', overdue: false });
      expect(await row('asOf=2016-01-01', 'katowice')).toMatchObject({ nextDueOn: '2019-12-11', overdue: false });
      expect((await registry.analyst.get('/api/analytics/cities/edinburgh')).body).toMatchObject({ monitoringReports: [], nextMonitoringReportDue: '2019-05-28' });
    });
  });

  describe('compliance tells "no report on record" from "overdue", shows the last review and filters on overdue', () => {
    it('on 2020-02-01: never reported, sent back, on time and not yet due are told apart', async () => {
      expect(await row('asOf=2020-02-01', 'edinburgh')).toMatchObject({ lastReportOn: null, overdue: true, status: 'no-report-on-record' });
      expect(await row('asOf=2020-02-01', 'krakow')).toMatchObject({
        lastReportOn: '2019-03-01', lastReviewOutcome: 'revision-requested', lastReviewedOn: '2019-04-10', nextDueOn: '2019-05-28', overdue: true, status: 'overdue',
      });
      expect(await row('asOf=2020-02-01', 'katowice')).toMatchObject({
        lastReportOn: '2019-11-15', lastReviewOutcome: 'revision-requested', lastReviewedOn: '2020-01-20', nextDueOn: '2019-12-11', overdue: true, status: 'overdue',
      });
      expect(await row('asOf=2020-02-01', 'ostersund')).toMatchObject({
        lastReportOn: '2017-01-15', lastReviewOutcome: 'accepted', lastReviewedOn: '2017-03-01', nextDueOn: '2023-05-28', overdue: false, status: 'on-time',
      });
      expect(await row('asOf=2020-02-01', 'norrkoping')).toMatchObject({ lastReportOn: null, nextDueOn: '2021-10-31', overdue: false, status: 'not-yet-due' });
    });

    it('counts a report sent back for revision once it is accepted', async () => {
      expect(await row('asOf=2020-05-01', 'katowice')).toMatchObject({ lastReviewOutcome: 'accepted', nextDueOn: '2023-12-11', overdue: false, status: 'on-time' });
    });

    it('says a report sent back before its due date is not on time, though not yet overdue', async () => {
      expect(await row('asOf=2019-05-01', 'krakow')).toMatchObject({ lastReviewOutcome: 'revision-requested', overdue: false, status: 'revision-requested' });
    });

    it('filters overdue=true and overdue=false, counting and paging the filtered members', async () => {
      const overdue = await compliance('asOf=2020-02-01&overdue=true');
      expect(overdue.items.map((i) => i.cityId).sort()).toEqual(['edinburgh', 'fabriano', 'katowice', 'krakow']);
      expect(overdue.total).toBe(4);
      const onTime = await compliance('asOf=2020-02-01&overdue=false');
      expect(onTime.items.map((i) => i.cityId).sort()).toEqual(['norrkoping', 'ostersund']);
      const page = await compliance('asOf=2020-02-01&overdue=true&page=2&limit=3');
      expect(page).toMatchObject({ total: 4, page: 2, limit: 3 });
      expect(page.items).toHaveLength(1);
    });

    it('answers 400 to overdue=yes', async () => {
      const answer = await registry.analyst.get('/api/analytics/reports/compliance?overdue=yes');
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['overdue']);
    });
  });

  describe('bad filters are told, not answered with an empty list', () => {
    it('refuses knownAt in the future with a 400 naming knownAt', async () => {
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const answer = await registry.auditor.get(`/api/audit/membership?asOf=2018-06-12&knownAt=${future}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ code: 'KnownAtInTheFuture', errors: [{ field: 'knownAt' }] });
      expect((await registry.auditor.get(`/api/audit/membership?asOf=2018-06-12&knownAt=${new Date().toISOString()}`)).status).toBe(200);
    });

    it('refuses an unknown field in the directory with a 400 that lists the catalogue as it stands (architecture included)', async () => {
      const answer = await registry.analyst.get('/api/analytics/cities?field=cooking');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'UnknownField', errors: [{ field: 'field' }] });
      expect(answer.body.detail).toBe(
        'field "cooking" is not a field of the catalogue; the fields are: crafts-and-folk-art, design, film, gastronomy, literature, media-arts, music, architecture',
      );
    });

    it('tells field=media arts which slugs exist', async () => {
      const answer = await registry.analyst.get(`/api/analytics/cities?field=${encodeURIComponent('media arts')}`);
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toMatch(/did you mean media-arts\?/);
      expect(answer.body.detail).toMatch(/the fields are: crafts-and-folk-art, .*media-arts/);
    });

    it('reads a lower-case country as upper case, in the directory and in meetings', async () => {
      const upper = await registry.analyst.get('/api/analytics/cities?country=SE');
      const lower = await registry.analyst.get('/api/analytics/cities?country=se');
      expect(lower.status).toBe(200);
      expect(lower.body).toEqual(upper.body);
      expect(lower.body.items.map((c: { cityId: string }) => c.cityId)).toEqual(['norrkoping', 'ostersund']);
      const meetings = await registry.analyst.get('/api/analytics/meetings?country=pl');
      expect(meetings.body.items.map((m: { meetingId: string }) => m.meetingId)).toEqual(['annual-conference-2018', 'music-2019']);
    });

    it('refuses an unknown field among meetings too', async () => {
      const answer = await registry.analyst.get('/api/analytics/meetings?field=cooking');
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toMatch(/the fields are: /);
    });
  });

  describe('meetings filter by field, country and host, name their hosts and tell a meeting to come from a held one', () => {
    const ids = (body: { items: { meetingId: string }[] }) => body.items.map((m) => m.meetingId);

    it('filters by field (sub-network), country (national or a host’s) and host city', async () => {
      expect(ids((await registry.analyst.get('/api/analytics/meetings?field=music')).body)).toEqual(['music-2019']);
      expect(ids((await registry.analyst.get('/api/analytics/meetings?country=SE')).body)).toEqual(['national-se-2019']);
      expect(ids((await registry.analyst.get('/api/analytics/meetings?hostCityId=fabriano')).body)).toEqual(['annual-conference-2019', `annual-conference-${nextYear}`]);
      const hostAndKind = await registry.analyst.get('/api/analytics/meetings?hostCityId=katowice&kind=annual-conference');
      expect(hostAndKind.body).toMatchObject({ total: 1, page: 1, limit: 50 });
      expect(ids(hostAndKind.body)).toEqual(['annual-conference-2018']);
    });

    it('names the hosts beside their ids', async () => {
      const answer = await registry.analyst.get('/api/analytics/meetings?year=2018');
      expect(answer.body.items[0]).toMatchObject({
        hostCityIds: ['krakow', 'katowice'],
        hosts: [{ cityId: 'krakow', name: 'Kraków' }, { cityId: 'katowice', name: 'Katowice' }],
      });
    });

    it('marks the conference still to come as scheduled and upcoming, the held ones as hosted', async () => {
      const answer = await registry.analyst.get('/api/analytics/meetings?kind=annual-conference');
      const byId = new Map(answer.body.items.map((m: { meetingId: string }) => [m.meetingId, m]));
      expect(byId.get(`annual-conference-${nextYear}`)).toMatchObject({ status: 'scheduled', upcoming: true, heldFrom: null, attendance: 0 });
      expect(byId.get('annual-conference-2018')).toMatchObject({ status: 'hosted', upcoming: false, heldFrom: '2018-06-12' });
      expect(byId.get('annual-conference-2019')).toMatchObject({ status: 'hosted', upcoming: false });
    });

    it.each([['hostCityId=Krak%C3%B3w'], ['country=POL']])('answers 400 to %s', async (query) => {
      expect((await registry.analyst.get(`/api/analytics/meetings?${query}`)).status).toBe(400);
    });
  });
});

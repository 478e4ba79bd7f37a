import { startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { TEST_KEYS } from './support/test-keys.js';

/*
 * DESIGN §6, the read side over HTTP: the read models show the corrected facts, and the register on
 * both clocks applies a correction only from the instant it was recorded. Each test builds its own
 * cities (ids of their own), so the file passes alone and in any order; the network's summary is
 * shared by them all, so a test reads it as a difference before and after its correction.
 */
describe('the read models after a correction', () => {
  let registry: InProcessRegistry;
  beforeAll(async () => (registry = await startRegistry()));
  afterAll(() => registry?.close());

  /** a command that must be recorded; the projections have caught up with it when it returns */
  const command = async (path: string, body: unknown) => {
    const answer = await registry.secretariat.post(path, body);
    if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    await registry.settled(answer.body.position);
    return answer.body as { id: string; revision: number; position: number };
  };
  /** an instant strictly after everything recorded so far and strictly before what comes next */
  const justAfter = async () => {
    const at = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    return at;
  };
  const recordedAtOf = async (cityId: string, type: string): Promise<string> => {
    const log = await registry.auditor.get(`/api/audit/events?stream=city-${cityId}&type=${type}`);
    return log.body.items[0].metadata.recordedAt;
  };
  /** who was a member on `asOf`, as the register knew it at `knownAt` (by default: now) */
  const registerOn = async (asOf: string, knownAt?: string) => {
    const answer = await registry.auditor.get(`/api/audit/membership?asOf=${asOf}&limit=500${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`);
    expect(answer.status).toBe(200);
    return answer.body.items as { cityId: string; name: string; country: string; field: string; designatedOn: string }[];
  };
  const memberOn = async (cityId: string, asOf: string, knownAt?: string) => (await registerOn(asOf, knownAt)).find((i) => i.cityId === cityId);
  const summary = async () => (await registry.analyst.get('/api/analytics/summary')).body as {
    members: number;
    withdrawn: number;
    byYear: { year: number; designated: number; cumulative: number; byField: Record<string, number> }[];
  };
  const yearOf = (s: Awaited<ReturnType<typeof summary>>, year: number) => s.byYear.find((y) => y.year === year) ?? { year, designated: 0, cumulative: 0, byField: {} };

  it('answers "who was a member on 1 August 2005?" without Santa Fe as known before its designation date was corrected, and with it after', async () => {
    await command('/api/admin/cities', { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-12-31' });
    const beforeCorrection = await justAfter();
    await command('/api/admin/cities/santa-fe/corrections', { designatedOn: '2005-07-13', reason: 'UNESCO press release of 13 July 2005' });
    const correctedAt = await recordedAtOf('santa-fe', 'CityRecordCorrected');

    expect(await memberOn('santa-fe', '2005-08-01', beforeCorrection)).toBeUndefined();
    const asCorrected = { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-07-13' };
    expect(await memberOn('santa-fe', '2005-08-01', correctedAt)).toEqual(asCorrected);
    expect(await memberOn('santa-fe', '2005-08-01')).toEqual(asCorrected);
    // on a date both beliefs agree on, each gives the designation date it held
    expect(await memberOn('santa-fe', '2006-06-01', beforeCorrection)).toEqual({ ...asCorrected, designatedOn: '2005-12-31' });
  });

  it('answers "who was a member in 2020?" without Kraków between its withdrawal in error and the retraction, and with it since', async () => {
    await command('/api/admin/cities', { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' });
    const beforeWithdrawal = await justAfter();
    await command('/api/admin/cities/krakow/withdrawal', { effectiveOn: '2019-01-01', reason: 'voluntary' });
    const beforeRetraction = await justAfter();
    await command('/api/admin/cities/krakow/withdrawal/retraction', { reason: 'entered for the wrong city' });

    expect(await memberOn('krakow', '2020-01-01', beforeWithdrawal)).toMatchObject({ cityId: 'krakow' });
    expect(await memberOn('krakow', '2020-01-01', beforeRetraction)).toBeUndefined();
    expect(await memberOn('krakow', '2020-01-01')).toEqual({ cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' });

    const directory = await registry.analyst.get('/api/analytics/cities/krakow');
    expect(directory.body).toMatchObject({ status: 'member', withdrawnOn: null, withdrawalReason: null, memberUntil: '9999-12-31' });
  });

  it('shows a corrected name, country and field in the register only as known from the correction', async () => {
    await command('/api/admin/cities', { cityId: 'katowice', name: 'Katowitz', country: 'DE', field: 'design', designatedOn: '2015-12-11' });
    const beforeCorrection = await justAfter();
    await command('/api/admin/cities/katowice/corrections', { name: 'Katowice', country: 'PL', field: 'music', reason: 'UNESCO’s list of 2015' });

    expect(await memberOn('katowice', '2018-06-12', beforeCorrection)).toEqual({ cityId: 'katowice', name: 'Katowitz', country: 'DE', field: 'design', designatedOn: '2015-12-11' });
    expect(await memberOn('katowice', '2018-06-12')).toEqual({ cityId: 'katowice', name: 'Katowice', country: 'PL', field: 'music', designatedOn: '2015-12-11' });
  });

  it('shows Bydgoszcz’s directory entry and compliance with its corrected designation and report', async () => {
    // a city designated after the monitoring rule was in force (the dates are illustrative): its schedule runs from its designation
    await command('/api/admin/cities', { cityId: 'bydgoszcz', name: 'Bydgoszcz', country: 'PL', field: 'music', designatedOn: '2016-01-11' });
    await command('/api/admin/cities/bydgoszcz/reports', {
      reportId: 'mmr-2019', kind: 'membership-monitoring', periodStart: '2016-01-11', periodEnd: '2019-12-10', submittedOn: '2020-05-20',
    });
    const compliance = async () =>
      ((await registry.analyst.get('/api/analytics/reports/compliance?asOf=2020-02-01')).body.items as { cityId: string }[]).find((i) => i.cityId === 'bydgoszcz');
    expect(await compliance()).toMatchObject({ lastReportOn: null, nextDueOn: '2020-01-11', overdue: true });

    await command('/api/admin/cities/bydgoszcz/corrections', { designatedOn: '2015-12-11', reason: 'the batch of 11 December 2015' });
    await command('/api/admin/cities/bydgoszcz/reports/mmr-2019/corrections', { submittedOn: '2019-11-15', periodStart: '2015-12-11', reason: 'dated by its cover letter' });

    const city = await registry.analyst.get('/api/analytics/cities/bydgoszcz');
    expect(city.body).toMatchObject({
      designatedOn: '2015-12-11',
      fieldHistory: [{ field: 'music', from: '2015-12-11' }],
      reportCount: 1,
      lastReports: { membershipMonitoring: { reportId: 'mmr-2019', submittedOn: '2019-11-15', periodStart: '2015-12-11', periodEnd: '2019-12-10' } },
      monitoringReportDates: ['2019-11-15'],
      lastMonitoringReportOn: '2019-11-15',
      nextMonitoringReportDue: '2023-12-11',
    });
    expect(await compliance()).toMatchObject({ designatedOn: '2015-12-11', lastReportOn: '2019-11-15', nextDueOn: '2023-12-11', overdue: false });
  });

  it('moves a designation corrected from 2007 to 2006 in the summary’s year series, and a retracted withdrawal back into the counts', async () => {
    const before = await summary();
    await command('/api/admin/cities', { cityId: 'bologna', name: 'Bologna', country: 'IT', field: 'music', designatedOn: '2007-05-29' });
    await command('/api/admin/cities/bologna/withdrawal', { effectiveOn: '2021-01-01', reason: 'voluntary' });
    const wrong = await summary();
    expect(yearOf(wrong, 2007).designated - yearOf(before, 2007).designated).toBe(1);
    expect(wrong.withdrawn - before.withdrawn).toBe(1);

    await command('/api/admin/cities/bologna/corrections', { designatedOn: '2006-05-29', reason: 'UNESCO’s list: Bologna, 2006' });
    await command('/api/admin/cities/bologna/withdrawal/retraction', { reason: 'entered for the wrong city' });
    const right = await summary();

    expect(yearOf(right, 2006).designated - yearOf(before, 2006).designated).toBe(1);
    expect(yearOf(right, 2007).designated).toBe(yearOf(before, 2007).designated);
    expect(yearOf(right, 2006).cumulative - yearOf(before, 2006).cumulative).toBe(1);
    expect((yearOf(right, 2006).byField['music'] ?? 0) - (yearOf(before, 2006).byField['music'] ?? 0)).toBe(1);
    // a member again: the network's size at the end of the series counts Bologna again
    expect(right.members - before.members).toBe(1);
    expect(right.byYear.at(-1)?.cumulative).toBe(right.members);
    expect(right.withdrawn).toBe(before.withdrawn);
  });

  it('gives each correction its place in the city’s history, with the values before and after, the reason, the actor and both clocks', async () => {
    await command('/api/admin/cities', { cityId: 'paducah', name: 'Paducah', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2013-12-20' });
    await command('/api/admin/cities/paducah/corrections', { designatedOn: '2013-11-20', reason: 'UNESCO press release of 20 November 2013' });
    await command('/api/admin/cities/paducah/withdrawal', { effectiveOn: '2020-06-30', reason: 'excluded' });
    await command('/api/admin/cities/paducah/withdrawal/retraction', { reason: 'entered for the wrong city' });
    const log = (await registry.auditor.get('/api/audit/events?stream=city-paducah')).body.items as { type: string; position: number; metadata: { recordedAt: string } }[];
    const logged = (type: string) => log.find((e) => e.type === type)!;

    const history = await registry.auditor.get('/api/audit/cities/paducah/history');

    expect(history.status).toBe(200);
    expect(history.body.items.map((h: any) => [h.type, h.domainDate, h.summary])).toEqual([
      ['CityDesignated', '2013-12-20', 'designated in crafts-and-folk-art'],
      ['CityRecordCorrected', '2013-11-20', 'designation date corrected from 2013-12-20 to 2013-11-20: UNESCO press release of 20 November 2013'],
      ['MembershipWithdrawn', '2020-06-30', 'membership withdrawn (excluded)'],
      ['MembershipWithdrawalRetracted', '2020-06-30', 'withdrawal of 2020-06-30 (excluded) retracted: entered for the wrong city'],
    ]);
    expect(history.body.items[1]).toMatchObject({
      position: logged('CityRecordCorrected').position,
      recordedAt: logged('CityRecordCorrected').metadata.recordedAt,
      actor: TEST_KEYS.secretariat.name,
      role: 'secretariat',
      data: { cityId: 'paducah', reason: 'UNESCO press release of 20 November 2013', before: { designatedOn: '2013-12-20' }, after: { designatedOn: '2013-11-20' } },
    });
    expect(history.body.items[3]).toMatchObject({
      recordedAt: logged('MembershipWithdrawalRetracted').metadata.recordedAt,
      actor: TEST_KEYS.secretariat.name,
      data: { reason: 'entered for the wrong city', retracted: { effectiveOn: '2020-06-30', reason: 'excluded' } },
    });
  });
});

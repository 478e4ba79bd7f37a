import * as path from 'node:path';
import Database from 'better-sqlite3';
import { compare, FOUNDING_FIELDS } from '@uccn/domain';
import { ALL_PROJECTIONS } from '@uccn/projections';
import { EVENTS_FILE } from '@uccn/runtime';
import { eventually } from './support/http-client.js';
import { startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { registrySuite } from './support/registry-suite.js';
import { city, FABRIANO, KATOWICE, KRAKOW, OSTERSUND } from './support/seeds.js';
import { TEST_KEYS } from './support/test-keys.js';

/**
 * A small real history recorded through the secretariat's API, then every read endpoint checked
 * against it. Cities and years are the real ones (data/uccn-cities.csv; Harbin from SOURCES.md);
 * the day within the year is illustrative where the sources give only the year. Harbin's
 * withdrawal is hypothetical. Conferences follow seed 001 and data/uccn-conferences.csv; dates the
 * CSV leaves empty are illustrative.
 */
const SANTA_FE = city('santa-fe', 'Santa Fe', 'US', 'crafts-and-folk-art', '2005-07-15');
const BOLOGNA = city('bologna', 'Bologna', 'IT', 'music', '2006-05-29');
const LYON = city('lyon', 'Lyon', 'FR', 'media-arts', '2008-11-03');
const SHENZHEN = city('shenzhen', 'Shenzhen', 'CN', 'design', '2008-11-19');
const SEOUL = city('seoul', 'Seoul', 'KR', 'design', '2010-07-20');
const HARBIN = city('harbin', 'Harbin', 'CN', 'music', '2010-06-22');
const ROVANIEMI = city('rovaniemi', 'Rovaniemi', 'FI', 'architecture', '2025-10-31');

const meeting = (meetingId: string, edition: number, hostCityIds: string[], startsOn: string, endsOn: string, extra: { venue?: string; theme?: string } = {}) => ({
  meetingId,
  kind: 'annual-conference',
  title: `UCCN Annual Conference ${startsOn.slice(0, 4)}`,
  edition,
  hostCityIds,
  startsOn,
  endsOn,
  format: 'in-person',
  ...extra,
});
const PARIS_2008 = meeting('annual-conference-2008-paris', 1, [], '2008-05-05', '2008-05-06', { venue: 'UNESCO Headquarters, Paris' });
const SANTA_FE_2008 = meeting('annual-conference-2008-santa-fe', 2, ['santa-fe'], '2008-10-20', '2008-10-22');
const LYON_2009 = meeting('annual-conference-2009', 3, ['lyon'], '2009-09-07', '2009-09-09');
const SHENZHEN_2010 = meeting('annual-conference-2010', 4, ['shenzhen'], '2010-12-06', '2010-12-08');
const SEOUL_2011 = meeting('annual-conference-2011', 5, ['seoul'], '2011-11-16', '2011-11-17', { theme: 'Sustainable Development Based on Creativity' });
const KRAKOW_KATOWICE_2018 = meeting('annual-conference-2018', 12, ['krakow', 'katowice'], '2018-06-12', '2018-06-15', { theme: 'Creative Crossroads' });
const FABRIANO_2019 = meeting('annual-conference-2019', 13, ['fabriano'], '2019-06-10', '2019-06-15', { theme: 'The Ideal City' });

const NAMES: Record<string, string> = Object.fromEntries(
  [SANTA_FE, BOLOGNA, LYON, SHENZHEN, SEOUL, OSTERSUND, HARBIN, FABRIANO, KATOWICE, KRAKOW, ROVANIEMI].map((c) => [c.cityId, c.name]),
);

/** A meeting as the meetings list shows it before anything was recorded about it. */
const scheduled = (m: ReturnType<typeof meeting>) => ({
  id: m.meetingId,
  meetingId: m.meetingId,
  kind: 'annual-conference',
  title: m.title,
  edition: m.edition,
  field: null,
  country: null,
  hostCityIds: m.hostCityIds,
  // the hosts' names come from the directory
  hosts: m.hostCityIds.map((cityId) => ({ cityId, name: NAMES[cityId] })),
  venue: m.venue ?? null,
  startsOn: m.startsOn,
  endsOn: m.endsOn,
  year: Number(m.startsOn.slice(0, 4)),
  theme: m.theme ?? null,
  format: 'in-person',
  status: 'scheduled',
  // every one of them started before today: none is still to come
  upcoming: false,
  attendeeCityIds: [],
  attendance: 0,
  heldFrom: null,
  heldTo: null,
  cancellation: null,
  replaces: null,
  lastEventId: expect.any(String),
  lastPosition: expect.any(Number),
});

const byCityId = <T extends { cityId: string }>(items: readonly T[]) => [...items].sort((a, b) => compare(a.cityId, b.cityId));
const registerRow = (c: ReturnType<typeof city>, field = c.field) => ({ cityId: c.cityId, name: c.name, country: c.country, field, designatedOn: c.designatedOn });

/** What the history recorded, and the instants between its steps that the register is asked about. */
interface RecordedHistory {
  /** the position of its last event */
  readonly head: number;
  readonly beforeKrakow: string;
  readonly beforeLyonChange: string;
  readonly krakowRecordedAt: string;
  readonly architectureRecordedAt: string;
}

/** Records the history through the secretariat's API and waits for the projections to apply it. */
async function recordHistory(registry: InProcessRegistry): Promise<RecordedHistory> {
  let head = 0;
  const command = async (path: string, body: unknown) => {
    const answer = await registry.secretariat.post(path, body);
    if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    head = Math.max(head, answer.body.position);
    return answer.body as { id: string; revision: number; position: number };
  };
  const justAfter = async () => {
    // an instant strictly after everything recorded so far and strictly before what comes next
    const at = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    return at;
  };

  const added = await command('/api/admin/fields', { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' });
  for (const c of [SANTA_FE, BOLOGNA, LYON, SHENZHEN, SEOUL, OSTERSUND, HARBIN, FABRIANO, KATOWICE]) await command('/api/admin/cities', c);
  // Kraków designated last, so the register can be asked what it said before it learned of it
  const beforeKrakow = await justAfter();
  await command('/api/admin/cities', KRAKOW);
  await command('/api/admin/cities', ROVANIEMI);
  await command('/api/admin/cities/ostersund/reports', {
    reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-05-15',
  });
  await command('/api/admin/cities/harbin/withdrawal', { effectiveOn: '2019-12-31', reason: 'voluntary', note: 'hypothetical, for the test' });
  const beforeLyonChange = await justAfter();
  await command('/api/admin/cities/lyon/field-change', { field: 'literature', effectiveOn: '2023-10-31' });
  for (const m of [PARIS_2008, SANTA_FE_2008, LYON_2009, SHENZHEN_2010, SEOUL_2011, KRAKOW_KATOWICE_2018, FABRIANO_2019]) await command('/api/admin/meetings', m);
  await command('/api/admin/meetings/annual-conference-2018/hosted', { attendeeCityIds: ['krakow', 'katowice', 'fabriano', 'ostersund'] });
  await command('/api/admin/applications', {
    applicationId: 'norrkoping-2017', cityId: 'norrkoping', cityName: 'Norrköping', country: 'SE', field: 'music', callYear: 2017, submittedOn: '2017-06-15',
  });
  await command('/api/admin/applications/norrkoping-2017/endorsement', { endorsedOn: '2017-06-20', by: 'Swedish National Commission for UNESCO' });
  await command('/api/admin/applications', {
    applicationId: 'uppsala-2019', cityId: 'uppsala', cityName: 'Uppsala', country: 'SE', field: 'literature', callYear: 2019, submittedOn: '2019-06-01',
  });
  await command('/api/admin/applications/uppsala-2019/decision', { decision: 'not-designated', decidedOn: '2019-10-30' });
  await command('/api/admin/partnerships', {
    partnershipId: 'creative-cities-central-europe',
    name: 'Creative Cities',
    programme: 'Central Europe Programme',
    leadPartner: { name: 'City of Leipzig', country: 'DE' },
    partners: [{ name: 'Comune di Genova', country: 'IT' }, { name: 'City of Gdańsk', country: 'PL' }],
    creativeIndustries: ['music', 'design'],
    startsOn: '2010-04-01',
    endsOn: '2012-12-31',
  });
  await command('/api/admin/partnerships/creative-cities-central-europe/partners', { name: 'City of Ljubljana', country: 'SI', joinedOn: '2010-06-01' });
  await command('/api/admin/partnerships/creative-cities-central-europe/conclusion', { concludedOn: '2012-12-31' });
  await registry.settled(head);
  const log = await registry.auditor.get('/api/audit/events?limit=500');
  return {
    head,
    beforeKrakow,
    beforeLyonChange,
    krakowRecordedAt: log.body.items.find((e: any) => e.streamId === 'city-krakow').metadata.recordedAt,
    architectureRecordedAt: log.body.items.find((e: any) => e.position === added.position).metadata.recordedAt,
  };
}

describe('the read side over HTTP: analytics and audit from the projections', () => {
  const registry = registrySuite();
  let history: RecordedHistory;
  beforeAll(async () => {
    history = await recordHistory(registry);
  });

  describe('GET /api/analytics/fields', () => {
    it('lists the founding seven from 2004 and architecture from 2025, in the list shape', async () => {
      const answer = await registry.analyst.get('/api/analytics/fields');
      expect(answer.status).toBe(200);
      // the founding seven of the domain's catalogue, in its order, opened with the network in 2004
      expect(FOUNDING_FIELDS.map((f) => f.field)).toEqual(['crafts-and-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music']);
      expect(answer.body).toEqual({
        items: [
          ...FOUNDING_FIELDS.map(({ field, label }) => ({ field, label, openedOn: '2004-01-01', founding: true, recordedAt: null })),
          { field: 'architecture', label: 'Architecture', openedOn: '2025-10-31', founding: false, recordedAt: history.architectureRecordedAt },
        ],
        total: 8,
        page: 1,
        limit: 500,
      });
    });

    it('answers the founding seven on an empty log', async () => {
      const empty = await startRegistry();
      try {
        const answer = await empty.analyst.get('/api/analytics/fields');
        expect(answer.body.items.map((f: { field: string }) => f.field)).toEqual([
          'crafts-and-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music',
        ]);
        expect(answer.body.total).toBe(7);
      } finally {
        await empty.close();
      }
    });
  });

  describe('GET /api/analytics/summary', () => {
    it('counts members, the withdrawn, countries, by current field, by country and by year', async () => {
      const answer = await registry.analyst.get('/api/analytics/summary');
      expect(answer.status).toBe(200);
      // the members at each year end by the field each held then
      const fieldsAt = (y: number) => ({
        ...(y >= 2025 ? { architecture: 1 } : {}),
        'crafts-and-folk-art': y >= 2013 ? 2 : 1,
        ...(y >= 2008 ? { design: y >= 2010 ? 2 : 1 } : {}),
        ...(y >= 2010 ? { gastronomy: 1 } : {}),
        ...(y >= 2013 ? { literature: y >= 2023 ? 2 : 1 } : {}),
        ...(y >= 2008 && y < 2023 ? { 'media-arts': 1 } : {}),
        ...(y >= 2006 ? { music: y >= 2019 ? 2 : y >= 2015 ? 3 : y >= 2010 ? 2 : 1 } : {}),
      });
      const year = (y: number, designated: number, cumulative: number) => ({ year: y, designated, cumulative, byField: fieldsAt(y) });
      expect(answer.body).toEqual({
        members: 10,
        withdrawn: 1,
        countries: 8,
        // Lyon counts in literature since its change; Harbin no longer counts anywhere
        byField: { architecture: 1, 'crafts-and-folk-art': 2, design: 2, gastronomy: 1, literature: 2, music: 2 },
        byCountry: { CN: 1, FI: 1, FR: 1, IT: 2, KR: 1, PL: 2, SE: 1, US: 1 },
        byYear: [
          year(2005, 1, 1), year(2006, 1, 2), year(2007, 0, 2), year(2008, 2, 4), year(2009, 0, 4), year(2010, 3, 7),
          year(2011, 0, 7), year(2012, 0, 7), year(2013, 2, 9), year(2014, 0, 9), year(2015, 1, 10), year(2016, 0, 10),
          year(2017, 0, 10), year(2018, 0, 10), year(2019, 0, 9), year(2020, 0, 9), year(2021, 0, 9), year(2022, 0, 9),
          year(2023, 0, 9), year(2024, 0, 9), year(2025, 1, 10),
        ],
      });
    });
  });

  describe('GET /api/analytics/meetings', () => {
    it('lists the annual conferences of seed 001 by start date, the venue-only one and the joint one included', async () => {
      const answer = await registry.analyst.get('/api/analytics/meetings?kind=annual-conference&limit=500');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        items: [
          scheduled(PARIS_2008),
          scheduled(SANTA_FE_2008),
          scheduled(LYON_2009),
          scheduled(SHENZHEN_2010),
          scheduled(SEOUL_2011),
          {
            ...scheduled(KRAKOW_KATOWICE_2018),
            status: 'hosted',
            attendeeCityIds: ['krakow', 'katowice', 'fabriano', 'ostersund'],
            attendance: 4,
            heldFrom: '2018-06-12',
            heldTo: '2018-06-15',
          },
          scheduled(FABRIANO_2019),
        ],
        total: 7,
        page: 1,
        limit: 500,
      });
    });

    it('filters by year: two meetings in 2008 (Paris, Santa Fe)', async () => {
      const answer = await registry.analyst.get('/api/analytics/meetings?year=2008');
      expect(answer.body).toEqual({ items: [scheduled(PARIS_2008), scheduled(SANTA_FE_2008)], total: 2, page: 1, limit: 50 });
    });

    it('pages: the second page of two', async () => {
      const answer = await registry.analyst.get('/api/analytics/meetings?page=2&limit=2');
      expect(answer.body).toEqual({ items: [scheduled(LYON_2009), scheduled(SHENZHEN_2010)], total: 7, page: 2, limit: 2 });
    });

    it.each([['kind=plenary'], ['year=20x8'], ['limit=501'], ['colour=blue']])('answers 400 to %s', async (query) => {
      const answer = await registry.analyst.get(`/api/analytics/meetings?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  describe('GET /api/analytics/reports/compliance', () => {
    it('lists every member on the date with its last monitoring report, next due date and whether it is overdue: none before the rule (2015)', async () => {
      const answer = await registry.analyst.get('/api/analytics/reports/compliance?asOf=2012-01-01');
      expect(answer.status).toBe(200);
      // the four-yearly report is a rule in force by 2015-05-28: every city designated before it owes its first on 2019-05-28
      const row = (c: ReturnType<typeof city>) => ({
        cityId: c.cityId, name: c.name, designatedOn: c.designatedOn,
        lastReportOn: null, lastReviewOutcome: null, lastReviewedOn: null, nextDueOn: '2019-05-28', overdue: false, status: 'not-yet-due',
      });
      expect({ ...answer.body, items: byCityId(answer.body.items) }).toEqual({
        asOf: '2012-01-01',
        items: byCityId([row(SANTA_FE), row(BOLOGNA), row(LYON), row(SHENZHEN), row(SEOUL), row(OSTERSUND), row(HARBIN)]),
        total: 7,
        page: 1,
        limit: 50,
      });
    });

    it('shows a report submitted by the date, counts none from before the rule, and leaves out a city withdrawn before it', async () => {
      const answer = await registry.analyst.get('/api/analytics/reports/compliance?asOf=2020-01-01&limit=500');
      expect(answer.body.total).toBe(9);
      expect(answer.body.items.map((i: { cityId: string }) => i.cityId)).not.toContain('harbin');
      expect(answer.body.items.find((i: { cityId: string }) => i.cityId === 'ostersund')).toEqual({
        cityId: 'ostersund', name: 'Östersund', designatedOn: '2010-06-22',
        lastReportOn: '2014-05-15', lastReviewOutcome: null, lastReviewedOn: null, nextDueOn: '2019-05-28', overdue: true, status: 'overdue',
      });
      expect(answer.body.items.find((i: { cityId: string }) => i.cityId === 'katowice')).toMatchObject({ nextDueOn: '2019-12-11', overdue: true, status: 'no-report-on-record' });
    });

    it('pages the members', async () => {
      const answer = await registry.analyst.get('/api/analytics/reports/compliance?asOf=2012-01-01&page=2&limit=5');
      expect(answer.body).toMatchObject({ asOf: '2012-01-01', total: 7, page: 2, limit: 5 });
      expect(answer.body.items).toHaveLength(2);
    });

    it('defaults to today', async () => {
      const answer = await registry.analyst.get('/api/analytics/reports/compliance');
      expect(answer.body.asOf).toBe(new Date().toISOString().slice(0, 10));
      expect(answer.body.total).toBe(10);
    });

    it('answers 400 to an impossible date', async () => {
      const answer = await registry.analyst.get('/api/analytics/reports/compliance?asOf=2019-02-30');
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
    });
  });

  describe('GET /api/analytics/applications and /partnerships', () => {
    it('lists applications by submission date, filtered by call year and status', async () => {
      const norrkoping = {
        id: 'norrkoping-2017', applicationId: 'norrkoping-2017', cityId: 'norrkoping', cityName: 'Norrköping', country: 'SE', field: 'music',
        callYear: 2017, submittedOn: '2017-06-15', status: 'endorsed',
        endorsement: { endorsedOn: '2017-06-20', by: 'Swedish National Commission for UNESCO', outcome: 'endorsed' }, decision: null,
        lastEventId: expect.any(String), lastPosition: expect.any(Number),
      };
      const uppsala = {
        id: 'uppsala-2019', applicationId: 'uppsala-2019', cityId: 'uppsala', cityName: 'Uppsala', country: 'SE', field: 'literature',
        callYear: 2019, submittedOn: '2019-06-01', status: 'not-designated', endorsement: null,
        decision: { decision: 'not-designated', decidedOn: '2019-10-30' }, lastEventId: expect.any(String), lastPosition: expect.any(Number),
      };
      expect((await registry.analyst.get('/api/analytics/applications')).body).toEqual({ items: [norrkoping, uppsala], total: 2, page: 1, limit: 50 });
      expect((await registry.analyst.get('/api/analytics/applications?callYear=2019')).body).toEqual({ items: [uppsala], total: 1, page: 1, limit: 50 });
      expect((await registry.analyst.get('/api/analytics/applications?status=endorsed')).body).toEqual({ items: [norrkoping], total: 1, page: 1, limit: 50 });
      expect((await registry.analyst.get('/api/analytics/applications?status=pending')).status).toBe(400);
    });

    it('lists partnerships with the lead partner, partners by joining date and the conclusion', async () => {
      const answer = await registry.analyst.get('/api/analytics/partnerships');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        items: [
          {
            id: 'creative-cities-central-europe',
            partnershipId: 'creative-cities-central-europe',
            name: 'Creative Cities',
            programme: 'Central Europe Programme',
            leadPartner: { name: 'City of Leipzig', country: 'DE', cityId: null },
            partners: [
              { name: 'Comune di Genova', country: 'IT', cityId: null, joinedOn: '2010-04-01' },
              { name: 'City of Gdańsk', country: 'PL', cityId: null, joinedOn: '2010-04-01' },
              { name: 'City of Ljubljana', country: 'SI', cityId: null, joinedOn: '2010-06-01' },
            ],
            creativeIndustries: ['music', 'design'],
            startsOn: '2010-04-01',
            endsOn: '2012-12-31',
            status: 'concluded',
            concludedOn: '2012-12-31',
            outcome: null,
            lastEventId: expect.any(String),
            lastPosition: expect.any(Number),
          },
        ],
        total: 1,
        page: 1,
        limit: 50,
      });
    });
  });

  describe('GET /api/audit/cities/:cityId/history', () => {
    it("gives Lyon's timeline in log order, each change on both clocks with its actor, type, position and event id", async () => {
      const log = await registry.auditor.get('/api/audit/events?stream=city-lyon');
      const entry = (event: any, domainDate: string, summary: string) => ({
        position: event.position,
        eventId: event.id,
        streamId: 'city-lyon',
        revision: event.revision,
        type: event.type,
        domainDate,
        recordedAt: event.metadata.recordedAt,
        actor: TEST_KEYS.secretariat.name,
        role: 'secretariat',
        correlationId: event.metadata.correlationId,
        summary,
        data: event.data,
      });
      const [designated, changed] = log.body.items;
      const answer = await registry.auditor.get('/api/audit/cities/lyon/history');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        cityId: 'lyon',
        items: [
          entry(designated, '2008-11-03', 'designated in media-arts'),
          entry(changed, '2023-10-31', 'field changed from media-arts to literature'),
        ],
      });
      expect(designated.metadata.recordedAt < changed.metadata.recordedAt).toBe(true);
    });

    it('answers 404 problem+json for an unknown city, 400 for an id that is not a slug, 403 to an analyst', async () => {
      const unknown = await registry.auditor.get('/api/audit/cities/atlantis/history');
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await registry.auditor.get('/api/audit/cities/Not%20A%20Slug/history')).status).toBe(400);
      expect((await registry.analyst.get('/api/audit/cities/lyon/history')).status).toBe(403);
    });
  });

  describe('GET /api/audit/membership', () => {
    const designatedBy2014 = [SANTA_FE, BOLOGNA, LYON, SHENZHEN, SEOUL, OSTERSUND, HARBIN, FABRIANO];

    it('gives the register on a date as known now: Kraków, designated in 2013 but recorded today, is in it', async () => {
      const answer = await registry.auditor.get('/api/audit/membership?asOf=2014-01-01');
      expect(answer.status).toBe(200);
      expect(answer.body.knownAt >= history.krakowRecordedAt).toBe(true);
      expect({ ...answer.body, items: byCityId(answer.body.items) }).toEqual({
        asOf: '2014-01-01',
        knownAt: answer.body.knownAt,
        items: byCityId([...designatedBy2014, KRAKOW].map((c) => registerRow(c))),
        total: 9,
        page: 1,
        limit: 500,
      });
    });

    it('gives the register on the same date as it was known before Kraków was recorded: without Kraków', async () => {
      const answer = await registry.auditor.get(`/api/audit/membership?asOf=2014-01-01&knownAt=${encodeURIComponent(history.beforeKrakow)}`);
      expect({ ...answer.body, items: byCityId(answer.body.items) }).toEqual({
        asOf: '2014-01-01',
        knownAt: history.beforeKrakow,
        items: byCityId(designatedBy2014.map((c) => registerRow(c))),
        total: 8,
        page: 1,
        limit: 500,
      });
    });

    it('shows Lyon in media arts before its change and in literature after; Harbin gone after its withdrawal', async () => {
      const on = async (asOf: string, knownAt?: string) => {
        const answer = await registry.auditor.get(`/api/audit/membership?asOf=${asOf}${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`);
        return answer.body.items as { cityId: string; field: string }[];
      };
      expect((await on('2023-10-30')).find((i) => i.cityId === 'lyon')).toEqual(registerRow(LYON, 'media-arts'));
      expect((await on('2023-10-31')).find((i) => i.cityId === 'lyon')).toEqual(registerRow(LYON, 'literature'));
      // what the register said of 2024 before the change was recorded
      expect((await on('2024-01-01', history.beforeLyonChange)).find((i) => i.cityId === 'lyon')).toEqual(registerRow(LYON, 'media-arts'));
      expect((await on('2019-12-30')).map((i) => i.cityId)).toContain('harbin');
      expect((await on('2019-12-31')).map((i) => i.cityId)).not.toContain('harbin');
    });

    it('pages the register (at most 500 a page)', async () => {
      const first = await registry.auditor.get('/api/audit/membership?asOf=2014-01-01&limit=4');
      const third = await registry.auditor.get('/api/audit/membership?asOf=2014-01-01&limit=4&page=3');
      expect(first.body).toMatchObject({ total: 9, page: 1, limit: 4 });
      expect(first.body.items).toHaveLength(4);
      expect(third.body.items).toHaveLength(1);
      expect((await registry.auditor.get('/api/audit/membership?limit=501')).status).toBe(400);
    });

    it('defaults to today as known now', async () => {
      const answer = await registry.auditor.get('/api/audit/membership');
      expect(answer.body.asOf).toBe(new Date().toISOString().slice(0, 10));
      expect(answer.body.total).toBe(10);
    });

    it.each([['asOf=2014-02-30'], ['knownAt=yesterday'], ['knownAt=2014-01-01T25:00:00Z']])('answers 400 to %s', async (query) => {
      const answer = await registry.auditor.get(`/api/audit/membership?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  describe('projections', () => {
    it('reports each projection caught up with the head of the log, to auditors and the secretariat only', async () => {
      const answer = await registry.auditor.get('/api/audit/projections');
      expect(answer.status).toBe(200);
      const names = [
        'field-catalogue', 'city-directory', 'membership-history', 'membership-register', 'network-statistics', 'meetings', 'applications', 'partnerships', 'contacts',
      ];
      // a fresh data directory builds each projection's first generation with the code's version of it
      const codeVersion = (name: string) => ALL_PROJECTIONS.find((p) => p.name === name)!.version;
      expect(answer.body).toEqual({
        items: names.map((name) => ({
          name, version: 1, codeVersion: codeVersion(name), position: history.head, head: history.head, lag: 0, state: 'live', lastError: null, rebuild: null,
        })),
        total: 9,
        page: 1,
        limit: 500,
      });
      expect((await registry.secretariat.get('/api/audit/projections')).status).toBe(200);
      expect((await registry.analyst.get('/api/audit/projections')).status).toBe(403);
    });

    it('answers 404 problem+json to an unknown projection, 403 to an auditor', async () => {
      const unknown = await registry.secretariat.post('/api/admin/projections/gossip/rebuild');
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await registry.auditor.post('/api/admin/projections/meetings/rebuild')).status).toBe(403);
    });
  });

  describe('GET /api/audit/verify', () => {
    it('recomputes the hash chain of an intact log', async () => {
      const answer = await registry.auditor.get('/api/audit/verify');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ok: true, checked: history.head });
      expect((await registry.analyst.get('/api/audit/verify')).status).toBe(403);
    });
  });
});

describe('rebuilding a projection of the same history', () => {
  // a registry of its own: the rebuild moves the projection to version 2, which the specs above do not expect
  const registry = registrySuite();
  let history: RecordedHistory;
  beforeAll(async () => {
    history = await recordHistory(registry);
  });

  it('builds a new generation while the old one serves, then serves the same answers from it', async () => {
    const before = await registry.analyst.get('/api/analytics/summary');
    const answer = await registry.secretariat.post('/api/admin/projections/network-statistics/rebuild');
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ name: 'network-statistics', version: 2 });
    // the new generation serves once it has caught up with the log
    await eventually(async () => {
      const status = (await registry.auditor.get('/api/audit/projections')).body.items.find((p: any) => p.name === 'network-statistics');
      expect(status).toMatchObject({ version: 2, position: history.head, lag: 0, rebuild: null });
    });
    expect((await registry.analyst.get('/api/analytics/summary')).body).toEqual(before.body);
  });
});

describe('GET /api/audit/verify on a tampered log', () => {
  /** Records a little history, stops the server, lets `tamper` edit the event file, and asks again. */
  const verifyAfter = async (tamper: (db: Database.Database) => void) => {
    const first = await startRegistry();
    let position = 0;
    for (const c of [SANTA_FE, LYON, SEOUL]) position = (await first.secretariat.post('/api/admin/cities', c)).body.position;
    position = (await first.secretariat.post('/api/admin/cities/lyon/field-change', { field: 'literature', effectiveOn: '2023-10-31' })).body.position;
    expect(position).toBe(4);
    expect((await first.auditor.get('/api/audit/verify')).body).toEqual({ ok: true, checked: 4 });
    await first.close();
    const db = new Database(path.join(first.dataDir, EVENTS_FILE));
    try {
      tamper(db);
    } finally {
      db.close();
    }
    const again = await startRegistry({ dataDir: first.dataDir });
    try {
      return (await again.auditor.get('/api/audit/verify')).body;
    } finally {
      await again.close();
    }
  };

  it("names the first event whose content was edited (Lyon's designation backdated)", async () => {
    const body = await verifyAfter((db) => {
      db.prepare(`UPDATE events SET data = json_set(data, '$.designatedOn', '2004-01-01') WHERE position = 2`).run();
    });
    expect(body).toEqual({ ok: false, checked: 2, firstBrokenAt: 2, reason: 'hash' });
  });

  it('names the event after one removed from its stream', async () => {
    const body = await verifyAfter((db) => {
      // Lyon's designation gone: its field change names a previous hash the log no longer holds
      db.prepare('DELETE FROM events WHERE position = 2').run();
    });
    expect(body).toEqual({ ok: false, checked: 3, firstBrokenAt: 4, reason: 'hash' });
  });
});

describe('POST /api/admin/projections/:name/rebuild when apps/projector runs the projections', () => {
  it('records the request in the catalogue; the projector builds the generation it announced', async () => {
    // a first run with projections creates the catalogue, as the projector would
    const withRunner = await startRegistry();
    const { position } = (await withRunner.secretariat.post('/api/admin/cities', LYON)).body;
    await withRunner.settled(position);
    await withRunner.close();

    const apiOnly = await startRegistry({ dataDir: withRunner.dataDir, env: { UCCN_RUN_PROJECTIONS: 'false' } });
    try {
      const answer = await apiOnly.secretariat.post('/api/admin/projections/city-directory/rebuild');
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ name: 'city-directory', version: 2 });
      // asked twice before the projector picked it up: the same generation
      expect((await apiOnly.secretariat.post('/api/admin/projections/city-directory/rebuild')).body).toEqual({ name: 'city-directory', version: 2 });
      expect((await apiOnly.secretariat.post('/api/admin/projections/gossip/rebuild')).status).toBe(404);
    } finally {
      await apiOnly.close();
    }

    const projector = await startRegistry({ dataDir: withRunner.dataDir });
    try {
      await eventually(async () => {
        const status = (await projector.auditor.get('/api/audit/projections')).body.items.find((p: any) => p.name === 'city-directory');
        expect(status).toMatchObject({ version: 2, position, rebuild: null });
      });
      expect((await projector.analyst.get('/api/analytics/cities/lyon')).body).toMatchObject({ cityId: 'lyon', field: 'media-arts' });
    } finally {
      await projector.close();
    }
  });
});

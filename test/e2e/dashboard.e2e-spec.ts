import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium, openTab, seriousAxeViolations, tabWalk } from './support/browser.js';
import { historyRows, startRegistryWithHistory } from './support/real-history.js';
import type { InProcessRegistry } from './support/registry-server.js';
import { TEST_KEYS } from './support/test-keys.js';

/**
 * The analysts' dashboard in a real browser (Debian's headless Chromium, driven by
 * playwright-core) against a server holding the real history of network-history/ and one annual
 * conference scheduled to come: every chart drawn, with the network's figures. A screenshot is
 * left in test-results/dashboard.png.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOT = path.join(ROOT, 'test-results', 'dashboard.png');

const citiesOf = (countryCode: string) => historyRows.filter((row) => row['country_code'] === countryCode).length;

const CHARTS = ['growth-chart', 'countries-chart', 'conferences-chart', 'compliance-chart'] as const;

/** A conference the secretariat has scheduled and that is still to come (the history's last is 2025). */
const CONFERENCE_TO_COME = {
  meetingId: 'annual-conference-2027',
  kind: 'annual-conference',
  title: 'XVIII UNESCO Creative Cities Network Annual Conference',
  edition: 18,
  hostCityIds: ['braga'],
  startsOn: `${new Date().getUTCFullYear() + 1}-06-14`,
  endsOn: `${new Date().getUTCFullYear() + 1}-06-18`,
  format: 'in-person',
};

interface DrawnChart {
  readonly type: string;
  readonly labels: string[];
  readonly datasets: { label: string; data: unknown[] }[];
  /** elements laid out by Chart.js for the first dataset, and the plot's width in pixels */
  readonly elements: number;
  readonly plotWidth: number;
}

describe('the analysts dashboard at /', () => {
  let registry: InProcessRegistry;
  let members: number;
  let conferencesRecorded: number;

  beforeAll(async () => {
    let imported;
    ({ registry, imported } = await startRegistryWithHistory());
    conferencesRecorded = imported.conferences;
    const scheduled = await registry.secretariat.post('/api/admin/meetings', CONFERENCE_TO_COME);
    expect(scheduled.status).toBe(201);
    await registry.settled(scheduled.body.position);
    members = (await registry.analyst.get('/api/analytics/summary')).body.members;
  }, 180_000);

  afterAll(async () => {
    await registry?.close();
  });

  it('serves the page and its scripts without a key, under a CSP that allows this origin only', async () => {
    const page = await fetch(`${registry.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/dashboard/chart.umd.min.js');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script: the CSP would block it

    const chartJs = await fetch(`${registry.url}/dashboard/chart.umd.min.js`);
    expect(chartJs.status).toBe(200);
    expect(chartJs.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await chartJs.text()).toContain('Chart.js v4');

    const again = await fetch(`${registry.url}/dashboard/dashboard.js`, { headers: { 'if-none-match': page.headers.get('etag') ?? '' } });
    expect(again.status).toBe(200);
    const revalidated = await fetch(`${registry.url}/dashboard/dashboard.js`, { headers: { 'if-none-match': again.headers.get('etag') ?? '' } });
    expect(revalidated.status).toBe(304);

    expect((await fetch(`${registry.url}/dashboard/package.json`)).status).toBe(404);
    // the data stays behind the key
    expect((await registry.anonymous.get('/api/analytics/summary')).status).toBe(401);
  });

  describeInChromium("the dashboard's browser test")('in headless Chromium', () => {
    let browser: Browser;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    // each spec in a tab of its own (a new context: no key kept from another spec), at the key form
    const open = async (options: { bypassCSP?: boolean } = {}) => {
      ({ page, problems } = await openTab(browser, `${registry.url}/`, options));
      await page.locator('#key-input').waitFor({ state: 'visible' });
    };
    beforeEach(() => open());

    afterEach(async () => {
      await page?.context().close();
    });

    const dashboardState = () => page.evaluate(() => (globalThis as any).__dashboard);
    const settle = () => page.waitForFunction(() => ['ready', 'error'].includes((globalThis as any).__dashboard?.status), undefined, { timeout: 30_000 });
    const giveKey = async (key: string) => {
      await page.fill('#key-input', key);
      await page.click('#key-form button[type=submit]');
      await settle();
    };

    it('asks for a key once, and refuses a wrong one with a clear message', async () => {
      await giveKey('not-a-key-of-this-registry');

      expect(await page.textContent('#key-message')).toContain('refused this key (401)');
      expect(await page.isVisible('#dashboard')).toBe(false);
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    });

    it('draws every chart with the real network once the analyst gives a key', async () => {
      await giveKey(TEST_KEYS.analyst.key);
      expect(await dashboardState()).toMatchObject({ status: 'ready', error: null });

      const charts: Record<string, DrawnChart | null> = await page.evaluate((ids) => {
        const Chart = (globalThis as any).Chart;
        return Object.fromEntries(
          ids.map((id) => {
            const chart = Chart.getChart(id);
            return [
              id,
              chart && {
                type: chart.config.type,
                labels: chart.data.labels,
                datasets: chart.data.datasets.map((d: any) => ({ label: d.label, data: d.data })),
                elements: chart.getDatasetMeta(0).data.length,
                plotWidth: chart.chartArea.right - chart.chartArea.left,
              },
            ];
          }),
        );
      }, CHARTS);
      for (const id of CHARTS) {
        expect(charts[id]).toMatchObject({ elements: expect.any(Number), plotWidth: expect.any(Number) });
        expect(charts[id]!.elements).toBeGreaterThan(0);
        expect(charts[id]!.plotWidth).toBeGreaterThan(100);
      }

      // growth: one series per field of the catalogue, 2004 to 2025, the last year the whole network
      const growth = charts['growth-chart']!;
      const catalogue = (await registry.analyst.get('/api/analytics/fields')).body.items.map((f: { label: string }) => f.label);
      expect(growth.datasets.map((d) => d.label)).toEqual(catalogue);
      expect(growth.datasets).toHaveLength(8);
      expect(growth.labels[0]).toBe('2004');
      expect(growth.labels.at(-1)).toBe('2025');
      const networkIn = (year: string) => growth.datasets.reduce((sum, d) => sum + (d.data[growth.labels.indexOf(year)] as number), 0);
      expect(networkIn('2004')).toBe(1); // Edinburgh, City of Literature
      expect(networkIn('2025')).toBe(members);
      expect(members).toBe(historyRows.length);

      // countries: China among them with every Chinese city of the history
      const countries = charts['countries-chart']!;
      const china = countries.labels.indexOf('China (CN)');
      expect(china).toBeGreaterThanOrEqual(0);
      expect(countries.datasets[0]!.data[china]).toBe(citiesOf('CN'));
      const { other } = (await dashboardState()).charts.countries;
      expect((countries.datasets[0]!.data as number[]).reduce((a, b) => a + b, 0) + other.cities).toBe(members);
      expect(countries.labels.length + other.countries).toBe(new Set(historyRows.map((row) => row['country_code'])).size);

      // the conference timeline: the 17 held, XIV Santos 2020 called off (17 entries until the
      // import recorded it) and next year's, scheduled and marked as still to come, in order, with
      // their hosts by name
      const { entries } = (await dashboardState()).charts.conferences;
      const nextYear = new Date().getUTCFullYear() + 1;
      expect(conferencesRecorded).toBe(17);
      expect(entries).toHaveLength(conferencesRecorded + 2);
      expect(entries.filter((e: { kind: string }) => e.kind === 'cancelled')).toEqual([
        expect.objectContaining({ year: 2020, hosts: 'Santos', edition: 14, label: '2020  Santos (cancelled)' }),
      ]);
      expect(entries.at(-1)).toEqual({ year: nextYear, hosts: 'Braga', kind: 'to-come', status: 'scheduled', upcoming: true, edition: 18, label: `${nextYear}  Braga (still to come)` });
      const years = new Set(entries.map((e: { year: number }) => e.year));
      const none = Array.from({ length: nextYear - 2008 + 1 }, (_, i) => 2008 + i).filter((year) => !years.has(year));
      expect(none).toContain(2023);
      expect(await page.textContent('#conferences-note')).toBe(`17 annual conferences held, 1 cancelled, 1 still to come, 2008–${nextYear}; none recorded in ${none.join(', ')}.`);
      expect(charts['conferences-chart']!.datasets.map((d) => d.label)).toEqual(['in person', 'online', 'cancelled', 'scheduled, still to come']);
      expect(entries[0]).toMatchObject({ year: 2008, hosts: expect.stringContaining('Paris') });
      expect(entries.map((e: { hosts: string }) => e.hosts)).toEqual(
        expect.arrayContaining(['Santa Fe', 'Krakow & Katowice', 'Fabriano', 'Santos', 'Braga', 'Enghien-les-Bains']),
      );
      expect(entries.at(-2)).toMatchObject({ year: 2025, hosts: 'Enghien-les-Bains', kind: 'in-person' });
      expect(charts['conferences-chart']!.labels).toContain('2018  Krakow & Katowice');

      // compliance: "no report on record" apart from "overdue". The history records no report, so
      // no member is overdue with a report on record: each is not yet due or has never reported
      const answer = (await registry.analyst.get('/api/analytics/reports/compliance?limit=500')).body;
      const count = (status: string) => answer.items.filter((c: { status: string }) => c.status === status).length;
      const shown = (await dashboardState()).charts.compliance;
      expect(shown.byStatus).toEqual({
        'on-time': 0,
        'not-yet-due': count('not-yet-due'),
        'revision-requested': 0,
        overdue: 0,
        'no-report-on-record': count('no-report-on-record'),
      });
      expect(count('not-yet-due') + count('no-report-on-record')).toBe(members);
      expect(count('no-report-on-record')).toBeGreaterThan(0);
      const compliance = charts['compliance-chart']!;
      expect(compliance.labels).toEqual(['not yet due', 'no report on record']);
      expect(compliance.datasets[0]!.data).toEqual([count('not-yet-due'), count('no-report-on-record')]);
      expect(await page.textContent('#compliance-note')).toBe(
        `On ${answer.asOf}, of ${members} members, ${count('no-report-on-record')} have no membership monitoring report on record though one was due, and 0 are overdue with a report on record.`,
      );
      expect(await page.textContent('#overdue-summary')).toBe(`Members behind with their report (${count('no-report-on-record')})`);
      const standing = await page.$$eval('#overdue-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
      expect(new Set(standing)).toEqual(new Set(['no report on record']));
      // an analyst's key: names, not links to the auditors' history
      expect(await page.locator('#overdue-table a').count()).toBe(0);
      expect(await page.isVisible('#audit-link')).toBe(false);

      // the totals say both clocks: the day they are about, and when the registry answered
      const { asOf, knownAt } = await dashboardState();
      expect(asOf).toBe(answer.asOf);
      expect(await page.textContent('#totals-note')).toBe(`As of ${asOf} (today), as known at ${knownAt.slice(0, 19).replace('T', ' ')} UTC: what the registry had recorded when it answered.`);

      // the catalogue: eight fields, architecture opened in 2025, the members spread over them
      const rows = await page.$$eval('#fields-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows).toHaveLength(8);
      expect(rows).toContainEqual(['Architecture', expect.stringMatching(/^2025-/), '5', expect.any(String)]);
      expect(rows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(members);

      expect(await page.textContent('#total-members')).toBe(String(members));
      // no script error, no CSP violation; the one refusal is the registry's answer to "may this key
      // read the audit trail?", which Chromium reports as a failed resource
      expect(problems.filter((p) => !/status of 403 .*\/api\/audit\/events\?limit=1\)$/.test(p))).toEqual([]);

      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    });

    it("links the lists to a city's history in the auditors' view for an auditor's key", async () => {
      await giveKey(TEST_KEYS.auditor.key);
      expect(await dashboardState()).toMatchObject({ status: 'ready', auditor: true });
      expect(await page.isVisible('#audit-link')).toBe(true);

      await page.click('#overdue-summary');
      const first = page.locator('#overdue-table tbody tr').first();
      const cityId = (await first.locator('a').getAttribute('href'))!.replace('/audit#city=', '');
      const rows = await page.locator('#overdue-table tbody tr').count();
      expect(await page.locator('#overdue-table tbody a[href^="/audit#city="]').count()).toBe(rows);
      await first.locator('a').click();
      // the auditors' view opens at that city's history, with the key the tab already holds
      await page.waitForFunction(() => (globalThis as any).__audit?.status === 'ready' && (globalThis as any).__audit.pending === 0);
      expect(await page.evaluate(() => (globalThis as any).__audit.history?.cityId)).toBe(cityId);
      expect(problems).toEqual([]);
    });

    it('reaches every control with the keyboard alone', async () => {
      await page.keyboard.type(TEST_KEYS.auditor.key);
      await page.keyboard.press('Enter');
      await settle();
      expect((await dashboardState()).status).toBe('ready');
      // the list behind its summary, opened with the keyboard
      await page.focus('#overdue-summary');
      await page.keyboard.press('Enter');
      expect(await page.getAttribute('#overdue-details', 'open')).toBe('');

      const { controls, reached } = await tabWalk(page, 1_000);
      expect(controls.length).toBeGreaterThan(5);
      expect(reached).toEqual(controls);
    }, 120_000);

    it('has no serious or critical accessibility violation (axe-core)', async () => {
      await page.context().close();
      await open({ bypassCSP: true });
      expect(await seriousAxeViolations(page)).toEqual([]); // the key form

      await giveKey(TEST_KEYS.auditor.key);
      await page.click('#overdue-summary');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('keeps the key for the tab across a reload, and forgets it on request', async () => {
      await giveKey(TEST_KEYS.analyst.key);
      await page.reload();
      await settle();
      expect((await dashboardState()).status).toBe('ready');

      await page.click('#forget-key');

      expect(await page.isVisible('#key-input')).toBe(true);
      expect(await page.isVisible('#dashboard')).toBe(false);
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    });
  });
});

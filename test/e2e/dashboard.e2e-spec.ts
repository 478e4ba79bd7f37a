import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { importNetworkHistory, NETWORK_HISTORY_DIR, parseCsv, readNetworkHistory } from '@uccn/application';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startRegistry, type InProcessRegistry } from './support/registry-server.js';
import { TEST_KEYS } from './support/test-keys.js';

/**
 * The analysts' dashboard in a real browser (Debian's headless Chromium, driven by
 * playwright-core) against a server holding the real history of network-history/: every chart
 * drawn, with the network's figures. A screenshot is left in test-results/dashboard.png.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'test-results', 'dashboard.png');
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`the dashboard's browser test is skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does, or set CHROMIUM_PATH)`);
}

/** What the source file says, counted independently of the importer and the projections. */
const historyRows = parseCsv(fs.readFileSync(path.join(ROOT, NETWORK_HISTORY_DIR, 'uccn-cities.csv'), 'utf8'));
const citiesOf = (countryCode: string) => historyRows.filter((row) => row['country_code'] === countryCode).length;

const CHARTS = ['growth-chart', 'countries-chart', 'conferences-chart', 'compliance-chart'] as const;

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
    registry = await startRegistry();
    const history = await readNetworkHistory(path.join(ROOT, NETWORK_HISTORY_DIR));
    const imported = await importNetworkHistory(registry.app.get(CommandBus), history, { actor: TEST_KEYS.secretariat.name });
    expect(imported.refused).toEqual([]);
    conferencesRecorded = imported.conferences;
    await registry.settled(imported.lastPosition);
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

  (haveChromium ? describe : describe.skip)('in headless Chromium', () => {
    let browser: Browser;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        // Chromium's sandbox refuses to start as root (CI containers)
        args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    // each spec in a tab of its own (a new context: no key kept from another spec), at the key form
    beforeEach(async () => {
      const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const seen: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') seen.push(message.text());
      });
      tab.on('pageerror', (error) => seen.push(error.message));
      [page, problems] = [tab, seen];
      await page.goto(`${registry.url}/`);
      await page.locator('#key-input').waitFor({ state: 'visible' });
    });

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

      // the conference timeline: the 17 held and XIV Santos 2020, called off (17 entries until the
      // import recorded it), in order, with their hosts by name
      const { entries } = (await dashboardState()).charts.conferences;
      expect(conferencesRecorded).toBe(17);
      expect(entries).toHaveLength(conferencesRecorded + 1);
      expect(entries.filter((e: { kind: string }) => e.kind === 'cancelled')).toEqual([
        expect.objectContaining({ year: 2020, hosts: 'Santos', edition: 14, label: '2020  Santos (cancelled)' }),
      ]);
      expect(await page.textContent('#conferences-note')).toBe('17 annual conferences held, 1 cancelled, 2008–2025; none recorded in 2023.');
      expect(entries[0]).toMatchObject({ year: 2008, hosts: expect.stringContaining('Paris') });
      expect(entries.map((e: { hosts: string }) => e.hosts)).toEqual(
        expect.arrayContaining(['Santa Fe', 'Krakow & Katowice', 'Fabriano', 'Santos', 'Braga', 'Enghien-les-Bains']),
      );
      expect(entries.at(-1)).toMatchObject({ year: 2025, hosts: 'Enghien-les-Bains' });
      expect(charts['conferences-chart']!.labels).toContain('2018  Krakow & Katowice');

      // compliance: every member is on time or overdue
      const compliance = charts['compliance-chart']!;
      expect(compliance.labels).toEqual(['on time', 'overdue']);
      expect((compliance.datasets[0]!.data as number[]).reduce((a, b) => a + b, 0)).toBe(members);

      // the catalogue: eight fields, architecture opened in 2025, the members spread over them
      const rows = await page.$$eval('#fields-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows).toHaveLength(8);
      expect(rows).toContainEqual(['Architecture', expect.stringMatching(/^2025-/), '5', expect.any(String)]);
      expect(rows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(members);

      expect(await page.textContent('#total-members')).toBe(String(members));
      expect(problems).toEqual([]); // no script error, no CSP violation

      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
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

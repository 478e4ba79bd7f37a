import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LogAnchorService } from '@uccn/application';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium, openTab, seriousAxeViolations, tabWalk } from './support/browser.js';
import { HISTORY_IMPORT, historyRows, startRegistryWithHistory } from './support/real-history.js';
import type { InProcessRegistry } from './support/registry-server.js';
import { TEST_KEYS } from './support/test-keys.js';

/**
 * The auditors' view at /audit in a real browser (Debian's headless Chromium, driven by
 * playwright-core) against a server holding the real history of network-history/ and, recorded
 * through the API after it, a correction (Östersund's designation day), a withdrawal (Dundee), a
 * withdrawal entered for the wrong city then retracted (Norrköping) and a report (Östersund's). Each panel must show the
 * figures the registry holds, counted here from the CSV where they can be. A screenshot is left
 * in test-results/audit-view.png.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOT = path.join(ROOT, 'test-results', 'audit-view.png');

/** Rows of the CSV designated by the end of `year` (every designation of a year falls on or before 31 December). */
const designatedBy = (year: number) => historyRows.filter((row) => Number(row['year']) <= year).length;
const designatedIn = (from: number, to: number) => historyRows.filter((row) => Number(row['year']) >= from && Number(row['year']) <= to).length;

/** The last whole second, so that a `datetime-local` control (to the second) can name the instant exactly. */
const wholeSecond = () => new Date(Math.floor(Date.now() / 1000) * 1000);
/** `2025-01-15T09:30:00.000Z` → `2025-01-15T09:30:00`, a `datetime-local` value read as UTC by the page. */
const localValue = (instant: string) => instant.slice(0, 19);

const OSTERSUND_REPORT = { reportId: 'membership-monitoring-2016', kind: 'membership-monitoring', periodStart: '2012-01-01', periodEnd: '2015-12-31', submittedOn: '2016-03-01' };
/** Östersund's designation day, which the CSV does not give (the import assumed 31 December), set by a correction. */
const OSTERSUND_CORRECTION = { designatedOn: '2010-06-22', reason: 'designated on 22 June 2010, not on the 31 December the import assumed (a fixture of the browser test)' };

describe('the auditors view at /audit', () => {
  let registry: InProcessRegistry;
  /** an instant after the import and before the amendments, and one after them */
  let knownBefore: string;
  let knownAfter: string;
  let correctionPosition: number;

  beforeAll(async () => {
    ({ registry } = await startRegistryWithHistory());
    await sleep(1_100);
    knownBefore = wholeSecond().toISOString();
    const record = async (path: string, body: unknown, correlationId: string) => {
      const answer = await registry.secretariat.post(path, body, { 'x-correlation-id': correlationId });
      expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status: 201 });
      return answer.body.position as number;
    };
    correctionPosition = await record('/api/admin/cities/ostersund/corrections', OSTERSUND_CORRECTION, 'correct-ostersund-e2e');
    await record('/api/admin/cities/dundee/withdrawal', { effectiveOn: '2024-03-01', reason: 'voluntary', note: 'a fixture of the browser test' }, 'withdraw-dundee-e2e');
    await record('/api/admin/cities/norrkoping/withdrawal', { effectiveOn: '2022-01-15', reason: 'excluded' }, 'withdraw-norrkoping-e2e');
    await record('/api/admin/cities/norrkoping/withdrawal/retraction', { reason: 'entered for the wrong city' }, 'retract-norrkoping-e2e');
    await record('/api/admin/cities/ostersund/reports', OSTERSUND_REPORT, 'report-ostersund-e2e');
    await sleep(1_100);
    knownAfter = wholeSecond().toISOString();
    // an anchor over all of it, as the registry would write within a minute
    const events = registry.app.get<EventStore>(EVENT_STORE);
    const anchors = registry.app.get(LogAnchorService).process!;
    await anchors.waitForPosition(await events.headPosition());
    await anchors.anchorNow();
    await registry.settled(await events.headPosition());
  }, 180_000);

  afterAll(async () => {
    await registry?.close();
  });

  it('serves the page and its modules without a key, under a CSP that allows this origin only', async () => {
    const page = await fetch(`${registry.url}/audit`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/dashboard/chart.umd.min.js');
    expect(html).toContain('/dashboard/audit.js');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script: the CSP would block it
    expect(html).not.toMatch(/\sstyle=/); // nor inline style

    for (const file of ['audit.js', 'registry-client.js', 'audit.css', 'dashboard.css']) {
      const asset = await fetch(`${registry.url}/dashboard/${file}`);
      expect([file, asset.status]).toEqual([file, 200]);
      expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    // the scripts build the page from text: no HTML parsed from the log's strings
    for (const file of ['audit.js', 'registry-client.js', 'dashboard.js']) {
      const source = await (await fetch(`${registry.url}/dashboard/${file}`)).text();
      expect([file, source]).not.toEqual([file, expect.stringMatching(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)]);
    }
    // one address per page
    expect((await fetch(`${registry.url}/dashboard/audit.html`)).status).toBe(404);
    expect((await fetch(`${registry.url}/dashboard/index.html`)).status).toBe(404);
    // the data stays behind the key
    expect((await registry.anonymous.get('/api/audit/anchors/latest')).status).toBe(401);
  });

  describeInChromium("the auditors' view's browser test")('in headless Chromium', () => {
    let browser: Browser;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    afterEach(async () => {
      await page?.context().close();
    });

    const open = async (hash = '', options: { bypassCSP?: boolean } = {}) => {
      ({ page, problems } = await openTab(browser, `${registry.url}/audit${hash}`, options));
      await page.locator('#key-input').waitFor({ state: 'visible' });
    };
    const auditState = () => page.evaluate(() => (globalThis as any).__audit);
    /** the page loaded (or refused) and no request of it under way */
    const still = () =>
      page.waitForFunction(
        () => {
          const s = (globalThis as any).__audit;
          return s && ['ready', 'error'].includes(s.status) && s.pending === 0;
        },
        undefined,
        { timeout: 30_000 },
      );
    const giveKey = async (key: string) => {
      await page.fill('#key-input', key);
      await page.click('#key-form button[type=submit]');
      await still();
    };
    const showCity = async (text: string) => {
      await page.fill('#city-input', text);
      await page.click('#city-form button[type=submit]');
      await still();
    };
    const showRegister = async (first: { asOf: string; knownAt?: string }, second: { asOf?: string; knownAt?: string } = {}) => {
      await page.fill('#as-of-input', first.asOf);
      await page.fill('#known-at-input', first.knownAt ? localValue(first.knownAt) : '');
      await page.fill('#compare-as-of-input', second.asOf ?? '');
      await page.fill('#compare-known-at-input', second.knownAt ? localValue(second.knownAt) : '');
      await page.click('#register-form button[type=submit]');
      await still();
    };

    it('asks for a key once, and refuses one that may not read the audit trail with the reason', async () => {
      await open();
      await giveKey(TEST_KEYS.analyst.key);

      expect(await page.textContent('#key-message')).toContain('may not read the audit trail (403)');
      expect(await page.isVisible('#audit')).toBe(false);
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);

      await giveKey(TEST_KEYS.auditor.key);
      expect(await auditState()).toMatchObject({ status: 'ready', error: null, cities: historyRows.length });
      expect(await page.isVisible('#audit')).toBe(true);
    });

    it("shows a city's corrected history on both clocks, with actors, correlation ids and the raw event", async () => {
      await open();
      await giveKey(TEST_KEYS.auditor.key);
      await showCity('Östersund');

      const { history, historyChart } = await auditState();
      expect(history).toMatchObject({ cityId: 'ostersund', name: 'Östersund' });
      expect(history.entries).toEqual([
        expect.objectContaining({ type: 'CityDesignated', kind: 'fact', domainDate: '2010-12-31', actor: TEST_KEYS.secretariat.name, correlationId: HISTORY_IMPORT }),
        // a correction stands at the date of the fact it amends, as corrected; recorded after the import
        expect.objectContaining({ type: 'CityRecordCorrected', kind: 'correction', domainDate: '2010-06-22', actor: TEST_KEYS.secretariat.name, correlationId: 'correct-ostersund-e2e', position: correctionPosition }),
        expect.objectContaining({ type: 'ReportSubmitted', kind: 'report', domainDate: '2016-03-01', correlationId: 'report-ostersund-e2e' }),
      ]);
      expect(history.entries[1].recordedAt > knownBefore && history.entries[1].recordedAt < knownAfter).toBe(true);
      expect(history.entries[0].recordedAt < knownBefore).toBe(true);
      // drawn as a correction: an arrow from the date recorded to the date corrected
      expect(historyChart.arrows).toEqual([{ position: correctionPosition, from: '2010-12-31', to: '2010-06-22' }]);
      const drawn = await page.evaluate(() => {
        const chart = (globalThis as any).Chart.getChart('history-chart');
        return chart.data.datasets.map((d: any) => ({ label: d.label, points: d.data.length, drawn: chart.getDatasetMeta(chart.data.datasets.indexOf(d)).data.length }));
      });
      expect(drawn).toEqual([
        { label: 'membership and field', points: 1, drawn: 1 },
        { label: 'reports and reviews', points: 1, drawn: 1 },
        { label: 'correction', points: 1, drawn: 1 },
        { label: 'correction: recorded → corrected', points: 2, drawn: 2 },
      ]);

      // in words: the values before and after, the reason, who and when, and the link to the log
      const correction = page.locator('#history-list li.kind-correction');
      expect(await correction.locator('table.change tbody tr').allTextContents()).toEqual(['designation date2010-12-312010-06-22']);
      expect(await correction.locator('.reason').textContent()).toBe(`Reason: ${OSTERSUND_CORRECTION.reason}`);
      expect(await correction.locator('.entry-meta').textContent()).toContain(`by ${TEST_KEYS.secretariat.name} (secretariat) · correlation id correct-ostersund-e2e`);
      expect(await page.textContent('#history-facts')).toContain('Sweden · Gastronomy today · member since 2010-06-22 · 3 events on record');
      expect(await page.evaluate(() => (globalThis as any).location.hash)).toBe('#city=ostersund');

      await correction.locator('a', { hasText: `event ${correctionPosition} in the log` }).click();
      await still();
      expect((await auditState()).event).toMatchObject({ position: correctionPosition, found: true, type: 'CityRecordCorrected', streamId: 'city-ostersund', actor: TEST_KEYS.secretariat.name });
      expect(await page.isVisible('#event-section')).toBe(true);
      expect(JSON.parse((await page.textContent('#event-data'))!)).toEqual({ cityId: 'ostersund', reason: OSTERSUND_CORRECTION.reason, before: { designatedOn: '2010-12-31' }, after: { designatedOn: '2010-06-22' } });
      expect(await page.textContent('#event-facts')).toContain('correct-ostersund-e2e');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('event-title');

      expect(problems).toEqual([]); // no script error, no CSP violation
    });

    it('draws a retraction as such, joined to the withdrawal it retracts', async () => {
      await open('#city=norrkoping');
      await giveKey(TEST_KEYS.auditor.key);

      const { history } = await auditState();
      expect(history.entries.map((e: { type: string; kind: string; domainDate: string }) => [e.type, e.kind, e.domainDate])).toEqual([
        ['CityDesignated', 'fact', '2017-10-31'],
        ['MembershipWithdrawn', 'fact', '2022-01-15'],
        ['MembershipWithdrawalRetracted', 'retraction', '2022-01-15'],
      ]);
      const retraction = page.locator('#history-list li.kind-retraction');
      expect(await retraction.locator('.change-line').textContent()).toBe('Retracts the withdrawal recorded as effective on 2022-01-15 (excluded): the city was a member all along.');
      expect(await retraction.locator('.reason').textContent()).toBe('Reason: entered for the wrong city');
      const labels = await page.evaluate(() => (globalThis as any).Chart.getChart('history-chart').data.datasets.map((d: any) => d.label));
      expect(labels).toEqual(['membership and field', 'retraction', 'retracted withdrawal']);
      // the city is a member today: the directory says so, and so does the page
      expect(await page.textContent('#history-facts')).toContain('member since 2017-10-31');
      expect(problems).toEqual([]);
    });

    it('finds a city by part of its name, and lets the auditor choose between two of one name', async () => {
      await open();
      await giveKey(TEST_KEYS.auditor.key);

      await showCity('granada');
      expect(await page.textContent('#city-message')).toBe('2 cities match “granada”; choose one:');
      expect(await page.locator('#city-choices a').allTextContents()).toEqual([expect.stringContaining('granada-es'), expect.stringContaining('granada-ni')]);
      await page.click('#city-choices a >> nth=1');
      await still();
      expect((await auditState()).history.cityId).toBe('granada-ni');

      await showCity('Atlantis');
      expect(await page.textContent('#city-message')).toBe('No city in the register is named or identified by “Atlantis”.');
      await showCity('lyon');
      const { history } = await auditState();
      expect(history.entries.map((e: { type: string }) => e.type)).toEqual(['CityDesignated', 'CityFieldChanged']);
      expect(problems).toEqual([]);
    });

    it('shows the register on a date as known at two instants: before and after the correction', async () => {
      await open();
      await giveKey(TEST_KEYS.auditor.key);
      // "who was a member on 12 June 2018, and what did the register say then?"
      await showRegister({ asOf: '2018-06-12', knownAt: knownBefore }, { knownAt: knownAfter });

      let { register } = await auditState();
      const members2017 = designatedBy(2017);
      expect(register).toMatchObject({ asOf: '2018-06-12', knownAt: knownBefore, total: members2017, compared: { asOf: '2018-06-12', knownAt: knownAfter, total: members2017 } });
      // Östersund was a member either way; what changed is what the register says of it
      expect(register.diff).toEqual({ joined: [], left: [], changedField: [], amended: ['ostersund'] });
      expect(await page.textContent('#diff-lists')).toContain('Östersund: designation date 2010-12-31 → 2010-06-22');
      expect(await page.textContent('#register-summary')).toBe(`${members2017} member cities on 2018-06-12, as the registry knew it at ${knownBefore.slice(0, 19).replace('T', ' ')} UTC`);

      // on 1 July 2010 the correction makes a member of Östersund, but only as known after it
      await showRegister({ asOf: '2010-07-01', knownAt: knownBefore }, { knownAt: knownAfter });
      ({ register } = await auditState());
      const asKnownBefore = (await registry.auditor.get(`/api/audit/membership?asOf=2010-07-01&knownAt=${knownBefore}`)).body.total;
      expect(register).toMatchObject({ total: asKnownBefore, compared: { total: asKnownBefore + 1 } });
      expect(register.diff).toEqual({ joined: ['ostersund'], left: [], changedField: [], amended: [] });

      // the list itself, with each city linked to its history
      await page.click('#register-list-summary');
      expect(await page.locator('#register-table tbody tr').count()).toBe(asKnownBefore);
      expect(await page.locator('#register-table tbody a[href="/audit#city=edinburgh"]').textContent()).toBe('Edinburgh');
      expect(problems).toEqual([]);
    });

    it('shows the difference between two dates: who joined, who left, who changed field', async () => {
      await open();
      await giveKey(TEST_KEYS.auditor.key);
      await showRegister({ asOf: '2018-06-12' }, { asOf: '2024-06-12' });

      const { register } = await auditState();
      // the calls of 2019, 2021 and 2023 joined; Dundee withdrew on 2024-03-01; Lyon moved to literature on 2023-10-31
      expect(register.total).toBe(designatedBy(2017));
      expect(register.compared).toMatchObject({ asOf: '2024-06-12', total: designatedBy(2023) - 1 });
      expect(register.diff.joined).toHaveLength(designatedIn(2019, 2023));
      expect(register.diff.left).toEqual(['dundee']);
      expect(register.diff.changedField).toEqual([{ cityId: 'lyon', from: 'media-arts', to: 'literature' }]);
      expect(register.diff.amended).toEqual([]);
      expect(await page.textContent('#diff-lists')).toContain('Lyon: Media Arts → Literature');
      // both sides at one instant: "now" is fixed once by the first answer
      expect(register.compared.knownAt).toBe(register.knownAt);

      // a date control from 2004 to today
      expect(await page.getAttribute('#as-of-input', 'min')).toBe('2004-01-01');
      expect(await page.getAttribute('#as-of-input', 'max')).toBe(new Date().toISOString().slice(0, 10));

      // an instant left empty is now, even when the other side names one
      await showRegister({ asOf: '2018-06-12', knownAt: knownBefore }, { asOf: '2024-06-12' });
      const { register: again } = await auditState();
      expect(again.knownAt).toBe(knownBefore);
      expect(again.compared.knownAt > knownAfter).toBe(true);
      expect(again.diff.left).toEqual(['dundee']);
      expect(problems).toEqual([]);
    });

    it("shows the log's integrity: verify, the newest anchor, the latest events and the projections", async () => {
      await open();
      await giveKey(TEST_KEYS.auditor.key);
      await page.waitForFunction(() => (globalThis as any).__audit.verify?.status === 'done');

      const verify = (await registry.auditor.get('/api/audit/verify')).body;
      const head = await registry.app.get<EventStore>(EVENT_STORE).headPosition();
      expect(verify).toMatchObject({ ok: true, checked: head }); // SQLite's positions are gapless
      let state = await auditState();
      expect(state.verify).toMatchObject({ status: 'done', ok: true, checked: head });
      expect(await page.textContent('#verify-result')).toBe(`✓ Intact: ${head} events checked, every hash chain recomputes`);

      const { anchor } = (await registry.auditor.get('/api/audit/anchors/latest')).body;
      expect(state.anchor).toEqual(anchor);
      const anchorFacts = await page.locator('#anchor dd').allTextContents();
      expect(anchorFacts).toEqual([String(anchor.upToPosition), String(anchor.events), anchor.logHash, expect.stringMatching(/ UTC$/), `event ${anchor.position} in the log`]);

      // the latest events, newest first, with their actors: the anchor, then Östersund's report and Norrköping's retraction
      expect(state.events).toHaveLength(20);
      expect(state.events[0]).toEqual({ position: head, type: 'LogAnchored', streamId: 'log-anchors', actor: 'log-anchor-process' });
      expect(state.events[1]).toMatchObject({ type: 'ReportSubmitted', streamId: 'city-ostersund', actor: TEST_KEYS.secretariat.name });
      expect(state.events[2]).toMatchObject({ type: 'MembershipWithdrawalRetracted', streamId: 'city-norrkoping', actor: TEST_KEYS.secretariat.name });
      const firstRow = await page.locator('#events-table tbody tr').first().locator('td').allTextContents();
      expect(firstRow).toEqual([String(head), expect.stringMatching(/ UTC$/), 'log-anchors', 'LogAnchored', 'log-anchor-process (system)', expect.any(String)]);
      expect(await page.locator('#events-table tbody tr').nth(1).locator('td').nth(4).textContent()).toBe(`${TEST_KEYS.secretariat.name} (secretariat)`);

      // each projection: position, lag and state as the registry reports them
      const projections = (await registry.auditor.get('/api/audit/projections')).body.items;
      expect(state.projections).toEqual(projections.map((p: any) => ({ name: p.name, version: p.version, position: p.position, head: p.head, lag: p.lag, state: p.state })));
      expect(state.projections.every((p: { lag: number; state: string }) => p.lag === 0 && p.state === 'live')).toBe(true);
      expect(await page.locator('#projections-table tbody tr').count()).toBe(projections.length);

      // verify now: recomputed again, with an event recorded since
      const report = await registry.secretariat.post('/api/admin/cities/edinburgh/reports', {
        reportId: 'membership-monitoring-2019', kind: 'membership-monitoring', periodStart: '2015-01-01', periodEnd: '2018-12-31', submittedOn: '2019-03-01',
      });
      expect(report.status).toBe(201);
      await registry.settled(report.body.position);
      const before = state.verify.at;
      await page.click('#verify-now');
      await page.waitForFunction((at) => (globalThis as any).__audit.verify?.status === 'done' && (globalThis as any).__audit.verify.at !== at, before);
      state = await auditState();
      expect(state.verify).toMatchObject({ ok: true, checked: report.body.position });
      expect(state.events[0]).toMatchObject({ position: report.body.position, type: 'ReportSubmitted', streamId: 'city-edinburgh' });
      expect(problems).toEqual([]);
    });

    it('reaches every control with the keyboard alone, and works with it', async () => {
      await open();
      // the key, typed and sent with Enter
      await page.keyboard.type(TEST_KEYS.auditor.key);
      await page.keyboard.press('Enter');
      await still();
      expect((await auditState()).status).toBe('ready');

      // a city's history: Tab to the search, type, Enter
      const tabTo = async (test: (active: { id: string; text: string }) => boolean, max = 200) => {
        for (let i = 0; i < max; i += 1) {
          await page.keyboard.press('Tab');
          const active = await page.evaluate(() => {
            const active = (globalThis as any).document.activeElement;
            return { id: active?.id ?? '', text: active?.textContent ?? '' };
          });
          if (test(active)) return;
        }
        throw new Error('the keyboard did not reach it');
      };
      await tabTo((a) => a.id === 'city-input');
      await page.keyboard.type('Östersund');
      await page.keyboard.press('Enter');
      // waits for what the key press leads to: a wait for "no request under way" could end
      // before the page had begun the request (seen on a loaded machine)
      await page.waitForFunction(() => (globalThis as any).__audit?.history?.cityId === 'ostersund', undefined, { timeout: 30_000 });
      await still();
      // from a history entry to its event in the log
      await tabTo((a) => a.text === `event ${correctionPosition} in the log`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((position) => (globalThis as any).__audit?.event?.position === position, correctionPosition, { timeout: 30_000 });
      await still();
      expect((await auditState()).event).toMatchObject({ position: correctionPosition, found: true });
      // verify now, with the space bar
      const before = (await auditState()).verify.at;
      await tabTo((a) => a.id === 'verify-now', 400);
      await page.keyboard.press(' ');
      await page.waitForFunction((at) => (globalThis as any).__audit.verify?.status === 'done' && (globalThis as any).__audit.verify.at !== at, before);

      // the register with a comparison, so that its lists are on the page too
      await showRegister({ asOf: '2018-06-12' }, { asOf: '2024-06-12' });
      await page.click('#register-list-summary');
      const { controls, reached } = await tabWalk(page, 1_200);
      expect(controls.length).toBeGreaterThan(50);
      expect(reached).toEqual(controls);
      expect(problems).toEqual([]);
    }, 120_000);

    it('has no serious or critical accessibility violation (axe-core), with every panel shown', async () => {
      await open(`#city=ostersund&event=${correctionPosition}@city-ostersund`, { bypassCSP: true });
      await giveKey(TEST_KEYS.auditor.key);
      await page.waitForFunction(() => (globalThis as any).__audit.verify?.status === 'done');
      await showRegister({ asOf: '2018-06-12' }, { asOf: '2024-06-12' });
      await page.click('#register-list-summary');
      expect((await auditState()).event).toMatchObject({ position: correctionPosition, found: true });

      expect(await seriousAxeViolations(page)).toEqual([]);

      // the key form too
      await page.click('#forget-key');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('keeps the key for the tab across pages, and forgets it on request', async () => {
      await open();
      await giveKey(TEST_KEYS.auditor.key);
      await page.click('header a[href="/"]');
      await page.waitForFunction(() => (globalThis as any).__dashboard?.status === 'ready');
      expect(await page.isVisible('#key-form-section')).toBe(false);
      await page.goBack();
      await still();
      expect((await auditState()).status).toBe('ready');

      await page.click('#forget-key');
      expect(await page.isVisible('#key-input')).toBe(true);
      expect(await page.isVisible('#audit')).toBe(false);
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    });

    it('leaves a screenshot of the page with a corrected history, a register compared and a verified log', async () => {
      await open('#city=ostersund');
      await giveKey(TEST_KEYS.auditor.key);
      await page.waitForFunction(() => (globalThis as any).__audit.verify?.status === 'done');
      await showRegister({ asOf: '2018-06-12' }, { asOf: '2024-06-12' });
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(problems).toEqual([]);
    });
  });
});

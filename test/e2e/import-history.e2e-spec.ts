import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import {
  importHistoryPlan,
  importNetworkHistory,
  NETWORK_HISTORY_DIR,
  planNetworkHistory,
  readNetworkHistory,
  type HistoryPlan,
  type HistoryStep,
  type ImportProgress,
  type ImportSummary,
  type NetworkHistory,
} from '@uccn/application';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { startRegistry, type InProcessRegistry } from './support/registry-server.js';

const HISTORY_DIR = path.resolve(import.meta.dirname, '../..', NETWORK_HISTORY_DIR);

/** Members by field at the end of `year`, counted straight from the CSV (no quoted cells in it), Lyon in media arts before 2023. */
function csvMembersByField(year: number): Record<string, number> {
  const rows = fs.readFileSync(path.join(HISTORY_DIR, 'uccn-cities.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const counts: Record<string, number> = {};
  for (const [city, , , field, joined] of rows) {
    if (Number(joined) > year) continue;
    const slug = city === 'Lyon' && year < 2023 ? 'media-arts' : field!.replaceAll(' ', '-');
    counts[slug] = (counts[slug] ?? 0) + 1;
  }
  return counts;
}

describe('importing the real history through the API\'s own command handlers', () => {
  let registry: InProcessRegistry;
  let history: NetworkHistory;
  let first: ImportSummary;
  let second: ImportSummary;
  let headAfterFirst: number;
  /** what the imports appended: the events of their actor (the API may append its own, e.g. the log's anchors) */
  const importedEvents = async (actor: string) =>
    (await registry.app.get<EventStore>(EVENT_STORE).readAll({ after: 0, maxCount: 10_000 })).filter((e) => e.metadata['actor'] === actor);
  const progress: ImportProgress[] = [];

  beforeAll(async () => {
    registry = await startRegistry();
    history = await readNetworkHistory(HISTORY_DIR);
    const commandBus = registry.app.get(CommandBus);
    const store = registry.app.get<EventStore>(EVENT_STORE);
    first = await importNetworkHistory(commandBus, history, { actor: 'history-import', onProgress: (p) => progress.push(p) });
    headAfterFirst = await store.headPosition();
    second = await importNetworkHistory(commandBus, history, { actor: 'history-import' });
    await registry.settled(await store.headPosition());
  }, 120_000);
  afterAll(() => registry?.close());

  it('sends a command per step, reporting progress after each', () => {
    expect(progress).toHaveLength(first.commands);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: first.commands }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === first.commands)).toBe(true);
  });

  it('records all 388 cities, Lyon\'s change of field, architecture, all 17 conferences of the CSV and the 2020 one called off', () => {
    expect(first).toMatchObject({ cities: 388, conferences: 17, alreadyOnRecord: 0, replayed: 0, corrected: 0 });
    // 1 field + 388 designations + 1 field change + 17 × (schedule, hosted) + Santos 2020 (schedule, cancel)
    expect(first.commands).toBe(1 + 388 + 1 + 34 + 2);
    expect(first.refused).toEqual([]);
    expect(first.appended).toBe(first.commands);
  });

  it('appends nothing the second time: every command is recognised by its idempotency key', async () => {
    const events = await importedEvents('history-import');
    // one event per command, all before the second import began
    expect(events).toHaveLength(first.appended);
    expect(events.at(-1)!.position).toBe(first.lastPosition);
    expect(first.lastPosition).toBeLessThanOrEqual(headAfterFirst);
    expect(second).toMatchObject({ appended: 0, corrected: 0, replayed: first.appended, alreadyOnRecord: 0, lastPosition: first.lastPosition });
    expect(second.refused).toEqual([]);
  });

  it('finds what another actor\'s import already recorded, and appends nothing', async () => {
    const other = await importNetworkHistory(registry.app.get(CommandBus), history, { actor: 'someone-else' });
    expect(await importedEvents('someone-else')).toEqual([]);
    expect(other).toMatchObject({ appended: 0, replayed: 0, alreadyOnRecord: first.appended });
  });

  it('names the assumptions it applied', () => {
    const byId = Object.fromEntries(first.assumptions.map((a) => [a.id, a]));
    // 2004–2013 but Santa Fe (a day) and Popayán (a month), which the sources date
    expect(byId['unknown-designation-day']?.rows).toHaveLength(39);
    expect(byId['designation-day-from-sources']?.text).toContain('Santa Fe (US): 2005-07-13');
    expect(byId['unknown-cancellation-day']?.text).toContain('2020 Santos: 2020-07-12');
    expect(byId['unknown-conference-dates']?.text).toMatch(/conference dates unknown/);
    expect(byId['unknown-conference-dates']?.rows).toHaveLength(7);
  });

  it('serves the network the CSV describes: members by field at the end of 2025, and Lyon in media arts until 2022', async () => {
    const summary = (await registry.analyst.get('/api/analytics/summary')).body;
    expect(summary.members).toBe(388);
    expect(summary.byField).toEqual(csvMembersByField(2025));
    const year = (y: number) => summary.byYear.find((entry: { year: number }) => entry.year === y);
    expect(year(2025).byField).toEqual(csvMembersByField(2025));
    expect(year(2022).byField).toEqual(csvMembersByField(2022));
    expect(year(2014)).toMatchObject({ designated: 28, cumulative: 69 });
  });

  it('answers Lyon, Kraków and Östersund with their fields and years', async () => {
    const city = async (id: string) => (await registry.analyst.get(`/api/analytics/cities/${id}`)).body;
    expect(await city('lyon')).toMatchObject({ name: 'Lyon', country: 'FR', field: 'literature', designatedOn: '2008-12-31', fieldHistory: [{ field: 'media-arts', from: '2008-12-31' }, { field: 'literature', from: '2023-10-31' }] });
    expect(await city('krakow')).toMatchObject({ name: 'Krakow', country: 'PL', field: 'literature', designatedOn: '2013-12-31' });
    expect(await city('ostersund')).toMatchObject({ name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-12-31' });
    expect(await city('santa-fe')).toMatchObject({ name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-07-13' });
    expect(await city('popayan')).toMatchObject({ name: 'Popayán', country: 'CO', field: 'gastronomy', designatedOn: '2005-08-31' });
    const architecture = (await registry.analyst.get('/api/analytics/fields')).body.items.find((f: { field: string }) => f.field === 'architecture');
    expect(architecture).toMatchObject({ openedOn: '2025-10-31', founding: false });
  });

  it('lists 18 meetings: the 17 conferences held, the 2021 one online and without an edition, and XIV Santos 2020 cancelled, replaced in 2022', async () => {
    const meetings = (await registry.analyst.get('/api/analytics/meetings?limit=100')).body;
    // 17 until the import recorded the conference called off in 2020 (SOURCES.md §2)
    expect(meetings.total).toBe(18);
    const online = meetings.items.find((m: { year: number }) => m.year === 2021);
    expect(online).toMatchObject({ hostCityIds: ['santos'], format: 'online', edition: null });
    const byStatus = (status: string) => meetings.items.filter((m: { status: string }) => m.status === status);
    expect(byStatus('hosted')).toHaveLength(17);
    expect(byStatus('cancelled')).toEqual([
      expect.objectContaining({
        meetingId: 'annual-conference-2020-santos', edition: 14, hostCityIds: ['santos'], startsOn: '2020-07-13', endsOn: '2020-07-17',
        theme: 'Criatividade, Caminho para a Igualdade', cancellation: { cancelledOn: '2020-07-12', reason: 'postponed because of COVID-19 (force majeure)', forceMajeure: true },
      }),
    ]);
    expect(meetings.items.find((m: { year: number }) => m.year === 2022)).toMatchObject({ edition: 14, status: 'hosted', replaces: 'annual-conference-2020-santos' });
    expect(meetings.items.find((m: { year: number; hostCityIds: string[] }) => m.year === 2018)).toMatchObject({ edition: 12, hostCityIds: ['krakow', 'katowice'] });
  });

  it('leaves a log whose hash chain verifies', async () => {
    const verification = (await registry.auditor.get('/api/audit/verify')).body;
    expect(verification).toMatchObject({ ok: true });
    expect(verification.checked).toBeGreaterThanOrEqual(first.appended);
  });
});

/**
 * The plan of the import before it recorded what its sources know: the same keys and the values it
 * sent then, Santa Fe and Popayán designated on 31 December 2005 (year only), no conference in
 * 2020, and XIV Santos 2022 naming none it replaces.
 */
function previousVersionOf(plan: HistoryPlan): HistoryPlan {
  const steps = plan.steps.flatMap((step): HistoryStep[] => {
    if ('meetingId' in step.payload && step.payload.meetingId === 'annual-conference-2020-santos') return [];
    if (step.kind === 'DesignateCity' && ['santa-fe', 'popayan'].includes(step.payload.cityId)) {
      return [{ ...step, payload: { ...step.payload, designatedOn: '2005-12-31' } }];
    }
    if (step.kind === 'ScheduleMeeting' && step.payload.replaces !== undefined) {
      const { replaces: _replaces, ...payload } = step.payload;
      const { after: _after, ...rest } = step;
      return [{ ...rest, payload }];
    }
    return [step];
  });
  return { steps, assumptions: [] };
}

describe('importing into a data directory the previous version of the import filled', () => {
  let registry: InProcessRegistry;
  let store: EventStore;
  let previous: ImportSummary;
  let amending: ImportSummary;
  let third: ImportSummary;
  let headBefore: number;
  let headAfterAmending: number;
  const actor = 'history-import';

  beforeAll(async () => {
    registry = await startRegistry();
    store = registry.app.get<EventStore>(EVENT_STORE);
    const commandBus = registry.app.get(CommandBus);
    const history = await readNetworkHistory(HISTORY_DIR);
    const rows = { cities: history.cities.length, conferences: history.conferences.length };
    // through the same write path and with the same keys as the previous version sent them
    previous = await importHistoryPlan(commandBus, previousVersionOf(planNetworkHistory(history)), rows, { actor });
    headBefore = await store.headPosition();
    amending = await importNetworkHistory(commandBus, history, { actor });
    headAfterAmending = await store.headPosition();
    third = await importNetworkHistory(commandBus, history, { actor });
    await registry.settled(await store.headPosition());
  }, 120_000);
  afterAll(() => registry?.close());

  const appendedSince = async (position: number) => (await store.readAll({ after: position, maxCount: 10_000 })).filter((e) => e.metadata['actor'] === actor);

  it('starts from what the previous version recorded: Santa Fe on 31 December 2005, 17 meetings', async () => {
    expect(previous).toMatchObject({ appended: 1 + 388 + 1 + 34, refused: [] });
    const santaFe = (await store.readStream('city-santa-fe'))[0]!;
    expect(santaFe).toMatchObject({ type: 'CityDesignated', data: { designatedOn: '2005-12-31' } });
  });

  it('amends with corrections, not second designations: Santa Fe, Popayán and the 2022 conference, and records the 2020 one', async () => {
    const events = await appendedSince(headBefore);
    expect(events.map((e) => [e.streamId, e.type])).toEqual([
      ['city-santa-fe', 'CityRecordCorrected'],
      ['city-popayan', 'CityRecordCorrected'],
      ['meeting-annual-conference-2020-santos', 'MeetingScheduled'],
      ['meeting-annual-conference-2020-santos', 'MeetingCancelled'],
      ['meeting-annual-conference-2022-santos', 'MeetingRecordCorrected'],
    ]);
    const [santaFe, popayan, , , santos2022] = events;
    expect(santaFe!.data).toEqual({
      cityId: 'santa-fe',
      reason: expect.stringContaining('SOURCES.md §1.2: ceremony 13 July 2005'),
      before: { designatedOn: '2005-12-31' },
      after: { designatedOn: '2005-07-13' },
    });
    expect(popayan!.data).toMatchObject({ before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-08-31' } });
    expect(santos2022!.data).toEqual({
      meetingId: 'annual-conference-2022-santos',
      reason: expect.stringContaining('postponed because of COVID-19'),
      before: {},
      after: { replaces: 'annual-conference-2020-santos' },
    });
    expect(await store.readStream('city-santa-fe')).toHaveLength(2);
    expect(amending).toMatchObject({ appended: 2, corrected: 3, alreadyOnRecord: 0, refused: [] });
    expect(amending.amended.map((r) => r.outcome)).toEqual([
      expect.objectContaining({ kind: 'corrected', correction: 'CorrectCityRecord' }),
      expect.objectContaining({ kind: 'corrected', correction: 'CorrectCityRecord' }),
      expect.objectContaining({ kind: 'corrected', correction: 'CorrectMeetingRecord' }),
    ]);
  });

  it('appends nothing the third time: the corrections are recognised by their own keys', async () => {
    expect(await appendedSince(headAfterAmending)).toEqual([]);
    expect(third).toMatchObject({ appended: 0, corrected: 0, alreadyOnRecord: 0, replayed: third.commands, refused: [] });
  });

  it('shows the 2022 conference as the one that replaced 2020 in the meetings read model', async () => {
    const meetings = (await registry.analyst.get('/api/analytics/meetings?year=2022')).body.items;
    expect(meetings).toEqual([expect.objectContaining({ meetingId: 'annual-conference-2022-santos', edition: 14, status: 'hosted', replaces: 'annual-conference-2020-santos' })]);
    expect((await registry.analyst.get('/api/analytics/meetings?limit=100')).body.total).toBe(18);
  });
});

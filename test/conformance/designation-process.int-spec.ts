import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DESIGNATION_OUTCOMES,
  DESIGNATION_PROCESS,
  DesignationProcess,
  handleCommand,
  loadCatalogue,
  type Clock,
  type CommandContext,
  type DesignationOutcome,
} from '@uccn/application';
import { applicationDecider, applicationStreamId, cityDecider, cityStreamId, type ApplicationCommand } from '@uccn/domain';
import { SqliteEventStore, type RecordedEvent } from '@uccn/event-store';
import { SqliteReadStore } from '@uccn/read-store';

/*
 * The designation process (DESIGN §2.6) on the real embedded stores, files in a temp directory:
 * a designated application leads to the city's CityDesignated exactly once, even when the
 * process dies between the city's append and its checkpoint.
 */

const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') };
const today = '2026-11-22';
const secretariat: CommandContext = { actor: 'unesco-secretariat', role: 'secretariat', correlationId: 'request-1' };

interface Stores {
  readonly events: SqliteEventStore;
  readonly reads: SqliteReadStore;
  close(): Promise<void>;
}

async function openStores(dir: string): Promise<Stores> {
  const events = await SqliteEventStore.open({ file: path.join(dir, 'events.db'), pollIntervalMs: 20 });
  const reads = await SqliteReadStore.open({ file: path.join(dir, 'read-models.db') });
  return {
    events,
    reads,
    close: async () => {
      await events.close();
      await reads.close();
    },
  };
}

/** Applies an application command through the real write path, as the API's handlers do. */
async function onApplication(stores: Stores, command: ApplicationCommand, correlationId = 'request-1') {
  return handleCommand(
    { store: stores.events, clock },
    { aggregateId: command.applicationId, streamId: applicationStreamId(command.applicationId), decider: applicationDecider, command: () => command },
    { ...secretariat, correlationId },
  );
}

/** Submits, endorses and (by default) designates: Norrköping's way in, seed 003. */
async function applyAndDecide(
  stores: Stores,
  a: { applicationId: string; cityId: string; cityName: string; country: string; field: string; decision?: 'designated' | 'not-designated' },
): Promise<RecordedEvent> {
  const { applicationId } = a;
  await onApplication(stores, {
    type: 'SubmitApplication',
    applicationId,
    cityId: a.cityId,
    cityName: a.cityName,
    country: a.country,
    field: a.field,
    callYear: 2017,
    submittedOn: '2017-06-14',
    catalogue: await loadCatalogue(stores.events),
    cities: {},
    today,
  });
  await onApplication(stores, { type: 'EndorseApplication', applicationId, endorsedOn: '2017-06-15', by: 'Swedish National Commission for UNESCO', today });
  await onApplication(
    stores,
    // the decision as the process met it in a race: the city designated after the decision was taken
    { type: 'DecideApplication', applicationId, decision: a.decision ?? 'designated', decidedOn: '2017-10-31', cities: {}, today },
    `decision-of-${applicationId}`,
  );
  const [decision] = await stores.events.readStream(applicationStreamId(applicationId), { direction: 'backwards', maxCount: 1 });
  if (decision?.type !== 'ApplicationDecided') throw new Error('expected the decision to be the last event');
  return decision;
}

const norrkoping = { applicationId: 'norrkoping-2017', cityId: 'norrkoping', cityName: 'Norrköping', country: 'SE', field: 'music' };

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const designationsOf = async (stores: Stores, cityId: string) =>
  (await stores.events.readStream(cityStreamId(cityId))).filter((e) => e.type === 'CityDesignated');

describe('the designation process on the embedded SQLite stores', () => {
  let dir: string;
  let stores: Stores;
  const running: DesignationProcess[] = [];

  const startProcess = (options: ConstructorParameters<typeof DesignationProcess>[1] = {}) => {
    const process = new DesignationProcess({ events: stores.events, reads: stores.reads, clock }, { retryDelayMs: 10, ...options });
    running.push(process);
    process.start();
    return process;
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
    stores = await openStores(dir);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop()));
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('designates Norrköping once after a crash between the city append and the checkpoint', async () => {
    const decision = await applyAndDecide(stores, norrkoping);

    // The first process appends the designation, then "dies" before every checkpoint: each
    // restart from the old checkpoint meets the decision again.
    const seen: DesignationOutcome[] = [];
    const crashing = startProcess({
      afterDesignation: (outcome) => {
        seen.push(outcome);
        throw new Error('simulated crash after the append, before the checkpoint');
      },
    });
    await until(() => seen.length >= 2, 'a restart after the crash');
    await crashing.stop();
    expect(crashing.position).toBeLessThan(decision.position);
    expect(await stores.reads.getCheckpoint(DESIGNATION_PROCESS) ?? 0).toBeLessThan(decision.position);
    expect(seen.map((o) => [o.outcome, o.replayed])).toEqual(seen.map((_, i) => ['designated', i > 0]));
    await stores.close();

    // A fresh process on the same files, as after a real restart.
    stores = await openStores(dir);
    const fresh = startProcess();
    await fresh.waitForPosition(decision.position);

    const designations = await designationsOf(stores, 'norrkoping');
    expect(designations).toHaveLength(1);
    expect(designations[0]!.data).toEqual({
      cityId: 'norrkoping',
      name: 'Norrköping',
      country: 'SE',
      field: 'music',
      designatedOn: '2017-10-31',
      applicationId: 'norrkoping-2017',
    });
    expect(designations[0]!.metadata).toMatchObject({
      actor: DESIGNATION_PROCESS,
      role: 'system',
      idempotencyKey: 'application:norrkoping-2017',
      correlationId: 'decision-of-norrkoping-2017',
      causationId: decision.id,
    });
    expect(await stores.reads.getCheckpoint(DESIGNATION_PROCESS)).toBeGreaterThanOrEqual(decision.position);
    expect(await stores.reads.get(DESIGNATION_OUTCOMES, 'norrkoping-2017')).toMatchObject({
      outcome: 'designated',
      replayed: true,
      cityId: 'norrkoping',
      decisionEventId: decision.id,
      cityRevision: 0,
      cityPosition: designations[0]!.position,
    });
  });

  it('appends nothing when started again over a log it has already followed', async () => {
    const decision = await applyAndDecide(stores, norrkoping);
    const first = startProcess();
    await until(async () => (await stores.reads.getCheckpoint(DESIGNATION_PROCESS) ?? 0) > decision.position, 'the designation');
    await first.stop();
    const head = await stores.events.headPosition();

    await stores.reads.deleteCheckpoint(DESIGNATION_PROCESS); // as after a lost read store: replay the whole log
    const second = startProcess();
    await second.waitForPosition(head);
    expect(await stores.events.headPosition()).toBe(head);
    expect(await designationsOf(stores, 'norrkoping')).toHaveLength(1);
  });

  it('records a refused designation and goes on to the next decision', async () => {
    // The secretariat designated Kraków directly; a later application for Kraków cannot designate it again.
    await handleCommand(
      { store: stores.events, clock },
      {
        aggregateId: 'krakow',
        streamId: cityStreamId('krakow'),
        decider: cityDecider,
        command: async () => ({
          type: 'DesignateCity' as const,
          cityId: 'krakow',
          name: 'Kraków',
          country: 'PL',
          field: 'literature',
          designatedOn: '2013-10-21',
          catalogue: await loadCatalogue(stores.events),
          today,
        }),
      },
      secretariat,
    );
    const refused = await applyAndDecide(stores, { applicationId: 'krakow-2017', cityId: 'krakow', cityName: 'Kraków', country: 'PL', field: 'film' });
    const katowice = await applyAndDecide(stores, { applicationId: 'katowice-2017', cityId: 'katowice', cityName: 'Katowice', country: 'PL', field: 'music' });
    const logged: string[] = [];
    const process = startProcess({ log: (m) => logged.push(m) });
    await process.waitForPosition(katowice.position);

    expect(await stores.reads.get(DESIGNATION_OUTCOMES, 'krakow-2017')).toMatchObject({
      outcome: 'refused',
      decisionEventId: refused.id,
      error: { code: 'CityAlreadyDesignated', kind: 'conflict' },
    });
    expect(logged.join('\n')).toContain('krakow-2017');
    const krakow = await stores.events.readStream(cityStreamId('krakow'));
    expect(krakow.map((e) => [e.type, e.data.field])).toEqual([['CityDesignated', 'literature']]);
    expect(await designationsOf(stores, 'katowice')).toHaveLength(1);
    expect(await stores.reads.get(DESIGNATION_OUTCOMES, 'katowice-2017')).toMatchObject({ outcome: 'designated', replayed: false });
  });

  it('designates nobody when UNESCO decided not to designate', async () => {
    const decision = await applyAndDecide(stores, { ...norrkoping, decision: 'not-designated' });
    const process = startProcess();
    await process.waitForPosition(decision.position);
    expect(await designationsOf(stores, 'norrkoping')).toHaveLength(0);
    expect(await stores.reads.get(DESIGNATION_OUTCOMES, 'norrkoping-2017')).toBeNull();
  });

  it('follows decisions made while it is live', async () => {
    const earlier = await applyAndDecide(stores, { applicationId: 'ostersund-2010', cityId: 'ostersund', cityName: 'Östersund', country: 'SE', field: 'gastronomy', decision: 'not-designated' });
    const process = startProcess();
    await process.waitForPosition(earlier.position);
    const decision = await applyAndDecide(stores, norrkoping);
    await process.waitForPosition(decision.position);
    expect(await designationsOf(stores, 'norrkoping')).toHaveLength(1);
  });
});

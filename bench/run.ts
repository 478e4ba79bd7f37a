import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@uccn/event-store';
import { measureApi, measureDesignations, type ApiFigures } from './sections/api.js';
import { measureAppends, type AppendFigures } from './sections/appends.js';
import type { RebuildFigures } from './children/rebuild.js';
import { Child, peakRssBytes } from './support/children.js';
import type { LoadFigures } from './support/load.js';
import { writeScaleLog } from './support/scale-log.js';
import { mb, ms, percent, perSecond, renderTable, times, type Row } from './support/table.js';

/**
 * `npm run bench`: the registry beside the limits of its parts, measured in the same run on the
 * same machine, because only ratios taken side by side mean anything on a shared, noisy host.
 * BENCH_QUICK=1 shrinks everything for a try-out; its figures are not the benchmark.
 */
const quick = process.env['BENCH_QUICK'] === '1';
const settings = {
  events: quick ? 100_000 : 1_000_000,
  cities: quick ? 10_000 : 100_000,
  connections: 100,
  seconds: quick ? 3 : 10,
  appendSeconds: quick ? 1 : 3,
  querySeconds: quick ? 2 : 4,
  lagSamples: quick ? 50 : 200,
};

const root = path.resolve(import.meta.dirname, '../..');
const workDir = path.join(root, 'run');
const child = (name: string) => new URL(`./children/${name}.js`, import.meta.url);
const log = (message: string) => process.stdout.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const began = performance.now();

let benchPeakRss = 0;
const sampler = setInterval(() => (benchPeakRss = Math.max(benchPeakRss, process.memoryUsage().rss)), 250);

async function main(): Promise<void> {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(workDir, 'scale'), { recursive: true });
  const childLog = path.join(root, 'children.log');
  fs.writeFileSync(childLog, '');
  log(`${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.versions.node}; data in ${workDir}`);

  log(`appends in the store (${settings.appendSeconds} s each)…`);
  const appends = await measureAppends(workDir, [1, 64], settings.appendSeconds);

  log('bare HTTP server…');
  const bareServer = Child.start(child('bare-server'), {}, childLog);
  const { port: barePort } = await bareServer.next('ready');
  await measureDesignations(`http://127.0.0.1:${barePort}`, settings.connections, 2, 'warm-up');
  const bareCpuBefore = await bareServer.cpuMicros();
  const bare = await measureDesignations(`http://127.0.0.1:${barePort}`, settings.connections, settings.seconds, 'bench');
  const bareCpuMsPerRequest = ((await bareServer.cpuMicros()) - bareCpuBefore) / 1000 / Math.max(1, bare.requestsPerSecond * settings.seconds);
  await bareServer.stop();

  log(`writing ${settings.events.toLocaleString('en-US')} events (${settings.cities.toLocaleString('en-US')} cities) through the store port…`);
  const scaleDir = path.join(workDir, 'scale');
  const seedStarted = performance.now();
  const store = await SqliteEventStore.open({ file: path.join(scaleDir, 'events.db') });
  const written = await writeScaleLog(store, settings);
  await store.close();
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`  ${written.toLocaleString('en-US')} events in ${seedSeconds.toFixed(0)} s`);

  log('raw scan of the log, then every projection rebuilt from position 0…');
  const rebuildJob = Child.start(child('rebuild'), { BENCH_DATA_DIR: scaleDir }, childLog);
  const rebuildDone = await rebuildJob.next('done');
  const rebuild = rebuildDone.result as RebuildFigures;
  if (rebuild.failed.length > 0) throw new Error(`projections did not reach the head:\n${rebuild.failed.join('\n')}`);
  log(`  ${rebuild.rebuildSeconds.toFixed(1)} s`);
  log('the log anchored and the designation process at the head, as in a running registry (not timed)…');
  await Child.start(child('settle'), { BENCH_DATA_DIR: scaleDir }, childLog).next('done');

  log('the registry over HTTP on the large log: designations, reports, queries, lag…');
  const api = Child.start(child('api-server'), { BENCH_DATA_DIR: scaleDir }, childLog);
  const { port } = await api.next('ready');
  const apiFigures = await measureApi(`http://127.0.0.1:${port}`, settings, () => api.cpuMicros());
  const apiPeakRss = await api.stop();

  clearInterval(sampler);
  const seconds = (performance.now() - began) / 1000;
  const rows = tableRows({ appends, bare, bareCpuMsPerRequest, rebuild, api: apiFigures, apiPeakRss, rebuildPeakRss: rebuildDone.peakRssBytes });
  const table = renderTable(rows);
  const summary = [
    `npm run bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`,
    `${settings.events.toLocaleString('en-US')} events, ${settings.cities.toLocaleString('en-US')} cities${quick ? ' (BENCH_QUICK: not the benchmark)' : ''}; whole run ${seconds.toFixed(0)} s (writing the log ${seedSeconds.toFixed(0)} s); bench process peak RSS ${mb(Math.max(benchPeakRss, peakRssBytes()))}`,
  ].join('\n');
  process.stdout.write(`\n${summary}\n\n${table}\n`);
  fs.writeFileSync(path.join(root, 'latest.md'), `${summary}\n\n${table}\n`);
  fs.writeFileSync(path.join(root, 'latest.json'), JSON.stringify({ settings, seconds, seedSeconds, appends, bare, bareCpuMsPerRequest, rebuild, api: apiFigures, apiPeakRss, rebuildPeakRss: rebuildDone.peakRssBytes }, null, 2));
  fs.rmSync(workDir, { recursive: true, force: true });
}

/** the register as of a date has the tighter bound of issue 16; the other queries 50 ms */
const QUERY_TARGET_MS: Readonly<Record<string, number>> = { 'register as of a date': 25 };

interface Figures {
  readonly appends: AppendFigures;
  readonly bare: LoadFigures;
  readonly bareCpuMsPerRequest: number;
  readonly rebuild: RebuildFigures;
  readonly api: ApiFigures;
  readonly apiPeakRss: number;
  readonly rebuildPeakRss: number;
}

function tableRows({ appends, bare, bareCpuMsPerRequest, rebuild, api, apiPeakRss, rebuildPeakRss }: Figures): Row[] {
  const { designations, reports } = api;
  const raw = appends.rawOnePerTransaction;
  const rows: Row[] = [
    {
      what: 'designations over HTTP (100 connections, a new stream each)',
      measured: perSecond(designations.requestsPerSecond),
      beside: `bare node:http ${perSecond(bare.requestsPerSecond)}`,
      ratio: percent(designations.requestsPerSecond, bare.requestsPerSecond),
      target: '≥ 10 %',
      met: designations.requestsPerSecond >= 0.1 * bare.requestsPerSecond,
    },
    {
      what: '  its latency p50 / p99',
      measured: `${ms(designations.p50Ms)} / ${ms(designations.p99Ms)}`,
      beside: `bare ${ms(bare.p50Ms)} / ${ms(bare.p99Ms)}`,
      target: 'p99 ≤ 100 ms',
      met: designations.p99Ms <= 100,
    },
    {
      what: '  CPU of the server process per request (all threads, getrusage)',
      measured: `${api.cpuMsPerDesignation.toFixed(3)} ms`,
      beside: `bare ${bareCpuMsPerRequest.toFixed(3)} ms`,
      ratio: times(api.cpuMsPerDesignation, bareCpuMsPerRequest),
    },
    {
      what: '  answers other than 2xx, errors',
      measured: `${designations.non2xx}, ${designations.errors}`,
      beside: `bare ${bare.non2xx}, ${bare.errors}`,
      target: '0',
      met: designations.non2xx === 0 && designations.errors === 0,
    },
    {
      what: 'reports over HTTP (100 connections, 1,000 existing streams)',
      measured: perSecond(reports.requestsPerSecond),
      beside: `bare node:http ${perSecond(bare.requestsPerSecond)}`,
      ratio: percent(reports.requestsPerSecond, bare.requestsPerSecond),
    },
    {
      what: '  its latency p50 / p99; non-2xx, errors',
      measured: `${ms(reports.p50Ms)} / ${ms(reports.p99Ms)}; ${reports.non2xx}, ${reports.errors}`,
      target: '0 non-2xx',
      met: reports.non2xx === 0 && reports.errors === 0,
    },
    {
      what: 'command-style durable appends, concurrency 1',
      measured: perSecond(appends.commands[1]!),
      beside: `better-sqlite3 1 event/txn FULL ${perSecond(raw)}`,
      ratio: times(appends.commands[1]!, raw),
    },
    {
      what: 'command-style durable appends, concurrency 64 (group commit)',
      measured: perSecond(appends.commands[64]!),
      beside: `better-sqlite3 1 event/txn FULL ${perSecond(raw)}; 100/txn ${perSecond(appends.rawHundredPerTransaction)}`,
      ratio: times(appends.commands[64]!, raw),
      target: '≥ 3×',
      met: appends.commands[64]! >= 3 * raw,
    },
    {
      what: `projection rebuild, all ${8} read models from ${rebuild.events.toLocaleString('en-US')} events`,
      measured: `${perSecond(rebuild.rebuildPerSecond)} (${rebuild.rebuildSeconds.toFixed(1)} s)`,
      beside: `raw scan + JSON.parse ${perSecond(rebuild.rawScanPerSecond)}`,
      ratio: percent(rebuild.rebuildPerSecond, rebuild.rawScanPerSecond),
      target: '≥ 12 %',
      met: rebuild.rebuildPerSecond >= 0.12 * rebuild.rawScanPerSecond,
    },
  ];
  for (const [name, figures] of Object.entries(api.queries)) {
    const bound = QUERY_TARGET_MS[name] ?? 50;
    rows.push({ what: `query: ${name}, p50 / p99`, measured: `${ms(figures.p50Ms)} / ${ms(figures.p99Ms)}`, target: `p99 ≤ ${bound} ms`, met: figures.p99Ms <= bound && figures.non2xx === 0 });
  }
  const { longStream } = api;
  rows.push({
    what: `a command on a stream of ${longStream.events.toLocaleString('en-US')} events (1 connection), p50 / p99`,
    measured: `${ms(longStream.long.p50Ms)} / ${ms(longStream.long.p99Ms)}, ${perSecond(longStream.long.requestsPerSecond)}`,
    beside: `on a new stream ${ms(longStream.fresh.p50Ms)} / ${ms(longStream.fresh.p99Ms)}, ${perSecond(longStream.fresh.requestsPerSecond)}`,
    ratio: times(longStream.fresh.requestsPerSecond, longStream.long.requestsPerSecond),
    target: '≤ 2× the latency',
    met: longStream.long.requestsPerSecond * 2 >= longStream.fresh.requestsPerSecond && longStream.long.non2xx === 0,
  });
  rows.push(
    {
      what: `projection lag, 201 → in the directory, p50 / p99 (${api.lag.samples} commands)`,
      measured: `${ms(api.lag.p50Ms)} / ${ms(api.lag.p99Ms)}`,
      target: 'p99 ≤ 100 ms',
      met: api.lag.p99Ms <= 100,
    },
    { what: 'peak RSS, the API process (whole HTTP part)', measured: mb(apiPeakRss), target: '≤ 500 MB', met: apiPeakRss <= 500 * 2 ** 20 },
    { what: 'peak RSS, the rebuild process', measured: mb(rebuildPeakRss), target: '≤ 500 MB', met: rebuildPeakRss <= 500 * 2 ** 20 },
  );
  return rows;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

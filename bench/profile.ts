import fs from 'node:fs';
import path from 'node:path';
import { SqliteEventStore } from '@uccn/event-store';
import type { RebuildFigures } from './children/rebuild.js';
import { measureDesignations, measureLongStreamReports } from './sections/api.js';
import { Child } from './support/children.js';
import type { LoadFigures } from './support/load.js';
import { writeScaleLog } from './support/scale-log.js';

/**
 * `npm run bench:profile -- <load>`: the API child of the bench under `node --cpu-prof`, on a
 * log of PROFILE_EVENTS events (100,000 by default) already projected, under one load:
 * - `designations`: 100 connections, a new stream each (the bench's command figure);
 * - `long`: one connection, reports on the city of 5,000 events;
 * - `idle`: no load (what the process costs at rest: its start, the anchors);
 * - `rebuild`: every read model rebuilt from position 0 (the bench's rebuild child).
 * Writes the profile and a summary of self time by package / library and by function to
 * bench-results/profiles/. UCCN_RUN_PROJECTIONS=false leaves the projections out of the process.
 */
const kind = process.argv[2] ?? 'designations';
const events = Number(process.env['PROFILE_EVENTS'] ?? 100_000);
const seconds = Number(process.env['PROFILE_SECONDS'] ?? 10);
const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, `run-profile-${events}`);
const profiles = path.join(root, 'profiles');
/** ids of this run: runs on the same log must not designate the same cities */
const stamp = Date.now().toString(36);
const child = (name: string) => new URL(`./children/${name}.js`, import.meta.url);

async function main(): Promise<void> {
  const childLog = path.join(root, 'profile-children.log');
  fs.writeFileSync(childLog, '');
  const marker = path.join(dir, 'seeded');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const store = await SqliteEventStore.open({ file: path.join(dir, 'events.db') });
    await writeScaleLog(store, { events, cities: events / 10 });
    await store.close();
    const rebuild = Child.start(child('rebuild'), { BENCH_DATA_DIR: dir }, childLog);
    await rebuild.next('done');
    await Child.start(child('settle'), { BENCH_DATA_DIR: dir }, childLog).next('done');
    fs.writeFileSync(marker, '');
  }
  // each profile run works on a copy, so runs compare on the same log
  const work = path.join(root, 'run-profile-work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(fs.realpathSync(dir), work, { recursive: true });
  // the copy's 2 GB on disk before the measurement, not written back under it (it held up the fsyncs measured)
  for (const name of fs.readdirSync(work)) {
    const fd = fs.openSync(path.join(work, name), 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }

  fs.mkdirSync(profiles, { recursive: true });
  const before = new Set(fs.readdirSync(profiles));
  // PROFILE_CPU_ONLY=1: no profiler (its own cost), only the figures
  const cpuOnly = process.env['PROFILE_CPU_ONLY'] === '1';
  if (kind === 'rebuild') {
    // every read model from position 0, as the bench's rebuild does
    fs.rmSync(path.join(work, 'read-models.db'), { force: true });
    const job = Child.start(child('rebuild'), { BENCH_DATA_DIR: work }, childLog, cpuOnly ? [] : ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
    const { result, peakRssBytes } = await job.next('done');
    const figures = result as RebuildFigures;
    await new Promise((resolve) => job.process.once('exit', resolve));
    const header = `rebuild: ${Math.round(figures.rebuildPerSecond)}/s (${figures.rebuildSeconds.toFixed(1)} s), raw scan ${Math.round(figures.rawScanPerSecond)}/s, ${((figures.rebuildPerSecond / figures.rawScanPerSecond) * 100).toFixed(1)} %, peak RSS ${Math.round(peakRssBytes / 2 ** 20)} MB\n`;
    if (cpuOnly) process.stdout.write(header);
    else report(before, header, figures.events);
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  const api = Child.start(child('api-server'), { BENCH_DATA_DIR: work }, childLog, cpuOnly ? [] : ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
  const { port } = await api.next('ready');
  const base = `http://127.0.0.1:${port}`;
  let figures: LoadFigures | null = null;
  let cpuBefore = await api.cpuMicros();
  if (kind === 'designations') {
    await measureDesignations(base, 100, 2, `warm-${stamp}`);
    cpuBefore = await api.cpuMicros();
    figures = await measureDesignations(base, 100, seconds, `prof-${stamp}`);
  } else if (kind === 'long') {
    figures = await measureLongStreamReports(base, seconds, `prof-${stamp}`);
  } else {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  const cpu = (await api.cpuMicros()) - cpuBefore;
  await api.stop();
  const requests = figures ? figures.requestsPerSecond * seconds : 0;
  const perRequest = requests > 0 ? `; process CPU ${(cpu / requests / 1000).toFixed(3)} ms per request (getrusage, robust to the machine's load)` : '';
  const header = figures ? `${kind}: ${Math.round(figures.requestsPerSecond)}/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}${perRequest}\n` : `${kind}\n`;
  if (cpuOnly) process.stdout.write(header);
  else report(before, figures ? `${kind}: ${Math.round(figures.requestsPerSecond)}/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}${perRequest}\n` : `${kind}\n`, requests);
  fs.rmSync(work, { recursive: true, force: true });
}

/** Names the profile the child wrote, and writes and prints its summary beside it. */
function report(before: ReadonlySet<string>, header: string, units: number): void {
  const written = fs.readdirSync(profiles).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  if (!written) throw new Error('no profile written');
  const name = `${kind}${process.env['UCCN_RUN_PROJECTIONS'] === 'false' ? '-no-projections' : ''}-${events}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(path.join(profiles, written), path.join(profiles, `${name}.cpuprofile`));
  const summary = summarise(JSON.parse(fs.readFileSync(path.join(profiles, `${name}.cpuprofile`), 'utf8')) as CpuProfile, units);
  fs.writeFileSync(path.join(profiles, `${name}.txt`), header + summary);
  process.stdout.write(header + summary);
}

interface CpuProfile {
  readonly nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** Self time by where the code lives (a package, one of our libraries, Node itself) and by function. */
export function summarise(profile: CpuProfile, requests: number): string {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const micros = byNode.get(node.id) ?? 0;
    if (micros === 0) continue;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    if (area === '(idle)') continue;
    busy += micros;
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  const lines = [`busy ${(busy / 1e6).toFixed(2)} s${requests ? `, ${(busy / requests / 1000).toFixed(3)} ms of CPU per request or event (${Math.round(requests)})` : ''}`, '', 'self time by area:'];
  for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${area}`);
  lines.push('', 'self time by function (top 40):');
  for (const [fn, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40)) lines.push(`  ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${fn}`);
  return `${lines.join('\n')}\n`;
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(libs|apps)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|libs|apps)\//, '$1/');

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import { bearer } from '../support/keys.js';
import { load, type LoadFigures } from '../support/load.js';
import { cityIdOf, countryOf, fieldOf, LONG_STREAM_CITY, LONG_STREAM_EVENTS, withdraws } from '../support/scale-log.js';

/** What the registry answers over HTTP on the large log. */
export interface ApiFigures {
  readonly designations: LoadFigures;
  /** CPU time of the API process (all its threads) per designation acknowledged, in ms */
  readonly cpuMsPerDesignation: number;
  readonly reports: LoadFigures;
  readonly queries: Readonly<Record<string, LoadFigures>>;
  readonly lag: { readonly p50Ms: number; readonly p99Ms: number; readonly samples: number };
  /** one connection: a report on a stream of LONG_STREAM_EVENTS events beside a designation (a new stream) */
  readonly longStream: { readonly events: number; readonly long: LoadFigures; readonly fresh: LoadFigures };
}

export const designationBody = (prefix: string, n: number) =>
  JSON.stringify({ cityId: `${prefix}-${n}`, name: `Bench City ${n}`, country: countryOf(n), field: fieldOf(n), designatedOn: '2019-10-31' });

/** 1,000 member cities of the large log (none of them withdrawn), for reports on existing streams. */
function memberCities(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) if (!withdraws(i)) ids.push(cityIdOf(i));
  return ids;
}

export async function measureDesignations(base: string, connections: number, seconds: number, prefix: string): Promise<LoadFigures> {
  return load({
    url: base,
    connections,
    seconds,
    method: 'POST',
    headers: bearer('secretariat'),
    next: (n) => ({ path: '/api/admin/cities', body: designationBody(prefix, n) }),
  });
}

async function measureReports(base: string, connections: number, seconds: number): Promise<LoadFigures> {
  const cities = memberCities(1000);
  return load({
    url: base,
    connections,
    seconds,
    method: 'POST',
    headers: bearer('secretariat'),
    next: (n) => ({
      path: `/api/admin/cities/${cities[n % cities.length]}/reports`,
      body: JSON.stringify({ reportId: `bench-${n}`, kind: 'membership-monitoring', periodStart: '2025-01-01', periodEnd: '2025-12-31', submittedOn: '2026-01-10' }),
    }),
  });
}

/**
 * What a command costs on a long stream against a new one, each alone on one connection so the
 * figure is its latency and not a queue: reports on the scale log's city of 5,000 events, then
 * designations of new cities.
 */
async function measureLongStream(base: string, seconds: number): Promise<ApiFigures['longStream']> {
  const long = await measureLongStreamReports(base, seconds, 'bench-long');
  const fresh = await measureDesignations(base, 1, seconds, 'single');
  return { events: LONG_STREAM_EVENTS, long, fresh };
}

/** Reports, one connection, on the scale log's city of LONG_STREAM_EVENTS events; ids from `prefix`. */
export async function measureLongStreamReports(base: string, seconds: number, prefix: string): Promise<LoadFigures> {
  return load({
    url: base,
    connections: 1,
    seconds,
    method: 'POST',
    headers: bearer('secretariat'),
    next: (n) => ({
      path: `/api/admin/cities/${LONG_STREAM_CITY}/reports`,
      body: JSON.stringify({ reportId: `${prefix}-${n}`, kind: 'membership-monitoring', periodStart: '2025-01-01', periodEnd: '2025-12-31', submittedOn: '2026-01-10' }),
    }),
  });
}

/** Each query alone (one connection), so its figure is its own cost and not a queue. */
async function measureQueries(base: string, seconds: number): Promise<Record<string, LoadFigures>> {
  const queries: Record<string, { path: string; role: 'auditor' | 'analyst' }> = {
    'register as of a date': { path: '/api/audit/membership?asOf=2015-06-30', role: 'auditor' },
    'directory by field and country': { path: `/api/analytics/cities?field=${fieldOf(3)}&country=${countryOf(3)}`, role: 'analyst' },
    summary: { path: '/api/analytics/summary', role: 'analyst' },
  };
  const figures: Record<string, LoadFigures> = {};
  for (const [name, { path, role }] of Object.entries(queries)) {
    figures[name] = await load({ url: `${base}${path}`, connections: 1, seconds, headers: bearer(role) });
  }
  return figures;
}

/**
 * From a designation's 201 to the city in the directory: a command, then the directory asked
 * again and again until it answers 200. The figure includes one directory round trip.
 */
async function measureLag(base: string, samples: number): Promise<ApiFigures['lag']> {
  const lags: number[] = [];
  for (let n = 0; n < samples; n++) {
    const created = await fetch(`${base}/api/admin/cities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('secretariat') },
      body: designationBody('lag', n),
    });
    const acknowledged = performance.now();
    if (created.status !== 201) throw new Error(`designation for the lag answered ${created.status}: ${await created.text()}`);
    await created.arrayBuffer();
    for (;;) {
      const found = await fetch(`${base}/api/analytics/cities/lag-${n}`, { headers: bearer('analyst') });
      await found.arrayBuffer();
      if (found.status === 200) break;
      if (performance.now() - acknowledged > 10_000) throw new Error(`lag-${n} never reached the directory`);
    }
    lags.push(performance.now() - acknowledged);
  }
  return { p50Ms: percentile(lags, 50), p99Ms: percentile(lags, 99), samples };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** CPU time a server child has used so far, in µs (Child.cpuMicros) */
export type CpuClock = () => Promise<number>;

export async function measureApi(
  base: string,
  settings: { connections: number; seconds: number; querySeconds: number; lagSamples: number },
  cpuMicros: CpuClock,
): Promise<ApiFigures> {
  await measureDesignations(base, settings.connections, 2, 'warm-up');
  const cpuBefore = await cpuMicros();
  const designations = await measureDesignations(base, settings.connections, settings.seconds, 'bench');
  const cpuMsPerDesignation = ((await cpuMicros()) - cpuBefore) / 1000 / Math.max(1, designations.requestsPerSecond * settings.seconds);
  const reports = await measureReports(base, settings.connections, settings.seconds);
  const queries = await measureQueries(base, settings.querySeconds);
  const lag = await measureLag(base, settings.lagSamples);
  const longStream = await measureLongStream(base, settings.querySeconds);
  return { designations, cpuMsPerDesignation, reports, queries, lag, longStream };
}

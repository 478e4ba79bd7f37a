import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '@uccn/application';
import { ApiClient, eventually } from './support/http-client.js';
import { cli, MAIN, ROOT, type Run } from './support/cli.js';
import { freePort, newDataDir, startRegistry } from './support/registry-server.js';

describe('the command line, as its own process on the same stores as the API', () => {
  const dataDir = newDataDir();
  let first: Run;

  beforeAll(async () => {
    first = await cli(dataDir, 'import');
  });

  it('imports the real history with progress on stderr, and a summary that names each refusal and assumption', () => {
    expect(first.code).toBe(0);
    // stderr is not a terminal here: plain progress lines instead of a redrawn bar
    // 424 commands until the import recorded the 2020 conference called off (schedule, cancel)
    expect(first.stderr).toMatch(/^import: 426\/426 /m);
    expect(first.stdout).toContain('426 commands: 426 appended, 0 amended by a correction, 0 already imported');
    expect(first.stdout).toContain('0 already on record, 0 refused');
    expect(first.stdout).toContain('designation day unknown (2004–2013, designated one by one, year only): recorded as 31 December of the year');
    expect(first.stdout).toContain('conference dates unknown: recorded as a one-day meeting on 1 July of its year');
    expect(first.stdout).toContain('designation day given by the sources, not the CSV: Santa Fe (US): 2005-07-13');
    expect(first.stdout).toContain('cancellation day unknown: recorded on the eve of the planned first day, when it was certainly called off: 2020 Santos: 2020-07-12');
  });

  it('imports nothing the second time', async () => {
    const again = await cli(dataDir, 'import');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('426 commands: 0 appended, 0 amended by a correction, 426 already imported');
  });

  it('verifies the hash chain', async () => {
    const run = await cli(dataDir, 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok: 426 events verified/);
  });

  it('exports the audit trail as CSV, one row per event, data as JSON', async () => {
    const file = path.join(dataDir, 'audit.csv');
    const run = await cli(dataDir, 'export', 'audit', '--out', file);
    expect(run.code).toBe(0);
    const rows = parseCsv(fs.readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(426);
    expect(rows[0]).toMatchObject({ position: '1', streamId: 'network', type: 'CreativeFieldAdded', actor: expect.stringMatching(/^cli:/), role: 'secretariat' });
    const lyon = rows.find((r) => r['type'] === 'CityFieldChanged');
    expect(JSON.parse(lyon!['data']!)).toEqual({ cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' });
  });

  it('rebuilds a read model from the log, which then exports every city', async () => {
    const run = await cli(dataDir, 'rebuild', 'city-directory');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/city-directory: generation 2 serves/);
    const exported = await cli(dataDir, 'export', 'city-directory');
    const cities = parseCsv(exported.stdout);
    expect(cities).toHaveLength(388);
    expect(cities.find((c) => c['id'] === 'ostersund')).toMatchObject({ name: 'Östersund', field: 'gastronomy', designatedOn: '2010-12-31' });
  });

  it('refuses a projection it does not know, naming those it does', async () => {
    const run = await cli(dataDir, 'rebuild', 'cities');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('one of: field-catalogue, city-directory');
  });
});

describe('the CSV export, opened in a spreadsheet', () => {
  it('writes a name that a spreadsheet would run as a formula as text (OWASP: a single quote before it), every field quoted', async () => {
    const dataDir = newDataDir();
    const registry = await startRegistry({ dataDir });
    const name = `=cmd|' /C calc'!A0`;
    try {
      const designated = await registry.secretariat.post('/api/admin/cities', { cityId: 'formula', name, country: 'FR', field: 'film', designatedOn: '2019-10-31' });
      expect(designated.status).toBe(201);
      await registry.settled(designated.body.position);
    } finally {
      await registry.close();
    }

    const exported = await cli(dataDir, 'export', 'city-directory');

    expect(exported.code).toBe(0);
    const [header, row] = exported.stdout.split('\r\n');
    expect(header).toMatch(/^"id",/);
    expect(row).toContain(`"'${name}"`);
    expect(row).not.toMatch(/(^|,)=/);
    expect(parseCsv(exported.stdout)).toEqual([expect.objectContaining({ id: 'formula', name: `'${name}` })]);
  });
});

describe('npm run demo', () => {
  it('serves the real network from a fresh data directory and prints where and with which keys', async () => {
    const port = await freePort();
    const dataDir = path.join(newDataDir(), 'demo');
    const child = spawn(process.execPath, [MAIN, 'demo', '--data-dir', dataDir], {
      cwd: ROOT,
      // no keys configured: the demo generates and prints them
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', UCCN_API_KEYS: '', UCCN_API_KEYS_FILE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await eventually(async () => {
        if (child.exitCode !== null) throw new Error(`demo exited: ${output}`);
        if (!output.includes('Ctrl-C')) throw new Error('not serving yet');
      }, 60_000);
      expect(output).toContain(`dashboard   http://localhost:${port}/`);
      expect(output).toContain(`API docs    http://localhost:${port}/docs`);
      const analystKey = /^ {2}analyst +(\S+)$/m.exec(output)?.[1];
      const summary = await new ApiClient(`http://127.0.0.1:${port}`, analystKey).get('/api/analytics/summary');
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ members: 388 });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

import * as path from 'node:path';
import Database from 'better-sqlite3';
import { READ_MODELS_FILE } from '@uccn/runtime';
import { eventually, type ApiClient } from './support/http-client.js';
import { registrySuite } from './support/registry-suite.js';

const lyon = { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-24' };

/**
 * An unexpected failure, not staged by a test double: Lyon's row in the city directory is
 * overwritten with bytes that are not JSON (its indexes dropped first), as a damaged file or a
 * careless hand would leave it.
 * SQLite then fails the query in a way no handler expects. The client must get a bare 500
 * problem+json with nothing but a correlation id, and the log must carry that id with the cause.
 * (One app per file: nestjs-pino keeps one destination per process.)
 */
describe('an unexpected error', () => {
  const written: string[] = [];
  const registry = registrySuite({ env: { UCCN_LOG_LEVEL: 'info' }, logDestination: { write: (line: string) => void written.push(line) } });
  let analyst: ApiClient;
  let dataDir: string;

  beforeAll(async () => {
    ({ analyst, dataDir } = registry);
    const designated = await registry.accepted('/api/admin/cities', lyon);
    await registry.settled(designated.body.position);
    expect((await analyst.get('/api/analytics/cities/lyon')).status).toBe(200);
  });

  it('answers a bare 500 problem+json whose correlation id the log carries with the cause', async () => {
    const db = new Database(path.join(dataDir, READ_MODELS_FILE));
    try {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%city-directory%cities%'`).all() as { name: string }[];
      expect(tables.length).toBeGreaterThan(0);
      for (const { name } of tables) {
        // its expression indexes would refuse the damage: they go first
        const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(name) as { name: string }[];
        for (const index of indexes) db.prepare(`DROP INDEX "${index.name}"`).run();
        db.prepare(`UPDATE "${name}" SET doc = 'not json {' WHERE id = 'lyon'`).run();
      }
    } finally {
      db.close();
    }

    const answer = await analyst.get('/api/analytics/cities?country=FR', { 'x-correlation-id': 'broken-directory-1' });

    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toEqual({
      type: expect.stringMatching(/internal-error$/),
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
      instance: '/api/analytics/cities?country=FR',
      correlationId: 'broken-directory-1',
    });
    // nothing of the cause leaks: no SQL, no message, no stack, no path
    expect(JSON.stringify(answer.body)).not.toMatch(/json|sqlite|malformed|at |\/tmp|\.ts/i);

    const logged = await eventually(async () => {
      const line = written.map((l) => JSON.parse(l) as Record<string, any>).find((l) => l.level >= 50 && JSON.stringify(l).includes('broken-directory-1'));
      if (!line) throw new Error('no error line with the correlation id');
      return JSON.stringify(line);
    });
    expect(logged).toMatch(/malformed JSON/i);
  });
});

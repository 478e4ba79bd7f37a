import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { canonicalJson, LOG_ANCHORED } from '@uccn/application';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '@uccn/event-store';
import { ALL_PROJECTIONS, ReadModels, readProjectionStatuses } from '@uccn/projections';
import { SqliteReadStore } from '@uccn/read-store';
import { documentsOf, projectEvents } from '../support/project-events.js';
import { freePort, newDataDir, spawnRegistry } from './support/registry-server.js';

const CITIES = 2_000;
const REPORTS_PER_CITY = 4; // 2,000 × (1 designation + 4 reports) = 10,000 events

/** A real history written straight into the log, as an importer running before the API would. */
async function writeHistory(file: string): Promise<void> {
  const store = await SqliteEventStore.open({ file });
  const meta = (i: number) => ({ actor: 'importer', role: 'secretariat', correlationId: `import-${i}`, causationId: `import-${i}`, recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 });
  const ev = (type: string, data: Record<string, unknown>, i: number): NewEvent => ({ id: crypto.randomUUID(), type, data, metadata: meta(i) });
  await Promise.all(
    Array.from({ length: CITIES }, (_, i) => {
      const cityId = `city-${i}`;
      const year = 2004 + (i % 15);
      const events = [
        ev('CityDesignated', { cityId, name: `City ${i}`, country: ['SE', 'PL', 'IT', 'FR'][i % 4], field: ['music', 'film', 'design', 'literature'][i % 4], designatedOn: `${year}-10-31` }, i),
        ...Array.from({ length: REPORTS_PER_CITY }, (_, r) =>
          ev('ReportSubmitted', { cityId, reportId: `r${r}`, kind: r % 2 ? 'national-annual' : 'membership-monitoring', periodStart: `${year + r}-01-01`, periodEnd: `${year + r}-12-31`, submittedOn: `${year + r + 1}-01-15` }, i),
        ),
      ];
      return store.append(`city-${cityId}`, events, 'no-stream');
    }),
  );
  await store.close();
}

const digest = (docs: unknown) => createHash('sha256').update(canonicalJson(docs)).digest('hex');

describe('a server killed with SIGKILL during the projections’ catch-up of 10,000 events', () => {
  it('converges after restart to read models equal to a from-scratch fold of the log, document for document', async () => {
    const dataDir = newDataDir();
    await writeHistory(path.join(dataDir, 'events.db'));
    const port = await freePort();

    // small batches so that the kill lands in the middle of the catch-up
    const first = await spawnRegistry(dataDir, port, { env: { UCCN_PROJECTION_BATCH_SIZE: '50' } });
    const { analyst } = first;
    for (;;) {
      const total = (await analyst.get('/api/analytics/cities?limit=1')).body.total;
      if (total > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await first.kill('SIGKILL');

    const second = await spawnRegistry(dataDir, port);
    const events = await SqliteEventStore.open({ file: path.join(dataDir, 'events.db') });
    const reads = await SqliteReadStore.open({ file: path.join(dataDir, 'read-models.db') });
    try {
      for (;;) {
        // asked each time: the server appends the log's anchors as it goes
        const head = await events.headPosition();
        const statuses = await readProjectionStatuses(ALL_PROJECTIONS, events, reads);
        expect(statuses.filter((s) => s.state === 'failed')).toEqual([]);
        if (statuses.every((s) => s.position === head)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await second.kill('SIGTERM');

      const log: RecordedEvent[] = [];
      for (let after = 0; ; ) {
        const page = await events.readAll({ after, maxCount: 5_000 });
        if (page.length === 0) break;
        log.push(...page);
        after = page.at(-1)!.position;
      }
      // every event of the history is there once (besides the anchors the server added)
      expect(log.filter((e) => e.type !== LOG_ANCHORED)).toHaveLength(CITIES * (1 + REPORTS_PER_CITY));
      const readModels = new ReadModels(reads);
      for (const definition of ALL_PROJECTIONS) {
        const expected = await projectEvents(definition, log);
        for (const collection of Object.keys(definition.collections)) {
          const stored = await (await readModels.collection(definition.name, collection)).find({ sort: [['id', 1]], limit: 1_000_000 });
          const fromScratch = documentsOf(expected, collection);
          expect({ projection: definition.name, collection, count: stored.length, hash: digest(stored) }).toEqual({
            projection: definition.name,
            collection,
            count: fromScratch.length,
            hash: digest(fromScratch),
          });
        }
      }
    } finally {
      await events.close();
      await reads.close();
      if (second.child.exitCode === null) await second.kill('SIGKILL');
    }
  });
});

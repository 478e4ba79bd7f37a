import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { DomainEvent } from '@uccn/domain';
import { SqliteEventStore } from '@uccn/event-store';
import { envelope } from '../shared/event-envelope.js';
import { anchorsIn, LOG_ANCHORS_STREAM } from './log-anchor.js';
import { LogAnchorProcess } from './log-anchor.process.js';
import { VerifyLogHandler } from './event-log.queries.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const context = { actor: 'secretariat-test', role: 'secretariat', correlationId: 'c-1' };

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A real SQLite log in a temp dir, and a writer that chains each stream's hashes as the app does. */
async function aLog() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-anchor-'));
  tempDirs.push(dir);
  const file = path.join(dir, 'events.db');
  const heads = new Map<string, { revision: number; lastHash: string | null }>();
  let store = await SqliteEventStore.open({ file });
  const designate = async (cityId: string) => {
    const streamId = `city-${cityId}`;
    const head = heads.get(streamId) ?? { revision: -1, lastHash: null };
    const event = { type: 'CityReported', data: { cityId, n: head.revision + 1 } } as unknown as DomainEvent;
    const [proposed] = envelope([event], context, { streamId, ...head }, clock.now());
    const { position } = await store.append(streamId, [proposed!], head.revision < 0 ? 'no-stream' : head.revision);
    heads.set(streamId, { revision: head.revision + 1, lastHash: proposed!.metadata['hash'] as string });
    return position;
  };
  return {
    get store() {
      return store;
    },
    designate,
    verify: () => new VerifyLogHandler(store).execute(),
    anchors: async () => anchorsIn(await store.readStream(LOG_ANCHORS_STREAM)),
    /** closes the store, lets `edit` change the file directly, and opens it again */
    tamper: async (edit: (db: Database.Database) => void) => {
      await store.close();
      const db = new Database(file);
      try {
        edit(db);
      } finally {
        db.close();
      }
      store = await SqliteEventStore.open({ file });
    },
  };
}

async function anchored(log: Awaited<ReturnType<typeof aLog>>, everyEvents: number, record: () => Promise<void>) {
  const process = new LogAnchorProcess({ events: log.store, clock }, { everyEvents, maxDelayMs: 60_000 });
  process.start();
  try {
    await record();
    await process.waitForPosition(await log.store.headPosition());
    await process.anchorNow();
  } finally {
    await process.stop();
  }
}

describe('anchors of the whole log', () => {
  it('records digests that verify meets, and names the newest', async () => {
    const log = await aLog();
    await anchored(log, 3, async () => {
      for (const city of ['lyon', 'krakow', 'seoul', 'lyon', 'krakow', 'santa-fe', 'lyon']) await log.designate(city);
    });
    const anchors = await log.anchors();
    expect(anchors.length).toBeGreaterThanOrEqual(2);
    const verification = await log.verify();
    expect(verification).toMatchObject({ ok: true, newestAnchor: anchors.at(-1) });
    expect(verification.checked).toBe(await log.store.headPosition());
  });

  it("catches a stream's last event cut away, which the stream chain alone cannot see", async () => {
    const log = await aLog();
    let krakowLast = 0;
    await anchored(log, 100, async () => {
      await log.designate('lyon');
      await log.designate('krakow');
      krakowLast = await log.designate('krakow');
      await log.designate('lyon');
    });
    await log.tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(krakowLast));
    // without the anchor nothing would be wrong: every remaining stream chains cleanly
    expect(await log.verify()).toMatchObject({ ok: false, reason: 'anchor' });
  });

  it('names the position an anchor vouched for when the log is cut short there', async () => {
    const log = await aLog();
    let last = 0;
    await anchored(log, 100, async () => {
      await log.designate('lyon');
      last = await log.designate('seoul');
    });
    const [anchor] = await log.anchors();
    expect(anchor!.upToPosition).toBe(last);
    await log.tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(last));
    expect(await log.verify()).toEqual({ ok: false, checked: 1, firstBrokenAt: last, reason: 'missing' });
  });

  it('goes on from the newest anchor after a restart, and the log still verifies', async () => {
    const log = await aLog();
    await anchored(log, 2, async () => {
      for (const city of ['lyon', 'krakow', 'seoul']) await log.designate(city);
    });
    const before = (await log.anchors()).length;
    await anchored(log, 2, async () => {
      for (const city of ['lyon', 'krakow', 'seoul']) await log.designate(city);
    });
    expect((await log.anchors()).length).toBeGreaterThan(before);
    expect(await log.verify()).toMatchObject({ ok: true });
  });

  it('anchors a quiet log after the delay, without waiting for a full count', async () => {
    const log = await aLog();
    const process = new LogAnchorProcess({ events: log.store, clock }, { everyEvents: 1_000, maxDelayMs: 20 });
    process.start();
    let position = 0;
    try {
      position = await log.designate('ostersund');
      await process.waitForPosition(position);
      for (let i = 0; i < 200 && (await log.anchors()).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      await process.stop();
    }
    expect(await log.anchors()).toEqual([{ upToPosition: position, events: 1, logHash: expect.any(String) }]);
  });
});

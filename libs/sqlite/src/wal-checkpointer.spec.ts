import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { checkpointUntilCaughtUp, MAX_CHECKPOINT_PASSES, WalCheckpointer, type CheckpointOutcome } from './wal-checkpointer.js';

/** frames in the WAL since it last started again, and how many of them are in the file */
const checkpoint = (db: Database.Database): CheckpointOutcome => (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointOutcome[])[0]!;

describe('the WAL checkpointer', () => {
  let dir: string;
  let file: string;
  let writer: Database.Database;
  let row = 0;
  /** one transaction of the writer: a few pages of new rows */
  const write = (rows = 20) =>
    writer.transaction(() => {
      for (let i = 0; i < rows; i++) writer.prepare('INSERT INTO rows (id, payload) VALUES (?, ?)').run(++row, 'x'.repeat(1000));
    })();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-wal-'));
    file = path.join(dir, 'store.db');
    writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    // no checkpoint of the writer's own: only the checkpointer's work is observed
    writer.pragma('wal_autocheckpoint = 0');
    // a WAL started again is cut back to nothing, so its size shows when that happened
    writer.pragma('journal_size_limit = 0');
    writer.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  });

  afterEach(() => {
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('catches up with a writer that wrote during its pass, so the writer starts the WAL again', () => {
    for (let i = 0; i < 20; i++) write();
    const reader = new Database(file);
    try {
      let passes = 0;
      const taken = checkpointUntilCaughtUp(() => {
        const outcome = checkpoint(reader);
        // the writer goes on while the first pass copies: those frames are not in it
        if (++passes === 1) write();
        return outcome;
      }, MAX_CHECKPOINT_PASSES);
      expect(taken).toBeGreaterThan(1);

      write(1);
      // the WAL holds only the transaction written after the catch-up: it started again
      expect(checkpoint(reader).log).toBeLessThan(10);
    } finally {
      reader.close();
    }
  });

  it('stops when a pass finds nothing new, when the file is busy, and after its last pass', () => {
    const scripted = (outcomes: CheckpointOutcome[]) => () => outcomes.shift() ?? { busy: 0, log: 999, checkpointed: 0 };
    // the writer added frames during the first two passes; the fourth found nothing new
    const growing = [
      { busy: 0, log: 500, checkpointed: 500 },
      { busy: 0, log: 540, checkpointed: 540 },
      { busy: 0, log: 541, checkpointed: 541 },
      { busy: 0, log: 541, checkpointed: 541 },
    ];
    expect(checkpointUntilCaughtUp(scripted(growing), 8)).toBe(4);
    // copied whole but more came in: not caught up yet
    expect(checkpointUntilCaughtUp(scripted([{ busy: 0, log: 10, checkpointed: 10 }, { busy: 0, log: 12, checkpointed: 12 }, { busy: 0, log: 12, checkpointed: 12 }]), 8)).toBe(3);
    expect(checkpointUntilCaughtUp(scripted([{ busy: 1, log: 10, checkpointed: 4 }]), 8)).toBe(1);
    expect(checkpointUntilCaughtUp(scripted([]), 3)).toBe(3);
  });

  it('restarts the WAL of a file being written, from its own thread', async () => {
    for (let i = 0; i < 20; i++) write();
    const full = fs.statSync(`${file}-wal`).size;
    const checkpointer = WalCheckpointer.start(file, 10);
    try {
      // the writer goes on writing; the WAL is cut back once the worker has caught up
      for (let attempt = 0; attempt < 500 && fs.statSync(`${file}-wal`).size >= full; attempt++) {
        write(1);
        await sleep(10);
      }
      expect(fs.statSync(`${file}-wal`).size).toBeLessThan(full);
    } finally {
      await checkpointer?.stop();
    }
  });
});

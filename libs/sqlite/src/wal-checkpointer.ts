import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * A WAL checkpoint copies the pages written since the last one into the database file and syncs
 * it. SQLite runs it inside the COMMIT that crosses `wal_autocheckpoint`, and better-sqlite3 is
 * synchronous: the whole event loop waited for it, hundreds of milliseconds on a large read store
 * (the profile of designations on a million events showed 230–360 ms stalls inside a commit in
 * the read store; the event store checkpoints every 4 MB of WAL, at synchronous=FULL).
 * Here a worker thread with its own connection checkpoints the file every second when it
 * was written, in PASSIVE mode, which never blocks the writer or the readers, so the copy and its
 * sync happen beside the event loop; it goes on until it has caught up with the writer, so that
 * the WAL starts again from its beginning (`checkpointUntilCaughtUp`). The writer's own autocheckpoint
 * stays, at a higher threshold, as the fallback should the worker fall behind or fail.
 * Durability is untouched: a commit is acknowledged once its WAL frames are synced, as before; the
 * worker's connection checkpoints at synchronous=FULL. Both embedded stores use it (the event
 * store and the read store may not import each other, so it lives here, below both).
 */

/** What `PRAGMA wal_checkpoint` answers: frames in the WAL, and how many of them are in the file. */
export interface CheckpointOutcome {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/** passes one checkpoint may take to catch up with a writer that goes on writing */
export const MAX_CHECKPOINT_PASSES = 8;

/**
 * Checkpoints until the WAL is copied whole while nothing new was written, so that the writer's
 * next transaction starts the WAL again from its beginning; answers the passes taken.
 *
 * The writer only restarts the WAL when its transaction begins with every frame already in the
 * file. A passive checkpoint copies the frames that were there when it began; under a continuous
 * writer more arrive while it copies and syncs, so a single pass never catches up, the WAL grows
 * until the writer's own fallback checkpoint copies it inside a COMMIT (measured: a 258 MB WAL and
 * a 207 ms stall of the event loop every few seconds under designations). The later passes copy
 * only what came in meanwhile, each shorter than the one before, until one finds nothing new.
 * Written without outer references: its source is also the worker's (below).
 */
export function checkpointUntilCaughtUp(checkpoint: () => CheckpointOutcome, maxPasses: number): number {
  let seen = -1;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const { busy, log, checkpointed } = checkpoint();
    // caught up: every frame copied, and none written since the pass before began
    if (busy !== 0 || (log === checkpointed && log === seen)) return pass;
    seen = log;
  }
  return maxPasses;
}

const WORKER = `
const fs = require('node:fs');
${checkpointUntilCaughtUp.toString()}
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 100');
  db.pragma('synchronous = FULL');
} catch {}
// only when the WAL was written since the last checkpoint
let checkpointedAt = 0;
const timer = setInterval(() => {
  try {
    const writtenAt = fs.statSync(workerData.file + '-wal').mtimeMs;
    if (writtenAt <= checkpointedAt) return;
    checkpointedAt = Date.now();
    if (db) checkpointUntilCaughtUp(() => db.pragma('wal_checkpoint(PASSIVE)')[0], ${MAX_CHECKPOINT_PASSES});
  } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db?.close(); } catch {}
  parentPort.close();
});
`;

export class WalCheckpointer {
  private constructor(private readonly worker: Worker) {}

  /**
   * Starts checkpointing `file` (a database in WAL mode) every `everyMs` when its WAL was written
   * since; null for an in-memory database. Not much more often than SQLite itself would: a page
   * written by many commits is copied once per checkpoint, so checkpointing too often multiplies
   * the copies (a rebuild rewrites the same index pages all the time).
   */
  static start(file: string, everyMs: number): WalCheckpointer | null {
    if (file === ':memory:' || file === '') return null;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs } });
      worker.unref();
      // a checkpointer that cannot run leaves the writer's own autocheckpoint to do the work
      worker.on('error', () => {});
      return new WalCheckpointer(worker);
    } catch {
      return null;
    }
  }

  private stopped: Promise<void> | null = null;

  /** Closes the worker's connection and ends it (once, however often asked). */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      // held open until the worker has closed its connection: a process ending meanwhile would
      // leave this promise (and a top-level await on a close) unsettled
      this.worker.ref();
      const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
      this.worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)))]);
      clearTimeout(timer);
      await this.worker.terminate();
    })();
    return this.stopped;
  }
}

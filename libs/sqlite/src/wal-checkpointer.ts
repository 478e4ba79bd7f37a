import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * A WAL checkpoint copies the pages written since the last one into the database file and syncs
 * it. SQLite runs it inside the COMMIT that crosses `wal_autocheckpoint`, and better-sqlite3 is
 * synchronous: the whole event loop waited for it, hundreds of milliseconds on a large read store
 * (the profile of designations on a million events showed 230–360 ms stalls inside a commit in
 * the read store; the event store checkpoints every 4 MB of WAL, at synchronous=FULL).
 * Here a worker thread with its own connection checkpoints the file every few seconds when it
 * was written, in PASSIVE mode, which never blocks the writer or the
 * readers, so the copy and its sync happen beside the event loop. The writer's own autocheckpoint
 * stays, at a higher threshold, as the fallback should the worker fall behind or fail.
 * Durability is untouched: a commit is acknowledged once its WAL frames are synced, as before; the
 * worker's connection checkpoints at synchronous=FULL. Both embedded stores use it (the event
 * store and the read store may not import each other, so it lives here, below both).
 */
const WORKER = `
const fs = require('node:fs');
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
    db?.pragma('wal_checkpoint(PASSIVE)');
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

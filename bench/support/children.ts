import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Messages between the bench and the processes it starts (servers, the rebuild). */
export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'done'; readonly result: unknown; readonly peakRssBytes: number }
  | { readonly type: 'stopped'; readonly peakRssBytes: number }
  /** the CPU time the process has used so far, user + system, in microseconds */
  | { readonly type: 'usage'; readonly cpuMicros: number }
  | { readonly type: 'failed'; readonly error: string };

/**
 * The peak resident set of this process so far (the kernel's high-water mark), so a short spike
 * between two samples is not missed.
 */
export function peakRssBytes(): number {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux: fall back to the current figure
  }
  return process.memoryUsage().rss;
}

/** A process the bench started: a server to load, or a job that reports once and exits. */
export class Child {
  private readonly inbox: ChildMessage[] = [];
  private waiting: ((message: ChildMessage) => void) | null = null;
  private exited: string | null = null;

  private constructor(readonly process: ChildProcess) {
    process.on('message', (message: ChildMessage) => this.deliver(message));
    process.on('exit', (code, signal) => {
      this.exited = `exited with ${code ?? signal}`;
      if (code !== 0) this.deliver({ type: 'failed', error: this.exited });
    });
  }

  /** Starts `script` (compiled JS) with its output appended to `logFile`; `execArgv` e.g. `--cpu-prof`. */
  static start(script: URL, env: Record<string, string>, logFile: string, execArgv: readonly string[] = []): Child {
    const log = fs.openSync(logFile, 'a');
    const child = fork(script, [], { env: { ...process.env, ...env }, execArgv: [...process.execArgv, ...execArgv], stdio: ['ignore', log, log, 'ipc'] });
    fs.closeSync(log);
    return new Child(child);
  }

  /** The next message of `type`; a failure of the child rejects with what it said. */
  async next<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> {
    const message = this.inbox.shift() ?? (await new Promise<ChildMessage>((resolve) => (this.waiting = resolve)));
    if (message.type === 'failed') throw new Error(`child process failed: ${message.error}`);
    if (message.type !== type) throw new Error(`expected ${type} from the child, got ${message.type}`);
    return message as Extract<ChildMessage, { type: T }>;
  }

  /** The CPU time (user + system, µs) a server has used so far: its cost, whatever else the machine runs. */
  async cpuMicros(): Promise<number> {
    this.process.send({ type: 'usage' });
    return (await this.next('usage')).cpuMicros;
  }

  /** Asks a server to close; answers its peak RSS. */
  async stop(): Promise<number> {
    if (this.exited) throw new Error(`child process ${this.exited} before it was stopped`);
    this.process.send({ type: 'stop' });
    const { peakRssBytes: peak } = await this.next('stopped');
    await new Promise<void>((resolve) => (this.exited ? resolve() : this.process.once('exit', () => resolve())));
    return peak;
  }

  private deliver(message: ChildMessage): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(message);
    else this.inbox.push(message);
  }
}

/** In a child: tell the bench, and obey its stop with a report of the peak RSS. */
export function serveUntilStopped(port: number, close: () => Promise<void>): void {
  process.send!({ type: 'ready', port } satisfies ChildMessage);
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'usage') {
      const { user, system } = process.cpuUsage();
      process.send!({ type: 'usage', cpuMicros: user + system } satisfies ChildMessage);
      return;
    }
    if (message.type !== 'stop') return;
    void close()
      .catch(() => {})
      .then(() => process.send!({ type: 'stopped', peakRssBytes: peakRssBytes() } satisfies ChildMessage, () => process.exit(0)));
  });
}

export function reportFailure(error: unknown): never {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  process.send?.({ type: 'failed', error: text } satisfies ChildMessage, () => process.exit(1));
  setTimeout(() => process.exit(1), 1000);
  throw error;
}

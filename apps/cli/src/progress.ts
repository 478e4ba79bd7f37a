import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

/** Plain lines at most this often when stderr is not a terminal (CI logs, pipes). */
const PLAIN_EVERY_MS = 2_000;

/**
 * A progress bar on stderr when it is a terminal, so stdout stays clean for what a command
 * prints (a CSV, a summary); periodic plain lines otherwise, since a redrawn bar in a log file is noise.
 */
export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} | {detail}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, detail = '') {
        if (!started) {
          bar.start(total, done, { detail });
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { detail });
        }
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  let latest = '';
  return {
    update(done, total, detail = '') {
      latest = `${label}: ${done}/${total}${detail ? ` (${detail})` : ''}\n`;
      const now = Date.now();
      if (now - last >= PLAIN_EVERY_MS || done === total) {
        stream.write(latest);
        last = now;
        latest = '';
      }
    },
    stop() {
      if (latest) stream.write(latest);
    },
  };
}

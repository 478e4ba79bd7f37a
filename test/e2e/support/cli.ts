import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** the repository's root */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The built CLI (`npm run build`; npm test builds first). UCCN_BUILD_DIR points elsewhere to try a build of one's own. */
export const MAIN = path.resolve(ROOT, process.env['UCCN_BUILD_DIR'] ?? 'dist', 'apps/cli/src/main.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run cli -- <args>` without the build: the CLI as its own process, on the data directory given. */
export function cli(dataDir: string, ...args: string[]): Promise<Run> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, UCCN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}


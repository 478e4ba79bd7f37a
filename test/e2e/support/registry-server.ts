import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import type { Clock } from '@uccn/application';
import { loadConfig } from '@uccn/config';
import { ProjectionsService } from '@uccn/runtime';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { ApiClient, eventually } from './http-client.js';
import { TEST_KEYS, TEST_KEYS_JSON } from './test-keys.js';
export { freePort } from '../../support/ports.js';

export const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-e2e-'));

export interface InProcessRegistry {
  readonly url: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  readonly secretariat: ApiClient;
  readonly auditor: ApiClient;
  readonly analyst: ApiClient;
  readonly anonymous: ApiClient;
  /** resolves when every projection has applied the log up to `position` */
  settled(position: number): Promise<void>;
  close(): Promise<void>;
}

export interface StartRegistryOptions {
  readonly dataDir?: string;
  readonly clock?: Clock;
  /** configuration variables over the defaults (a fresh data directory, the test keys, no rate limit) */
  readonly env?: Record<string, string>;
  /**
   * where the JSON log lines go, at the configured level (`UCCN_LOG_LEVEL` in `env`, else its
   * default); without it the server logs nothing. One per test file: nestjs-pino keeps the
   * destination of the first app of the process.
   */
  readonly logDestination?: DestinationStream;
}

/** The whole API on the embedded stores in a fresh data directory, listening on a loopback port. */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<InProcessRegistry> {
  const dataDir = options.dataDir ?? newDataDir();
  const config = loadConfig({ UCCN_DATA_DIR: dataDir, UCCN_API_KEYS: TEST_KEYS_JSON, UCCN_RATE_LIMIT: '0', ...options.env });
  const { app } = await createApp(config, {
    ...(options.logDestination ? { logDestination: options.logDestination } : { logger: false }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const client = new ApiClient(url);
  const projections = app.get(ProjectionsService);
  return {
    url,
    dataDir,
    app,
    secretariat: client.as(TEST_KEYS.secretariat.key),
    auditor: client.as(TEST_KEYS.auditor.key),
    analyst: client.as(TEST_KEYS.analyst.key),
    anonymous: client,
    settled: (position) => projections.waitForPosition(position),
    close: () => app.close(),
  };
}

export interface RegistryProcess {
  readonly url: string;
  readonly secretariat: ApiClient;
  readonly auditor: ApiClient;
  readonly analyst: ApiClient;
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const MAIN = path.resolve(import.meta.dirname, '../../../dist/apps/api/src/main.js');

/**
 * The built server (`npm run build`) as its own process, for tests that kill it. The port is
 * chosen by the test so that a restart serves on the same address; `env` adds variables to this
 * process's environment for the child alone (this process's own is left untouched).
 */
export async function spawnRegistry(dataDir: string, port: number, options: { env?: Record<string, string> } = {}): Promise<RegistryProcess> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, UCCN_DATA_DIR: dataDir, UCCN_API_KEYS: TEST_KEYS_JSON, PORT: String(port), HOST: '127.0.0.1', UCCN_RATE_LIMIT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const res = await fetch(`${url}/health`);
    if (res.status !== 200) throw new Error('not up');
  }, 30_000);
  const client = new ApiClient(url);
  return {
    url,
    secretariat: client.as(TEST_KEYS.secretariat.key),
    auditor: client.as(TEST_KEYS.auditor.key),
    analyst: client.as(TEST_KEYS.analyst.key),
    child,
    output: () => output,
    kill: async (signal = 'SIGKILL') => {
      child.kill(signal);
      await exited;
    },
  };
}


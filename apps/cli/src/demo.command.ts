import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { importNetworkHistory, NETWORK_HISTORY_DIR, readNetworkHistory } from '@uccn/application';
import { loadConfig } from '@uccn/config';
import { keyLines, ProjectionsService } from '@uccn/runtime';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createApp } from '../../api/src/app.factory.js';
import { importReport } from './import-report.js';
import { progress } from './progress.js';
import { cliActor } from './registry-context.js';

interface DemoOptions {
  readonly dataDir?: string;
}

/** `demo-20261122-031500`: sorts by time, and says what the directory is for. */
const freshDirName = (now = new Date()) => `demo-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;

/**
 * The real network in a minute: the whole API (createApp, as `npm start` builds it) on the
 * embedded stores in a fresh data directory, the real history imported through its command
 * handlers, the read models caught up, then serving until Ctrl-C.
 */
@Command({ name: 'demo', description: 'serve the API on a fresh data directory with the real history imported (PORT, default 3000)' })
export class DemoCommand extends CommandRunner {
  async run(_: string[], options: DemoOptions = {}): Promise<void> {
    const base = loadConfig();
    const dataDir = path.resolve(options.dataDir ?? path.join('data', freshDirName()));
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty: the demo starts from a fresh data directory`);
    }
    // always the embedded stores: a demo must never write into a production EventStoreDB or MongoDB
    const config = { ...base, dataDir, eventStoreUrl: null, mongodbUrl: null, runProjections: true };
    const history = await readNetworkHistory(path.resolve(NETWORK_HISTORY_DIR));

    const { app, keys } = await createApp(config, { logger: ['error', 'warn'] });
    await app.init();
    const bar = progress('import');
    const summary = await importNetworkHistory(app.get(CommandBus), history, {
      actor: cliActor(),
      onProgress: ({ done, total, step }) => bar.update(done, total, step.row),
    }).finally(() => bar.stop());
    process.stdout.write(importReport(summary));
    await app.get(ProjectionsService).waitForPosition(summary.lastPosition);
    await app.listen(config.port, config.host);

    const url = `http://localhost:${config.port}`;
    const printedKeys =
      keys.source === 'configured'
        ? ['  the keys configured in UCCN_API_KEYS / UCCN_API_KEYS_FILE']
        : keyLines(keys.keys);
    process.stdout.write(
      [
        '',
        `The real network is served on ${url}`,
        `  dashboard   ${url}/`,
        `  API docs    ${url}/docs`,
        `  data        ${dataDir}`,
        `API keys${keys.file ? ` (kept in ${keys.file})` : ''}:`,
        ...printedKeys,
        `Try: curl -H "authorization: Bearer ${keys.source === 'configured' ? '<key>' : keys.keys.find((k) => k.role === 'analyst')?.key}" ${url}/api/analytics/summary`,
        'Ctrl-C stops the demo; the data directory stays.',
        '',
      ].join('\n'),
    );
    // serves until a signal: the app's shutdown hooks close it and end the process
    await new Promise<never>(() => {});
  }

  @Option({ flags: '--data-dir <dir>', description: 'the fresh data directory to use (default ./data/demo-<time>)' })
  parseDataDir(value: string): string {
    return value;
  }
}

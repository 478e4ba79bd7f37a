import * as path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { importNetworkHistory, NETWORK_HISTORY_DIR, readNetworkHistory } from '@uccn/application';
import { loadConfig } from '@uccn/config';
import { storesOf } from '@uccn/runtime';
import { Command, CommandRunner } from 'nest-commander';
import { importReport } from './import-report.js';
import { progress } from './progress.js';
import { cliActor, openRegistry } from './registry-context.js';

@Command({
  name: 'import',
  arguments: '[dir]',
  description: `import the real history of the network (default ./${NETWORK_HISTORY_DIR}) through the API's command handlers; a second run appends nothing`,
})
export class ImportCommand extends CommandRunner {
  async run([dir]: string[]): Promise<void> {
    const config = loadConfig();
    const from = path.resolve(dir ?? NETWORK_HISTORY_DIR);
    const history = await readNetworkHistory(from);
    const actor = cliActor();
    process.stderr.write(`Importing ${history.cities.length} cities and ${history.conferences.length} conferences from ${from}\ninto ${storesOf(config)}, as ${actor}\n`);

    const registry = await openRegistry({ runProjections: false }, config);
    try {
      const bar = progress('import');
      const summary = await importNetworkHistory(registry.get(CommandBus), history, {
        actor,
        onProgress: ({ done, total, step }) => bar.update(done, total, step.row),
      }).finally(() => bar.stop());
      process.stdout.write(importReport(summary));
      // the CLI runs no projections (see openRegistry): whoever runs them picks these events up
      process.stdout.write('\nThe read models catch up with these events in the API (npm start) or apps/projector.\n');
    } finally {
      await registry.close();
    }
  }
}

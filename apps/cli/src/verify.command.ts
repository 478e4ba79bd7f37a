import { QueryBus } from '@nestjs/cqrs';
import { VerifyLogQuery } from '@uccn/application';
import { loadConfig } from '@uccn/config';
import { storesOf } from '@uccn/runtime';
import { Command, CommandRunner } from 'nest-commander';
import { openRegistry } from './registry-context.js';

/** Exit status when the chain is broken, so a scheduled check can alert on it. */
const BROKEN = 1;

@Command({ name: 'verify', description: "recompute the log's hash chain (as GET /api/audit/verify does) and name the first broken position" })
export class VerifyCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = loadConfig();
    process.stderr.write(`Verifying the hash chain of ${storesOf(config)}\n`);
    const registry = await openRegistry({ runProjections: false }, config);
    try {
      const started = performance.now();
      const result = await registry.get(QueryBus).execute(new VerifyLogQuery());
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (result.ok) {
        process.stdout.write(`ok: ${result.checked} events verified in ${seconds} s, the chain is intact\n`);
      } else {
        // what broke (an edited event, a missing one, an anchor not met) when the query says so
        process.stdout.write(`BROKEN at position ${result.firstBrokenAt}${result.reason ? ` (${result.reason})` : ''}: the log does not verify there (${result.checked} events checked)\n`);
        process.exitCode = BROKEN;
      }
    } finally {
      await registry.close();
    }
  }
}

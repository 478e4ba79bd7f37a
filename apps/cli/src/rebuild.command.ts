import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@uccn/config';
import { ALL_PROJECTIONS } from '@uccn/projections';
import { ProjectionRebuilds, ProjectionsService, storesOf } from '@uccn/runtime';
import { Command, CommandRunner } from 'nest-commander';
import { progress } from './progress.js';
import { openRegistry } from './registry-context.js';

const POLL_MS = 200;

/**
 * The API's rebuild (POST /api/admin/projections/:name/rebuild): a new generation is built from
 * position 0 beside the serving one and takes over once it has caught up. With projections run
 * elsewhere (UCCN_RUN_PROJECTIONS=false) the request is recorded for apps/projector, as the API does.
 */
@Command({
  name: 'rebuild',
  arguments: '<projection>',
  description: `rebuild a read model from the log, with progress: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}. Stop the API first when it runs the projections itself (the default), or use its rebuild route`,
})
export class RebuildCommand extends CommandRunner {
  async run([name]: string[]): Promise<void> {
    if (!ALL_PROJECTIONS.some((p) => p.name === name)) {
      process.stderr.write(`no projection named ${JSON.stringify(name)}; one of: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    const config = loadConfig();
    process.stderr.write(`Rebuilding ${name} on ${storesOf(config)}\n`);
    const registry = await openRegistry({ runProjections: config.runProjections }, config);
    try {
      const { version } = await registry.get(ProjectionRebuilds).request(name!);
      if (!config.runProjections) {
        process.stdout.write(`recorded: apps/projector builds generation ${version} of ${name} (UCCN_RUN_PROJECTIONS=false)\n`);
        return;
      }
      await this.follow(registry.get(ProjectionsService), name!, version);
    } finally {
      await registry.close();
    }
  }

  /** Follows the new generation through the same status the API reports, until it serves. */
  private async follow(projections: ProjectionsService, name: string, version: number): Promise<void> {
    const started = performance.now();
    const bar = progress(`rebuild ${name} v${version}`);
    try {
      for (;;) {
        const status = (await projections.statuses()).find((s) => s.name === name)!;
        if (status.version >= version && !status.rebuild) {
          bar.update(status.head, status.head, 'serving');
          break;
        }
        const failure = status.rebuild?.lastError;
        if (status.rebuild?.state === 'failed' && failure?.position != null) {
          throw new Error(`the rebuild stopped at position ${failure.position} (${failure.eventType}): ${failure.message}`);
        }
        bar.update(status.rebuild?.position ?? 0, Math.max(status.head, 1), status.rebuild?.state ?? 'starting');
        await sleep(POLL_MS);
      }
    } finally {
      bar.stop();
    }
    process.stdout.write(`${name}: generation ${version} serves, rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

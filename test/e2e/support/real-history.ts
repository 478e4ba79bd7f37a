import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { importNetworkHistory, NETWORK_HISTORY_DIR, parseCsv, readNetworkHistory, type ImportSummary } from '@uccn/application';
import { startRegistry, type InProcessRegistry } from './registry-server.js';
import { TEST_KEYS } from './test-keys.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The correlation id of the import's events. */
export const HISTORY_IMPORT = 'network-history-import';

/** The rows of network-history/uccn-cities.csv, read independently of the importer and the projections. */
export const historyRows: readonly Record<string, string>[] = parseCsv(fs.readFileSync(path.join(ROOT, NETWORK_HISTORY_DIR, 'uccn-cities.csv'), 'utf8'));

/** A registry of its own holding the real history of network-history/, imported as the secretariat, with the read models caught up. */
export async function startRegistryWithHistory(): Promise<{ registry: InProcessRegistry; imported: ImportSummary }> {
  const registry = await startRegistry();
  const history = await readNetworkHistory(path.join(ROOT, NETWORK_HISTORY_DIR));
  // one correlation id for the whole import, as the CLI gives one run: the history shows it on every entry
  const imported = await importNetworkHistory(registry.app.get(CommandBus), history, { actor: TEST_KEYS.secretariat.name, correlationId: HISTORY_IMPORT });
  expect(imported.refused).toEqual([]);
  await registry.settled(imported.lastPosition);
  return { registry, imported };
}

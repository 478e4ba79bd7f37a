import path from 'node:path';
import { DesignationProcess, LogAnchorProcess, systemClock } from '@uccn/application';
import { SqliteEventStore } from '@uccn/event-store';
import { SqliteReadStore } from '@uccn/read-store';
import { peakRssBytes, reportFailure, type ChildMessage } from '../support/children.js';

/**
 * After the rebuild and outside any timing, in a process of its own (its memory is not the
 * rebuild's): the log's anchors and the designation process brought to the head, as in a registry
 * that has been running. The scale log is written through the store port, with no anchor and no
 * checkpoint of the designation process; without this, the API would start by rolling the digest
 * of the whole log and reading it all for decisions, half a minute of CPU that the load generator
 * would then measure instead of the commands.
 */
async function main(): Promise<void> {
  const dir = process.env['BENCH_DATA_DIR']!;
  const events = await SqliteEventStore.open({ file: path.join(dir, 'events.db') });
  const store = await SqliteReadStore.open({ file: path.join(dir, 'read-models.db') });
  const head = await events.headPosition();
  const anchors = new LogAnchorProcess({ events, clock: systemClock });
  const designations = new DesignationProcess({ events, reads: store, clock: systemClock });
  anchors.start();
  designations.start();
  await Promise.all([anchors.waitForPosition(head), designations.waitForPosition(head)]);
  await anchors.anchorNow();
  await Promise.all([anchors.stop(), designations.stop()]);
  await store.close();
  await events.close();
  process.send!({ type: 'done', result: { head }, peakRssBytes: peakRssBytes() } satisfies ChildMessage, () => process.exit(0));
}

main().catch(reportFailure);

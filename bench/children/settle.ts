import path from 'node:path';
import { DesignationProcess, ErasureProcess, LogAnchorProcess, PersonalData, systemClock } from '@uccn/application';
import { loadConfig } from '@uccn/config';
import { SqliteEventStore } from '@uccn/event-store';
import { SqliteReadStore } from '@uccn/read-store';
import { loadOrGenerateSubjectSecret, openKeyStore } from '@uccn/runtime';
import { peakRssBytes, reportFailure, type ChildMessage } from '../support/children.js';

/**
 * After the rebuild and outside any timing, in a process of its own (its memory is not the
 * rebuild's): the log's anchors, the designation process and the erasure process brought to the
 * head, as in a registry that has been running. The scale log is written through the store port,
 * with no anchor and no checkpoint of either process; without this, the API would start by
 * rolling the digest of the whole log and reading it all for decisions and for erasures, half a
 * minute of CPU and a few hundred MB that the load generator would then measure instead of the
 * commands.
 */
async function main(): Promise<void> {
  const dir = process.env['BENCH_DATA_DIR']!;
  const events = await SqliteEventStore.open({ file: path.join(dir, 'events.db') });
  const store = await SqliteReadStore.open({ file: path.join(dir, 'read-models.db') });
  const head = await events.headPosition();
  const anchors = new LogAnchorProcess({ events, clock: systemClock });
  const designations = new DesignationProcess({ events, reads: store, clock: systemClock });
  const config = loadConfig({ UCCN_DATA_DIR: dir });
  const personalData = new PersonalData({ openKeyStore: () => openKeyStore(config), loadSecret: () => loadOrGenerateSubjectSecret(config) });
  const erasures = new ErasureProcess({ events, reads: store, personalData });
  anchors.start();
  designations.start();
  erasures.start();
  await Promise.all([anchors.waitForPosition(head), designations.waitForPosition(head), erasures.waitForPosition(head)]);
  await anchors.anchorNow();
  await Promise.all([anchors.stop(), designations.stop(), erasures.stop()]);
  await personalData.close();
  await store.close();
  await events.close();
  process.send!({ type: 'done', result: { head }, peakRssBytes: peakRssBytes() } satisfies ChildMessage, () => process.exit(0));
}

main().catch(reportFailure);

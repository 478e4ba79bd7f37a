import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@uccn/event-store';
import { describeEventStoreConformance } from '../../libs/event-store/src/conformance/event-store.conformance.js';

function aTempFile(): { file: string; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
  return { file: path.join(dir, 'events.sqlite'), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describeEventStoreConformance('SQLite', async () => {
  const { file, cleanup } = aTempFile();
  return { store: await SqliteEventStore.open({ file }), cleanup };
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteReadStore } from '@uccn/read-store';
import { describeReadStoreConformance } from '../../libs/read-store/src/conformance/read-store.conformance.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
}

describeReadStoreConformance('embedded SQLite', async () => {
  const dir = tempDir();
  const store = await SqliteReadStore.open({ file: path.join(dir, 'read.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

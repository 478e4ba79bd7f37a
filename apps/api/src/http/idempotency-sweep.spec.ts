import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteReadStore } from '@uccn/read-store';
import { IDEMPOTENCY_COLLECTION, sweepExpiredIdempotencyRecords } from './idempotency.interceptor.js';

describe('sweeping expired idempotency records', () => {
  it('deletes the records whose time is up and keeps the others', async () => {
    const store = await SqliteReadStore.open({ file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-sweep-')), 'read.db') });
    try {
      await store.ensureCollection(IDEMPOTENCY_COLLECTION, [['expiresAt']]);
      const record = (id: string, expiresAt: string) => ({ collection: IDEMPOTENCY_COLLECTION, id, doc: { id, requestHash: 'h', status: 201, body: null, etag: '"0"', expiresAt } });
      await store.commit({
        changes: [
          ...Array.from({ length: 1_500 }, (_, i) => record(`designate-${i}`, '2026-11-20T10:00:00.000Z')),
          record('report-lyon-2026', '2026-11-23T10:00:00.000Z'),
        ],
      });
      expect(await sweepExpiredIdempotencyRecords(store, new Date('2026-11-22T10:00:00.000Z'))).toBe(1_500);
      expect((await store.find(IDEMPOTENCY_COLLECTION)).map((r) => r.id)).toEqual(['report-lyon-2026']);
    } finally {
      await store.close();
    }
  });
});

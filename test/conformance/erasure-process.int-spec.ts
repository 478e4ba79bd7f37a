import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErasureProcess, handleCommand, PersonalData, type Clock } from '@uccn/application';
import { dataSubjectDecider, dataSubjectStreamId } from '@uccn/domain';
import { SqliteEventStore } from '@uccn/event-store';
import { SqliteKeyStore, SqliteReadStore } from '@uccn/read-store';

/*
 * The erasure process on the real embedded stores: an erasure recorded whose key was not
 * destroyed (the request stopped between its append and the destruction) is carried out by the
 * process, from the log, the next time it runs. Invented people only.
 */
const clock: Clock = { now: () => new Date('2026-11-30T09:00:00Z') };

describe('the erasure process', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-erasure-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('destroys the key an erasure on record names, though the erasure itself stopped before destroying it', async () => {
    const events = await SqliteEventStore.open({ file: path.join(dir, 'events.db'), pollIntervalMs: 20 });
    const reads = await SqliteReadStore.open({ file: path.join(dir, 'read-models.db') });
    const personalData = new PersonalData({ openKeyStore: () => SqliteKeyStore.open({ file: path.join(dir, 'read-models.db') }), loadSecret: () => Buffer.alloc(32, 7) });
    const process = new ErasureProcess({ events, reads, personalData });
    try {
      const contact = await personalData.seal({ name: 'Eve Inventedname', email: 'eve.inventedname@example.org', role: 'focal point' });
      await personalData.keepKeysNamedIn([{ type: 'FocalPointAssigned', data: { cityId: 'lyon', focalPoint: contact } }]);
      // the erasure's append, and then nothing: the process stopped before the key's destruction
      const { subjectId } = contact;
      const erased = await handleCommand(
        { store: events, clock },
        {
          aggregateId: subjectId,
          streamId: dataSubjectStreamId(subjectId),
          decider: dataSubjectDecider,
          command: () => ({ type: 'EraseDataSubject' as const, subjectId, reason: 'asked to be forgotten', keyId: contact.sealed.keyId, today: '2026-11-30' }),
        },
        { actor: 'unesco-secretariat', role: 'secretariat', correlationId: 'erase-eve' },
      );
      expect(await personalData.currentKeyId(subjectId)).toBe(contact.sealed.keyId);

      process.start();
      await process.waitForPosition(erased.position);
      expect(process.position).toBeGreaterThanOrEqual(erased.position);
      expect(await personalData.currentKeyId(subjectId)).toBeNull();
      expect(await personalData.readAll([contact])).toEqual([{ erased: true }]);
    } finally {
      await process.stop();
      await personalData.close();
      await reads.close();
      await events.close();
    }
  });
});

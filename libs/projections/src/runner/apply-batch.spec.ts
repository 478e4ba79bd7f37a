import type { RecordedEvent } from '@uccn/event-store';
import { SqliteReadStore } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { applyBatch } from './apply-batch.js';

const event = (position: number, key: string): RecordedEvent => ({
  id: `event-${position}`,
  streamId: `counter-${key}`,
  revision: 0,
  position,
  type: 'Counted',
  data: { key },
  metadata: {},
});

/** Counts events per key; on `sneak` it also reads the document of key `a` without naming it. */
const counter: ProjectionDefinition = {
  name: 'counter',
  version: 1,
  collections: { counts: { indexes: [] } },
  handles: ['Counted'],
  touches: (e) => [{ collection: 'counts', id: String(e.data['key']) }],
  apply(e, docs) {
    const key = String(e.data['key']);
    if (key === 'sneak') docs.get('counts', 'a');
    const n = ((docs.get('counts', key)?.['n'] as number | undefined) ?? 0) + 1;
    return [{ collection: 'counts', id: key, doc: { id: key, n } }];
  },
};

describe('applyBatch', () => {
  it('writes each document once, in its final state for the batch, stamped with the last event that changed it', async () => {
    const store = await SqliteReadStore.open({ file: ':memory:' });
    const outcome = await applyBatch(counter, 1, [event(1, 'a'), event(2, 'b'), event(3, 'a')], store, 0);

    expect(outcome.failure).toBeNull();
    expect(outcome.position).toBe(3);
    expect(outcome.changes).toEqual([
      { collection: 'counter_counts_v1', id: 'a', doc: { id: 'a', n: 2, lastEventId: 'event-3', lastPosition: 3 } },
      { collection: 'counter_counts_v1', id: 'b', doc: { id: 'b', n: 1, lastEventId: 'event-2', lastPosition: 2 } },
    ]);
    await store.close();
  });

  it('stops at an event whose reducer reads a document it did not name in touches, even one the batch holds', async () => {
    const store = await SqliteReadStore.open({ file: ':memory:' });
    const outcome = await applyBatch(counter, 1, [event(1, 'a'), event(2, 'sneak'), event(3, 'b')], store, 0);

    expect(outcome.failure?.event.position).toBe(2);
    expect(outcome.failure?.message).toMatch(/read counts\/a without naming it in touches\(Counted\)/);
    expect(outcome.position).toBe(1);
    expect(outcome.changes.map((change) => change.id)).toEqual(['a']);
    await store.close();
  });
});

import type { RecordedEvent } from '@uccn/event-store';
import { SqliteReadStore, type Document } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { applyBatch } from './apply-batch.js';
import { physicalCollection } from './projection-catalog.js';

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

/**
 * A shelf of books: `Shelved` writes a book, `Removed` deletes it, `Counted` writes the shelf's
 * count from every book on it (a set named by a field), `Peeked` reads the set without naming it.
 */
const shelves: ProjectionDefinition = {
  name: 'shelves',
  version: 1,
  collections: { books: { indexes: [], setIndexes: [['shelf']] }, counts: { indexes: [] } },
  handles: ['Shelved', 'Removed', 'Counted', 'Peeked', 'Browsed'],
  touches: (event) => {
    const shelf = String(event.data['shelf']);
    switch (event.type) {
      case 'Counted':
        return [{ collection: 'books', field: 'shelf', equals: shelf }];
      case 'Peeked':
        return [];
      case 'Browsed':
        // a set by a field the collection keeps no index on for its reducer
        return [{ collection: 'books', field: 'title', equals: 'x' }];
      default:
        return [{ collection: 'books', id: String(event.data['book']) }];
    }
  },
  apply: (event, docs) => {
    const shelf = String(event.data['shelf']);
    switch (event.type) {
      case 'Shelved':
        return [{ collection: 'books', id: String(event.data['book']), doc: { id: String(event.data['book']), shelf } }];
      case 'Removed':
        return [{ collection: 'books', id: String(event.data['book']), doc: null }];
      default:
        return [{ collection: 'counts', id: shelf, doc: { id: shelf, books: docs.all('books', 'shelf', shelf).map((book) => book.id) } }];
    }
  },
};

let position = 0;
const shelfEvent = (type: string, data: Record<string, unknown>): RecordedEvent => {
  position += 1;
  return { id: `e-${position}`, streamId: 'shelf', revision: position - 1, position, type, data, metadata: {} };
};

describe('applyBatch: a set of documents named by a field', () => {
  let store: SqliteReadStore;
  beforeEach(async () => {
    position = 0;
    store = await SqliteReadStore.open({ file: ':memory:' });
    await store.ensureCollection(physicalCollection('shelves', 'books', 1), [['shelf']]);
  });
  afterEach(() => store.close());

  const countOf = async (shelf: string) => ((await store.get(physicalCollection('shelves', 'counts', 1), shelf)) as (Document & { books: string[] }) | null)?.books;

  it('sees the stored members, the members the batch wrote before the event, and not those it deleted', async () => {
    const first = await applyBatch(shelves, 1, [shelfEvent('Shelved', { shelf: 'a', book: 'b1' }), shelfEvent('Shelved', { shelf: 'a', book: 'b2' }), shelfEvent('Shelved', { shelf: 'z', book: 'b9' })], store, 0);
    await store.commit({ changes: first.changes });

    const second = await applyBatch(shelves, 1, [shelfEvent('Removed', { shelf: 'a', book: 'b1' }), shelfEvent('Shelved', { shelf: 'a', book: 'b3' }), shelfEvent('Counted', { shelf: 'a' })], store, first.position);
    await store.commit({ changes: second.changes });

    expect(second.failure).toBeNull();
    expect(await countOf('a')).toEqual(['b2', 'b3']);
  });

  it('stops at an event whose reducer reads a set it did not name', async () => {
    const outcome = await applyBatch(shelves, 1, [shelfEvent('Shelved', { shelf: 'a', book: 'b1' }), shelfEvent('Peeked', { shelf: 'a' })], store, 0);

    expect(outcome.failure?.message).toMatch(/shelves failed on Peeked at position 2: .*read books where shelf = a without naming it/);
    expect(outcome.position).toBe(1);
  });

  it('stops at an event that names a set by a field its collection does not index for the reducer', async () => {
    const outcome = await applyBatch(shelves, 1, [shelfEvent('Shelved', { shelf: 'a', book: 'b1' }), shelfEvent('Browsed', { shelf: 'a' })], store, 0);

    expect(outcome.failure?.message).toMatch(/shelves failed on Browsed at position 2: .*names a set of books by title without declaring \[title\] in its setIndexes/);
    expect(outcome.position).toBe(1);
  });
});

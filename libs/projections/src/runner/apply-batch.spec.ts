import type { RecordedEvent } from '@uccn/event-store';
import { SqliteReadStore, type Document } from '@uccn/read-store';
import type { ProjectionDefinition } from '../projection.js';
import { applyBatch } from './apply-batch.js';
import { physicalCollection } from './projection-catalog.js';

/**
 * A shelf of books: `Shelved` writes a book, `Removed` deletes it, `Counted` writes the shelf's
 * count from every book on it (a set named by a field), `Peeked` reads the set without naming it.
 */
const shelves: ProjectionDefinition = {
  name: 'shelves',
  version: 1,
  collections: { books: { indexes: [['shelf']] }, counts: { indexes: [] } },
  handles: ['Shelved', 'Removed', 'Counted', 'Peeked'],
  touches: (event) => {
    const shelf = String(event.data['shelf']);
    switch (event.type) {
      case 'Counted':
        return [{ collection: 'books', field: 'shelf', equals: shelf }];
      case 'Peeked':
        return [];
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
const event = (type: string, data: Record<string, unknown>): RecordedEvent => {
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
    const first = await applyBatch(shelves, 1, [event('Shelved', { shelf: 'a', book: 'b1' }), event('Shelved', { shelf: 'a', book: 'b2' }), event('Shelved', { shelf: 'z', book: 'b9' })], store, 0);
    await store.commit({ changes: first.changes });

    const second = await applyBatch(shelves, 1, [event('Removed', { shelf: 'a', book: 'b1' }), event('Shelved', { shelf: 'a', book: 'b3' }), event('Counted', { shelf: 'a' })], store, first.position);
    await store.commit({ changes: second.changes });

    expect(second.failure).toBeNull();
    expect(await countOf('a')).toEqual(['b2', 'b3']);
  });

  it('stops at an event whose reducer reads a set it did not name', async () => {
    const outcome = await applyBatch(shelves, 1, [event('Shelved', { shelf: 'a', book: 'b1' }), event('Peeked', { shelf: 'a' })], store, 0);

    expect(outcome.failure?.message).toMatch(/shelves failed on Peeked at position 2: .*read books where shelf = a without naming it/);
    expect(outcome.position).toBe(1);
  });
});

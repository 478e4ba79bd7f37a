import type { EventStore } from '@uccn/event-store';
import { SqliteReadStore, type ReadStore } from '@uccn/read-store';
import { ALL_PROJECTIONS } from '../all-projections.js';
import { checkpointName } from './projection-catalog.js';
import { LAG_COUNTED_UP_TO, readProjectionStatuses } from './projection-status.js';

/**
 * A log whose positions are byte offsets, as EventStoreDB's are: increasing, with gaps of the
 * events' sizes. Only what the status reads of it is answered; counts are recorded.
 */
function logAt(positions: readonly number[]) {
  const counted: number[] = [];
  const store = {
    headPosition: async () => positions.at(-1) ?? 0,
    countAfter: async (after: number, max: number) => {
      counted.push(after);
      return Math.min(max, positions.filter((p) => p > after).length);
    },
  } as unknown as EventStore;
  return { store, counted };
}

describe('projection status: the lag', () => {
  const [directory, catalogue, register] = [ALL_PROJECTIONS.find((p) => p.name === 'city-directory')!, ALL_PROJECTIONS.find((p) => p.name === 'field-catalogue')!, ALL_PROJECTIONS.find((p) => p.name === 'membership-register')!];
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await SqliteReadStore.open({ file: ':memory:' });
  });
  afterEach(() => readStore.close());

  const standAt = (projection: string, position: number) => readStore.commit({ changes: [], checkpoint: { name: checkpointName(projection, 1), position } });

  it('counts the events not applied yet, not the distance between positions (byte offsets on EventStoreDB)', async () => {
    const { store } = logAt([1_000, 2_150, 3_300, 4_475, 5_610]);
    await standAt(directory.name, 2_150);
    await standAt(catalogue.name, 5_610);

    const statuses = await readProjectionStatuses([directory, catalogue, register], store, readStore);

    expect(statuses.map(({ name, position, head, lag }) => ({ name, position, head, lag }))).toEqual([
      { name: 'city-directory', position: 2_150, head: 5_610, lag: 3 },
      { name: 'field-catalogue', position: 5_610, head: 5_610, lag: 0 },
      { name: 'membership-register', position: 0, head: 5_610, lag: 5 },
    ]);
  });

  it('counts up to LAG_COUNTED_UP_TO, once per position however many projections stand there', async () => {
    const { store, counted } = logAt(Array.from({ length: LAG_COUNTED_UP_TO + 500 }, (_, i) => (i + 1) * 100));
    await standAt(directory.name, 100);
    await standAt(catalogue.name, 100);

    const statuses = await readProjectionStatuses([directory, catalogue, register], store, readStore);

    expect(statuses.map((s) => s.lag)).toEqual([LAG_COUNTED_UP_TO, LAG_COUNTED_UP_TO, LAG_COUNTED_UP_TO]);
    expect(counted.sort((a, b) => a - b)).toEqual([0, 100]);
  });
});

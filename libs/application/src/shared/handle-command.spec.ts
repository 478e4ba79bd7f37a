import { cityStreamId } from '@uccn/domain';
import { SqliteEventStore, type EventStore, type ReadStreamOptions, type RecordedEvent } from '@uccn/event-store';
import { executeCommand } from '../commands/registry-command.js';
import type { CommandContext } from './command-context.js';
import { envelope } from './event-envelope.js';
import { forgetStream } from './load-stream.js';

/**
 * The write path with folded states kept between commands (load-stream.ts): what it reads, and
 * why a kept state that missed an event can never produce a wrong event.
 */
const clock = { now: () => new Date('2026-06-01T12:00:00Z') };
const context: CommandContext = { actor: 'secretariat', role: 'secretariat', correlationId: 'spec' };

/** The embedded store, with each stream read written down, and a switch to hide new events once. */
async function watchedStore(): Promise<{ store: EventStore; raw: SqliteEventStore; reads: { streamId: string; options: ReadStreamOptions; events: number }[]; hideNextRead: () => void }> {
  const raw = await SqliteEventStore.open({ file: ':memory:' });
  const reads: { streamId: string; options: ReadStreamOptions; events: number }[] = [];
  let hide = false;
  const store = Object.create(raw) as EventStore;
  store.readStream = async (streamId, options = {}) => {
    // a read that raced another writer's append: it answers the stream as it stood before
    const events: RecordedEvent[] = hide ? [] : await raw.readStream(streamId, options);
    hide = false;
    reads.push({ streamId, options, events: events.length });
    return events;
  };
  return { store, raw, reads, hideNextRead: () => (hide = true) };
}

const report = (n: number) => ({ cityId: 'lyon', reportId: `report-${n}`, kind: 'national-annual', periodStart: '2020-01-01', periodEnd: '2020-12-31', submittedOn: '2021-02-01' }) as const;

describe('the write path keeps each stream folded, validated by its revision', () => {
  let opened: Awaited<ReturnType<typeof watchedStore>>;
  beforeEach(async () => {
    opened = await watchedStore();
    await executeCommand({ store: opened.store, clock }, 'DesignateCity', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-06-01' }, context);
  });
  afterEach(() => opened.raw.close());

  it('reads only the events after the kept revision: a long stream is not read again', async () => {
    for (let n = 1; n <= 30; n++) await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(n), context);
    opened.reads.length = 0;

    const result = await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(31), context);

    expect(result.revision).toBe(31);
    const cityReads = opened.reads.filter((read) => read.streamId === cityStreamId('lyon'));
    // the one event appended since the last load (the previous command's own), nothing before it
    expect(cityReads).toEqual([{ streamId: cityStreamId('lyon'), options: { fromRevision: 30 }, events: 1 }]);
    // the field catalogue is not read again either: one look for events after its kept revision
    expect(opened.reads.filter((read) => read.streamId !== cityStreamId('lyon')).every((read) => read.events === 0)).toBe(true);
  });

  it('a kept state that missed an event is refused at the append (expected revision), and the retry decides on the whole stream', async () => {
    await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(1), context);
    // the kept state now stands at revision 1; another process withdraws the city behind its back
    const withdrawal = envelope([{ type: 'MembershipWithdrawn', data: { cityId: 'lyon', effectiveOn: '2020-01-15', reason: 'voluntary' } }], { ...context, actor: 'other-process' }, {
      streamId: cityStreamId('lyon'),
      revision: 1,
      lastHash: String((await opened.raw.readStream(cityStreamId('lyon'))).at(-1)!.metadata['hash']),
    }, clock.now());
    await opened.raw.append(cityStreamId('lyon'), withdrawal, 1);

    // and the next read misses it, as a read racing the other process would: the kept state is stale
    opened.hideNextRead();
    const late = executeCommand({ store: opened.store, clock }, 'SubmitReport', { ...report(2), submittedOn: '2021-02-01' }, context);

    // the stale state would accept the report; the append's expected revision (1) is refused, the
    // stream is folded afresh and the decider sees the withdrawal: not a member on that date
    await expect(late).rejects.toMatchObject({ code: 'CityNotMemberOnDate' });
    const stream = await opened.raw.readStream(cityStreamId('lyon'));
    expect(stream.map((event) => event.type)).toEqual(['CityDesignated', 'ReportSubmitted', 'MembershipWithdrawn']);
    const lateReads = opened.reads.slice(-2).filter((read) => read.streamId === cityStreamId('lyon'));
    expect(lateReads.at(-1)).toMatchObject({ options: {}, events: 3 });
  });

  it('an idempotent retry is recognised from the kept state as from the log', async () => {
    const keyed = { ...context, idempotencyKey: 'report-7', requestHash: 'digest-7' };
    const first = await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(7), keyed);
    await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(8), context);

    const again = await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(7), keyed);
    forgetStream(opened.store, cityStreamId('lyon'));
    const fromTheLog = await executeCommand({ store: opened.store, clock }, 'SubmitReport', report(7), keyed);

    expect(again).toEqual({ ...first, replayed: true });
    expect(fromTheLog).toEqual({ ...first, replayed: true });
    await expect(executeCommand({ store: opened.store, clock }, 'SubmitReport', report(9), { ...keyed, requestHash: 'another-digest' })).rejects.toMatchObject({
      name: 'IdempotencyKeyReused',
    });
  });
});

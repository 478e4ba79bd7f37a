import { DomainError } from '@uccn/domain';
import type { ReadModels } from '@uccn/projections';
import { MembershipRegisterHandler, MembershipRegisterQuery } from './membership-register.queries.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const clock = { now: () => NOW };
/** an empty register that counts how often it is read: a refused question must not read it */
let reads = 0;
const emptyRegister = {
  collection: async () => {
    reads += 1;
    return { generation: 1, find: async () => [], count: async () => 0 };
  },
  sibling: () => ({ generation: 1, find: async () => [], count: async () => 0 }),
} as unknown as ReadModels;
const handler = new MembershipRegisterHandler(emptyRegister, clock);
const ask = (knownAt: string | undefined) => handler.execute(new MembershipRegisterQuery('2018-06-12', knownAt, { page: 1, limit: 500 }));

describe('the register as known at an instant', () => {
  beforeEach(() => (reads = 0));

  it('refuses an instant after now as a bad request naming knownAt', async () => {
    const refused = ask('2025-06-01T12:00:00.001Z');
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'KnownAtInTheFuture', kind: 'invalid', field: 'knownAt' });
    await expect(ask('2030-01-01T00:00:00Z')).rejects.toMatchObject({ code: 'KnownAtInTheFuture' });
    expect(reads).toBe(0);
  });

  it('refuses an instant in another form than RFC 3339 rather than comparing it as a string', async () => {
    await expect(ask('20190101T000000Z')).rejects.toMatchObject({ code: 'KnownAtNotAnInstant', kind: 'invalid', field: 'knownAt' });
    await expect(ask('2019-01-01T10')).rejects.toMatchObject({ code: 'KnownAtNotAnInstant' });
    expect(reads).toBe(0);
  });

  it('answers for now and any instant before it, and for no knownAt (now)', async () => {
    await expect(ask('2025-06-01T12:00:00.000Z')).resolves.toMatchObject({ asOf: '2018-06-12', knownAt: '2025-06-01T12:00:00.000Z', items: [], total: 0 });
    await expect(ask('2019-01-01T00:00:00Z')).resolves.toMatchObject({ total: 0 });
    await expect(ask(undefined)).resolves.toMatchObject({ knownAt: '2025-06-01T12:00:00.000Z' });
    expect(reads).toBeGreaterThan(0);
  });
});

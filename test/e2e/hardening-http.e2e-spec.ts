import { registrySuite } from './support/registry-suite.js';

/** Issue 15: what probing the running API found, each refused as a 400 (never a 500) or answered right. */

const city = (cityId: string) => ({ cityId, name: `City ${cityId}`, country: 'IT', field: 'design', designatedOn: '2014-12-01' });

/** `2026-11-30T00:00:00.000Z` as ISO 8601 basic format: `20261130T000000Z`. */
const basicFormat = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('the register as known at an instant', () => {
  const registry = registrySuite();

  it('refuses knownAt in ISO 8601 basic format (400) rather than comparing it as a string and answering as known now', async () => {
    const before = new Date(Date.now() - 60_000);
    const designated = await registry.accepted('/api/admin/cities', city(registry.uniqueId('basic')));
    await registry.settled(designated.body.position);
    const extended = await registry.auditor.get(`/api/audit/membership?asOf=2020-01-01&knownAt=${encodeURIComponent(before.toISOString())}`);
    expect(extended.status).toBe(200);
    expect(extended.body.total).toBe(0);
    const basic = await registry.auditor.get(`/api/audit/membership?asOf=2020-01-01&knownAt=${basicFormat(before)}`);
    expect(basic.status).toBe(400);
    expect(basic.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(basic.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
  });
});

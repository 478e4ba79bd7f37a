import type { Stored } from '../projection.js';
import { filtersOnHosts, hostIdsOf, meetingItem, meetingMatches, meetingsFindOptions, type HostCity } from './meetings-list.js';
import type { MeetingDoc } from './meetings.projection.js';

/* Annual conferences of seed 001 and data/uccn-conferences.csv; the national meeting is illustrative. */
const meeting = (meetingId: string, hostCityIds: string[], startsOn: string, extra: Partial<MeetingDoc> = {}): Stored<MeetingDoc> => ({
  id: meetingId, meetingId, kind: 'annual-conference', title: meetingId, edition: null, field: null, country: null, hostCityIds, venue: null,
  startsOn, endsOn: startsOn, year: Number(startsOn.slice(0, 4)), theme: null, format: 'in-person', status: 'scheduled',
  attendeeCityIds: [], attendance: 0, heldFrom: null, heldTo: null, cancellation: null, replaces: null, lastEventId: 'e', lastPosition: 1, ...extra,
});
const KRAKOW_KATOWICE_2018 = meeting('annual-conference-2018', ['krakow', 'katowice'], '2018-06-12', { status: 'hosted', heldFrom: '2018-06-12', heldTo: '2018-06-15' });
const PARIS_2008 = meeting('annual-conference-2008-paris', [], '2008-05-05', { venue: 'UNESCO Headquarters, Paris', status: 'hosted' });
const ENGHIEN_2025 = meeting('annual-conference-2025', ['enghien-les-bains'], '2025-06-23');
const SWEDEN_2026 = meeting('national-se-2026', ['ostersund'], '2026-03-10', { kind: 'national', country: 'SE' });

const HOSTS: ReadonlyMap<string, HostCity> = new Map(
  [
    { cityId: 'krakow', name: 'Kraków', country: 'PL' },
    { cityId: 'katowice', name: 'Katowice', country: 'PL' },
    { cityId: 'enghien-les-bains', name: 'Enghien-les-Bains', country: 'FR' },
    { cityId: 'ostersund', name: 'Östersund', country: 'SE' },
  ].map((c) => [c.cityId, c]),
);

describe('the meetings list', () => {
  it('names the hosts beside their ids, in order; a venue-only meeting has none', () => {
    expect(meetingItem(KRAKOW_KATOWICE_2018, HOSTS, '2025-01-01').hosts).toEqual([{ cityId: 'krakow', name: 'Kraków' }, { cityId: 'katowice', name: 'Katowice' }]);
    expect(meetingItem(PARIS_2008, HOSTS, '2025-01-01').hosts).toEqual([]);
    expect(meetingItem(meeting('m', ['atlantis'], '2019-01-01'), HOSTS, '2025-01-01').hosts).toEqual([{ cityId: 'atlantis', name: null }]);
  });

  it('marks a meeting still to come as upcoming, and never a held or cancelled one', () => {
    expect(meetingItem(ENGHIEN_2025, HOSTS, '2025-01-01')).toMatchObject({ status: 'scheduled', upcoming: true });
    expect(meetingItem(ENGHIEN_2025, HOSTS, '2025-06-23')).toMatchObject({ status: 'scheduled', upcoming: false });
    expect(meetingItem(KRAKOW_KATOWICE_2018, HOSTS, '2018-01-01')).toMatchObject({ status: 'hosted', upcoming: false });
    expect(meetingItem({ ...ENGHIEN_2025, status: 'cancelled' }, HOSTS, '2025-01-01')).toMatchObject({ status: 'cancelled', upcoming: false });
  });

  it('filters by host city', () => {
    const hostedBy = (hostCityId: string) => [KRAKOW_KATOWICE_2018, PARIS_2008, ENGHIEN_2025, SWEDEN_2026].filter((m) => meetingMatches(m, HOSTS, { hostCityId })).map((m) => m.id);
    expect(hostedBy('katowice')).toEqual(['annual-conference-2018']);
    expect(hostedBy('paris')).toEqual([]);
  });

  it('filters by country: a national meeting’s own, or a host city’s', () => {
    const inCountry = (country: string) => [KRAKOW_KATOWICE_2018, PARIS_2008, ENGHIEN_2025, SWEDEN_2026].filter((m) => meetingMatches(m, HOSTS, { country })).map((m) => m.id);
    expect(inCountry('PL')).toEqual(['annual-conference-2018']);
    expect(inCountry('SE')).toEqual(['national-se-2026']);
    expect(inCountry('FR')).toEqual(['annual-conference-2025']);
  });

  it('asks the store for kind, year and field, and needs the hosts only for country and host', () => {
    expect(meetingsFindOptions({ kind: 'subnetwork', field: 'music' }, 2, 10)).toEqual({ filter: { kind: 'subnetwork', field: 'music' }, sort: [['startsOn', 1]], skip: 10, limit: 10 });
    expect(meetingsFindOptions({ year: 2018 })).toEqual({ filter: { year: 2018 }, sort: [['startsOn', 1]] });
    expect([filtersOnHosts({ kind: 'national' }), filtersOnHosts({ country: 'SE' }), filtersOnHosts({ hostCityId: 'krakow' })]).toEqual([false, true, true]);
    expect(hostIdsOf([KRAKOW_KATOWICE_2018, PARIS_2008, meeting('m', ['krakow'], '2019-01-01')])).toEqual(['krakow', 'katowice']);
  });
});

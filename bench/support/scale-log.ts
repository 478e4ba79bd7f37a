import { randomUUID } from 'node:crypto';
import { envelope, type CommandContext } from '@uccn/application';
import { applicationStreamId, cityStreamId, meetingStreamId, NETWORK_STREAM, type DomainEvent } from '@uccn/domain';
import type { EventStore } from '@uccn/event-store';

/**
 * A registry grown large: `cities` member cities with four years of monitoring reports and
 * their reviews, some field changes and withdrawals, a call's worth of applications (one per five cities), meetings (one per hundred),
 * and the field added in 2025, topped up with national reports to exactly `events` events. Every
 * event is wrapped as the application wraps it (ids, metadata, the per-stream hash chain) and
 * appended through the store port, so projections and the audit see a log like a real one.
 */
export interface ScaleLogShape {
  readonly events: number;
  readonly cities: number;
}

const FIELDS = ['crafts-and-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'] as const;
const COUNTRIES = (
  'AR AT AU BE BR CA CH CL CN CO CZ DE DK EG ES FI FR GB GR HU ID IE IL IN IR IT JP KE KR LB MA MX NG NL NO NZ PE PH PL PT RO RU SE SG TH TR UA US VN ZA'
).split(' ');

export const cityIdOf = (i: number) => `city-${String(i).padStart(6, '0')}`;
export const countryOf = (i: number) => COUNTRIES[i % COUNTRIES.length]!;
export const fieldOf = (i: number) => FIELDS[i % FIELDS.length]!;
/** Designated 2004–2016, so four years of reports all lie in the past. */
const yearOf = (i: number) => 2004 + (i % 13);
const dateIn = (year: number, i: number) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
/** One city in twenty withdraws, one in ten (others) changes field. */
export const withdraws = (i: number) => i % 20 === 7;
const changesField = (i: number) => i % 10 === 3;

const REPORT_ROUNDS = 4;
/** a member city whose stream holds this many events, for commands on a long stream */
export const LONG_STREAM_CITY = 'long-stream-city';
export const LONG_STREAM_EVENTS = 5_000;
/** streams appended before the bench waits for their group commits */
const APPENDS_IN_FLIGHT = 20_000;

interface StreamHead {
  revision: number;
  lastHash: string | null;
}

export async function writeScaleLog(store: EventStore, shape: ScaleLogShape): Promise<number> {
  const context: CommandContext = { actor: 'bench-seed', role: 'secretariat', correlationId: randomUUID() };
  const heads = new Map<string, StreamHead>();
  let written = 0;
  let recordedAt = Date.parse('2024-01-01T00:00:00.000Z');
  let inFlight: Promise<unknown>[] = [];

  const append = async (streamId: string, events: DomainEvent[]) => {
    const head = heads.get(streamId) ?? { revision: -1, lastHash: null };
    const proposed = envelope(events, context, { streamId, ...head }, new Date((recordedAt += 7)));
    heads.set(streamId, { revision: head.revision + proposed.length, lastHash: String(proposed.at(-1)!.metadata['hash']) });
    written += proposed.length;
    inFlight.push(store.append(streamId, proposed, head.revision === -1 ? 'no-stream' : head.revision));
    if (inFlight.length >= APPENDS_IN_FLIGHT) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  };

  await append(NETWORK_STREAM, [{ type: 'CreativeFieldAdded', data: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' } }]);
  for (let i = 0; i < shape.cities; i++) {
    await append(cityStreamId(cityIdOf(i)), [
      { type: 'CityDesignated', data: { cityId: cityIdOf(i), name: `City ${i}`, country: countryOf(i), field: fieldOf(i), designatedOn: dateIn(yearOf(i), i) } },
    ]);
  }
  for (let round = 1; round <= REPORT_ROUNDS; round++) {
    for (let i = 0; i < shape.cities; i++) {
      const year = yearOf(i) + round - 1;
      const reportId = `monitoring-${year}`;
      await append(cityStreamId(cityIdOf(i)), [
        { type: 'ReportSubmitted', data: { cityId: cityIdOf(i), reportId, kind: 'membership-monitoring', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, submittedOn: `${year + 1}-03-15` } },
        { type: 'ReportReviewed', data: { cityId: cityIdOf(i), reportId, outcome: i % 9 === 0 ? 'revision-requested' : 'accepted', reviewedOn: `${year + 1}-06-15` } },
      ]);
    }
  }
  for (let k = 0; k < shape.cities / 5; k++) {
    const callYear = 2019 + (k % 6);
    const applicationId = `application-${k}`;
    const city = { cityId: `candidate-${k}`, cityName: `Candidate ${k}`, country: countryOf(k), field: fieldOf(k) };
    await append(applicationStreamId(applicationId), [
      { type: 'ApplicationSubmitted', data: { applicationId, ...city, callYear, submittedOn: `${callYear}-06-01` } },
      { type: 'ApplicationEndorsed', data: { applicationId, endorsedOn: `${callYear}-06-20`, by: 'National Commission for UNESCO' } },
      { type: 'ApplicationDecided', data: { applicationId, decision: 'not-designated', decidedOn: `${callYear}-10-31`, ...city } },
    ]);
  }
  for (let k = 0; k < shape.cities / 100; k++) {
    const year = 2008 + (k % 17);
    const meetingId = `meeting-${k}`;
    const hosts = [cityIdOf((k * 97) % shape.cities)];
    await append(meetingStreamId(meetingId), [
      { type: 'MeetingScheduled', data: { meetingId, kind: 'subnetwork', title: `Subnetwork meeting ${k}`, field: fieldOf(k), hostCityIds: hosts, startsOn: `${year}-05-10`, endsOn: `${year}-05-12`, format: 'in-person' } },
      { type: 'MeetingHosted', data: { meetingId, attendeeCityIds: [...hosts, cityIdOf((k * 31 + 1) % shape.cities)], heldFrom: `${year}-05-10`, heldTo: `${year}-05-12`, format: 'in-person' } },
    ]);
  }
  for (let i = 0; i < shape.cities; i++) {
    if (changesField(i)) {
      await append(cityStreamId(cityIdOf(i)), [
        { type: 'CityFieldChanged', data: { cityId: cityIdOf(i), from: fieldOf(i), to: fieldOf(i + 1), effectiveOn: `${yearOf(i) + 5}-02-01` } },
      ]);
    }
  }
  // one long stream: a city with LONG_STREAM_EVENTS events, for a command's cost on a long stream
  await append(cityStreamId(LONG_STREAM_CITY), [
    { type: 'CityDesignated', data: { cityId: LONG_STREAM_CITY, name: 'Long Stream City', country: 'FR', field: 'music', designatedOn: '2004-03-01' } },
  ]);
  for (let n = 1; n < LONG_STREAM_EVENTS; n++) {
    await append(cityStreamId(LONG_STREAM_CITY), [
      { type: 'ReportSubmitted', data: { cityId: LONG_STREAM_CITY, reportId: `long-${n}`, kind: 'national-annual', periodStart: '2005-01-01', periodEnd: '2005-12-31', submittedOn: '2006-02-01' } },
    ]);
  }
  // national reports up to the round figure, before the withdrawals so each lands on a member
  const topUp = shape.events - written - [...Array(shape.cities).keys()].filter(withdraws).length;
  for (let n = 0, i = 0; n < topUp; i++) {
    if (withdraws(i % shape.cities)) continue;
    const c = i % shape.cities;
    const year = 2021 + Math.floor(i / shape.cities);
    await append(cityStreamId(cityIdOf(c)), [
      { type: 'ReportSubmitted', data: { cityId: cityIdOf(c), reportId: `national-${year}`, kind: 'national-annual', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, submittedOn: `${year + 1}-02-01` } },
    ]);
    n += 1;
  }
  for (let i = 0; i < shape.cities; i++) {
    if (withdraws(i)) {
      await append(cityStreamId(cityIdOf(i)), [{ type: 'MembershipWithdrawn', data: { cityId: cityIdOf(i), effectiveOn: `${yearOf(i) + 6}-01-15`, reason: 'voluntary' } }]);
    }
  }
  await Promise.all(inFlight);
  return written;
}

import { assertCollectionName, assertFieldPath } from '@uccn/read-store';
import { isRegistryEventType } from '@uccn/domain';
import { ALL_PROJECTIONS } from './all-projections.js';
import { logOf, projectEvents, recorded } from './testing/project-events.js';

/** A small log with every event type of the registry, in a plausible order. */
const everyKindOfEvent = logOf(
  recorded('CreativeFieldAdded', { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' }),
  recorded('ApplicationSubmitted', {
    applicationId: 'ostersund-2010', cityId: 'ostersund', cityName: 'Östersund', country: 'SE', field: 'gastronomy', callYear: 2010, submittedOn: '2010-03-01',
  }),
  recorded('ApplicationEndorsed', { applicationId: 'ostersund-2010', endorsedOn: '2010-03-20', by: 'Svenska Unescorådet' }),
  recorded('ApplicationDecided', {
    applicationId: 'ostersund-2010', decision: 'designated', decidedOn: '2010-06-22', cityId: 'ostersund', cityName: 'Östersund', country: 'SE', field: 'gastronomy',
  }),
  recorded('CityDesignated', {
    cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-22', applicationId: 'ostersund-2010',
  }),
  recorded('CityDesignated', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' }),
  recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' }),
  recorded('ReportSubmitted', {
    cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-06-01',
  }),
  recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'accepted', reviewedOn: '2014-09-01' }),
  recorded('MembershipWithdrawn', { cityId: 'lyon', effectiveOn: '2025-01-01', reason: 'voluntary' }),
  recorded('MeetingScheduled', {
    meetingId: 'uccn-2016', kind: 'annual-conference', title: 'X Annual Conference', edition: 10, hostCityIds: ['ostersund'],
    startsOn: '2016-09-14', endsOn: '2016-09-16', format: 'in-person',
  }),
  recorded('MeetingHosted', { meetingId: 'uccn-2016', attendeeCityIds: ['ostersund'], heldFrom: '2016-09-14', heldTo: '2016-09-16', format: 'in-person' }),
  recorded('MeetingScheduled', {
    meetingId: 'uccn-2020', kind: 'annual-conference', title: 'Annual Conference 2020', hostCityIds: ['santos'],
    startsOn: '2020-06-22', endsOn: '2020-06-26', format: 'in-person',
  }),
  recorded('MeetingCancelled', { meetingId: 'uccn-2020', cancelledOn: '2020-03-20', reason: 'COVID-19 pandemic', forceMajeure: true }),
  recorded('PartnershipLaunched', {
    partnershipId: 'creative-cities', name: 'Creative Cities', leadPartner: { name: 'City of Leipzig', country: 'DE' }, partners: [],
    creativeIndustries: [], startsOn: '2010-01-01',
  }),
  recorded('PartnerJoined', { partnershipId: 'creative-cities', partner: { name: 'City of Pécs', country: 'HU' }, joinedOn: '2010-06-01' }),
  recorded('PartnershipConcluded', { partnershipId: 'creative-cities', concludedOn: '2012-12-31' }),
);

describe('all projections', () => {
  it('have unique kebab-case names', () => {
    const names = ALL_PROJECTIONS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('declare valid collection names and index fields, and handle only events of the registry', () => {
    for (const projection of ALL_PROJECTIONS) {
      for (const [collection, { indexes }] of Object.entries(projection.collections)) {
        expect(() => assertCollectionName(collection)).not.toThrow();
        for (const field of indexes.flat()) expect(() => assertFieldPath(field)).not.toThrow();
      }
      for (const type of projection.handles) expect(isRegistryEventType(type)).toBe(true);
    }
  });

  it('every event type is read by at least one projection', () => {
    const handled = new Set(ALL_PROJECTIONS.flatMap((p) => p.handles));
    expect([...new Set(everyKindOfEvent.map((e) => e.type))].filter((t) => !handled.has(t))).toEqual([]);
  });

  it.each(ALL_PROJECTIONS.map((p) => [p.name, p] as const))('%s: a rebuild from the same log gives the same documents, each with lineage', (_name, projection) => {
    const first = projectEvents(projection, everyKindOfEvent);
    const second = projectEvents(projection, everyKindOfEvent);

    expect(second).toEqual(first);
    const written = [...first.values()].flatMap((docs) => [...docs.values()]);
    expect(written.length).toBeGreaterThan(0);
    for (const doc of written) {
      const source = everyKindOfEvent.find((e) => e.id === doc['lastEventId']);
      expect(source?.position).toBe(doc['lastPosition']);
    }
  });
});

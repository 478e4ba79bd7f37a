import { compare, isRegistryEventType } from '@uccn/domain';
import type { RecordedEvent } from '@uccn/event-store';
import { assertCollectionName, assertFieldPath, SqliteReadStore, type Document, type ReadStore } from '@uccn/read-store';
import { ALL_PROJECTIONS } from './all-projections.js';
import type { ProjectionDefinition } from './projection.js';
import { applyBatch } from './runner/apply-batch.js';
import { physicalCollection } from './runner/projection-catalog.js';
import { logOf, recorded } from '../../../test/support/project-events.js';
import { recordedContact } from '../../../test/support/personal-data.js';

/** A small log with every event type of the registry, in a plausible order. */
const everyKindOfEvent = logOf(
  recorded('CreativeFieldAdded', { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' }),
  recorded('ApplicationSubmitted', {
    applicationId: 'ostersund-2010', cityId: 'ostersund', cityName: 'Östersund', country: 'SE', field: 'gastronomy', callYear: 2010, submittedOn: '2010-03-01',
  }),
  recorded('ApplicationEndorsed', { applicationId: 'ostersund-2010', endorsedOn: '2010-03-20', by: 'Svenska Unescorådet', outcome: 'endorsed' }),
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
  recorded('CityRecordCorrected', { cityId: 'lyon', reason: 'UNESCO’s list', before: { field: 'media-arts', designatedOn: '2008-11-03' }, after: { field: 'design', designatedOn: '2008-10-20' } }),
  recorded('ReportRecordCorrected', { cityId: 'ostersund', reportId: 'mmr-2014', reason: 'its cover letter', before: { submittedOn: '2014-06-01' }, after: { submittedOn: '2014-05-15' } }),
  recorded('MembershipWithdrawalRetracted', { cityId: 'lyon', reason: 'entered for the wrong city', retracted: { effectiveOn: '2025-01-01', reason: 'voluntary' } }),
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
    creativeIndustries: [], startsOn: '2010-01-01', contacts: [recordedContact('ada.testperson', 'lead partner contact')],
  }),
  recorded('PartnershipContactAdded', { partnershipId: 'creative-cities', contact: recordedContact('bo.inventedname', 'communication manager') }),
  recorded('FocalPointAssigned', { cityId: 'ostersund', focalPoint: recordedContact('cy.madeup', 'focal point') }),
  recorded('DataSubjectErased', { subjectId: recordedContact('ada.testperson', '').subjectId, reason: 'asked to be forgotten', keyId: 'key-of-ada-testperson' }),
  recorded('PartnerJoined', { partnershipId: 'creative-cities', partner: { name: 'City of Pécs', country: 'HU' }, joinedOn: '2010-06-01' }),
  recorded('PartnershipConcluded', { partnershipId: 'creative-cities', concludedOn: '2012-12-31' }),
);

describe('all projections', () => {
  it('have unique kebab-case names', async () => {
    const names = ALL_PROJECTIONS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('declare valid collection names and index fields, and handle only events of the registry', async () => {
    for (const projection of ALL_PROJECTIONS) {
      for (const [collection, { indexes }] of Object.entries(projection.collections)) {
        expect(() => assertCollectionName(collection)).not.toThrow();
        for (const field of indexes.flat()) expect(() => assertFieldPath(field)).not.toThrow();
      }
      for (const type of projection.handles) expect(isRegistryEventType(type)).toBe(true);
    }
  });

  it('every event type is read by at least one projection', async () => {
    const handled = new Set(ALL_PROJECTIONS.flatMap((p) => p.handles));
    expect([...new Set(everyKindOfEvent.map((e) => e.type))].filter((t) => !handled.has(t))).toEqual([]);
  });

  describe.each(ALL_PROJECTIONS.map((p) => [p.name, p] as const))('%s, applied by the runner to a real read store', (_name, projection) => {
    let store: SqliteReadStore;
    beforeEach(async () => (store = await SqliteReadStore.open({ file: ':memory:' })));
    afterEach(() => store.close());

    it('gives the same documents whether the log comes one event a batch or all in one', async () => {
      const eventByEvent = await runnerDocuments(store, projection, 1, everyKindOfEvent.map((event) => [event]));
      const oneBatch = await runnerDocuments(store, projection, 2, [everyKindOfEvent]);

      expect(oneBatch).toEqual(eventByEvent);
    });

    it('stamps every document with the event that last changed it', async () => {
      const written = Object.values(await runnerDocuments(store, projection, 1, [everyKindOfEvent])).flat();
      expect(written.length).toBeGreaterThan(0);
      for (const doc of written) {
        const source = everyKindOfEvent.find((e) => e.id === doc['lastEventId']);
        expect(source?.position).toBe(doc['lastPosition']);
      }
    });
  });
});

/** Applies the batches with the runner's applyBatch, committing each; answers collection → documents by id. */
async function runnerDocuments(store: ReadStore, projection: ProjectionDefinition, generation: number, batches: readonly (readonly RecordedEvent[])[]) {
  let position = 0;
  for (const batch of batches) {
    const outcome = await applyBatch(projection, generation, batch, store, position);
    if (outcome.failure) throw outcome.failure;
    await store.commit({ changes: outcome.changes, checkpoint: { name: `${projection.name}@v${generation}`, position: outcome.position } });
    position = outcome.position;
  }
  const documents: Record<string, Document[]> = {};
  for (const collection of Object.keys(projection.collections)) {
    documents[collection] = sortById(await store.find(physicalCollection(projection.name, collection, generation)));
  }
  return documents;
}

const sortById = (docs: Document[]) => [...docs].sort((a, b) => compare(a.id, b.id));

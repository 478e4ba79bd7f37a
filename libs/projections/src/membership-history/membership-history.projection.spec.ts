import type { Document } from '@uccn/read-store';
import { documentsOf, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { HISTORY, cityHistoryQuery, historyEntryId, membershipHistoryProjection } from './membership-history.projection.js';

describe('membership history projection', () => {
  const events = logOf(
    recorded(
      'CityDesignated',
      { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' },
      { recordedAt: '2026-02-01T09:00:00Z', actor: 'importer', role: 'secretariat', correlationId: 'import-1' },
    ),
    recorded('MeetingScheduled', {
      meetingId: 'uccn-2009', kind: 'annual-conference', title: 'III Annual Conference', edition: 3,
      hostCityIds: ['lyon'], startsOn: '2009-09-01', endsOn: '2009-09-03', format: 'in-person',
    }),
    recorded(
      'CityFieldChanged',
      { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
      { recordedAt: '2026-02-02T10:30:00.000Z', actor: 'alice', role: 'secretariat', correlationId: 'c-2' },
    ),
    recorded('ReportSubmitted', {
      cityId: 'lyon', reportId: 'mmr-2012', kind: 'membership-monitoring', periodStart: '2008-11-03', periodEnd: '2012-11-02', submittedOn: '2012-10-15',
    }),
    recorded('ReportReviewed', { cityId: 'lyon', reportId: 'mmr-2012', outcome: 'revision-requested', reviewedOn: '2013-01-20' }),
    recorded('CityDesignated', { cityId: 'harbin', name: 'Harbin', country: 'CN', field: 'music', designatedOn: '2010-06-22' }),
    recorded('MembershipWithdrawn', { cityId: 'harbin', effectiveOn: '2019-12-31', reason: 'excluded' }),
  );
  let history: Document[];
  beforeAll(async () => (history = documentsOf(await projectEvents(membershipHistoryProjection, events), HISTORY)));

  it('records every change of a city with both clocks, the actor, the event type, its id and its global position', async () => {
    expect(history.find((h) => h.eventId === 'event-3')).toEqual({
      id: historyEntryId(3),
      eventId: 'event-3',
      cityId: 'lyon',
      streamId: 'city-lyon',
      revision: 1,
      position: 3,
      type: 'CityFieldChanged',
      domainDate: '2023-10-31',
      recordedAt: '2026-02-02T10:30:00.000Z',
      actor: 'alice',
      role: 'secretariat',
      correlationId: 'c-2',
      summary: 'field changed from media-arts to literature',
      data: { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
      lastEventId: 'event-3',
      lastPosition: 3,
    });
  });

  it('keeps a domain date far older than the recording, and writes the instant in canonical form', async () => {
    expect(history.find((h) => h.eventId === 'event-1')).toMatchObject({
      domainDate: '2008-11-03', recordedAt: '2026-02-01T09:00:00.000Z', actor: 'importer', summary: 'designated in media-arts',
    });
  });

  it('has one entry per city event and none for other aggregates', async () => {
    expect(history.map((h) => [h['cityId'], h['position'], h['type'], h['domainDate'], h['summary']])).toEqual([
      ['lyon', 1, 'CityDesignated', '2008-11-03', 'designated in media-arts'],
      ['lyon', 3, 'CityFieldChanged', '2023-10-31', 'field changed from media-arts to literature'],
      ['lyon', 4, 'ReportSubmitted', '2012-10-15', 'membership-monitoring report mmr-2012 submitted'],
      ['lyon', 5, 'ReportReviewed', '2013-01-20', 'report mmr-2012 reviewed: revision-requested'],
      ['harbin', 6, 'CityDesignated', '2010-06-22', 'designated in music'],
      ['harbin', 7, 'MembershipWithdrawn', '2019-12-31', 'membership withdrawn (excluded)'],
    ]);
  });

  it('reads a city timeline by city in log order', async () => {
    expect(cityHistoryQuery('lyon')).toEqual({ filter: { cityId: 'lyon' }, sort: [['position', 1]] });
  });

  describe('corrections (DESIGN §6)', () => {
    const santaFe = logOf(
      recorded(
        'CityDesignated',
        { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-12-31' },
        { recordedAt: '2024-03-01T09:00:00.000Z', actor: 'importer' },
      ),
      recorded(
        'CityRecordCorrected',
        { cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
        { recordedAt: '2026-02-10T10:00:00Z', actor: 'alice', correlationId: 'c-9' },
      ),
      recorded(
        'ReportSubmitted',
        { cityId: 'santa-fe', reportId: 'mmr-2009', kind: 'membership-monitoring', periodStart: '2005-07-13', periodEnd: '2009-07-12', submittedOn: '2009-11-20' },
      ),
      recorded(
        'ReportRecordCorrected',
        { cityId: 'santa-fe', reportId: 'mmr-2009', reason: 'dated by its cover letter', before: { submittedOn: '2009-11-20' }, after: { submittedOn: '2009-07-01' } },
        { actor: 'bob' },
      ),
      recorded(
        'ReportRecordCorrected',
        { cityId: 'santa-fe', reportId: 'mmr-2009', reason: 'as on its cover', before: {}, after: { title: 'Santa Fe 2005–2009' } },
      ),
      recorded(
        'CityRecordCorrected',
        { cityId: 'santa-fe', reason: 'the city’s own spelling', before: { name: 'Santa Fe' }, after: { name: 'Santa Fe de Nuevo México' } },
      ),
      recorded('MembershipWithdrawn', { cityId: 'santa-fe', effectiveOn: '2020-01-01', reason: 'voluntary' }),
      recorded(
        'MembershipWithdrawalRetracted',
        { cityId: 'santa-fe', reason: 'entered for the wrong city', retracted: { effectiveOn: '2020-01-01', reason: 'voluntary' } },
        { recordedAt: '2026-03-01T00:00:00.000Z', actor: 'carol' },
      ),
    );
    const timeline = projectEvents(membershipHistoryProjection, santaFe).then((projected) => documentsOf(projected, HISTORY).filter((h) => h['cityId'] === 'santa-fe'));

    it('records a corrected designation date with the values before and after, the reason, the actor and both clocks', async () => {
      expect((await timeline).find((h) => h.eventId === 'event-2')).toEqual({
        id: historyEntryId(2),
        eventId: 'event-2',
        cityId: 'santa-fe',
        streamId: 'city-santa-fe',
        revision: 1,
        position: 2,
        type: 'CityRecordCorrected',
        // dated by the fact it corrects, as corrected
        domainDate: '2005-07-13',
        recordedAt: '2026-02-10T10:00:00.000Z',
        actor: 'alice',
        role: 'secretariat',
        correlationId: 'c-9',
        summary: 'designation date corrected from 2005-12-31 to 2005-07-13: UNESCO press release of 13 July 2005',
        data: { cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
        lastEventId: 'event-2',
        lastPosition: 2,
      });
    });

    it('dates each correction by the fact it corrects, and says in words what changed', async () => {
      expect((await timeline).map((h) => [h['type'], h['domainDate'], h['actor'], h['summary']])).toEqual([
        ['CityDesignated', '2005-12-31', 'importer', 'designated in crafts-and-folk-art'],
        ['CityRecordCorrected', '2005-07-13', 'alice', 'designation date corrected from 2005-12-31 to 2005-07-13: UNESCO press release of 13 July 2005'],
        ['ReportSubmitted', '2009-11-20', 'secretariat-key', 'membership-monitoring report mmr-2009 submitted'],
        ['ReportRecordCorrected', '2009-07-01', 'bob', 'report mmr-2009: submission date corrected from 2009-11-20 to 2009-07-01: dated by its cover letter'],
        // a title only: dated by the report's submission as corrected before
        ['ReportRecordCorrected', '2009-07-01', 'secretariat-key', 'report mmr-2009: title set to Santa Fe 2005–2009: as on its cover'],
        // a name only: dated by the designation as corrected before
        ['CityRecordCorrected', '2005-07-13', 'secretariat-key', 'name corrected from Santa Fe to Santa Fe de Nuevo México: the city’s own spelling'],
        ['MembershipWithdrawn', '2020-01-01', 'secretariat-key', 'membership withdrawn (voluntary)'],
        ['MembershipWithdrawalRetracted', '2020-01-01', 'carol', 'withdrawal of 2020-01-01 (voluntary) retracted: entered for the wrong city'],
      ]);
    });

    it('dates the corrections alike when each event comes in a batch of its own, reading the dates the batches before stored', async () => {
      const oneByOne = documentsOf(await projectEvents(membershipHistoryProjection, santaFe, { batchSize: 1 }), HISTORY).filter((h) => h['cityId'] === 'santa-fe');

      expect(oneByOne).toEqual(await timeline);
    });

    it('keys each entry by its log position, so entries are stored in log order', async () => {
      expect((await timeline).map((h) => h.id)).toEqual((await timeline).map((h) => historyEntryId(h['position'] as number)));
      expect([...(await timeline).map((h) => h.id)].sort()).toEqual((await timeline).map((h) => h.id));
    });

    it('leaves the entries recorded before a correction as they were recorded', async () => {
      expect((await timeline)[0]).toMatchObject({ domainDate: '2005-12-31', data: { designatedOn: '2005-12-31' }, lastPosition: 1 });
    });

    it('names every corrected fact of a designation', async () => {
      const events = logOf(
        recorded('CityDesignated', { cityId: 'krakow', name: 'Krakow', country: 'PT', field: 'music', designatedOn: '2013-10-21' }),
        recorded('CityRecordCorrected', {
          cityId: 'krakow', reason: 'UNESCO’s list', before: { name: 'Krakow', country: 'PT', field: 'music' }, after: { name: 'Kraków', country: 'PL', field: 'literature' },
        }),
      );

      expect(documentsOf(await projectEvents(membershipHistoryProjection, events), HISTORY).at(-1)).toMatchObject({
        domainDate: '2013-10-21',
        summary: 'name corrected from Krakow to Kraków, country corrected from PT to PL, designation field corrected from music to literature: UNESCO’s list',
      });
    });
  });
});

import type { Document } from '@uccn/read-store';
import { documentsOf, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { HISTORY, cityHistoryQuery, membershipHistoryProjection } from './membership-history.projection.js';

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

  it('records every change of a city with both clocks, the actor, the event type, its id and its global position', () => {
    expect(history.find((h) => h.id === 'event-3')).toEqual({
      id: 'event-3',
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

  it('keeps a domain date far older than the recording, and writes the instant in canonical form', () => {
    expect(history.find((h) => h.id === 'event-1')).toMatchObject({
      domainDate: '2008-11-03', recordedAt: '2026-02-01T09:00:00.000Z', actor: 'importer', summary: 'designated in media-arts',
    });
  });

  it('has one entry per city event and none for other aggregates', () => {
    expect(history.map((h) => [h['cityId'], h['position'], h['type'], h['domainDate'], h['summary']])).toEqual([
      ['lyon', 1, 'CityDesignated', '2008-11-03', 'designated in media-arts'],
      ['lyon', 3, 'CityFieldChanged', '2023-10-31', 'field changed from media-arts to literature'],
      ['lyon', 4, 'ReportSubmitted', '2012-10-15', 'membership-monitoring report mmr-2012 submitted'],
      ['lyon', 5, 'ReportReviewed', '2013-01-20', 'report mmr-2012 reviewed: revision-requested'],
      ['harbin', 6, 'CityDesignated', '2010-06-22', 'designated in music'],
      ['harbin', 7, 'MembershipWithdrawn', '2019-12-31', 'membership withdrawn (excluded)'],
    ]);
  });

  it('reads a city timeline by city in log order', () => {
    expect(cityHistoryQuery('lyon')).toEqual({ filter: { cityId: 'lyon' }, sort: [['position', 1]] });
  });
});

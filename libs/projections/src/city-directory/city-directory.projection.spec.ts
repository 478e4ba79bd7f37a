import type { RecordedEvent } from '@uccn/event-store';
import { documentsOf, logOf, projectEvents, recorded } from '../testing/project-events.js';
import { CITIES, cityDirectoryProjection, cityDirectoryQuery, membersOnFilter } from './city-directory.projection.js';

const lyonDesignated = recorded(
  'CityDesignated',
  { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' },
  { recordedAt: '2008-11-04T10:00:00.000Z' },
);
const ostersundDesignated = recorded(
  'CityDesignated',
  { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-22', applicationId: 'ostersund-2010' },
  { recordedAt: '2010-06-23T08:00:00.000Z' },
);

const cityOf = (events: readonly RecordedEvent[], cityId: string) =>
  projectEvents(cityDirectoryProjection, logOf(...events)).get(CITIES)?.get(cityId);

describe('city directory projection', () => {
  it('lists a designated city as a member with its field, both clocks and the first monitoring report due', () => {
    expect(cityOf([lyonDesignated], 'lyon')).toEqual({
      id: 'lyon',
      cityId: 'lyon',
      name: 'Lyon',
      country: 'FR',
      field: 'media-arts',
      status: 'member',
      designatedOn: '2008-11-03',
      designationRecordedAt: '2008-11-04T10:00:00.000Z',
      applicationId: null,
      fieldHistory: [{ field: 'media-arts', from: '2008-11-03' }],
      withdrawnOn: null,
      withdrawalReason: null,
      memberUntil: '9999-12-31',
      reportCount: 0,
      lastReports: { membershipMonitoring: null, nationalAnnual: null },
      monitoringReportDates: [],
      monitoringReports: [],
      lastMonitoringReportOn: null,
      // designated before the monitoring rule (2015): its first report is due four years after the rule
      nextMonitoringReportDue: '2019-05-28',
      lastEventId: 'event-1',
      lastPosition: 1,
    });
  });

  it('moves Lyon from media arts (2008) to literature (2023) and keeps the field history', () => {
    const changed = recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' });

    const lyon = cityOf([lyonDesignated, changed], 'lyon');

    expect(lyon).toMatchObject({
      field: 'literature',
      status: 'member',
      designatedOn: '2008-11-03',
      fieldHistory: [
        { field: 'media-arts', from: '2008-11-03' },
        { field: 'literature', from: '2023-10-31' },
      ],
      lastEventId: 'event-2',
      lastPosition: 2,
    });
  });

  it('keeps the last report of each kind with its review, and schedules monitoring from the rule for a city designated before it', () => {
    const events = [
      ostersundDesignated,
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'mmr-2019', kind: 'membership-monitoring',
        periodStart: '2015-05-28', periodEnd: '2019-05-27', submittedOn: '2019-11-20',
      }),
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'se-2019', kind: 'national-annual',
        periodStart: '2019-01-01', periodEnd: '2019-12-31', submittedOn: '2020-01-15', title: 'Annual report 2019',
      }),
      recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'mmr-2019', outcome: 'accepted', reviewedOn: '2020-03-02' }),
    ] as const;

    const ostersund = cityOf([...events], 'ostersund');

    expect(ostersund).toMatchObject({
      applicationId: 'ostersund-2010',
      reportCount: 2,
      lastReports: {
        membershipMonitoring: {
          reportId: 'mmr-2019', submittedOn: '2019-11-20', periodStart: '2015-05-28', periodEnd: '2019-05-27',
          outcome: 'accepted', reviewedOn: '2020-03-02',
        },
        nationalAnnual: {
          reportId: 'se-2019', submittedOn: '2020-01-15', periodStart: '2019-01-01', periodEnd: '2019-12-31',
          outcome: null, reviewedOn: null,
        },
      },
      monitoringReportDates: ['2019-11-20'],
      monitoringReports: [{ reportId: 'mmr-2019', submittedOn: '2019-11-20', reviews: [{ outcome: 'accepted', reviewedOn: '2020-03-02' }] }],
      lastMonitoringReportOn: '2019-11-20',
      // the first report was late, yet the next one is due on the schedule (2015-05-28 + 4k)
      nextMonitoringReportDue: '2023-05-28',
      lastPosition: 4,
    });
  });

  it('does not let a report recorded late but submitted earlier replace the last one', () => {
    const monitoring = (reportId: string, submittedOn: string) =>
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId, kind: 'membership-monitoring', periodStart: '2015-05-28', periodEnd: '2019-05-27', submittedOn,
      });

    const ostersund = cityOf([ostersundDesignated, monitoring('mmr-2023', '2023-05-30'), monitoring('mmr-2019', '2019-06-01')], 'ostersund');

    expect(ostersund).toMatchObject({
      reportCount: 2,
      lastReports: { membershipMonitoring: { reportId: 'mmr-2023', submittedOn: '2023-05-30' } },
      monitoringReportDates: ['2019-06-01', '2023-05-30'],
      monitoringReports: [
        { reportId: 'mmr-2019', submittedOn: '2019-06-01', reviews: [] },
        { reportId: 'mmr-2023', submittedOn: '2023-05-30', reviews: [] },
      ],
      lastMonitoringReportOn: '2023-05-30',
      nextMonitoringReportDue: '2027-05-28',
    });
  });

  it('keeps the review of an older monitoring report with that report, without making it the last one', () => {
    const events = logOf(
      ostersundDesignated,
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'mmr-2019', kind: 'membership-monitoring', periodStart: '2015-05-28', periodEnd: '2019-05-27', submittedOn: '2019-06-01',
      }),
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'mmr-2023', kind: 'membership-monitoring', periodStart: '2019-05-28', periodEnd: '2023-05-27', submittedOn: '2023-06-01',
      }),
      recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'mmr-2019', outcome: 'revision-requested', reviewedOn: '2023-07-01' }),
    );

    const ostersund = projectEvents(cityDirectoryProjection, events).get(CITIES)?.get('ostersund');

    expect(ostersund).toMatchObject({
      lastReports: { membershipMonitoring: { reportId: 'mmr-2023', outcome: null } },
      monitoringReports: [
        { reportId: 'mmr-2019', submittedOn: '2019-06-01', reviews: [{ outcome: 'revision-requested', reviewedOn: '2023-07-01' }] },
        { reportId: 'mmr-2023', submittedOn: '2023-06-01', reviews: [] },
      ],
      nextMonitoringReportDue: '2027-05-28',
      lastPosition: 4,
    });
  });

  it('ignores a review of a national report that is no longer the last one', () => {
    const national = (reportId: string, year: number, submittedOn: string) =>
      recorded('ReportSubmitted', { cityId: 'ostersund', reportId, kind: 'national-annual', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, submittedOn });
    const events = logOf(
      ostersundDesignated,
      national('se-2018', 2018, '2018-12-20'),
      national('se-2019', 2019, '2019-12-20'),
      recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'se-2018', outcome: 'accepted', reviewedOn: '2020-01-10' }),
    );

    const ostersund = projectEvents(cityDirectoryProjection, events).get(CITIES)?.get('ostersund');

    expect(ostersund).toMatchObject({ lastReports: { nationalAnnual: { reportId: 'se-2019', outcome: null } }, monitoringReports: [], lastPosition: 3 });
  });

  it('shows Harbin (music, 2010) as withdrawn, with the date and the reason (hypothetical withdrawal)', () => {
    const harbin = cityOf(
      [
        recorded('CityDesignated', { cityId: 'harbin', name: 'Harbin', country: 'CN', field: 'music', designatedOn: '2010-06-22' }),
        recorded('MembershipWithdrawn', { cityId: 'harbin', effectiveOn: '2019-12-31', reason: 'voluntary', note: 'hypothetical' }),
      ],
      'harbin',
    );

    expect(harbin).toMatchObject({
      status: 'withdrawn',
      field: 'music',
      withdrawnOn: '2019-12-31',
      withdrawalReason: 'voluntary',
      memberUntil: '2019-12-31',
    });
  });

  it('writes nothing for city events of a city it never saw designated', () => {
    const events = logOf(recorded('CityFieldChanged', { cityId: 'nowhere', from: 'film', to: 'music', effectiveOn: '2020-01-01' }));

    expect(documentsOf(projectEvents(cityDirectoryProjection, events), CITIES)).toEqual([]);
  });

  it('queries by any combination of filters, by name, one page at a time', () => {
    expect(cityDirectoryQuery({ field: 'music', country: 'PL' }, 2, 20)).toEqual({
      filter: { field: 'music', country: 'PL' },
      sort: [['name', 1]],
      skip: 20,
      limit: 20,
    });
    expect(cityDirectoryQuery({ status: 'member' }, undefined, 10_000)).toMatchObject({ skip: 0, limit: 500 });
  });

  it('finds the members on a date with two ranges: designated on or before it, withdrawn after it', () => {
    expect(membersOnFilter('2018-06-12')).toEqual({ designatedOn: { $lte: '2018-06-12' }, memberUntil: { $gt: '2018-06-12' } });
  });
});

import type { RecordedEvent } from '@uccn/event-store';
import { documentsOf, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
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

const cityOf = async (events: readonly RecordedEvent[], cityId: string) =>
  (await projectEvents(cityDirectoryProjection, logOf(...events))).get(CITIES)?.get(cityId);

describe('city directory projection', () => {
  it('lists a designated city as a member with its field, both clocks and the first monitoring report due', async () => {
    expect(await cityOf([lyonDesignated], 'lyon')).toEqual({
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
      lastMonitoringReportOn: null,
      nextMonitoringReportDue: '2012-11-03',
      lastEventId: 'event-1',
      lastPosition: 1,
    });
  });

  it('moves Lyon from media arts (2008) to literature (2023) and keeps the field history', async () => {
    const changed = recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' });

    const lyon = await cityOf([lyonDesignated, changed], 'lyon');

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

  it('keeps the last report of each kind with its review, and schedules monitoring from the designation', async () => {
    const events = [
      ostersundDesignated,
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring',
        periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-11-20',
      }),
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'se-2014', kind: 'national-annual',
        periodStart: '2014-01-01', periodEnd: '2014-12-31', submittedOn: '2015-01-15', title: 'Annual report 2014',
      }),
      recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'accepted', reviewedOn: '2015-03-02' }),
    ] as const;

    const ostersund = await cityOf([...events], 'ostersund');

    expect(ostersund).toMatchObject({
      applicationId: 'ostersund-2010',
      reportCount: 2,
      lastReports: {
        membershipMonitoring: {
          reportId: 'mmr-2014', submittedOn: '2014-11-20', periodStart: '2010-06-22', periodEnd: '2014-06-21',
          outcome: 'accepted', reviewedOn: '2015-03-02',
        },
        nationalAnnual: {
          reportId: 'se-2014', submittedOn: '2015-01-15', periodStart: '2014-01-01', periodEnd: '2014-12-31',
          outcome: null, reviewedOn: null,
        },
      },
      monitoringReportDates: ['2014-11-20'],
      lastMonitoringReportOn: '2014-11-20',
      // the 2014 report was late, yet the next one is due on the designation's schedule
      nextMonitoringReportDue: '2018-06-22',
      lastPosition: 4,
    });
  });

  it('does not let a report recorded late but submitted earlier replace the last one', async () => {
    const monitoring = (reportId: string, submittedOn: string) =>
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId, kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn,
      });

    const ostersund = await cityOf([ostersundDesignated, monitoring('mmr-2018', '2018-05-30'), monitoring('mmr-2014', '2014-06-01')], 'ostersund');

    expect(ostersund).toMatchObject({
      reportCount: 2,
      lastReports: { membershipMonitoring: { reportId: 'mmr-2018', submittedOn: '2018-05-30' } },
      monitoringReportDates: ['2014-06-01', '2018-05-30'],
      lastMonitoringReportOn: '2018-05-30',
      nextMonitoringReportDue: '2022-06-22',
    });
  });

  it('ignores a review of a report that is no longer the last one', async () => {
    const events = logOf(
      ostersundDesignated,
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-06-01',
      }),
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId: 'mmr-2018', kind: 'membership-monitoring', periodStart: '2014-06-22', periodEnd: '2018-06-21', submittedOn: '2018-06-01',
      }),
      recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'revision-requested', reviewedOn: '2018-07-01' }),
    );

    const ostersund = (await projectEvents(cityDirectoryProjection, events)).get(CITIES)?.get('ostersund');

    expect(ostersund).toMatchObject({ lastReports: { membershipMonitoring: { reportId: 'mmr-2018', outcome: null } }, lastPosition: 3 });
  });

  it('shows Harbin (music, 2010) as withdrawn, with the date and the reason (hypothetical withdrawal)', async () => {
    const harbin = await cityOf(
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

  it('writes nothing for city events of a city it never saw designated', async () => {
    const events = logOf(recorded('CityFieldChanged', { cityId: 'nowhere', from: 'film', to: 'music', effectiveOn: '2020-01-01' }));

    expect(documentsOf(await projectEvents(cityDirectoryProjection, events), CITIES)).toEqual([]);
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

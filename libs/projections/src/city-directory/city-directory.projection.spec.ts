import type { RecordedEvent } from '@uccn/event-store';
import { documentsOf, logOf, projectEvents, recorded, lyonDesignated } from '../../../../test/support/project-events.js';
import { CITIES, CITY_REPORTS, cityDirectoryProjection, cityDirectoryQuery, membersOnFilter, reportFigures, type CityDirectoryDoc, type CityReportDoc } from './city-directory.projection.js';
import { complianceOf } from './compliance.js';

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
      monitoringReports: [],
      lastMonitoringReportOn: null,
      // designated before the monitoring rule (2015): its first report is due four years after the rule
      nextMonitoringReportDue: '2019-05-28',
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

  it('keeps the last report of each kind with its review, and schedules monitoring from the rule for a city designated before it', async () => {
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

    const ostersund = await cityOf([...events], 'ostersund');

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

  it('does not let a report recorded late but submitted earlier replace the last one', async () => {
    const monitoring = (reportId: string, submittedOn: string) =>
      recorded('ReportSubmitted', {
        cityId: 'ostersund', reportId, kind: 'membership-monitoring', periodStart: '2015-05-28', periodEnd: '2019-05-27', submittedOn,
      });

    const ostersund = await cityOf([ostersundDesignated, monitoring('mmr-2023', '2023-05-30'), monitoring('mmr-2019', '2019-06-01')], 'ostersund');

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

  it('keeps the review of an older monitoring report with that report, without making it the last one', async () => {
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

    const ostersund = (await projectEvents(cityDirectoryProjection, events)).get(CITIES)?.get('ostersund');

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

  it('ignores a review of a national report that is no longer the last one', async () => {
    const national = (reportId: string, year: number, submittedOn: string) =>
      recorded('ReportSubmitted', { cityId: 'ostersund', reportId, kind: 'national-annual', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, submittedOn });
    const events = logOf(
      ostersundDesignated,
      national('se-2018', 2018, '2018-12-20'),
      national('se-2019', 2019, '2019-12-20'),
      recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'se-2018', outcome: 'accepted', reviewedOn: '2020-01-10' }),
    );

    const ostersund = (await projectEvents(cityDirectoryProjection, events)).get(CITIES)?.get('ostersund');

    expect(ostersund).toMatchObject({ lastReports: { nationalAnnual: { reportId: 'se-2019', outcome: null } }, monitoringReports: [], lastPosition: 3 });
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

  it('queries by any combination of filters, by name, one page at a time', async () => {
    expect(cityDirectoryQuery({ field: 'music', country: 'PL' }, 2, 20)).toEqual({
      filter: { field: 'music', country: 'PL' },
      sort: [['name', 1]],
      skip: 20,
      limit: 20,
    });
    expect(cityDirectoryQuery({ status: 'member' }, undefined, 10_000)).toMatchObject({ skip: 0, limit: 500 });
  });

  it('finds the members on a date with two ranges: designated on or before it, withdrawn after it', async () => {
    expect(membersOnFilter('2018-06-12')).toEqual({ designatedOn: { $lte: '2018-06-12' }, memberUntil: { $gt: '2018-06-12' } });
  });

  describe('as corrected (DESIGN §6)', () => {
    const santaFeDesignated = recorded('CityDesignated', { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-12-31' });
    const santaFeDated = recorded('CityRecordCorrected', {
      cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' },
    });
    const monitoring = (cityId: string, reportId: string, submittedOn: string, periodStart: string, periodEnd: string) =>
      recorded('ReportSubmitted', { cityId, reportId, kind: 'membership-monitoring', periodStart, periodEnd, submittedOn });

    // Katowice, designated on 11 December 2015 (after the monitoring rule), recorded as of the 31st
    const katowiceDesignated = recorded('CityDesignated', { cityId: 'katowice', name: 'Katowice', country: 'PL', field: 'music', designatedOn: '2015-12-31' });
    const katowiceDated = recorded('CityRecordCorrected', {
      cityId: 'katowice', reason: 'the batch of 11 December 2015', before: { designatedOn: '2015-12-31' }, after: { designatedOn: '2015-12-11' },
    });

    it('moves Santa Fe’s designation to the day UNESCO gave, and its first field period with it (its reports were due from the rule on)', async () => {
      expect(await cityOf([santaFeDesignated, santaFeDated], 'santa-fe')).toMatchObject({
        designatedOn: '2005-07-13',
        fieldHistory: [{ field: 'crafts-and-folk-art', from: '2005-07-13' }],
        nextMonitoringReportDue: '2019-05-28',
        status: 'member',
        lastEventId: 'event-2',
      });
    });

    it('moves the monitoring schedule of a city designated after the rule with its corrected designation', async () => {
      expect(await cityOf([katowiceDesignated], 'katowice')).toMatchObject({ nextMonitoringReportDue: '2019-12-31' });
      expect(await cityOf([katowiceDesignated, katowiceDated], 'katowice')).toMatchObject({ designatedOn: '2015-12-11', nextMonitoringReportDue: '2019-12-11' });
    });

    it('keeps a report on the corrected schedule: the due date it fulfils moves with the designation', async () => {
      // designated 2015-12-31, a report of 2019-11-15 fulfils 2019-12-31; designated 2015-12-11, it fulfils 2019-12-11
      const report = monitoring('katowice', 'mmr-2019', '2019-11-15', '2015-12-31', '2019-12-30');

      expect(await cityOf([katowiceDesignated, report], 'katowice')).toMatchObject({ nextMonitoringReportDue: '2023-12-31' });
      expect(await cityOf([katowiceDesignated, report, katowiceDated], 'katowice')).toMatchObject({
        designatedOn: '2015-12-11', lastMonitoringReportOn: '2019-11-15', nextMonitoringReportDue: '2023-12-11', reportCount: 1,
      });
    });

    it('corrects a name and a country as recorded, and nothing else', async () => {
      const krakow = recorded('CityDesignated', { cityId: 'krakow', name: 'Krakow', country: 'PT', field: 'literature', designatedOn: '2013-10-21' });
      const corrected = recorded('CityRecordCorrected', {
        cityId: 'krakow', reason: 'typed from a list without diacritics, country code mistyped', before: { name: 'Krakow', country: 'PT' }, after: { name: 'Kraków', country: 'PL' },
      });

      const before = (await cityOf([krakow], 'krakow')) as CityDirectoryDoc;
      const after = await cityOf([krakow, corrected], 'krakow');

      expect(after).toEqual({ ...before, name: 'Kraków', country: 'PL', lastEventId: 'event-2', lastPosition: 2 });
    });

    it('corrects the field Lyon was designated in, while its change to literature in 2023 stays', async () => {
      const lyonInFilm = recorded('CityDesignated', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'film', designatedOn: '2008-11-03' });
      const toLiterature = recorded('CityFieldChanged', { cityId: 'lyon', from: 'film', to: 'literature', effectiveOn: '2023-10-31' });
      const fieldCorrected = recorded('CityRecordCorrected', { cityId: 'lyon', reason: 'designated in media arts', before: { field: 'film' }, after: { field: 'media-arts' } });

      expect(await cityOf([lyonInFilm, toLiterature, fieldCorrected], 'lyon')).toMatchObject({
        field: 'literature',
        fieldHistory: [
          { field: 'media-arts', from: '2008-11-03' },
          { field: 'literature', from: '2023-10-31' },
        ],
      });
      // with no change since, the corrected field is the current one
      expect(await cityOf([lyonInFilm, fieldCorrected], 'lyon')).toMatchObject({ field: 'media-arts', fieldHistory: [{ field: 'media-arts', from: '2008-11-03' }] });
    });

    it('moves Östersund’s last report and its schedule with a corrected submission date', async () => {
      const events = [
        ostersundDesignated,
        monitoring('ostersund', 'mmr-2014', '2018-05-15', '2010-06-22', '2014-06-21'),
        recorded('ReportRecordCorrected', {
          cityId: 'ostersund', reportId: 'mmr-2014', reason: 'the year was typed wrong', before: { submittedOn: '2018-05-15' }, after: { submittedOn: '2014-05-15' },
        }),
      ];

      // a report of 2018 fulfils the first due date after the rule (2019-05-28); one of 2014 predates the rule and fulfils none
      expect(await cityOf(events.slice(0, 2), 'ostersund')).toMatchObject({ lastMonitoringReportOn: '2018-05-15', nextMonitoringReportDue: '2023-05-28' });
      expect(await cityOf(events, 'ostersund')).toMatchObject({
        reportCount: 1,
        lastReports: { membershipMonitoring: { reportId: 'mmr-2014', submittedOn: '2014-05-15', periodEnd: '2014-06-21' } },
        monitoringReportDates: ['2014-05-15'],
        lastMonitoringReportOn: '2014-05-15',
        nextMonitoringReportDue: '2019-05-28',
        lastEventId: 'event-3',
      });
    });

    it('shows the review of a report that a corrected kind makes the last of its kind', async () => {
      const events = [
        ostersundDesignated,
        monitoring('ostersund', 'mmr-2014', '2014-05-15', '2010-06-22', '2014-06-21'),
        recorded('ReportReviewed', { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'accepted', reviewedOn: '2014-09-01' }),
        monitoring('ostersund', 'se-2017', '2018-01-15', '2017-01-01', '2017-12-31'),
        recorded('ReportRecordCorrected', {
          cityId: 'ostersund', reportId: 'se-2017', reason: 'the annual report to the national commission', before: { kind: 'membership-monitoring' }, after: { kind: 'national-annual' },
        }),
      ];

      expect(await cityOf(events.slice(0, 4), 'ostersund')).toMatchObject({
        lastReports: { membershipMonitoring: { reportId: 'se-2017', outcome: null }, nationalAnnual: null },
        nextMonitoringReportDue: '2023-05-28',
      });
      expect(await cityOf(events, 'ostersund')).toMatchObject({
        reportCount: 2,
        lastReports: {
          membershipMonitoring: { reportId: 'mmr-2014', submittedOn: '2014-05-15', outcome: 'accepted', reviewedOn: '2014-09-01' },
          nationalAnnual: { reportId: 'se-2017', submittedOn: '2018-01-15', periodStart: '2017-01-01', periodEnd: '2017-12-31', outcome: null, reviewedOn: null },
        },
        monitoringReportDates: ['2014-05-15'],
        lastMonitoringReportOn: '2014-05-15',
        nextMonitoringReportDue: '2019-05-28',
      });
    });

    it('makes the compliance as of any date follow a corrected report', async () => {
      const events = [
        katowiceDesignated,
        katowiceDated,
        monitoring('katowice', 'mmr-2019', '2019-12-20', '2015-12-11', '2019-12-10'),
        recorded('ReportRecordCorrected', {
          cityId: 'katowice', reportId: 'mmr-2019', reason: 'dated by its cover letter', before: { submittedOn: '2019-12-20' }, after: { submittedOn: '2019-11-15' },
        }),
      ];

      expect(complianceOf((await cityOf(events.slice(0, 3), 'katowice')) as CityDirectoryDoc, '2019-12-15')).toMatchObject({ lastReportOn: null, overdue: true });
      expect(complianceOf((await cityOf(events, 'katowice')) as CityDirectoryDoc, '2019-12-15')).toMatchObject({ lastReportOn: '2019-11-15', nextDueOn: '2023-12-11', overdue: false });
    });

    it('makes Kraków a member again when its withdrawal, entered for the wrong city, is retracted', async () => {
      const krakow = recorded('CityDesignated', { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' });
      const withdrawn = recorded('MembershipWithdrawn', { cityId: 'krakow', effectiveOn: '2019-01-01', reason: 'voluntary' });
      const retracted = recorded('MembershipWithdrawalRetracted', {
        cityId: 'krakow', reason: 'entered for the wrong city', retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' },
      });

      expect(await cityOf([krakow, withdrawn, retracted], 'krakow')).toEqual({ ...(await cityOf([krakow], 'krakow')), lastEventId: 'event-3', lastPosition: 3 });
    });

    it('writes nothing for a correction of a report it never saw', async () => {
      const events = logOf(
        ostersundDesignated,
        recorded('ReportRecordCorrected', { cityId: 'ostersund', reportId: 'none', reason: 'x', before: { title: 'a' }, after: { title: 'b' } }),
      );

      expect((await projectEvents(cityDirectoryProjection, events)).get(CITIES)?.get('ostersund')).toMatchObject({ lastPosition: 1 });
    });
  });

  describe('one document a report, the figures kept report by report', () => {
    const national = (reportId: string, submittedOn: string) =>
      recorded('ReportSubmitted', { cityId: 'ostersund', reportId, kind: 'national-annual', periodStart: '2018-01-01', periodEnd: '2018-12-31', submittedOn });

    it('recomputes the last report from every stored report when a correction comes in a later batch than they did', async () => {
      const events = logOf(
        ostersundDesignated,
        national('se-2018', '2018-12-20'),
        national('se-2019', '2019-12-20'),
        recorded('ReportRecordCorrected', {
          cityId: 'ostersund', reportId: 'se-2019', reason: 'dated by its cover letter', before: { submittedOn: '2019-12-20' }, after: { submittedOn: '2017-12-20' },
        }),
      );

      const ostersund = (await projectEvents(cityDirectoryProjection, events, { batchSize: 3 })).get(CITIES)?.get('ostersund');

      expect(ostersund).toMatchObject({ reportCount: 2, lastReports: { nationalAnnual: { reportId: 'se-2018', submittedOn: '2018-12-20' } }, lastPosition: 4 });
    });

    /** A city's reports, reviews and corrections in a mixed order, the same every run (a fixed-seed generator). */
    function mixedHistory(length: number): RecordedEvent[] {
      let seed = 20_15;
      const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648), seed % n);
      const day = () => `20${16 + next(8)}-0${1 + next(9)}-1${next(9)}`;
      const kinds = ['membership-monitoring', 'national-annual'] as const;
      const reports: string[] = [];
      const events: RecordedEvent[] = [ostersundDesignated];
      for (let n = 0; n < length; n++) {
        const choice = reports.length === 0 ? 0 : next(10);
        if (choice < 5) {
          const reportId = `r-${n}`;
          reports.push(reportId);
          events.push(recorded('ReportSubmitted', { cityId: 'ostersund', reportId, kind: kinds[next(2)]!, periodStart: '2015-01-01', periodEnd: '2015-12-31', submittedOn: day() }));
        } else if (choice < 9) {
          const outcome = (['accepted', 'revision-requested'] as const)[next(2)]!;
          events.push(recorded('ReportReviewed', { cityId: 'ostersund', reportId: reports[next(reports.length)]!, outcome, reviewedOn: day() }));
        } else {
          const after = next(2) === 0 ? { submittedOn: day() } : { kind: kinds[next(2)]! };
          events.push(recorded('ReportRecordCorrected', { cityId: 'ostersund', reportId: reports[next(reports.length)]!, reason: 'amended', before: {}, after }));
        }
      }
      return logOf(...events);
    }

    it('keeps the same figures as recomputing them from every report, however the log is cut into batches', async () => {
      const events = mixedHistory(120);

      const whole = await projectEvents(cityDirectoryProjection, events);
      const oneByOne = await projectEvents(cityDirectoryProjection, events, { batchSize: 1 });
      const city = whole.get(CITIES)?.get('ostersund') as CityDirectoryDoc;
      const reports = [...(whole.get(CITY_REPORTS)?.values() ?? [])] as CityReportDoc[];

      expect(reports.length).toBeGreaterThan(40);
      expect(city).toMatchObject(reportFigures(city.designatedOn, reports.sort((a, b) => a.revision - b.revision)));
      expect(oneByOne).toEqual(whole);
    });
  });
});

import { addYears, MONITORING_RULE_IN_FORCE_BY, type ReviewOutcome } from '@uccn/domain';
import { logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { CITIES, cityDirectoryProjection, type CityDirectoryDoc } from './city-directory.projection.js';
import { complianceMatches, complianceOf, complianceQuery } from './compliance.js';
import { nextMonitoringReportDue } from './monitoring-schedule.js';

/*
 * The four-yearly membership monitoring report is a rule of 2015 (the Membership Monitoring
 * Guidelines, IX Annual Meeting, Kanazawa, 25–28 May 2015: network-history/SOURCES.md §4).
 * Katowice (2015-12-11) was designated under it; Edinburgh (2004), Östersund (2010) before it.
 */
describe('monitoring report schedule', () => {
  it('is in force by the last day of the Kanazawa meeting, 2015-05-28', () => {
    expect(MONITORING_RULE_IN_FORCE_BY).toBe('2015-05-28');
  });

  it('is due four years after the designation for a city designated under the rule', () => {
    expect(nextMonitoringReportDue('2015-12-11', null)).toBe('2019-12-11');
  });

  it('is due four years after the rule for a city designated before it: none was due in 2008, nor before 2019', () => {
    expect(nextMonitoringReportDue('2004-10-01', null)).toBe('2019-05-28');
    expect(nextMonitoringReportDue('2010-06-22', null)).toBe('2019-05-28');
    expect(nextMonitoringReportDue(MONITORING_RULE_IN_FORCE_BY, null)).toBe('2019-05-28');
    // every designation day from the founding to the rule
    for (let day = '2004-01-01'; day <= MONITORING_RULE_IN_FORCE_BY; day = addYears(day, 1)) {
      expect(nextMonitoringReportDue(day, null)).toBe('2019-05-28');
    }
  });

  it('is due one period after the due date the last report fulfilled, whether it came early or late', () => {
    expect(nextMonitoringReportDue('2015-12-11', '2019-11-15')).toBe('2023-12-11');
    expect(nextMonitoringReportDue('2015-12-11', '2019-12-11')).toBe('2023-12-11');
    expect(nextMonitoringReportDue('2015-12-11', '2020-05-20')).toBe('2023-12-11');
    expect(nextMonitoringReportDue('2015-12-11', '2024-07-10')).toBe('2027-12-11');
    // a city designated before the rule, on the rule's schedule: the cities of 2007–2009 reported by January 2017
    expect(nextMonitoringReportDue('2010-06-22', '2017-01-15')).toBe('2023-05-28');
  });

  it('counts a report far ahead of the first due date towards the first one', () => {
    expect(nextMonitoringReportDue('2015-12-11', '2016-03-01')).toBe('2023-12-11');
  });

  it('counts a report two full periods late towards the later due date', () => {
    expect(nextMonitoringReportDue('2015-12-11', '2023-06-01')).toBe('2027-12-11');
  });

  it('counts no report dated before the rule was in force', () => {
    expect(nextMonitoringReportDue('2010-06-22', '2014-05-15')).toBe('2019-05-28');
  });

  it('falls back to 28 February for a designation on 29 February', () => {
    expect(nextMonitoringReportDue('2024-02-29', null)).toBe('2028-02-29');
    expect(nextMonitoringReportDue('2024-02-29', '2028-03-01')).toBe('2032-02-29');
    expect(nextMonitoringReportDue('2023-02-28', null)).toBe('2027-02-28');
  });
});

describe('report compliance', () => {
  const mmr = (cityId: string, reportId: string, submittedOn: string) =>
    recorded('ReportSubmitted', { cityId, reportId, kind: 'membership-monitoring', periodStart: '2015-12-11', periodEnd: '2019-12-10', submittedOn });
  const review = (cityId: string, reportId: string, outcome: ReviewOutcome, reviewedOn: string) => recorded('ReportReviewed', { cityId, reportId, outcome, reviewedOn });
  const directory = async (...events: ReturnType<typeof recorded>[]) => (await projectEvents(cityDirectoryProjection, logOf(...events))).get(CITIES)!;

  const cities = directory(
    recorded('CityDesignated', { cityId: 'edinburgh', name: 'Edinburgh', country: 'GB', field: 'literature', designatedOn: '2004-10-01' }),
    recorded('CityDesignated', { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-22' }),
    recorded('ReportSubmitted', {
      cityId: 'ostersund', reportId: 'se-2018', kind: 'national-annual', periodStart: '2018-01-01', periodEnd: '2018-12-31', submittedOn: '2018-12-20',
    }),
    recorded('CityDesignated', { cityId: 'katowice', name: 'Katowice', country: 'PL', field: 'music', designatedOn: '2015-12-11' }),
    mmr('katowice', 'mmr-2019', '2019-11-15'),
    review('katowice', 'mmr-2019', 'revision-requested', '2020-01-20'),
    review('katowice', 'mmr-2019', 'accepted', '2020-04-02'),
    recorded('CityDesignated', { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' }),
    mmr('krakow', 'mmr-2019', '2019-03-01'),
    review('krakow', 'mmr-2019', 'revision-requested', '2019-04-10'),
  );
  let city: (cityId: string) => CityDirectoryDoc;
  beforeAll(async () => {
    const projected = await cities;
    city = (cityId) => projected.get(cityId) as CityDirectoryDoc;
  });

  it('calls nobody overdue before the rule: Edinburgh in 2008 and 2014 is not yet due', () => {
    for (const asOf of ['2008-06-01', '2014-06-01']) {
      expect(complianceOf(city('edinburgh'), asOf)).toEqual({
        cityId: 'edinburgh', name: 'Edinburgh', designatedOn: '2004-10-01',
        lastReportOn: null, lastReviewOutcome: null, lastReviewedOn: null, nextDueOn: '2019-05-28', overdue: false, status: 'not-yet-due',
      });
    }
  });

  it('tells a member that never reported from one whose report is late: no report on record', () => {
    expect(complianceOf(city('edinburgh'), '2019-05-28')).toMatchObject({ overdue: false, status: 'not-yet-due' });
    expect(complianceOf(city('edinburgh'), '2019-05-29')).toMatchObject({ lastReportOn: null, overdue: true, status: 'no-report-on-record' });
    // a national report is not a monitoring report
    expect(complianceOf(city('ostersund'), '2020-01-01')).toMatchObject({ lastReportOn: null, overdue: true, status: 'no-report-on-record' });
  });

  it('counts a report awaiting review as on time, and shows no verdict yet', () => {
    expect(complianceOf(city('katowice'), '2019-12-01')).toEqual({
      cityId: 'katowice', name: 'Katowice', designatedOn: '2015-12-11',
      lastReportOn: '2019-11-15', lastReviewOutcome: null, lastReviewedOn: null, nextDueOn: '2023-12-11', overdue: false, status: 'on-time',
    });
  });

  it('counts a report sent back for revision as no report: overdue once its due date passed, on time again once accepted', () => {
    expect(complianceOf(city('katowice'), '2020-02-01')).toMatchObject({
      lastReportOn: '2019-11-15', lastReviewOutcome: 'revision-requested', lastReviewedOn: '2020-01-20', nextDueOn: '2019-12-11', overdue: true, status: 'overdue',
    });
    expect(complianceOf(city('katowice'), '2020-04-02')).toMatchObject({
      lastReviewOutcome: 'accepted', lastReviewedOn: '2020-04-02', nextDueOn: '2023-12-11', overdue: false, status: 'on-time',
    });
  });

  it('says a report sent back before its due date is not on time, though not yet overdue', () => {
    expect(complianceOf(city('krakow'), '2019-04-10')).toMatchObject({
      lastReportOn: '2019-03-01', lastReviewOutcome: 'revision-requested', nextDueOn: '2019-05-28', overdue: false, status: 'revision-requested',
    });
    expect(complianceOf(city('krakow'), '2019-06-01')).toMatchObject({ overdue: true, status: 'overdue' });
  });

  it('counts only reports submitted and reviews given on or before the date asked', () => {
    expect(complianceOf(city('katowice'), '2019-11-14')).toMatchObject({ lastReportOn: null, nextDueOn: '2019-12-11', status: 'not-yet-due' });
    expect(complianceOf(city('katowice'), '2020-01-19')).toMatchObject({ lastReviewOutcome: null, nextDueOn: '2023-12-11', status: 'on-time' });
  });

  it('keeps every monitoring report with its reviews in the directory, and the directory’s due date follows them', () => {
    expect(city('katowice').monitoringReports).toEqual([
      { reportId: 'mmr-2019', submittedOn: '2019-11-15', reviews: [{ outcome: 'revision-requested', reviewedOn: '2020-01-20' }, { outcome: 'accepted', reviewedOn: '2020-04-02' }] },
    ]);
    expect(city('katowice').nextMonitoringReportDue).toBe('2023-12-11');
    // sent back and not yet accepted: the report fulfils nothing
    expect(city('krakow').nextMonitoringReportDue).toBe('2019-05-28');
    expect(city('edinburgh').nextMonitoringReportDue).toBe('2019-05-28');
  });

  it('reads a document of the previous version (dates only) as reports awaiting review', () => {
    const { monitoringReports: _dropped, ...previous } = city('katowice');
    expect(complianceOf(previous as unknown as CityDirectoryDoc, '2020-02-01')).toMatchObject({ lastReportOn: '2019-11-15', lastReviewOutcome: null, status: 'on-time' });
  });

  it('filters on overdue when asked, and keeps everything when not', () => {
    const item = complianceOf(city('edinburgh'), '2020-01-01');
    expect([complianceMatches(item, true), complianceMatches(item, false), complianceMatches(item, undefined)]).toEqual([true, false, true]);
  });

  it('asks the store for the members on the date, in order of designation', () => {
    expect(complianceQuery('2019-01-01')).toEqual({
      filter: { designatedOn: { $lte: '2019-01-01' }, memberUntil: { $gt: '2019-01-01' } },
      sort: [['designatedOn', 1]],
    });
  });
});

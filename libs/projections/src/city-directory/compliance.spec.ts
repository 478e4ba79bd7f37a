import { logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { CITIES, cityDirectoryProjection, type CityDirectoryDoc } from './city-directory.projection.js';
import { complianceOf, complianceQuery } from './compliance.js';
import { nextMonitoringReportDue } from './monitoring-schedule.js';

describe('monitoring report schedule', () => {
  it('is due four years after the designation when no report was submitted', () => {
    expect(nextMonitoringReportDue('2010-06-22', null)).toBe('2014-06-22');
  });

  it('is due one period after the due date the last report fulfilled, whether it came early or late', () => {
    expect(nextMonitoringReportDue('2010-06-22', '2014-05-15')).toBe('2018-06-22');
    expect(nextMonitoringReportDue('2010-06-22', '2014-06-22')).toBe('2018-06-22');
    expect(nextMonitoringReportDue('2010-06-22', '2014-11-20')).toBe('2018-06-22');
    expect(nextMonitoringReportDue('2010-06-22', '2019-01-10')).toBe('2022-06-22');
  });

  it('counts a report far ahead of the first due date towards the first one', () => {
    expect(nextMonitoringReportDue('2010-06-22', '2011-03-01')).toBe('2018-06-22');
  });

  it('counts a report two full periods late towards the later due date', () => {
    expect(nextMonitoringReportDue('2010-06-22', '2017-12-01')).toBe('2022-06-22');
  });

  it('falls back to 28 February for a designation on 29 February', () => {
    expect(nextMonitoringReportDue('2024-02-29', null)).toBe('2028-02-29');
    expect(nextMonitoringReportDue('2024-02-29', '2028-03-01')).toBe('2032-02-29');
    expect(nextMonitoringReportDue('2023-02-28', null)).toBe('2027-02-28');
  });
});

describe('report compliance', () => {
  let ostersund: CityDirectoryDoc;
  beforeAll(async () => {
    ostersund = (await projectEvents(
      cityDirectoryProjection,
      logOf(
        recorded('CityDesignated', { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-22' }),
        recorded('ReportSubmitted', {
          cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-05-15',
        }),
        recorded('ReportSubmitted', {
          cityId: 'ostersund', reportId: 'se-2018', kind: 'national-annual', periodStart: '2018-01-01', periodEnd: '2018-12-31', submittedOn: '2018-12-20',
        }),
      ),
    )).get(CITIES)?.get('ostersund') as CityDirectoryDoc;
  });

  it('is on time before the first report is due', () => {
    expect(complianceOf(ostersund, '2012-01-01')).toEqual({
      cityId: 'ostersund', name: 'Östersund', designatedOn: '2010-06-22', lastReportOn: null, nextDueOn: '2014-06-22', overdue: false,
    });
  });

  it('counts only reports submitted on or before the date asked', () => {
    expect(complianceOf(ostersund, '2014-05-14')).toMatchObject({ lastReportOn: null, nextDueOn: '2014-06-22', overdue: false });
    expect(complianceOf(ostersund, '2014-05-15')).toMatchObject({ lastReportOn: '2014-05-15', nextDueOn: '2018-06-22', overdue: false });
  });

  it('is on time on the due date and overdue the day after; a national report does not count', () => {
    expect(complianceOf(ostersund, '2018-06-22')).toMatchObject({ nextDueOn: '2018-06-22', overdue: false });
    expect(complianceOf(ostersund, '2019-01-01')).toMatchObject({ lastReportOn: '2014-05-15', nextDueOn: '2018-06-22', overdue: true });
  });

  it('asks the store for the members on the date, in order of designation', () => {
    expect(complianceQuery('2019-01-01')).toEqual({
      filter: { designatedOn: { $lte: '2019-01-01' }, memberUntil: { $gt: '2019-01-01' } },
      sort: [['designatedOn', 1]],
    });
  });
});

import { specFor } from '../shared/decider-spec.js';
import type { CreativeFieldAdded } from '../network/network.events.js';
import { fieldCatalogue } from '../network/network.state.js';
import type { ChangeCityField, DesignateCity, ReviewReport, SubmitReport, WithdrawMembership } from './city.commands.js';
import { cityDecider } from './city.decide.js';
import type { CityDesignated, CityFieldChanged, MembershipWithdrawn, ReportReviewed, ReportSubmitted } from './city.events.js';
import { fieldOn, isMemberOn } from './city.state.js';

/*
 * Cities, fields and years are the real network's (seeds 000 and 003, data/uccn-cities.csv). The
 * data gives years; where no source gives the day, the day here is illustrative.
 */
const given = specFor(cityDecider);
const today = '2025-12-01';
const founding = fieldCatalogue([]);
const architectureAdded: CreativeFieldAdded = {
  type: 'CreativeFieldAdded',
  data: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' },
};
const withArchitecture = fieldCatalogue([architectureAdded]);

const designate = (cityId: string, name: string, country: string, field: string, designatedOn: string): DesignateCity => ({
  type: 'DesignateCity',
  cityId,
  name,
  country,
  field,
  designatedOn,
  catalogue: founding,
  today,
});
const designated = (command: DesignateCity): CityDesignated => ({
  type: 'CityDesignated',
  data: {
    cityId: command.cityId,
    name: command.name,
    country: command.country,
    field: command.field,
    designatedOn: command.designatedOn,
    ...(command.applicationId === undefined ? {} : { applicationId: command.applicationId }),
  },
});

// Östersund: "utsågs 2010 till kreativ stad inom gastronomi" (seed 003)
const designateOstersund = designate('ostersund', 'Östersund', 'SE', 'gastronomy', '2010-06-01');
const ostersundDesignated = designated(designateOstersund);
// Norrköping: music, 2017 (seed 003), the batch of 31 October 2017
const designateNorrkoping = designate('norrkoping', 'Norrköping', 'SE', 'music', '2017-10-31');
const norrkopingDesignated = designated(designateNorrkoping);
// Kraków: literature 2013 (seed 000, SOURCES §1.2)
const krakowDesignated = designated(designate('krakow', 'Kraków', 'PL', 'literature', '2013-10-21'));
// Lyon: media arts 2008, literature from October 2023 (SOURCES §1.1)
const lyonDesignated = designated(designate('lyon', 'Lyon', 'FR', 'media-arts', '2008-06-01'));
const lyonBecameLiterature: CityFieldChanged = {
  type: 'CityFieldChanged',
  data: { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
};
// Harbin (music, 2010) is absent from UNESCO's 2024 list and no source says why: the withdrawal
// below is hypothetical, there to exercise the rule, not a record of history.
const harbinDesignated = designated(designate('harbin', 'Harbin', 'CN', 'music', '2010-06-01'));
const harbinWithdrawn: MembershipWithdrawn = {
  type: 'MembershipWithdrawn',
  data: { cityId: 'harbin', effectiveOn: '2020-01-01', reason: 'voluntary' },
};

describe('designating a city', () => {
  it('designates Östersund a creative city of gastronomy in 2010', () => {
    given([]).when(designateOstersund).then([ostersundDesignated]);
  });

  it('designates Norrköping in music in 2017, and it is a member from that day', () => {
    given([]).when(designateNorrkoping).then([norrkopingDesignated]);
    const { state } = given([norrkopingDesignated]);
    expect(isMemberOn(state, '2017-10-31')).toBe(true);
    expect(isMemberOn(state, '2017-10-30')).toBe(false);
  });

  it('designates Santa Fe, the first creative city in the United States, on 13 July 2005', () => {
    const santaFe = designate('santa-fe', 'Santa Fe', 'US', 'crafts-and-folk-art', '2005-07-13');
    given([]).when(santaFe).then([designated(santaFe)]);
  });

  it('designates Kashan in architecture on the day the field opened', () => {
    const kashan = { ...designate('kashan', 'Kashan', 'IR', 'architecture', '2025-10-31'), catalogue: withArchitecture };
    given([]).when(kashan).then([designated(kashan)]);
  });

  it('refuses a designation in architecture dated 2017: the field did not exist yet', () => {
    const early = { ...designate('quito', 'Quito', 'EC', 'architecture', '2017-10-31'), catalogue: withArchitecture };
    given([]).when(early).thenThrows('CreativeFieldNotYetOpen', 'rule');
  });

  it('refuses architecture as an unknown field while the catalogue has only the founding seven', () => {
    const error = given([]).when(designate('quito', 'Quito', 'EC', 'architecture', '2025-10-31')).thenThrows('UnknownCreativeField', 'invalid');
    expect(error.field).toBe('field');
  });

  it('refuses to designate Kraków a second time', () => {
    const again = designate('krakow', 'Kraków', 'PL', 'music', '2018-06-12');
    const error = given([krakowDesignated]).when(again).thenThrows('CityAlreadyDesignated', 'conflict');
    expect(error.message).toContain('change its field');
  });

  it('refuses to designate again a city that has left the network', () => {
    const again = designate('harbin', 'Harbin', 'CN', 'music', '2021-11-08');
    given([harbinDesignated, harbinWithdrawn]).when(again).thenThrows('CityAlreadyDesignated', 'conflict');
  });

  it('appends nothing when the designation process retries the same application', () => {
    const fromApplication = { ...designateNorrkoping, applicationId: 'norrkoping-2017' };
    given([]).when(fromApplication).then([designated(fromApplication)]);
    given([designated(fromApplication)]).when(fromApplication).thenNothing();
    given([designated(fromApplication)]).when({ ...fromApplication, applicationId: 'norrkoping-2019' }).thenThrows('CityAlreadyDesignated');
  });

  it('refuses a designation before the network was founded in 2004', () => {
    given([]).when(designate('santa-fe', 'Santa Fe', 'US', 'crafts-and-folk-art', '2003-12-31')).thenThrows('DesignationBeforeNetworkFounded', 'rule');
  });

  it('refuses a designation dated after today', () => {
    given([]).when({ ...designateNorrkoping, today: '2017-10-30' }).thenThrows('DateInTheFuture', 'rule');
  });

  it('refuses malformed data as a bad request naming the field', () => {
    expect(given([]).when({ ...designateOstersund, country: 'UK' }).thenThrows('InvalidCountryCode', 'invalid').field).toBe('country');
    expect(given([]).when({ ...designateOstersund, cityId: 'Östersund' }).thenThrows('InvalidSlug', 'invalid').field).toBe('cityId');
    expect(given([]).when({ ...designateOstersund, designatedOn: '2010-02-30' }).thenThrows('InvalidCalendarDate').field).toBe('designatedOn');
    expect(given([]).when({ ...designateOstersund, name: '' }).thenThrows('MissingText').field).toBe('name');
  });
});

describe('changing a city field', () => {
  const lyonToLiterature: ChangeCityField = {
    type: 'ChangeCityField',
    cityId: 'lyon',
    field: 'literature',
    effectiveOn: '2023-10-31',
    catalogue: founding,
    today,
  };

  it('moves Lyon from media arts to literature in 2023', () => {
    given([lyonDesignated]).when(lyonToLiterature).then([lyonBecameLiterature]);
  });

  it('remembers which field Lyon held on each date', () => {
    const { state } = given([lyonDesignated, lyonBecameLiterature]);
    expect(fieldOn(state, '2015-01-01')).toBe('media-arts');
    expect(fieldOn(state, '2023-10-31')).toBe('literature');
    expect(fieldOn(state, '2007-01-01')).toBeUndefined();
  });

  it('refuses a change for a city never designated', () => {
    given([]).when(lyonToLiterature).thenThrows('CityNotFound', 'not-found');
  });

  it('refuses a change to the field the city already holds', () => {
    given([lyonDesignated, lyonBecameLiterature])
      .when({ ...lyonToLiterature, effectiveOn: '2025-01-01' })
      .thenThrows('FieldUnchanged', 'conflict');
  });

  it('refuses a change dated before the designation', () => {
    given([lyonDesignated]).when({ ...lyonToLiterature, effectiveOn: '2007-05-01' }).thenThrows('CityNotMemberOnDate', 'rule');
  });

  it('refuses a change on the designation day itself and before the last change', () => {
    given([lyonDesignated]).when({ ...lyonToLiterature, effectiveOn: '2008-06-01' }).thenThrows('FieldChangeOutOfOrder', 'rule');
    given([lyonDesignated, lyonBecameLiterature])
      .when({ ...lyonToLiterature, field: 'film', effectiveOn: '2020-01-01' })
      .thenThrows('FieldChangeOutOfOrder', 'rule');
  });

  it('refuses a change for a city that has left the network', () => {
    const error = given([harbinDesignated, harbinWithdrawn])
      .when({ ...lyonToLiterature, cityId: 'harbin', field: 'film', effectiveOn: '2021-01-01' })
      .thenThrows('CityNotMemberOnDate', 'rule');
    expect(error.message).toContain('left the network on 2020-01-01');
  });

  it('refuses a change to a field not yet open on that date', () => {
    given([lyonDesignated])
      .when({ ...lyonToLiterature, field: 'architecture', catalogue: withArchitecture })
      .thenThrows('CreativeFieldNotYetOpen', 'rule');
  });

  it('refuses a change dated after today', () => {
    given([lyonDesignated]).when({ ...lyonToLiterature, today: '2023-10-30' }).thenThrows('DateInTheFuture', 'rule');
  });
});

describe('submitting a report', () => {
  // Swedish cities report to their national commission at the end of every year, in English (seed 003)
  const annualSubmitted: ReportSubmitted = {
    type: 'ReportSubmitted',
    data: {
      cityId: 'norrkoping',
      reportId: 'national-2018',
      kind: 'national-annual',
      periodStart: '2018-01-01',
      periodEnd: '2018-12-31',
      submittedOn: '2018-12-14',
      title: 'Norrköping City of Music, annual report 2018',
    },
  };
  const annual: SubmitReport = { type: 'SubmitReport', ...annualSubmitted.data, today };
  // every four years, counted from the year of designation (SOURCES §3.1)
  const monitoring: SubmitReport = {
    type: 'SubmitReport',
    cityId: 'ostersund',
    reportId: 'mmr-2014',
    kind: 'membership-monitoring',
    periodStart: '2010-06-01',
    periodEnd: '2014-05-31',
    submittedOn: '2014-11-30',
    today,
  };

  it("records Norrköping's national annual report for 2018", () => {
    given([norrkopingDesignated]).when(annual).then([annualSubmitted]);
  });

  it("records Östersund's membership monitoring report without a title", () => {
    given([ostersundDesignated])
      .when(monitoring)
      .then([{ type: 'ReportSubmitted', data: { cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-01', periodEnd: '2014-05-31', submittedOn: '2014-11-30' } }]);
  });

  it('refuses a second report with the same id', () => {
    given([norrkopingDesignated, annualSubmitted]).when({ ...annual, submittedOn: '2018-12-20' }).thenThrows('ReportAlreadySubmitted', 'conflict');
  });

  it('refuses a report from a city never designated', () => {
    given([]).when(annual).thenThrows('CityNotFound', 'not-found');
  });

  it('refuses a report submitted before the designation', () => {
    const error = given([norrkopingDesignated]).when({ ...annual, submittedOn: '2017-06-01' }).thenThrows('CityNotMemberOnDate', 'rule');
    expect(error.message).toContain('designated only on 2017-10-31');
  });

  it('refuses a report submitted on or after leaving, but records one from before it', () => {
    const harbinReport = { ...annual, cityId: 'harbin', reportId: 'mmr-2019', kind: 'membership-monitoring' as const };
    given([harbinDesignated, harbinWithdrawn]).when({ ...harbinReport, submittedOn: '2020-01-01' }).thenThrows('CityNotMemberOnDate', 'rule');
    given([harbinDesignated, harbinWithdrawn])
      .when({ ...harbinReport, submittedOn: '2019-12-31' })
      .then([{ type: 'ReportSubmitted', data: { ...annualSubmitted.data, cityId: 'harbin', reportId: 'mmr-2019', kind: 'membership-monitoring', submittedOn: '2019-12-31' } }]);
  });

  it('refuses a period that ends before it starts, as a bad request on periodEnd', () => {
    const error = given([norrkopingDesignated]).when({ ...annual, periodEnd: '2017-12-31' }).thenThrows('PeriodEndsBeforeItStarts', 'invalid');
    expect(error.field).toBe('periodEnd');
  });

  it('refuses a report submitted after today, and an unknown kind', () => {
    given([norrkopingDesignated]).when({ ...annual, today: '2018-12-13' }).thenThrows('DateInTheFuture', 'rule');
    given([norrkopingDesignated]).when({ ...annual, kind: 'quarterly' as never }).thenThrows('InvalidChoice', 'invalid');
  });
});

describe('reviewing a report', () => {
  const submitted: ReportSubmitted = {
    type: 'ReportSubmitted',
    data: { cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-01', periodEnd: '2014-05-31', submittedOn: '2014-11-30' },
  };
  const review: ReviewReport = {
    type: 'ReviewReport',
    cityId: 'ostersund',
    reportId: 'mmr-2014',
    outcome: 'revision-requested',
    reviewedOn: '2015-02-01',
    comment: 'the action plan for the next four years is missing',
    today,
  };
  const revisionRequested: ReportReviewed = {
    type: 'ReportReviewed',
    data: { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'revision-requested', reviewedOn: '2015-02-01', comment: 'the action plan for the next four years is missing' },
  };
  const accepted: ReportReviewed = {
    type: 'ReportReviewed',
    data: { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'accepted', reviewedOn: '2015-04-01' },
  };
  const accept: ReviewReport = { ...review, outcome: 'accepted', reviewedOn: '2015-04-01', comment: undefined };

  it('asks for a revision, then accepts the revised report', () => {
    given([ostersundDesignated, submitted]).when(review).then([revisionRequested]);
    given([ostersundDesignated, submitted, revisionRequested]).when(accept).then([accepted]);
  });

  it('refuses to review an already accepted report', () => {
    given([ostersundDesignated, submitted, accepted]).when({ ...accept, reviewedOn: '2016-01-01' }).thenThrows('ReportAlreadyAccepted', 'conflict');
  });

  it('refuses to review a report that was never submitted', () => {
    given([ostersundDesignated]).when(review).thenThrows('ReportNotFound', 'not-found');
    given([]).when(review).thenThrows('CityNotFound', 'not-found');
  });

  it('refuses a review dated before the submission or before the previous review', () => {
    given([ostersundDesignated, submitted]).when({ ...review, reviewedOn: '2014-11-29' }).thenThrows('ReviewBeforeSubmission', 'rule');
    given([ostersundDesignated, submitted, revisionRequested]).when({ ...accept, reviewedOn: '2015-01-15' }).thenThrows('ReviewBeforePreviousReview', 'rule');
  });

  it('refuses a review dated after today, and an unknown outcome', () => {
    given([ostersundDesignated, submitted]).when({ ...review, today: '2015-01-31' }).thenThrows('DateInTheFuture', 'rule');
    given([ostersundDesignated, submitted]).when({ ...review, outcome: 'rejected' as never }).thenThrows('InvalidChoice', 'invalid');
  });
});

describe('withdrawing a membership', () => {
  const withdraw: WithdrawMembership = { type: 'WithdrawMembership', ...harbinWithdrawn.data, today };

  it('records a voluntary withdrawal; the city is a member until the day before', () => {
    given([harbinDesignated]).when(withdraw).then([harbinWithdrawn]);
    const { state } = given([harbinDesignated, harbinWithdrawn]);
    expect(isMemberOn(state, '2019-12-31')).toBe(true);
    expect(isMemberOn(state, '2020-01-01')).toBe(false);
  });

  it('records an exclusion with a note', () => {
    given([harbinDesignated])
      .when({ ...withdraw, reason: 'excluded', note: 'no report after two written reminders' })
      .then([{ type: 'MembershipWithdrawn', data: { cityId: 'harbin', effectiveOn: '2020-01-01', reason: 'excluded', note: 'no report after two written reminders' } }]);
  });

  it('refuses a second withdrawal', () => {
    given([harbinDesignated, harbinWithdrawn]).when({ ...withdraw, effectiveOn: '2021-01-01' }).thenThrows('MembershipAlreadyWithdrawn', 'conflict');
  });

  it('refuses a withdrawal dated before the designation', () => {
    given([harbinDesignated]).when({ ...withdraw, effectiveOn: '2009-01-01' }).thenThrows('WithdrawalBeforeDesignation', 'rule');
  });

  it('refuses a withdrawal dated on or before a report the city submitted as a member', () => {
    const report: ReportSubmitted = {
      type: 'ReportSubmitted',
      data: { cityId: 'harbin', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-01', periodEnd: '2014-05-31', submittedOn: '2014-11-30' },
    };
    given([harbinDesignated, report]).when({ ...withdraw, effectiveOn: '2014-11-30' }).thenThrows('WithdrawalBeforeRecordedActivity', 'rule');
    given([harbinDesignated, report]).when({ ...withdraw, effectiveOn: '2014-12-01' }).then([{ type: 'MembershipWithdrawn', data: { cityId: 'harbin', effectiveOn: '2014-12-01', reason: 'voluntary' } }]);
  });

  it('refuses a withdrawal of an unknown city, dated after today, or for an unknown reason', () => {
    given([]).when(withdraw).thenThrows('CityNotFound', 'not-found');
    given([harbinDesignated]).when({ ...withdraw, today: '2019-12-31' }).thenThrows('DateInTheFuture', 'rule');
    given([harbinDesignated]).when({ ...withdraw, reason: 'bored' as never }).thenThrows('InvalidChoice', 'invalid');
  });
});

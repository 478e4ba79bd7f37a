import { specFor } from '../shared/decider-spec.js';
import type { CreativeFieldAdded } from '../network/network.events.js';
import { fieldCatalogue } from '../network/network.state.js';
import type { CorrectCityRecord, CorrectReportRecord, RetractWithdrawal } from './city.commands.js';
import { cityDecider } from './city.decide.js';
import type {
  CityDesignated,
  CityFieldChanged,
  CityRecordCorrected,
  MembershipWithdrawalRetracted,
  MembershipWithdrawn,
  ReportRecordCorrected,
  ReportReviewed,
  ReportSubmitted,
} from './city.events.js';
import { isMemberOn } from './city.state.js';

/*
 * DESIGN §6: a mistake in the record is amended by a correction, never by rewriting the log or by
 * a false withdrawal. Santa Fe's designation is the import's own example: the import dated it
 * 2005-12-31 for want of a day, and its sources say 13 July 2005 (data/SOURCES.md).
 */
const given = specFor(cityDecider);
const today = '2026-12-01';
const catalogue = fieldCatalogue([
  { type: 'CreativeFieldAdded', data: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' } } satisfies CreativeFieldAdded,
]);

const santaFeDesignated: CityDesignated = {
  type: 'CityDesignated',
  data: { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-12-31' },
};
const correctCity = (cityId: string, reason: string) => (facts: Partial<CorrectCityRecord>): CorrectCityRecord => ({
  type: 'CorrectCityRecord',
  cityId,
  reason,
  catalogue,
  today,
  ...facts,
});
const correctSantaFe = correctCity('santa-fe', 'UNESCO press release of 13 July 2005');

// Östersund, gastronomy 2010 (seed 003), with its first monitoring report
const ostersundDesignated: CityDesignated = {
  type: 'CityDesignated',
  data: { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-22' },
};
const ostersundReported: ReportSubmitted = {
  type: 'ReportSubmitted',
  data: { cityId: 'ostersund', reportId: 'mmr-2014', kind: 'membership-monitoring', periodStart: '2010-06-22', periodEnd: '2014-06-21', submittedOn: '2014-05-15' },
};
const ostersundReviewed: ReportReviewed = {
  type: 'ReportReviewed',
  data: { cityId: 'ostersund', reportId: 'mmr-2014', outcome: 'accepted', reviewedOn: '2014-09-01' },
};
const correctOstersund = correctCity('ostersund', 'typed wrong');
const correctReport = (facts: Partial<CorrectReportRecord>): CorrectReportRecord => ({
  type: 'CorrectReportRecord',
  cityId: 'ostersund',
  reportId: 'mmr-2014',
  reason: 'the cover letter is dated 2014-05-12',
  today,
  ...facts,
});

// Lyon: media arts 2008, literature from October 2023
const lyonDesignated: CityDesignated = {
  type: 'CityDesignated',
  data: { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-06-01' },
};
const lyonBecameLiterature: CityFieldChanged = {
  type: 'CityFieldChanged',
  data: { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
};

// A withdrawal entered for the wrong city: Kraków never left (seed 000 has it host in 2018).
const krakowDesignated: CityDesignated = {
  type: 'CityDesignated',
  data: { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' },
};
const krakowWithdrawn: MembershipWithdrawn = {
  type: 'MembershipWithdrawn',
  data: { cityId: 'krakow', effectiveOn: '2019-01-01', reason: 'voluntary' },
};
const retractKrakow: RetractWithdrawal = { type: 'RetractWithdrawal', cityId: 'krakow', reason: 'entered for the wrong city', today };

describe("correcting a city's designation", () => {
  it("dates Santa Fe's designation to the day its sources give, keeping what was recorded beside it", () => {
    given([santaFeDesignated])
      .when(correctSantaFe({ designatedOn: '2005-07-13' }))
      .then([
        {
          type: 'CityRecordCorrected',
          data: { cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
        },
      ]);
  });

  it('names only the facts that change: a fact given as recorded is left out of the event', () => {
    given([santaFeDesignated])
      .when(correctSantaFe({ name: 'Santa Fe', country: 'US', designatedOn: '2005-07-13' }))
      .then([
        {
          type: 'CityRecordCorrected',
          data: { cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
        },
      ]);
  });

  it('makes the corrected city a member from the corrected day, and not before', () => {
    const corrected: CityRecordCorrected = {
      type: 'CityRecordCorrected',
      data: { cityId: 'santa-fe', reason: 'press release', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
    };
    const { state } = given([santaFeDesignated, corrected]);
    expect(isMemberOn(state, '2005-07-13')).toBe(true);
    expect(isMemberOn(state, '2005-07-12')).toBe(false);
  });

  it("corrects the designation's field, and the city holds it while it has not changed field since", () => {
    const corrected: CityRecordCorrected = {
      type: 'CityRecordCorrected',
      data: { cityId: 'ostersund', reason: 'typed wrong', before: { field: 'gastronomy' }, after: { field: 'design' } },
    };
    given([ostersundDesignated]).when(correctOstersund({ field: 'design' })).then([corrected]);
    expect(given([ostersundDesignated, corrected]).state).toMatchObject({ field: 'design', fields: [{ field: 'design', since: '2010-06-22' }] });
  });

  it("keeps Lyon's later field: correcting the designation's field corrects its first period only", () => {
    const corrected: CityRecordCorrected = {
      type: 'CityRecordCorrected',
      data: { cityId: 'lyon', reason: 'typed wrong', before: { field: 'media-arts' }, after: { field: 'film' } },
    };
    expect(given([lyonDesignated, lyonBecameLiterature, corrected]).state).toMatchObject({
      field: 'literature',
      fields: [{ field: 'film', since: '2008-06-01' }, { field: 'literature', since: '2023-10-31' }],
    });
  });

  it('is a conflict when it changes nothing', () => {
    given([santaFeDesignated]).when(correctSantaFe({ designatedOn: '2005-12-31', name: 'Santa Fe' })).thenThrows('CorrectionChangesNothing', 'conflict');
  });

  it('is a bad request when it names no fact, or a field the catalogue does not know', () => {
    given([santaFeDesignated]).when(correctSantaFe({})).thenThrows('NothingToCorrect', 'invalid');
    given([santaFeDesignated]).when(correctSantaFe({ field: 'cooking' })).thenThrows('UnknownCreativeField', 'invalid');
  });

  it('is not found for a city never designated', () => {
    given([]).when(correctSantaFe({ designatedOn: '2005-07-13' })).thenThrows('CityNotFound', 'not-found');
  });

  it('refuses a date that would put a report before the designation, naming the report', () => {
    const error = given([ostersundDesignated, ostersundReported])
      .when(correctOstersund({ designatedOn: '2014-06-01' }))
      .thenThrows('CorrectionContradictsRecord', 'rule');
    expect(error.message).toContain('report mmr-2014');
  });

  it('refuses a date that would put the designation after a field change', () => {
    const error = given([lyonDesignated, lyonBecameLiterature])
      .when({ ...correctOstersund({ designatedOn: '2024-01-10' }), cityId: 'lyon' })
      .thenThrows('CorrectionContradictsRecord', 'rule');
    expect(error.message).toContain('field change to literature');
  });

  it("refuses a first field equal to the one the city later changed to (Lyon would 'change' literature → literature)", () => {
    given([lyonDesignated, lyonBecameLiterature])
      .when({ ...correctOstersund({ field: 'literature' }), cityId: 'lyon' })
      .thenThrows('CorrectionContradictsRecord', 'rule');
  });

  it('keeps the rules of a designation: not before 2004, not in the future, a field open on the date', () => {
    given([santaFeDesignated]).when(correctSantaFe({ designatedOn: '2003-12-31' })).thenThrows('DesignationBeforeNetworkFounded', 'rule');
    given([santaFeDesignated]).when(correctSantaFe({ designatedOn: '2027-01-01' })).thenThrows('DateInTheFuture', 'rule');
    given([santaFeDesignated]).when(correctSantaFe({ field: 'architecture' })).thenThrows('CreativeFieldNotYetOpen', 'rule');
  });

  it('refuses to move the designation past a withdrawal', () => {
    given([krakowDesignated, krakowWithdrawn])
      .when({ ...correctOstersund({ designatedOn: '2019-06-01' }), cityId: 'krakow' })
      .thenThrows('CorrectionContradictsRecord', 'rule');
  });
});

describe('correcting a report', () => {
  const reportCorrected = (before: ReportRecordCorrected['data']['before'], after: ReportRecordCorrected['data']['after']): ReportRecordCorrected => ({
    type: 'ReportRecordCorrected',
    data: { cityId: 'ostersund', reportId: 'mmr-2014', reason: 'the cover letter is dated 2014-05-12', before, after },
  });

  it('corrects the day a report was submitted, with the recorded day beside it', () => {
    given([ostersundDesignated, ostersundReported])
      .when(correctReport({ submittedOn: '2014-05-12' }))
      .then([reportCorrected({ submittedOn: '2014-05-15' }, { submittedOn: '2014-05-12' })]);
  });

  it('may add a title the report was recorded without', () => {
    given([ostersundDesignated, ostersundReported])
      .when(correctReport({ title: 'Östersund, City of Gastronomy 2010–2014' }))
      .then([reportCorrected({}, { title: 'Östersund, City of Gastronomy 2010–2014' })]);
  });

  it('refuses a submission before the designation, naming the report', () => {
    const error = given([ostersundDesignated, ostersundReported]).when(correctReport({ submittedOn: '2009-01-01' })).thenThrows('CorrectionContradictsRecord', 'rule');
    expect(error.message).toContain('report mmr-2014');
  });

  it('refuses a submission after the report was reviewed', () => {
    given([ostersundDesignated, ostersundReported, ostersundReviewed]).when(correctReport({ submittedOn: '2014-10-01' })).thenThrows('CorrectionContradictsRecord', 'rule');
  });

  it('refuses a period that ends before it starts', () => {
    given([ostersundDesignated, ostersundReported]).when(correctReport({ periodEnd: '2009-12-31' })).thenThrows('CorrectionContradictsRecord', 'rule');
  });

  it('is a conflict when it changes nothing, and not found for an unknown report or city', () => {
    given([ostersundDesignated, ostersundReported]).when(correctReport({ kind: 'membership-monitoring' })).thenThrows('CorrectionChangesNothing', 'conflict');
    given([ostersundDesignated]).when(correctReport({ submittedOn: '2014-05-12' })).thenThrows('ReportNotFound', 'not-found');
    given([]).when(correctReport({ submittedOn: '2014-05-12' })).thenThrows('CityNotFound', 'not-found');
  });
});

describe('retracting a withdrawal', () => {
  it('retracts a withdrawal entered for the wrong city, keeping what was recorded', () => {
    given([krakowDesignated, krakowWithdrawn])
      .when(retractKrakow)
      .then([
        {
          type: 'MembershipWithdrawalRetracted',
          data: { cityId: 'krakow', reason: 'entered for the wrong city', retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' } },
        },
      ]);
  });

  it('makes the city a member again on every date since its designation', () => {
    const retracted: MembershipWithdrawalRetracted = {
      type: 'MembershipWithdrawalRetracted',
      data: { cityId: 'krakow', reason: 'entered for the wrong city', retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' } },
    };
    const { state } = given([krakowDesignated, krakowWithdrawn, retracted]);
    expect(state.status).toBe('member');
    expect(isMemberOn(state, '2020-06-01')).toBe(true);
  });

  it('is a conflict for a city that never left, and not found for a city never designated', () => {
    given([krakowDesignated]).when(retractKrakow).thenThrows('NoWithdrawalToRetract', 'conflict');
    given([]).when(retractKrakow).thenThrows('CityNotFound', 'not-found');
  });
});

import type { RecordedEvent } from '@uccn/event-store';
import { documentsOf, logOf, projectEvents, recorded, type ProjectedDocuments } from '../../../../test/support/project-events.js';
import { MEMBERS, SUMMARY, SUMMARY_ID, networkStatisticsProjection, toNetworkSummary, type SummaryDoc } from './network-statistics.projection.js';

/** The summary document as the projection wrote it (the store holds plain documents). */
const summaryDocOf = (projected: ProjectedDocuments) => projected.get(SUMMARY)?.get(SUMMARY_ID) as SummaryDoc | undefined;

const designated = (cityId: string, name: string, country: string, field: string, designatedOn: string) =>
  recorded('CityDesignated', { cityId, name, country, field, designatedOn });

// hypothetical withdrawal
const harbinWithdrawn = recorded('MembershipWithdrawn', { cityId: 'harbin', effectiveOn: '2019-12-31', reason: 'voluntary' });

const network = [
  designated('santa-fe', 'Santa Fe', 'US', 'crafts-and-folk-art', '2005-07-13'),
  designated('lyon', 'Lyon', 'FR', 'media-arts', '2008-11-03'),
  designated('harbin', 'Harbin', 'CN', 'music', '2010-06-22'),
  designated('ostersund', 'Östersund', 'SE', 'gastronomy', '2010-06-22'),
  designated('krakow', 'Kraków', 'PL', 'literature', '2013-10-21'),
  designated('katowice', 'Katowice', 'PL', 'music', '2015-12-11'),
  recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' }),
  harbinWithdrawn,
];

describe('network statistics projection', () => {
  it('reads as zeros before the first designation', async () => {
    expect(toNetworkSummary(null)).toEqual({ members: 0, withdrawn: 0, countries: 0, byField: {}, byCountry: {}, byYear: [] });
  });

  it('counts members, withdrawn cities and countries, by current field and by country', async () => {
    const projected = await projectEvents(networkStatisticsProjection, logOf(...network));

    const summary = toNetworkSummary(summaryDocOf(projected));

    expect(summary).toMatchObject({
      members: 5,
      withdrawn: 1,
      countries: 4,
      // Lyon counts in literature since 2023; Harbin left music
      byField: { 'crafts-and-folk-art': 1, gastronomy: 1, literature: 2, music: 1 },
      byCountry: { FR: 1, PL: 2, SE: 1, US: 1 },
    });
  });

  it('gives every year from the first designation, with the network size at each year end', async () => {
    const projected = await projectEvents(networkStatisticsProjection, logOf(...network));

    const { byYear } = toNetworkSummary(summaryDocOf(projected));

    const crafts = { 'crafts-and-folk-art': 1 };
    const withLyon = { ...crafts, 'media-arts': 1 };
    const with2010 = { ...withLyon, gastronomy: 1, music: 1 };
    const withKrakow = { ...with2010, literature: 1 };
    expect(byYear).toEqual([
      { year: 2005, designated: 1, cumulative: 1, byField: crafts },
      { year: 2006, designated: 0, cumulative: 1, byField: crafts },
      { year: 2007, designated: 0, cumulative: 1, byField: crafts },
      { year: 2008, designated: 1, cumulative: 2, byField: withLyon },
      { year: 2009, designated: 0, cumulative: 2, byField: withLyon },
      { year: 2010, designated: 2, cumulative: 4, byField: with2010 },
      { year: 2011, designated: 0, cumulative: 4, byField: with2010 },
      { year: 2012, designated: 0, cumulative: 4, byField: with2010 },
      { year: 2013, designated: 1, cumulative: 5, byField: withKrakow },
      { year: 2014, designated: 0, cumulative: 5, byField: withKrakow },
      { year: 2015, designated: 1, cumulative: 6, byField: { ...withKrakow, music: 2 } },
      { year: 2016, designated: 0, cumulative: 6, byField: { ...withKrakow, music: 2 } },
      { year: 2017, designated: 0, cumulative: 6, byField: { ...withKrakow, music: 2 } },
      { year: 2018, designated: 0, cumulative: 6, byField: { ...withKrakow, music: 2 } },
      // Harbin's withdrawal takes effect in 2019, and takes its field's count with it; Lyon's
      // change of 2023 lies beyond the last year of the series, so it shows in byField only
      { year: 2019, designated: 0, cumulative: 5, byField: withKrakow },
    ]);
  });

  it('counts each year a city in the field it held at that year end, so the fields sum to the network size', async () => {
    const rovaniemi = designated('rovaniemi', 'Rovaniemi', 'FI', 'architecture', '2025-10-31');
    const projected = await projectEvents(networkStatisticsProjection, logOf(...network, rovaniemi));

    const { byYear } = toNetworkSummary(summaryDocOf(projected));

    const at = (year: number) => byYear.find((y) => y.year === year)?.byField;
    expect(at(2022)).toEqual({ 'crafts-and-folk-art': 1, gastronomy: 1, literature: 1, 'media-arts': 1, music: 1 });
    // Lyon left media arts for literature in 2023: media arts has no member left
    expect(at(2023)).toEqual({ 'crafts-and-folk-art': 1, gastronomy: 1, literature: 2, music: 1 });
    expect(at(2025)).toEqual({ architecture: 1, 'crafts-and-folk-art': 1, gastronomy: 1, literature: 2, music: 1 });
    for (const { cumulative, byField } of byYear) {
      expect(Object.values(byField).reduce((sum, n) => sum + n, 0)).toBe(cumulative);
    }
  });

  it('keeps per city what undoing its counts needs, with lineage', async () => {
    const projected = await projectEvents(networkStatisticsProjection, logOf(...network));

    expect(documentsOf(projected, MEMBERS).filter((m) => m.id === 'harbin' || m.id === 'lyon')).toEqual([
      {
        id: 'harbin', country: 'CN', field: 'music', fieldSince: '2010-06-22', status: 'withdrawn',
        designatedOn: '2010-06-22', fields: [{ field: 'music', since: '2010-06-22' }], withdrawnOn: '2019-12-31',
        lastEventId: 'event-8', lastPosition: 8,
      },
      {
        id: 'lyon', country: 'FR', field: 'literature', fieldSince: '2023-10-31', status: 'member',
        designatedOn: '2008-11-03', fields: [{ field: 'media-arts', since: '2008-11-03' }, { field: 'literature', since: '2023-10-31' }], withdrawnOn: null,
        lastEventId: 'event-7', lastPosition: 7,
      },
    ]);
    expect(projected.get(SUMMARY)?.get(SUMMARY_ID)).toMatchObject({ lastEventId: 'event-8', lastPosition: 8 });
  });

  it('does not count a city twice, nor withdraw it twice', async () => {
    const projected = await projectEvents(
      networkStatisticsProjection,
      logOf(
        ...network,
        designated('lyon', 'Lyon', 'FR', 'media-arts', '2008-11-03'),
        recorded('MembershipWithdrawn', { cityId: 'harbin', effectiveOn: '2020-01-01', reason: 'excluded' }),
      ),
    );

    expect(toNetworkSummary(summaryDocOf(projected))).toMatchObject({ members: 5, withdrawn: 1 });
  });

  it('lets a country with no member left drop out of the count of countries', async () => {
    const projected = await projectEvents(networkStatisticsProjection, logOf(...network.slice(0, 6), harbinWithdrawn));

    expect(toNetworkSummary(summaryDocOf(projected))).toMatchObject({
      countries: 4,
      byCountry: { FR: 1, PL: 2, SE: 1, US: 1 },
      byField: { 'crafts-and-folk-art': 1, gastronomy: 1, literature: 1, 'media-arts': 1, music: 1 },
    });
  });

  describe('as corrected (DESIGN §6): every count as if the record had been right from the start', () => {
    const summaryOf = async (...events: RecordedEvent[]) => toNetworkSummary(summaryDocOf(await projectEvents(networkStatisticsProjection, logOf(...events))));
    const corrected = (cityId: string, before: Record<string, string>, after: Record<string, string>) =>
      recorded('CityRecordCorrected', { cityId, reason: 'checked against UNESCO’s list', before, after });
    // Santa Fe is the first of the network
    const others = network.slice(1);

    it('moves Santa Fe, recorded as designated in 2006, back to 2005 in the year series', async () => {
      const santaFeIn2006 = designated('santa-fe', 'Santa Fe', 'US', 'crafts-and-folk-art', '2006-01-10');
      const wrong = await summaryOf(santaFeIn2006, ...others);
      const right = await summaryOf(santaFeIn2006, ...others, corrected('santa-fe', { designatedOn: '2006-01-10' }, { designatedOn: '2005-07-13' }));

      expect(wrong.byYear[0]).toEqual({ year: 2006, designated: 1, cumulative: 1, byField: { 'crafts-and-folk-art': 1 } });
      expect(right.byYear.slice(0, 2)).toEqual([
        { year: 2005, designated: 1, cumulative: 1, byField: { 'crafts-and-folk-art': 1 } },
        { year: 2006, designated: 0, cumulative: 1, byField: { 'crafts-and-folk-art': 1 } },
      ]);
      expect(right).toEqual(await summaryOf(...network));
    });

    it('moves Lyon, recorded in film, to media arts until its change to literature in 2023', async () => {
      const lyonInFilm = designated('lyon', 'Lyon', 'FR', 'film', '2008-11-03');
      const log = network.map((e) => (e.type === 'CityDesignated' && e.data['cityId'] === 'lyon' ? lyonInFilm : e));
      const at = (summary: Awaited<ReturnType<typeof summaryOf>>, year: number) => summary.byYear.find((y) => y.year === year)?.byField;

      expect(at(await summaryOf(...log), 2008)).toEqual({ 'crafts-and-folk-art': 1, film: 1 });
      const right = await summaryOf(...log, corrected('lyon', { field: 'film' }, { field: 'media-arts' }));
      expect(at(right, 2008)).toEqual({ 'crafts-and-folk-art': 1, 'media-arts': 1 });
      // the change of 2023 stays: Lyon counts in literature now
      expect(right.byField).toMatchObject({ literature: 2 });
      expect(right).toEqual(await summaryOf(...network));
    });

    it('moves a city to its corrected field now when it never changed field', async () => {
      const right = await summaryOf(...network, corrected('katowice', { field: 'music' }, { field: 'design' }));

      expect(right.byField).toEqual({ 'crafts-and-folk-art': 1, design: 1, gastronomy: 1, literature: 2 });
      expect(right.byYear.find((y) => y.year === 2015)?.byField).toMatchObject({ design: 1, music: 1 });
    });

    it('moves Kraków, recorded in Portugal, to Poland', async () => {
      const krakowInPortugal = designated('krakow', 'Kraków', 'PT', 'literature', '2013-10-21');
      const log = network.map((e) => (e.type === 'CityDesignated' && e.data['cityId'] === 'krakow' ? krakowInPortugal : e));

      expect(await summaryOf(...log)).toMatchObject({ countries: 5, byCountry: { FR: 1, PL: 1, PT: 1, SE: 1, US: 1 } });
      expect(await summaryOf(...log, corrected('krakow', { country: 'PT' }, { country: 'PL' }))).toEqual(await summaryOf(...network));
    });

    it('counts Harbin as a member again, in every year since 2010, when its withdrawal is retracted', async () => {
      const retracted = recorded('MembershipWithdrawalRetracted', {
        cityId: 'harbin', reason: 'entered for the wrong city', retracted: { effectiveOn: '2019-12-31', reason: 'voluntary' },
      });
      const withoutWithdrawal = network.filter((e) => e !== harbinWithdrawn);

      const right = await summaryOf(...network, retracted);

      expect(right).toMatchObject({ members: 6, withdrawn: 0, countries: 5, byField: { music: 2 }, byCountry: { CN: 1 } });
      // the series ends with the last designation again: 2019 was there for the withdrawal only
      expect(right.byYear.at(-1)).toMatchObject({ year: 2015, cumulative: 6 });
      expect(right).toEqual(await summaryOf(...withoutWithdrawal));
    });

    it('moves a withdrawn city’s years with a corrected designation, and leaves the current counts alone', async () => {
      const right = await summaryOf(...network, corrected('harbin', { field: 'music', designatedOn: '2010-06-22' }, { field: 'film', designatedOn: '2011-03-01' }));
      const wrong = await summaryOf(...network);

      expect(right).toMatchObject({ members: wrong.members, withdrawn: 1, byField: wrong.byField, byCountry: wrong.byCountry });
      expect(right.byYear.find((y) => y.year === 2010)).toMatchObject({ designated: 1, cumulative: 3, byField: { 'crafts-and-folk-art': 1, gastronomy: 1, 'media-arts': 1 } });
      expect(right.byYear.find((y) => y.year === 2011)).toMatchObject({ designated: 1, cumulative: 4, byField: { film: 1 } });
      expect(right.byYear.find((y) => y.year === 2019)?.byField).not.toHaveProperty('film');
    });

    it('ignores a correction or a retraction for a city it never saw designated', async () => {
      expect(await summaryOf(...network, corrected('nowhere', { field: 'film' }, { field: 'music' }))).toEqual(await summaryOf(...network));
      const retracted = recorded('MembershipWithdrawalRetracted', { cityId: 'lyon', reason: 'x', retracted: { effectiveOn: '2020-01-01', reason: 'voluntary' } });
      expect(await summaryOf(...network, retracted)).toEqual(await summaryOf(...network));
    });
  });
});

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
  it('reads as zeros before the first designation', () => {
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
      { id: 'harbin', country: 'CN', field: 'music', fieldSince: '2010-06-22', status: 'withdrawn', lastEventId: 'event-8', lastPosition: 8 },
      { id: 'lyon', country: 'FR', field: 'literature', fieldSince: '2023-10-31', status: 'member', lastEventId: 'event-7', lastPosition: 7 },
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
});

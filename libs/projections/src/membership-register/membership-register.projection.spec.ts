import type { RecordedEvent } from '@uccn/event-store';
import { documentsOf, findDocuments, logOf, projectEvents, recorded, type ProjectedDocuments, lyonDesignated } from '../../../../test/support/project-events.js';
import {
  PERIODS,
  REGISTER_CITIES,
  REGISTER_YEARS,
  registerTotal,
  registerYearsQuery,
  type RegisterYearDoc,
  type PeriodDoc,
  membershipRegisterProjection,
  registerFindOptions,
  registerQuery,
  toRegisterItem,
} from './membership-register.projection.js';

const OPEN = '9999-12-31';
const CURRENT = '9999-12-31T23:59:59.999Z';

const project = (...events: RecordedEvent[]) => projectEvents(membershipRegisterProjection, logOf(...events));
/** who the register lists on `asOf`, as known at `knownAt`: cityId → field */
const register = async (projected: ProjectedDocuments | Promise<ProjectedDocuments>, asOf: string, knownAt?: string) =>
  Object.fromEntries((await findDocuments(await projected, PERIODS, registerFindOptions(asOf, knownAt, 1, 500))).map((p) => [p['cityId'], p['field']]));

const lyonToLiterature = recorded(
  'CityFieldChanged',
  { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
  { recordedAt: '2023-11-02T09:00:00.000Z' },
);

describe('membership register projection', () => {
  describe('Lyon: media arts in 2008, literature from 2023', () => {
    let projected: ProjectedDocuments;
    beforeAll(async () => (projected = await project(lyonDesignated, lyonToLiterature)));

    it('lists an open-ended membership on the last day there is, 9999-12-31 (the open-end marker includes its own day)', async () => {
      expect(await register(projected, OPEN)).toEqual({ lyon: 'literature' });
      expect(await register(projected, '9999-12-30')).toEqual({ lyon: 'literature' });
    });

    it('closes the belief the field change contradicts and splits the membership at the change date', async () => {
      expect(documentsOf(await projected, PERIODS)).toEqual([
        {
          id: 'lyon-1', cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03',
          validFrom: '2008-11-03', validTo: OPEN, knownFrom: '2008-11-04T10:00:00.000Z', knownTo: '2023-11-02T09:00:00.000Z',
          lastEventId: 'event-2', lastPosition: 2,
        },
        {
          id: 'lyon-2', cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03',
          validFrom: '2008-11-03', validTo: '2023-10-31', knownFrom: '2023-11-02T09:00:00.000Z', knownTo: CURRENT,
          lastEventId: 'event-2', lastPosition: 2,
        },
        {
          id: 'lyon-3', cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'literature', designatedOn: '2008-11-03',
          validFrom: '2023-10-31', validTo: OPEN, knownFrom: '2023-11-02T09:00:00.000Z', knownTo: CURRENT,
          lastEventId: 'event-2', lastPosition: 2,
        },
      ]);
    });

    it('keeps per city the current periods and the last period number', async () => {
      expect(documentsOf(await projected, REGISTER_CITIES)).toEqual([
        {
          id: 'lyon', cityId: 'lyon', name: 'Lyon', country: 'FR', designatedOn: '2008-11-03', designationField: 'media-arts',
          fieldChanges: [{ effectiveOn: '2023-10-31', to: 'literature' }],
          withdrawnOn: null,
          currentPeriods: [
            { id: 'lyon-2', field: 'media-arts', validFrom: '2008-11-03', validTo: '2023-10-31', knownFrom: '2023-11-02T09:00:00.000Z' },
            { id: 'lyon-3', field: 'literature', validFrom: '2023-10-31', validTo: OPEN, knownFrom: '2023-11-02T09:00:00.000Z' },
          ],
          counter: 3,
          knownSince: '2023-11-02T09:00:00.000Z',
          lastEventId: 'event-2', lastPosition: 2,
        },
      ]);
    });

    it('lists Lyon in the field it held on the domain date', async () => {
      expect(await register(projected, '2008-11-02')).toEqual({});
      expect(await register(projected, '2008-11-03')).toEqual({ lyon: 'media-arts' });
      expect(await register(projected, '2023-10-30')).toEqual({ lyon: 'media-arts' });
      expect(await register(projected, '2023-10-31')).toEqual({ lyon: 'literature' });
    });

    it('answers as the system knew it: the change counts only from the instant it was recorded', async () => {
      expect(await register(projected, '2024-01-01', '2023-11-02T08:59:59.999Z')).toEqual({ lyon: 'media-arts' });
      // the same instant, written without milliseconds
      expect(await register(projected, '2024-01-01', '2023-11-02T09:00:00Z')).toEqual({ lyon: 'literature' });
      expect(await register(projected, '2024-01-01', '2008-11-04T09:59:59.999Z')).toEqual({});
    });

    it('gives the register items in the shape of the response', async () => {
      const items = ((await findDocuments(projected, PERIODS, registerFindOptions('2024-01-01'))) as PeriodDoc[]).map(toRegisterItem);
      expect(items).toEqual([{ cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'literature', designatedOn: '2008-11-03' }]);
    });
  });

  it('keeps the two clocks apart: Kraków, designated in 2013 but recorded in 2026, was not in the 2019 register', async () => {
    const projected = await project(
      recorded(
        'CityDesignated',
        { cityId: 'katowice', name: 'Katowice', country: 'PL', field: 'music', designatedOn: '2015-12-11' },
        { recordedAt: '2015-12-12T08:00:00.000Z' },
      ),
      recorded(
        'CityDesignated',
        { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' },
        { recordedAt: '2026-03-01T12:00:00.000Z' },
      ),
    );

    expect(await register(projected, '2018-06-12', '2019-01-01T00:00:00.000Z')).toEqual({ katowice: 'music' });
    expect(await register(projected, '2018-06-12')).toEqual({ katowice: 'music', krakow: 'literature' });
    expect(await register(projected, '2014-01-01')).toEqual({ krakow: 'literature' });
    // in order of designation
    expect((await findDocuments(projected, PERIODS, registerFindOptions('2018-06-12'))).map((p) => p['name'])).toEqual(['Kraków', 'Katowice']);
  });

  describe('Harbin: music from 2010, withdrawn at the end of 2019 (hypothetical withdrawal)', () => {
    const designated = recorded(
      'CityDesignated',
      { cityId: 'harbin', name: 'Harbin', country: 'CN', field: 'music', designatedOn: '2010-06-22' },
      { recordedAt: '2010-06-23T08:00:00.000Z' },
    );
    const withdrawn = recorded(
      'MembershipWithdrawn',
      { cityId: 'harbin', effectiveOn: '2019-12-31', reason: 'voluntary' },
      { recordedAt: '2020-01-10T15:00:00.000Z' },
    );

    it('is a member up to the day before the withdrawal takes effect', async () => {
      const projected = await project(designated, withdrawn);

      expect(await register(projected, '2019-12-30')).toEqual({ harbin: 'music' });
      expect(await register(projected, '2019-12-31')).toEqual({});
    });

    it('was still believed a member in 2020 until the withdrawal was recorded', async () => {
      const projected = await project(designated, withdrawn);

      expect(await register(projected, '2020-01-05', '2020-01-10T14:59:59.999Z')).toEqual({ harbin: 'music' });
      expect(await register(projected, '2020-01-05', '2020-01-10T15:00:00.000Z')).toEqual({});
      expect(documentsOf(await projected, PERIODS).map((p) => [p.id, p['validFrom'], p['validTo'], p['knownFrom'], p['knownTo']])).toEqual([
        ['harbin-1', '2010-06-22', OPEN, '2010-06-23T08:00:00.000Z', '2020-01-10T15:00:00.000Z'],
        ['harbin-2', '2010-06-22', '2019-12-31', '2020-01-10T15:00:00.000Z', CURRENT],
      ]);
    });

    it('places a field change recorded after the withdrawal but dated before it', async () => {
      const projected = await project(
        designated,
        withdrawn,
        recorded(
          'CityFieldChanged',
          { cityId: 'harbin', from: 'music', to: 'film', effectiveOn: '2018-01-01' },
          { recordedAt: '2020-02-01T00:00:00.000Z' },
        ),
      );

      expect(await register(projected, '2017-12-31')).toEqual({ harbin: 'music' });
      expect(await register(projected, '2018-01-01')).toEqual({ harbin: 'film' });
      expect(await register(projected, '2019-12-31')).toEqual({});
      expect(await register(projected, '2018-01-01', '2020-01-31T00:00:00.000Z')).toEqual({ harbin: 'music' });
    });
  });

  it('puts a field change recorded late, but dated before an earlier recorded one, where it belongs', async () => {
    const projected = await project(
      recorded(
        'CityDesignated',
        { cityId: 'santos', name: 'Santos', country: 'BR', field: 'film', designatedOn: '2015-12-11' },
        { recordedAt: '2015-12-12T00:00:00.000Z' },
      ),
      recorded('CityFieldChanged', { cityId: 'santos', from: 'film', to: 'music', effectiveOn: '2020-05-01' }, { recordedAt: '2020-05-02T00:00:00.000Z' }),
      recorded('CityFieldChanged', { cityId: 'santos', from: 'film', to: 'design', effectiveOn: '2017-03-01' }, { recordedAt: '2021-01-15T00:00:00.000Z' }),
    );

    expect(await register(projected, '2018-01-01', '2020-06-01T00:00:00.000Z')).toEqual({ santos: 'film' });
    expect(await register(projected, '2018-01-01')).toEqual({ santos: 'design' });
    expect(await register(projected, '2021-01-01')).toEqual({ santos: 'music' });
    // the music period, confirmed by the correction, is the same row, believed since 2020
    const current = await findDocuments(projected, PERIODS, { filter: { knownTo: CURRENT }, sort: [['validFrom', 1]] });
    expect(current.map((p) => [p.id, p['field'], p['validFrom'], p['validTo'], p['knownFrom']])).toEqual([
      ['santos-4', 'film', '2015-12-11', '2017-03-01', '2021-01-15T00:00:00.000Z'],
      ['santos-5', 'design', '2017-03-01', '2020-05-01', '2021-01-15T00:00:00.000Z'],
      ['santos-3', 'music', '2020-05-01', OPEN, '2020-05-02T00:00:00.000Z'],
    ]);
  });

  it('keeps no row for a belief superseded at the very instant it was recorded', async () => {
    const at = { recordedAt: '2026-01-05T10:00:00.000Z' };
    const projected = await project(
      recorded('CityDesignated', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' }, at),
      recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' }, at),
    );

    expect(documentsOf(await projected, PERIODS).map((p) => p.id)).toEqual(['lyon-2', 'lyon-3']);
    expect(await register(projected, '2020-01-01', at.recordedAt)).toEqual({ lyon: 'media-arts' });
  });

  it('never ends a belief before it began when the recording clock steps back', async () => {
    const projected = await project(
      lyonDesignated,
      recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' }, { recordedAt: '2008-11-04T09:00:00.000Z' }),
    );

    for (const period of documentsOf(await projected, PERIODS)) {
      expect(String(period['knownFrom']) <= String(period['knownTo'])).toBe(true);
    }
    expect(await register(projected, '2024-01-01')).toEqual({ lyon: 'literature' });
  });

  it('asks the store for the four ranges (and the designation bound they imply), with knownAt made canonical and "now" by default', async () => {
    expect(registerQuery('2018-06-12', '2019-01-01T00:00:00Z')).toEqual({
      designatedOn: { $lte: '2018-06-12' },
      validFrom: { $lte: '2018-06-12' },
      validTo: { $gt: '2018-06-12' },
      knownFrom: { $lte: '2019-01-01T00:00:00.000Z' },
      knownTo: { $gt: '2019-01-01T00:00:00.000Z' },
    });
    expect(registerQuery('2018-06-12')['knownTo']).toEqual({ $gt: '9999-12-31T23:59:59.998Z' });
  });

  describe('a correction counts only from the instant it was recorded (DESIGN §6)', () => {
    const items = async (projected: Promise<ProjectedDocuments>, asOf: string, knownAt?: string) =>
      ((await findDocuments(await projected, PERIODS, registerFindOptions(asOf, knownAt))) as PeriodDoc[]).map(toRegisterItem);

    describe('Santa Fe, recorded as designated on 31 December 2005, corrected to 13 July 2005', () => {
      const recordedAt = '2024-03-01T09:00:00.000Z';
      const correctedAt = '2026-02-10T10:00:00.000Z';
      const projected = project(
        recorded('CityDesignated', { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-12-31' }, { recordedAt }),
        recorded(
          'CityRecordCorrected',
          { cityId: 'santa-fe', reason: 'UNESCO press release of 13 July 2005', before: { designatedOn: '2005-12-31' }, after: { designatedOn: '2005-07-13' } },
          { recordedAt: correctedAt },
        ),
      );

      it('was not a member on 1 August 2005 as the register knew it before the correction, and is one as corrected', async () => {
        expect(await register(projected, '2005-08-01', '2026-02-10T09:59:59.999Z')).toEqual({});
        expect(await register(projected, '2005-08-01', correctedAt)).toEqual({ 'santa-fe': 'crafts-and-folk-art' });
        expect(await register(projected, '2005-08-01')).toEqual({ 'santa-fe': 'crafts-and-folk-art' });
        // before the registry knew of Santa Fe at all
        expect(await register(projected, '2005-08-01', '2024-03-01T08:59:59.999Z')).toEqual({});
      });

      it('gives the designation date the register held at each instant', async () => {
        expect(await items(projected, '2006-01-01', '2025-01-01T00:00:00.000Z')).toEqual([
          { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-12-31' },
        ]);
        expect(await items(projected, '2006-01-01')).toEqual([{ cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-07-13' }]);
      });

      it('closes the uncorrected belief at the correction and believes the corrected one from then', async () => {
        expect(documentsOf(await projected, PERIODS).map((p) => [p.id, p['designatedOn'], p['validFrom'], p['validTo'], p['knownFrom'], p['knownTo']])).toEqual([
          ['santa-fe-1', '2005-12-31', '2005-12-31', OPEN, recordedAt, correctedAt],
          ['santa-fe-2', '2005-07-13', '2005-07-13', OPEN, correctedAt, CURRENT],
        ]);
      });
    });

    it('shows a corrected name and country only as known from the correction', async () => {
      const projected = project(
        recorded('CityDesignated', { cityId: 'krakow', name: 'Krakow', country: 'PT', field: 'literature', designatedOn: '2013-10-21' }, { recordedAt: '2014-01-10T00:00:00.000Z' }),
        recorded(
          'CityRecordCorrected',
          { cityId: 'krakow', reason: 'diacritics and country code', before: { name: 'Krakow', country: 'PT' }, after: { name: 'Kraków', country: 'PL' } },
          { recordedAt: '2020-05-01T00:00:00.000Z' },
        ),
      );

      expect(await items(projected, '2018-06-12', '2019-01-01T00:00:00.000Z')).toEqual([
        { cityId: 'krakow', name: 'Krakow', country: 'PT', field: 'literature', designatedOn: '2013-10-21' },
      ]);
      expect(await items(projected, '2018-06-12')).toEqual([{ cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' }]);
    });

    it('corrects the field Lyon was designated in, before its change to literature, from the correction on', async () => {
      const projected = project(
        recorded('CityDesignated', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'film', designatedOn: '2008-11-03' }, { recordedAt: '2008-11-04T10:00:00.000Z' }),
        lyonToLiterature,
        recorded(
          'CityRecordCorrected',
          { cityId: 'lyon', reason: 'designated in media arts', before: { field: 'film' }, after: { field: 'media-arts' } },
          { recordedAt: '2024-02-01T00:00:00.000Z' },
        ),
      );

      expect(await register(projected, '2015-01-01', '2024-01-31T23:59:59.999Z')).toEqual({ lyon: 'film' });
      expect(await register(projected, '2015-01-01', '2024-02-01T00:00:00.000Z')).toEqual({ lyon: 'media-arts' });
      expect(await register(projected, '2024-06-01', '2024-01-31T23:59:59.999Z')).toEqual({ lyon: 'literature' });
      expect(await register(projected, '2024-06-01')).toEqual({ lyon: 'literature' });
      // the literature period is confirmed by the correction, so its row is the one believed since 2023
      expect((await findDocuments(await projected, PERIODS, { filter: { knownTo: CURRENT }, sort: [['validFrom', 1]] })).map((p) => [p['field'], p['knownFrom']])).toEqual([
        ['media-arts', '2024-02-01T00:00:00.000Z'],
        ['literature', '2023-11-02T09:00:00.000Z'],
      ]);
    });

    describe('Kraków, withdrawn in error on 1 January 2019, the withdrawal retracted', () => {
      const projected = project(
        recorded('CityDesignated', { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' }, { recordedAt: '2013-10-22T00:00:00.000Z' }),
        recorded('MembershipWithdrawn', { cityId: 'krakow', effectiveOn: '2019-01-01', reason: 'voluntary' }, { recordedAt: '2019-01-05T00:00:00.000Z' }),
        recorded(
          'MembershipWithdrawalRetracted',
          { cityId: 'krakow', reason: 'entered for the wrong city', retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' } },
          { recordedAt: '2019-03-01T00:00:00.000Z' },
        ),
      );

      it('was not a member in 2020 as known between the withdrawal and its retraction, and is one as known since', async () => {
        expect(await register(projected, '2020-01-01', '2019-02-01T00:00:00.000Z')).toEqual({});
        expect(await register(projected, '2020-01-01', '2019-03-01T00:00:00.000Z')).toEqual({ krakow: 'literature' });
        expect(await register(projected, '2020-01-01')).toEqual({ krakow: 'literature' });
        // before the withdrawal was recorded, Kraków was believed a member all along
        expect(await register(projected, '2020-01-01', '2019-01-04T00:00:00.000Z')).toEqual({ krakow: 'literature' });
      });

      it('keeps each belief as a row of its own', async () => {
        expect(documentsOf(await projected, PERIODS).map((p) => [p.id, p['validFrom'], p['validTo'], p['knownFrom'], p['knownTo']])).toEqual([
          ['krakow-1', '2013-10-21', OPEN, '2013-10-22T00:00:00.000Z', '2019-01-05T00:00:00.000Z'],
          ['krakow-2', '2013-10-21', '2019-01-01', '2019-01-05T00:00:00.000Z', '2019-03-01T00:00:00.000Z'],
          ['krakow-3', '2013-10-21', OPEN, '2019-03-01T00:00:00.000Z', CURRENT],
        ]);
        expect(documentsOf(await projected, REGISTER_CITIES)).toMatchObject([{ id: 'krakow', withdrawnOn: null, counter: 3 }]);
      });
    });

    it('keeps a running total by day that gives the register’s total as known now on every date, whatever the corrections', async () => {
      const at = (instant: string) => ({ recordedAt: instant });
      const projected = project(
        recorded('CityDesignated', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' }, at('2008-11-04T00:00:00.000Z')),
        recorded('CityDesignated', { cityId: 'harbin', name: 'Harbin', country: 'CN', field: 'music', designatedOn: '2010-06-22' }, at('2010-06-23T00:00:00.000Z')),
        recorded('CityDesignated', { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' }, at('2013-10-22T00:00:00.000Z')),
        recorded('CityDesignated', { cityId: 'santos', name: 'Santos', country: 'BR', field: 'film', designatedOn: '2015-12-11' }, at('2015-12-12T00:00:00.000Z')),
        recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' }, at('2023-11-02T00:00:00.000Z')),
        recorded('MembershipWithdrawn', { cityId: 'harbin', effectiveOn: '2019-12-31', reason: 'voluntary' }, at('2020-01-05T00:00:00.000Z')),
        recorded('MembershipWithdrawn', { cityId: 'krakow', effectiveOn: '2019-01-01', reason: 'voluntary' }, at('2019-01-05T00:00:00.000Z')),
        recorded('MembershipWithdrawalRetracted', { cityId: 'krakow', reason: 'in error', retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' } }, at('2019-02-01T00:00:00.000Z')),
        // a designation date corrected across a year, and one corrected past the withdrawal (no membership at all)
        recorded('CityRecordCorrected', { cityId: 'santos', reason: 'decree', before: { designatedOn: '2015-12-11' }, after: { designatedOn: '2016-01-20' } }, at('2020-03-01T00:00:00.000Z')),
        recorded('CityRecordCorrected', { cityId: 'harbin', reason: 'typo', before: { designatedOn: '2010-06-22' }, after: { designatedOn: '2020-02-01' } }, at('2020-03-02T00:00:00.000Z')),
      );
      const docs = await projected;
      const years = documentsOf(docs, REGISTER_YEARS) as RegisterYearDoc[];
      const totalOn = async (asOf: string) => registerTotal((await findDocuments(docs, REGISTER_YEARS, registerYearsQuery(asOf))) as RegisterYearDoc[], asOf);
      for (const asOf of ['2004-01-01', '2008-11-02', '2008-11-03', '2010-06-22', '2015-12-11', '2016-01-19', '2016-01-20', '2018-12-31', '2019-01-01', '2019-12-30', '2019-12-31', '2020-02-01', '2026-01-01', OPEN]) {
        expect({ asOf, total: await totalOn(asOf) }).toEqual({ asOf, total: Object.keys(await register(projected, asOf)).length });
      }
      // only non-zero changes are kept, and each year's net is the sum of its days
      for (const year of years) expect(Object.values(year.days).reduce((a, b) => a + b, 0)).toBe(year.net);
      expect(years.flatMap((year) => Object.values(year.days)).every((change) => change !== 0)).toBe(true);
    });

    it('writes nothing for a correction of a city it never saw designated', async () => {
      const projected = project(
        recorded('CityRecordCorrected', { cityId: 'atlantis', reason: 'x', before: { name: 'A' }, after: { name: 'B' } }),
        recorded('MembershipWithdrawalRetracted', { cityId: 'atlantis', reason: 'x', retracted: { effectiveOn: '2019-01-01', reason: 'voluntary' } }),
      );

      expect((await projected).size).toBe(0);
    });
  });
});

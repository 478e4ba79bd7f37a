import type { RecordedEvent } from '@uccn/event-store';
import { documentsOf, findDocuments, logOf, projectEvents, recorded, type ProjectedDocuments } from '../../../../test/support/project-events.js';
import {
  PERIODS,
  REGISTER_CITIES,
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
const register = async (projected: ProjectedDocuments, asOf: string, knownAt?: string) =>
  Object.fromEntries((await findDocuments(projected, PERIODS, registerFindOptions(asOf, knownAt, 1, 500))).map((p) => [p['cityId'], p['field']]));

const lyonDesignated = recorded(
  'CityDesignated',
  { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' },
  { recordedAt: '2008-11-04T10:00:00.000Z' },
);
const lyonToLiterature = recorded(
  'CityFieldChanged',
  { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
  { recordedAt: '2023-11-02T09:00:00.000Z' },
);

describe('membership register projection', () => {
  describe('Lyon: media arts in 2008, literature from 2023', () => {
    let projected: ProjectedDocuments;
    beforeAll(async () => (projected = await project(lyonDesignated, lyonToLiterature)));

    it('closes the belief the field change contradicts and splits the membership at the change date', () => {
      expect(documentsOf(projected, PERIODS)).toEqual([
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

    it('keeps per city the current periods and the last period number', () => {
      expect(documentsOf(projected, REGISTER_CITIES)).toEqual([
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
      expect(documentsOf(projected, PERIODS).map((p) => [p.id, p['validFrom'], p['validTo'], p['knownFrom'], p['knownTo']])).toEqual([
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

    expect(documentsOf(projected, PERIODS).map((p) => p.id)).toEqual(['lyon-2', 'lyon-3']);
    expect(await register(projected, '2020-01-01', at.recordedAt)).toEqual({ lyon: 'media-arts' });
  });

  it('never ends a belief before it began when the recording clock steps back', async () => {
    const projected = await project(
      lyonDesignated,
      recorded('CityFieldChanged', { cityId: 'lyon', from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' }, { recordedAt: '2008-11-04T09:00:00.000Z' }),
    );

    for (const period of documentsOf(projected, PERIODS)) {
      expect(String(period['knownFrom']) <= String(period['knownTo'])).toBe(true);
    }
    expect(await register(projected, '2024-01-01')).toEqual({ lyon: 'literature' });
  });

  it('asks the store for the four ranges (and the designation bound they imply), with knownAt made canonical and "now" by default', () => {
    expect(registerQuery('2018-06-12', '2019-01-01T00:00:00Z')).toEqual({
      designatedOn: { $lte: '2018-06-12' },
      validFrom: { $lte: '2018-06-12' },
      validTo: { $gt: '2018-06-12' },
      knownFrom: { $lte: '2019-01-01T00:00:00.000Z' },
      knownTo: { $gt: '2019-01-01T00:00:00.000Z' },
    });
    expect(registerQuery('2018-06-12')['knownTo']).toEqual({ $gt: '9999-12-31T23:59:59.998Z' });
  });
});

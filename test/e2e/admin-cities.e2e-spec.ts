import { fieldsNamed } from './support/refusals.js';
import { expectRecorded, registrySuite } from './support/registry-suite.js';

/*
 * A designated city's life over HTTP: Lyon moved from media arts (2008) to literature (2023);
 * Östersund (gastronomy, 2010) reports to UNESCO every four years and to the Swedish National
 * Commission every year. Östersund has not left the network: its withdrawal here is invented to
 * exercise the rules that follow one.
 */
const lyon = { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-10-01' };
const ostersund = { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-05-10' };
const monitoring2014 = {
  reportId: 'membership-monitoring-2014',
  kind: 'membership-monitoring',
  periodStart: '2010-05-10',
  periodEnd: '2014-05-09',
  submittedOn: '2014-11-30',
  title: 'Membership Monitoring Report 2010–2014',
};
const nationalAnnual = (year: number) => ({
  reportId: `national-annual-${year}`,
  kind: 'national-annual',
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  submittedOn: `${year + 1}-02-15`,
});

describe("a city's field change, reports, reviews and withdrawal, end to end over HTTP", () => {
  const registry = registrySuite();
  const { post, refused, lastEventOf } = registry;

  /** Lyon and Östersund (with its national report of 2018) for the specs that append nothing */
  beforeAll(async () => {
    for (const city of [lyon, ostersund]) await registry.accepted('/api/admin/cities', city);
    await registry.accepted('/api/admin/cities/ostersund/reports', nationalAnnual(2018));
  });

  /** Designates a copy of `city` of the spec's own, for a spec that changes it; answers its id. */
  const designated = async (city: typeof lyon) => {
    const cityId = registry.uniqueId(city.cityId);
    await registry.accepted('/api/admin/cities', { ...city, cityId });
    return cityId;
  };
  /** Östersund of the spec's own, withdrawn (an invented withdrawal). */
  const withdrawn = async () => {
    const cityId = await designated(ostersund);
    await registry.accepted(`/api/admin/cities/${cityId}/withdrawal`, { effectiveOn: '2025-01-01', reason: 'voluntary' });
    return cityId;
  };

  describe('changing a field', () => {
    it('records Lyon moving from media arts to literature in 2023', async () => {
      const cityId = await designated(lyon);
      const answer = await post(`/api/admin/cities/${cityId}/field-change`, { field: 'literature', effectiveOn: '2023-10-31' });
      expectRecorded(answer, cityId, 1);
      expect(await lastEventOf(`city-${cityId}`)).toMatchObject({
        revision: 1,
        type: 'CityFieldChanged',
        data: { cityId, from: 'media-arts', to: 'literature', effectiveOn: '2023-10-31' },
      });
    });

    it('answers 409 to a change to the field the city already holds', async () => {
      const cityId = await designated(lyon);
      await registry.accepted(`/api/admin/cities/${cityId}/field-change`, { field: 'literature', effectiveOn: '2023-10-31' });
      await refused(409, () => post(`/api/admin/cities/${cityId}/field-change`, { field: 'literature', effectiveOn: '2024-06-01' }));
    });

    it('answers 422 to a field change dated before the designation', async () => {
      await refused(422, () => post('/api/admin/cities/ostersund/field-change', { field: 'music', effectiveOn: '2009-12-31' }));
    });

    it('answers 404 for a city never designated', async () => {
      await refused(404, () => post('/api/admin/cities/atlantis/field-change', { field: 'music', effectiveOn: '2020-01-01' }));
    });

    it.each([
      ['a field unknown to the catalogue', 'lyon', { field: 'sculpture', effectiveOn: '2024-01-01' }, 'field'],
      ['an impossible calendar date', 'lyon', { field: 'film', effectiveOn: '2023-02-29' }, 'effectiveOn'],
      ['an unknown property', 'lyon', { field: 'film', effectiveOn: '2024-01-01', why: 'x' }, 'why'],
      ['a city id in the path that is not a slug', 'Lyon', { field: 'film', effectiveOn: '2024-01-01' }, 'cityId'],
    ])('answers 400 naming the field for %s', async (_, cityId, body, field) => {
      const answer = await refused(400, () => post(`/api/admin/cities/${cityId}/field-change`, body));
      expect(fieldsNamed(answer)).toContain(field);
    });
  });

  describe('reports and their reviews', () => {
    it("records Östersund's membership monitoring report of 2014", async () => {
      const cityId = await designated(ostersund);
      const answer = await post(`/api/admin/cities/${cityId}/reports`, monitoring2014);
      expectRecorded(answer, cityId, 1);
      expect(await lastEventOf(`city-${cityId}`)).toMatchObject({ type: 'ReportSubmitted', data: { cityId, ...monitoring2014 } });
    });

    it('records a national annual report for each year, each a new revision of the city', async () => {
      const cityId = await designated(ostersund);
      const revisions: number[] = [];
      for (let year = 2018; year <= 2023; year++) {
        const answer = await post(`/api/admin/cities/${cityId}/reports`, nationalAnnual(year));
        expect(answer.status).toBe(201);
        revisions.push(answer.body.revision);
      }
      // revision 0 is the designation
      expect(revisions).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('answers 409 to a report id the city already used', async () => {
      const answer = await refused(409, () => post('/api/admin/cities/ostersund/reports', { ...nationalAnnual(2018), submittedOn: '2019-03-01' }));
      expect(answer.body.type).toContain('report-already-submitted');
    });

    it('answers 422 to a report submitted before the designation', async () => {
      await refused(422, () => post('/api/admin/cities/ostersund/reports', { ...nationalAnnual(2009), submittedOn: '2010-02-15' }));
    });

    it('answers 404 to a report of a city never designated', async () => {
      await refused(404, () => post('/api/admin/cities/atlantis/reports', nationalAnnual(2020)));
    });

    it.each([
      ['a kind that is not a report kind', { ...nationalAnnual(2024), kind: 'annual' }, 'kind'],
      ['a period that ends before it starts', { ...nationalAnnual(2024), periodEnd: '2023-12-31' }, 'periodEnd'],
      ['a report id that is not a slug', { ...nationalAnnual(2024), reportId: 'Report 2024' }, 'reportId'],
      ['an empty title', { ...nationalAnnual(2024), title: '' }, 'title'],
      ['a missing submission date', { ...nationalAnnual(2024), submittedOn: undefined }, 'submittedOn'],
    ])('answers 400 naming the field for %s', async (_, body, field) => {
      const answer = await refused(400, () => post('/api/admin/cities/ostersund/reports', body));
      expect(fieldsNamed(answer)).toContain(field);
    });

    it('records the acceptance of the 2014 monitoring report', async () => {
      const cityId = await designated(ostersund);
      await registry.accepted(`/api/admin/cities/${cityId}/reports`, monitoring2014);
      const answer = await post(`/api/admin/cities/${cityId}/reports/membership-monitoring-2014/review`, {
        outcome: 'accepted',
        reviewedOn: '2015-03-02',
        comment: 'Complete.',
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('etag')).toBe(`"${answer.body.revision}"`);
      expect(await lastEventOf(`city-${cityId}`)).toMatchObject({
        revision: answer.body.revision,
        type: 'ReportReviewed',
        data: { cityId, reportId: 'membership-monitoring-2014', outcome: 'accepted', reviewedOn: '2015-03-02', comment: 'Complete.' },
      });
    });

    it('answers 409 to reviewing a report already accepted', async () => {
      const cityId = await designated(ostersund);
      await registry.accepted(`/api/admin/cities/${cityId}/reports`, monitoring2014);
      await registry.accepted(`/api/admin/cities/${cityId}/reports/membership-monitoring-2014/review`, { outcome: 'accepted', reviewedOn: '2015-03-02' });
      await refused(409, () => post(`/api/admin/cities/${cityId}/reports/membership-monitoring-2014/review`, { outcome: 'revision-requested', reviewedOn: '2015-04-01' }));
    });

    it('answers 404 to reviewing a report never submitted, and to a city never designated', async () => {
      const missing = await refused(404, () => post('/api/admin/cities/ostersund/reports/membership-monitoring-2018/review', { outcome: 'accepted', reviewedOn: '2019-01-01' }));
      expect(missing.body.type).toContain('report-not-found');
      await refused(404, () => post('/api/admin/cities/atlantis/reports/national-annual-2018/review', { outcome: 'accepted', reviewedOn: '2019-03-01' }));
    });

    it('answers 422 to a review dated before the report was submitted', async () => {
      await refused(422, () => post('/api/admin/cities/ostersund/reports/national-annual-2018/review', { outcome: 'accepted', reviewedOn: '2019-01-01' }));
    });

    it.each([
      ['an outcome that is not a review outcome', 'national-annual-2018', { outcome: 'rejected', reviewedOn: '2019-03-01' }, 'outcome'],
      ['a report id in the path that is not a slug', 'National_Annual_2018', { outcome: 'accepted', reviewedOn: '2019-03-01' }, 'reportId'],
      ['an impossible calendar date', 'national-annual-2018', { outcome: 'accepted', reviewedOn: '2019-13-01' }, 'reviewedOn'],
    ])('answers 400 naming the field for %s', async (_, reportId, body, field) => {
      const answer = await refused(400, () => post(`/api/admin/cities/ostersund/reports/${reportId}/review`, body));
      expect(fieldsNamed(answer)).toContain(field);
    });
  });

  describe('withdrawal', () => {
    it('answers 422 to a withdrawal before the designation', async () => {
      await refused(422, () => post('/api/admin/cities/lyon/withdrawal', { effectiveOn: '2008-01-01', reason: 'voluntary' }));
    });

    it('answers 422 to a withdrawal in the future', async () => {
      await refused(422, () => post('/api/admin/cities/lyon/withdrawal', { effectiveOn: '2999-01-01', reason: 'voluntary' }));
    });

    it('answers 404 to the withdrawal of a city never designated', async () => {
      await refused(404, () => post('/api/admin/cities/atlantis/withdrawal', { effectiveOn: '2020-01-01', reason: 'excluded' }));
    });

    it.each([
      ['a reason that is not a withdrawal reason', { effectiveOn: '2025-01-01', reason: 'moved' }, 'reason'],
      ['an empty note', { effectiveOn: '2025-01-01', reason: 'voluntary', note: '' }, 'note'],
      ['a missing date', { reason: 'voluntary' }, 'effectiveOn'],
    ])('answers 400 naming the field for %s', async (_, body, field) => {
      const answer = await refused(400, () => post('/api/admin/cities/ostersund/withdrawal', body));
      expect(fieldsNamed(answer)).toContain(field);
    });

    it('records MembershipWithdrawn (an invented withdrawal of Östersund)', async () => {
      const cityId = await designated(ostersund);
      const answer = await post(`/api/admin/cities/${cityId}/withdrawal`, { effectiveOn: '2025-01-01', reason: 'voluntary', note: 'test case' });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('etag')).toBe(`"${answer.body.revision}"`);
      expect(await lastEventOf(`city-${cityId}`)).toMatchObject({
        type: 'MembershipWithdrawn',
        data: { cityId, effectiveOn: '2025-01-01', reason: 'voluntary', note: 'test case' },
      });
    });

    it('answers 422 to a report submitted after the withdrawal', async () => {
      const cityId = await withdrawn();
      const answer = await refused(422, () => post(`/api/admin/cities/${cityId}/reports`, nationalAnnual(2025)));
      expect(answer.body.detail).toContain('left the network');
    });

    it('answers 409 to a second withdrawal', async () => {
      const cityId = await withdrawn();
      await refused(409, () => post(`/api/admin/cities/${cityId}/withdrawal`, { effectiveOn: '2025-06-01', reason: 'excluded' }));
    });
  });

  it('answers 401 without a key and 403 to a role other than the secretariat', async () => {
    const change = { field: 'film', effectiveOn: '2024-06-01' };
    await refused(401, () => registry.anonymous.post('/api/admin/cities/lyon/field-change', change));
    await refused(403, () => registry.auditor.post('/api/admin/cities/lyon/field-change', change));
    await refused(403, () => registry.analyst.post('/api/admin/cities/lyon/reports', nationalAnnual(2024)));
  });
});

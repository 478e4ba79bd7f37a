import { fieldsNamed } from './support/refusals.js';
import { expectRecorded, registrySuite } from './support/registry-suite.js';

/*
 * The field catalogue over HTTP. The network opened with seven fields in 2004; architecture is
 * the eighth, opened with the 2025 designations (31 October 2025, World Cities Day). The catalogue
 * is one stream for the whole network: each block below starts a registry of its own.
 */
const architecture = { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' };
const quito = { cityId: 'quito', name: 'Quito', country: 'EC', field: 'architecture', designatedOn: '2025-10-31' };

describe('adding a creative field to the network, end to end over HTTP', () => {
  describe('the founding catalogue', () => {
    const registry = registrySuite();
    const { post, refused } = registry;

    it('refuses a designation in architecture while the catalogue does not know it (400 naming field)', async () => {
      const answer = await refused(400, () => post('/api/admin/cities', quito));
      expect(fieldsNamed(answer)).toContain('field');
    });

    it('answers 409 to adding design, one of the seven founding fields', async () => {
      const answer = await refused(409, () => post('/api/admin/fields', { field: 'design', label: 'Design', effectiveOn: '2024-01-01' }));
      expect(answer.body.detail).toContain('founded');
    });

    it.each([
      ['an unknown property', { ...architecture, field: 'sculpture', curator: 'x' }, 'curator'],
      ['a field that is not a slug', { ...architecture, field: 'Street Art' }, 'field'],
      ['an impossible calendar date', { ...architecture, field: 'sculpture', effectiveOn: '2025-02-30' }, 'effectiveOn'],
      ['a missing label', { field: 'sculpture', effectiveOn: '2025-10-31' }, 'label'],
      ['an empty label', { ...architecture, field: 'sculpture', label: '' }, 'label'],
    ])('answers 400 naming the field for %s', async (_, body, field) => {
      const answer = await refused(400, () => post('/api/admin/fields', body));
      expect(fieldsNamed(answer)).toContain(field);
    });

    it.each([
      ['a field opening before the network was founded (2004)', { field: 'sculpture', label: 'Sculpture', effectiveOn: '2003-12-31' }],
      ['a domain date in the future', { field: 'sculpture', label: 'Sculpture', effectiveOn: '2999-01-01' }],
    ])('answers 422 to %s', async (_, body) => {
      await refused(422, () => post('/api/admin/fields', body));
    });

    it('answers 401 without a key and 403 to a role other than the secretariat', async () => {
      const sculpture = { field: 'sculpture', label: 'Sculpture', effectiveOn: '2025-10-31' };
      await refused(401, () => registry.anonymous.post('/api/admin/fields', sculpture));
      await refused(403, () => registry.auditor.post('/api/admin/fields', sculpture));
      await refused(403, () => registry.analyst.post('/api/admin/fields', sculpture));
    });
  });

  describe('adding architecture', () => {
    const registry = registrySuite();

    it('records CreativeFieldAdded on the network stream and answers 201 with the field as id', async () => {
      const answer = await registry.post('/api/admin/fields', architecture);
      expectRecorded(answer, 'architecture', 0);

      const log = await registry.eventsOf('network');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ streamId: 'network', revision: 0, type: 'CreativeFieldAdded', data: architecture });
    });
  });

  describe('once architecture is in the catalogue', () => {
    const registry = registrySuite();
    const { post, refused } = registry;
    beforeAll(() => registry.accepted('/api/admin/fields', architecture));

    it('refuses a designation in architecture dated 2017, before the field opened (422)', async () => {
      const answer = await refused(422, () => post('/api/admin/cities', { ...quito, cityId: registry.uniqueId('quito'), designatedOn: '2017-10-31' }));
      expect(answer.body.detail).toContain('architecture');
    });

    it('designates a city in architecture on the day the field opened', async () => {
      const answer = await post('/api/admin/cities', quito);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ id: 'quito', revision: 0 });
    });

    it('answers 409 to adding architecture a second time', async () => {
      const answer = await refused(409, () => post('/api/admin/fields', { ...architecture, effectiveOn: '2025-11-01' }));
      expect(answer.body.type).toContain('creative-field-already-exists');
    });
  });
});

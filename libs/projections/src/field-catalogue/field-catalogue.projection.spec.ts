import { documentsOf, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { FIELDS, FOUNDING_FIELD_DOCS, fieldCatalogue, fieldCatalogueProjection } from './field-catalogue.projection.js';

describe('field catalogue projection', () => {
  it('lists the founding seven, open from 2004-01-01, on an empty log', async () => {
    const projected = await projectEvents(fieldCatalogueProjection, []);

    const catalogue = fieldCatalogue(documentsOf(projected, FIELDS));

    expect(catalogue.map((f) => [f['field'], f['label'], f['openedOn']])).toEqual([
      ['crafts-and-folk-art', 'Crafts and Folk Art', '2004-01-01'],
      ['design', 'Design', '2004-01-01'],
      ['film', 'Film', '2004-01-01'],
      ['gastronomy', 'Gastronomy', '2004-01-01'],
      ['literature', 'Literature', '2004-01-01'],
      ['media-arts', 'Media Arts', '2004-01-01'],
      ['music', 'Music', '2004-01-01'],
    ]);
  });

  it('stores architecture, added in 2025, with both clocks and lineage', async () => {
    const events = logOf(
      recorded(
        'CreativeFieldAdded',
        { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' },
        { recordedAt: '2025-11-03T09:15:00.000Z' },
      ),
    );

    const projected = await projectEvents(fieldCatalogueProjection, events);

    expect(documentsOf(projected, FIELDS)).toEqual([
      {
        id: 'architecture',
        field: 'architecture',
        label: 'Architecture',
        openedOn: '2025-10-31',
        founding: false,
        recordedAt: '2025-11-03T09:15:00.000Z',
        lastEventId: 'event-1',
        lastPosition: 1,
      },
    ]);
    const catalogue = fieldCatalogue(documentsOf(projected, FIELDS));
    expect(catalogue).toHaveLength(8);
    expect(catalogue.at(-1)?.id).toBe('architecture');
    expect(catalogue.slice(0, 7)).toEqual(FOUNDING_FIELD_DOCS);
  });

  it('ignores events of other aggregates', async () => {
    const events = logOf(
      recorded('CityDesignated', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' }),
    );

    expect(documentsOf(await projectEvents(fieldCatalogueProjection, events), FIELDS)).toEqual([]);
  });
});

import { DomainError } from '@uccn/domain';
import type { ReadModels } from '@uccn/projections';
import { requireCatalogueField } from './field-catalogue.queries.js';

/** The read models as the filter check sees them: the field catalogue's stored fields (the added ones). */
const catalogueWith = (...added: string[]) =>
  ({
    collection: async () => ({
      find: async () => added.map((field) => ({ id: field, field, label: field, openedOn: '2025-10-31', founding: false, recordedAt: '2025-11-03T10:15:00.000Z' })),
    }),
  }) as unknown as ReadModels;

const refusal = async (field: string, readModels = catalogueWith('architecture')) => {
  try {
    await requireCatalogueField(readModels, field);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${field} was accepted`);
};

describe('a field in a filter', () => {
  it('may be any field of the catalogue, founding or added since', async () => {
    await expect(requireCatalogueField(catalogueWith('architecture'), 'gastronomy')).resolves.toBeUndefined();
    await expect(requireCatalogueField(catalogueWith('architecture'), 'architecture')).resolves.toBeUndefined();
  });

  it('is a 400 naming the field and listing the catalogue when unknown: cooking', async () => {
    const error = await refusal('cooking');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'UnknownField', kind: 'invalid', field: 'field' });
    expect(error.message).toBe(
      'field "cooking" is not a field of the catalogue; the fields are: crafts-and-folk-art, design, film, gastronomy, literature, media-arts, music, architecture',
    );
  });

  it('reads the catalogue as it stands: architecture is unknown before it is added', async () => {
    expect((await refusal('architecture', catalogueWith())).message).toMatch(/the fields are: crafts-and-folk-art, design, film, gastronomy, literature, media-arts, music$/);
  });

  it('tells "media arts" (a space, not a slug) the slug it was after', async () => {
    const error = await refusal('media arts');
    expect(error.message).toMatch(/^field "media arts" is not a field of the catalogue \(did you mean media-arts\?\); the fields are: .*media-arts/);
  });
});

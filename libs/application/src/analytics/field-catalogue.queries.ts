import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { invalid } from '@uccn/domain';
import { fieldCatalogue, fieldCatalogueQuery, FIELDS_READ_MODEL, ReadModels, type FieldDoc, type Known, type Lineage } from '@uccn/projections';
import { wholeList, type Page } from '../shared/page.js';

/** A field of the catalogue as the API gives it: the document without its id and lineage. */
export type FieldItem = Omit<Known<FieldDoc>, 'id'>;

/** The field catalogue, founding seven included, with the date each field opened. */
export class ListFieldsQuery extends Query<Page<FieldItem>> {}

/** The catalogue is a handful of rows, so it is answered whole (in the list shape of DESIGN §3). */
@QueryHandler(ListFieldsQuery)
export class ListFieldsHandler implements IQueryHandler<ListFieldsQuery, Page<FieldItem>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute(): Promise<Page<FieldItem>> {
    const fields = await this.readModels.collection(FIELDS_READ_MODEL);
    return wholeList(fieldCatalogue(await fields.find(fieldCatalogueQuery())).map(fieldItem));
  }
}

// a founding field has no lineage (no event wrote it), an added one has
const fieldItem = ({ id: _id, lastEventId: _event, lastPosition: _position, ...item }: FieldDoc & Partial<Lineage>): FieldItem => item;

/**
 * A filter's `field` must be a slug of the catalogue as it stands (founding seven and every field
 * added since: the catalogue grows by `POST /api/admin/fields`, so it is read, not assumed). An
 * unknown one is a 400 that lists the slugs — `cooking` would otherwise answer an empty list, as
 * if no city held it; `media arts` is told the slug it was after.
 */
export async function requireCatalogueField(readModels: ReadModels, field: string, name = 'field'): Promise<void> {
  const fields = await readModels.collection(FIELDS_READ_MODEL);
  const slugs = fieldCatalogue(await fields.find(fieldCatalogueQuery())).map((f) => f.id);
  if (slugs.includes(field)) return;
  const slugged = field.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const hint = slugs.includes(slugged) ? ` (did you mean ${slugged}?)` : '';
  throw invalid('UnknownField', `${name} "${field}" is not a field of the catalogue${hint}; the fields are: ${slugs.join(', ')}`, name);
}

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FIELDS, fieldCatalogue, fieldCatalogueQuery, ReadModels, type FieldDoc } from '@uccn/projections';
import { MAX_PAGE_SIZE, type Page } from '../shared/page.js';
import { ListFieldsQuery, type FieldItem } from './list-fields.query.js';

/**
 * The catalogue is a handful of rows, so it is answered whole, in the list shape of DESIGN §3
 * (one page holding every field) for consistency with the other lists.
 */
@QueryHandler(ListFieldsQuery)
export class ListFieldsHandler implements IQueryHandler<ListFieldsQuery, Page<FieldItem>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute(): Promise<Page<FieldItem>> {
    const fields = await this.readModels.collection('field-catalogue', FIELDS);
    const items = fieldCatalogue(await fields.find(fieldCatalogueQuery())).map((doc) => {
      const { field, label, openedOn, founding, recordedAt } = doc as FieldDoc;
      return { field, label, openedOn, founding, recordedAt };
    });
    return { items, total: items.length, page: 1, limit: MAX_PAGE_SIZE };
  }
}

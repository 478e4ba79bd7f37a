import { Inject, type Type } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModels, type ReadModelRef, type Stored } from '@uccn/projections';
import type { Document, FindOptions } from '@uccn/read-store';
import { readPage, type Page, type PageRequest } from './page.js';

/** A filtered page of one read model's documents, as they are stored (DESIGN §3). */
export abstract class ListQuery<Filter, D extends Document> extends Query<Page<Stored<D>>> {
  constructor(
    readonly filter: Filter,
    readonly paging: PageRequest,
  ) {
    super();
  }
}

/**
 * The handler of a `ListQuery`: the projection's own query builder (filter, sort, page window)
 * against the serving generation of `ref`, and the count over all pages. The lists of the
 * directory, meetings, applications and partnerships differ only in these three arguments.
 */
export function listHandler<Filter, D extends Document>(
  query: Type<ListQuery<Filter, D>>,
  ref: ReadModelRef<D>,
  findOptions: (filter: Filter, page: number, limit: number) => FindOptions,
): Type<IQueryHandler<ListQuery<Filter, D>, Page<Stored<D>>>> {
  @QueryHandler(query)
  class ListHandler implements IQueryHandler<ListQuery<Filter, D>, Page<Stored<D>>> {
    constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

    async execute({ filter, paging }: ListQuery<Filter, D>): Promise<Page<Stored<D>>> {
      return readPage(await this.readModels.collection(ref), findOptions(filter, paging.page, paging.limit), paging);
    }
  }
  // the name Nest's logs and errors show
  Object.defineProperty(ListHandler, 'name', { value: query.name.replace(/Query$/, 'Handler') });
  return ListHandler;
}

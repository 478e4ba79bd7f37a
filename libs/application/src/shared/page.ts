import type { ReadModelCollection, Stored } from '@uccn/projections';
import type { Document, Filter, FindOptions } from '@uccn/read-store';

/** A page of a list (DESIGN §3): `page` counts from 1, `limit` is at most 500. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly limit: number;
}

export interface PageRequest {
  readonly page: number;
  readonly limit: number;
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export const skipOf = ({ page, limit }: PageRequest) => (page - 1) * limit;

/** A short list answered whole, in the list shape of the others: one page holding every item. */
export const wholeList = <T>(items: readonly T[]): Page<T> => ({ items, total: items.length, page: 1, limit: MAX_PAGE_SIZE });

/**
 * One page of a read model and the count over all pages, read together from the same generation.
 * `countFilter` is the find's filter unless the store counts the same rows faster by another one.
 */
export async function readPage<D extends Document>(
  collection: ReadModelCollection<D>,
  find: FindOptions,
  { page, limit }: PageRequest,
  countFilter: Filter | undefined = find.filter,
): Promise<Page<Stored<D>>> {
  const [items, total] = await Promise.all([collection.find(find), collection.count(countFilter)]);
  return { items, total, page, limit };
}

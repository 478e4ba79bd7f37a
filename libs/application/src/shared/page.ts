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

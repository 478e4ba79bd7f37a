/** `page` from 1, `limit` at most 500 (DESIGN §3). */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

export function pageWindow(page = 1, limit = DEFAULT_LIMIT): { skip: number; limit: number } {
  const size = Math.min(Math.max(1, Math.trunc(limit)), MAX_LIMIT);
  const from = Math.max(1, Math.trunc(page));
  return { skip: (from - 1) * size, limit: size };
}

/**
 * The ordinal order of two strings (code unit by code unit, as `<` compares them), for `sort`:
 * calendar dates, ids and slugs then sort the same on every machine, which `localeCompare` does
 * not promise.
 */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

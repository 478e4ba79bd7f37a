/**
 * Open ends of intervals are stored as the greatest value instead of `null`, so "still open"
 * needs no OR in a filter and range conditions stay index-driven on both stores.
 */
export const OPEN_DATE = '9999-12-31';
export const OPEN_INSTANT = '9999-12-31T23:59:59.999Z';

import { parse } from 'csv-parse/sync';

/**
 * Reads a CSV text (RFC 4180, by csv-parse): a header row, commas, CRLF or LF line ends, quoted
 * fields that may hold commas, doubled quotes and line breaks ("Creativity, path to equality"), a
 * UTF-8 byte order mark. Answers one record per line that is not empty, keyed by the header; a
 * line with more or fewer fields than the header is an error naming it.
 */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  }) as Record<string, string>[];
}

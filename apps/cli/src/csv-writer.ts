import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV for a spreadsheet's eyes, written by csv-stringify (RFC 4180, CRLF line ends), hardened
 * against CSV injection as OWASP describes it
 * (https://owasp.org/www-community/attacks/CSV_Injection): every field is quoted, and a text field
 * that a spreadsheet would take for a formula — one that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return (or their full-width forms) — is prefixed with a single quote, which the
 * spreadsheet shows as text. Numbers stay numbers (`-1` as written). NUL characters, which no
 * register text holds (they are refused on the way in) but older events might, are left out,
 * and counted so that the export can say so. Nested values are written as JSON.
 */
export class CsvWriter {
  /** how many text fields had NUL characters left out */
  strippedNul = 0;

  private readonly options: Options = {
    quoted: true,
    escape_formulas: true,
    record_delimiter: 'windows',
    cast: {
      string: (value) => this.withoutNul(value),
      boolean: (value) => String(value),
      object: (value) => JSON.stringify(value),
    },
  };

  /** One row, as a CRLF-terminated line. */
  line(values: readonly unknown[]): string {
    return stringify([values as unknown[]], this.options);
  }

  private withoutNul(value: string): string {
    if (!value.includes('\u0000')) return value;
    this.strippedNul += 1;
    return value.replaceAll('\u0000', '');
  }
}

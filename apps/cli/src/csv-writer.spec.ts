import { parse } from 'csv-parse/sync';
import { CsvWriter } from './csv-writer.js';

/** The fields of one line, as a CSV reader (csv-parse) gives them back. */
const fieldsOf = (line: string): string[] => (parse(line) as string[][])[0]!;

describe('the CSV the CLI exports', () => {
  it.each([
    ['=', `=cmd|' /C calc'!A0`],
    ['+', '+1+cmd|calc'],
    ['-', '-2+3+cmd|calc'],
    ['@', '@SUM(1+9)*cmd|calc'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
  ])('writes a name that starts with %s as text, after a single quote, never as a formula', (_, name) => {
    const line = new CsvWriter().line(['ostersund', name]);
    expect(fieldsOf(line)).toEqual(['ostersund', `'${name}`]);
    expect(line).not.toMatch(/(^|,)[=+\-@\t\r]/);
  });

  it('quotes every field, doubles quotes, and ends lines with CRLF', () => {
    expect(new CsvWriter().line(['Creativity, path to equality', 'say "hi"', 'x'])).toBe('"Creativity, path to equality","say ""hi""","x"\r\n');
  });

  it('keeps numbers (a negative one too), booleans and empty values as they are, and nested values as JSON', () => {
    const line = new CsvWriter().line([-1, 12, true, false, null, undefined, '', { from: 'media-arts', to: '=x' }, ['a']]);
    expect(fieldsOf(line)).toEqual(['-1', '12', 'true', 'false', '', '', '', '{"from":"media-arts","to":"=x"}', '["a"]']);
  });

  it('leaves NUL characters out, and counts the fields it took them from', () => {
    const writer = new CsvWriter();
    const line = writer.line(['Tor\u0000ino', 'Lyon', '\u0000\u0000']);
    expect(line).not.toContain('\u0000');
    expect(fieldsOf(line)).toEqual(['Torino', 'Lyon', '']);
    expect(writer.strippedNul).toBe(2);
  });

  it('keeps text that only looks like a number or a date, and names in any script', () => {
    expect(fieldsOf(new CsvWriter().line(['2010-12-31', 'Łódź – 東京', '0042']))).toEqual(['2010-12-31', 'Łódź – 東京', '0042']);
  });
});

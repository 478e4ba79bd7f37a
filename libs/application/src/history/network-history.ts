import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseCsv } from './csv.js';

/** Where the project keeps the real history (`uccn-cities.csv`, `uccn-conferences.csv`, `SOURCES.md`). */
export const NETWORK_HISTORY_DIR = 'network-history';
export const CITIES_FILE = 'uccn-cities.csv';
export const CONFERENCES_FILE = 'uccn-conferences.csv';

/** A row of `uccn-cities.csv`: a member city, its field as UNESCO names it, and the year it joined. */
export interface HistoryCity {
  /** line in the file, for reports */
  readonly line: number;
  readonly name: string;
  readonly country: string;
  readonly countryCode: string;
  /** lower-cased UNESCO field name: `crafts and folk art`, `media arts`, … */
  readonly field: string;
  readonly year: number;
}

/** A row of `uccn-conferences.csv`. Empty cells stay `null`: what the sources do not say. */
export interface HistoryConference {
  readonly line: number;
  /** Roman numeral (`XII`), `null` for the 2021 online meeting */
  readonly edition: string | null;
  readonly year: number;
  /** city names as the sources spell them (`Montréal`, `Krakow`); Paris 2008 is UNESCO HQ */
  readonly hosts: readonly string[];
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly theme: string | null;
  /** `in person` or `online` */
  readonly format: string;
}

export interface NetworkHistory {
  readonly cities: readonly HistoryCity[];
  readonly conferences: readonly HistoryConference[];
}

/** Reads the two CSV files of `dir` (see its SOURCES.md for what each column means). */
export async function readNetworkHistory(dir: string): Promise<NetworkHistory> {
  const [cities, conferences] = await Promise.all([
    fs.readFile(path.join(dir, CITIES_FILE), 'utf8'),
    fs.readFile(path.join(dir, CONFERENCES_FILE), 'utf8'),
  ]);
  return parseNetworkHistory(cities, conferences);
}

export function parseNetworkHistory(citiesCsv: string, conferencesCsv: string): NetworkHistory {
  const cities = parseCsv(citiesCsv).map(
    (row, index): HistoryCity => ({
      line: index + 2,
      name: required(row, 'city', index),
      country: row['country']?.trim() ?? '',
      countryCode: required(row, 'country_code', index),
      field: required(row, 'field', index),
      year: year(row, index),
    }),
  );
  const conferences = parseCsv(conferencesCsv).map(
    (row, index): HistoryConference => ({
      line: index + 2,
      edition: optional(row, 'edition'),
      year: year(row, index),
      hosts: required(row, 'hosts', index).split(';').map((h) => h.trim()).filter(Boolean),
      startDate: optional(row, 'start_date'),
      endDate: optional(row, 'end_date'),
      theme: optional(row, 'theme'),
      format: required(row, 'format', index),
    }),
  );
  return { cities, conferences };
}

function required(row: Record<string, string>, column: string, index: number): string {
  const value = row[column]?.trim();
  if (!value) throw new Error(`line ${index + 2}: ${column} is empty`);
  return value;
}

function optional(row: Record<string, string>, column: string): string | null {
  const value = row[column]?.trim();
  return value ? value : null;
}

function year(row: Record<string, string>, index: number): number {
  const value = Number(required(row, 'year', index));
  if (!Number.isInteger(value)) throw new Error(`line ${index + 2}: year ${JSON.stringify(row['year'])} is not a year`);
  return value;
}

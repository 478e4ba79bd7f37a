import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteReadStore, type FindOptions } from '@uccn/read-store';
import type { ProjectionDefinition } from './projection.js';
import { applicationsProjection, APPLICATIONS, applicationsQuery } from './applications/applications.projection.js';
import { CITIES, CITY_REPORTS, cityDirectoryProjection, cityDirectoryQuery } from './city-directory/city-directory.projection.js';
import { indexesOf } from './runner/generation-worker.js';
import { complianceQuery } from './city-directory/compliance.js';
import { fieldCatalogueProjection, fieldCatalogueQuery, FIELDS } from './field-catalogue/field-catalogue.projection.js';
import { cityHistoryQuery, HISTORY, membershipHistoryProjection } from './membership-history/membership-history.projection.js';
import { membershipRegisterProjection, PERIODS, REGISTER_YEARS, registerCountFilter, registerFindOptions, registerYearsQuery } from './membership-register/membership-register.projection.js';
import { meetingsProjection, MEETINGS, meetingsQuery } from './meetings/meetings.projection.js';
import { partnershipsProjection, PARTNERSHIPS, partnershipsQuery } from './partnerships/partnerships.projection.js';
import { CONTACTS, contactsProjection, contactsQuery } from './contacts/contacts.projection.js';

/**
 * Each query a projection serves, run against a real SQLite read store with the projection's
 * declared indexes. A filtered query must SEARCH an index; an unfiltered list may walk an index
 * in its sort order (and stop at the page); neither may sort the result in a temporary B-tree,
 * which would read every match before returning the first page. (The MongoDB adapter builds the
 * same indexes from the same declarations.)
 */
const cases: ReadonlyArray<readonly [string, ProjectionDefinition, string, FindOptions]> = [
  ['fields by opening date', fieldCatalogueProjection, FIELDS, fieldCatalogueQuery()],
  ['cities by field and country', cityDirectoryProjection, CITIES, cityDirectoryQuery({ field: 'music', country: 'PL' })],
  ['cities by status, field and country', cityDirectoryProjection, CITIES, cityDirectoryQuery({ status: 'member', field: 'music', country: 'PL' })],
  ['cities by country', cityDirectoryProjection, CITIES, cityDirectoryQuery({ country: 'PL' })],
  ['cities by status', cityDirectoryProjection, CITIES, cityDirectoryQuery({ status: 'withdrawn' })],
  ['all cities by name', cityDirectoryProjection, CITIES, cityDirectoryQuery({})],
  ['compliance: members on a date', cityDirectoryProjection, CITIES, complianceQuery('2018-06-12')],
  ['a city timeline', membershipHistoryProjection, HISTORY, cityHistoryQuery('lyon')],
  ['the register now', membershipRegisterProjection, PERIODS, registerFindOptions('2018-06-12')],
  ['the register as known in 2019', membershipRegisterProjection, PERIODS, registerFindOptions('2018-06-12', '2019-01-01T00:00:00.000Z')],
  ['the register’s running totals up to a year', membershipRegisterProjection, REGISTER_YEARS, registerYearsQuery('2018-06-12')],
  ['meetings by kind and year', meetingsProjection, MEETINGS, meetingsQuery({ kind: 'annual-conference', year: 2008 })],
  ['meetings by year', meetingsProjection, MEETINGS, meetingsQuery({ year: 2008 })],
  ['applications by call and status', applicationsProjection, APPLICATIONS, applicationsQuery({ callYear: 2017, status: 'endorsed' })],
  ['applications by status', applicationsProjection, APPLICATIONS, applicationsQuery({ status: 'endorsed' })],
  ['partnerships', partnershipsProjection, PARTNERSHIPS, partnershipsQuery()],
  ['contacts of a city', contactsProjection, CONTACTS, contactsQuery({ cityId: 'lyon' })],
  ['contacts of a partnership', contactsProjection, CONTACTS, contactsQuery({ partnershipId: 'creative-cities' })],
  ['all contacts', contactsProjection, CONTACTS, contactsQuery({})],
];

describe('projection queries on SQLite', () => {
  let dir: string;
  let store: SqliteReadStore;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
    store = await SqliteReadStore.open({ file: path.join(dir, 'read.db') });
    for (const [, projection, collection] of cases) {
      await store.ensureCollection(collection, projection.collections[collection]?.indexes ?? []);
    }
  });

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases)('%s is answered from an index, in order', (_name, _projection, collection, options) => {
    const plan = store.explainFind(collection, options).join('\n');

    const filtered = Object.keys(options.filter ?? {}).length > 0;
    expect(plan).toMatch(filtered ? /^SEARCH \S+ USING (COVERING )?INDEX/ : /^SCAN \S+ USING (COVERING )?INDEX/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it.each(cases.filter(([, , , options]) => Object.keys(options.filter ?? {}).length > 0))(
    '%s: its total is counted from an index',
    (_name, _projection, collection, options) => {
      expect(store.explainCount(collection, options.filter).join('\n')).toMatch(/^SEARCH \S+ USING (COVERING )?INDEX/);
    },
  );

  it('reads a city’s reports for a correction from an index, even while a generation is being built', async () => {
    const building = 'reports_being_built';
    await store.ensureCollection(building, indexesOf(cityDirectoryProjection.collections[CITY_REPORTS]!, 'without-indexes'));

    expect(store.explainFind(building, { filter: { cityId: 'lyon' } }).join('\n')).toMatch(/^SEARCH \S+ USING (COVERING )?INDEX/);
  });

  // the register's total at 100,000 cities: read from the index alone, never row by row
  it.each([
    ['now', registerCountFilter('2018-06-12')],
    ['as known in 2019', registerCountFilter('2018-06-12', '2019-01-01T00:00:00.000Z')],
  ])('the register %s is counted from a covering index', (_name, filter) => {
    expect(store.explainCount(PERIODS, filter).join('\n')).toMatch(/^SEARCH \S+ USING COVERING INDEX/);
  });
});

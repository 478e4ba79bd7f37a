import { describeBoundary } from '../../../test/support/boundaries.js';

/*
 * The domain is data and pure functions (STYLE principle 1): no clock, no random ids, no framework
 * or storage, and no other library. This test reads the sources, so a stray `Date.now()` fails the
 * build, not a review.
 */
describeBoundary({
  name: 'the domain library',
  root: 'libs/domain',
  knownFile: 'src/city/city.decide.ts',
  libraries: [],
  packages: [[/^(@nestjs\/|mongodb$|@eventstore\/|better-sqlite3$|node:fs|fs$)/, 'a framework or I/O']],
  texts: [
    [/Date\.now\s*\(/, 'reads the clock (time comes in on the command as `today`)'],
    [/new Date\(\s*\)/, 'reads the clock (time comes in on the command as `today`)'],
    [/randomUUID|Math\.random/, 'makes random ids (ids come in on the command)'],
  ],
  refuses: [
    "import { Injectable } from '@nestjs/common';",
    "import Database from 'better-sqlite3';",
    "import * as fs from 'node:fs';",
    'export const today = () => Date.now();',
    'export const now = () => new Date();',
    'export const id = () => randomUUID();',
    "import type { EventStore } from '@uccn/event-store';",
    "import { loadConfig } from '../../config/src/index.js';",
  ],
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * The domain is data and pure functions (STYLE principle 1): no clock, no random ids, no framework
 * or storage. This test reads the sources, so a stray `Date.now()` fails the build, not a review.
 */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/Date\.now\s*\(/, 'reads the clock (time comes in on the command as `today`)'],
  [/new Date\(\s*\)/, 'reads the clock (time comes in on the command as `today`)'],
  [/randomUUID|Math\.random/, 'makes random ids (ids come in on the command)'],
  [/from ['"](@nestjs\/|mongodb|@eventstore\/|better-sqlite3|node:fs|fs['"])/, 'imports a framework or I/O'],
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

function impurities(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, why]) => `${path.basename(file)} ${why}`);
  });
}

describe('the domain library', () => {
  const files = sources(import.meta.dirname);

  it('has sources to check', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['city.decide.ts', 'meeting.decide.ts']));
  });

  it('neither reads the clock, nor makes random ids, nor imports a framework or I/O', () => {
    expect(impurities(files)).toEqual([]);
  });

  it('would notice a decider that reads the clock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-'));
    try {
      const file = path.join(dir, 'bad.decide.ts');
      fs.writeFileSync(file, "import { x } from '@nestjs/common';\nexport const today = () => Date.now();\n");
      expect(impurities([file])).toHaveLength(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

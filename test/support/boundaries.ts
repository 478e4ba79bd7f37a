import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * Architecture tests: each library and each app has a `*-boundary.spec.ts` stating what it may
 * import, checked against the import specifiers of its sources. The layering they state, bottom
 * up: sqlite (what both embedded stores share), domain and config import no other library;
 * event-store and read-store only the domain and sqlite; projections sit on the
 * domain and the stores; application on those and config; runtime (what the apps share) on every
 * library; the apps on libraries only. Libraries reach each other through `@uccn/*` only, never by
 * a relative path, and nothing reaches into an app from outside it.
 */

export const REPO = path.resolve(import.meta.dirname, '../..');

/** Every library, bottom layer first. */
export const LIBRARIES = ['sqlite', 'domain', 'config', 'event-store', 'read-store', 'projections', 'application', 'runtime'] as const;
export type Library = (typeof LIBRARIES)[number];

/** Where a spec may reach outside its own folder: the test support shared by every spec. */
const TEST_SUPPORT = path.join(REPO, 'test/support');

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A rule on a specifier or a text: the pattern, and why it is refused. */
export type Rule = readonly [RegExp, string];

export interface Boundary {
  /** the folder (relative to the repository) whose `.ts` files are checked, and which their relative imports must stay in */
  readonly root: string;
  /** the `@uccn/*` libraries it may import; any other is refused */
  readonly libraries: readonly Library[];
  /** folders (relative to the repository) outside `root` that its relative imports may also reach */
  readonly reaches?: readonly string[];
  /** package specifiers its production files (not specs) may not import */
  readonly packages?: readonly Rule[];
  /** what its production files may not contain at all (a clock read, say) */
  readonly texts?: readonly Rule[];
}

export const isSpec = (file: string): boolean => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);

/** The `.ts` files under `folder` (relative to the repository), recursively. */
export function sourcesIn(folder: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  return walk(path.join(REPO, folder)).map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
}

const STATIC = /^\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier the text imports or re-exports: `from '…'`, `import '…'`, `import('…')`. */
export function importsOf(text: string): string[] {
  return [STATIC, BARE, DYNAMIC].flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
}

/** What `file` does that `boundary` refuses, one line each (`libs/x/src/a.ts imports '…': why`). */
export function violations(boundary: Boundary, files: readonly SourceFile[] = sourcesIn(boundary.root)): string[] {
  const root = path.join(REPO, boundary.root);
  const reachable = [root, ...(boundary.reaches ?? []).map((r) => path.join(REPO, r))];
  const within = (target: string, folder: string) => target === folder || target.startsWith(folder + path.sep);

  return files.flatMap((file) => {
    const where = path.relative(REPO, file.path);
    const spec = isSpec(file.path);
    const refused: string[] = [];
    for (const specifier of importsOf(file.text)) {
      const why = refusal(specifier);
      if (why) refused.push(`${where} imports '${specifier}': ${why}`);
    }
    if (!spec) {
      for (const [pattern, why] of boundary.texts ?? []) if (pattern.test(file.text)) refused.push(`${where} ${why}`);
    }
    return refused;

    function refusal(specifier: string): string | null {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file.path), specifier);
        if (reachable.some((folder) => within(target, folder))) return null;
        if (spec && within(target, TEST_SUPPORT)) return null;
        return `a relative import out of ${[boundary.root, ...(boundary.reaches ?? [])].join(', ')}`;
      }
      if (path.isAbsolute(specifier) || /^(apps|libs|test|bench)\//.test(specifier)) return 'a path into the repository, not a module';
      const library = /^@uccn\/(.+)$/.exec(specifier)?.[1];
      if (library !== undefined) {
        if ((boundary.libraries as readonly string[]).includes(library)) return null;
        return boundary.libraries.length === 0 ? 'it may import no library' : `not among the libraries it may use (${boundary.libraries.join(', ')})`;
      }
      if (spec) return null;
      return (boundary.packages ?? []).find(([pattern]) => pattern.test(specifier))?.[1] ?? null;
    }
  });
}

const listOf = (libraries: readonly string[]) => (libraries.length === 0 ? 'no library' : `the libraries it may use (${libraries.join(', ')})`);

/** The libraries each library imports, read from their sources (specs included). */
export function libraryImports(): Map<string, Set<string>> {
  const present = fs.readdirSync(path.join(REPO, 'libs'), { withFileTypes: true }).filter((e) => e.isDirectory());
  return new Map(
    present.map(({ name }) => [
      name,
      new Set(sourcesIn(`libs/${name}`).flatMap((f) => importsOf(f.text).flatMap((s) => /^@uccn\/(.+)$/.exec(s)?.[1] ?? []))),
    ]),
  );
}

/** A chain of imports that leads from `library` back to itself, or null. */
export function cycleThrough(library: string, graph: Map<string, Set<string>> = libraryImports()): string[] | null {
  const seen = new Set<string>();
  const walk = (from: string, trail: string[]): string[] | null => {
    for (const next of graph.get(from) ?? []) {
      if (next === library) return [...trail, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...trail, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(library, [library]);
}

export interface BoundarySpec extends Boundary {
  /** what the spec is about: `the domain library` */
  readonly name: string;
  /** a file that must be among those checked, so a wrong root cannot pass by checking nothing (without one: any file) */
  readonly knownFile?: string;
  /** lines the boundary refuses, each checked as the text of a file in the root's `src/` (or the root), to show it bites */
  readonly refuses: readonly string[];
}

/** The spec of one boundary: it has sources, they keep to it, and it refuses each example given. */
export function describeBoundary(boundary: BoundarySpec): void {
  describe(`${boundary.name}'s boundary`, () => {
    const files = sourcesIn(boundary.root);

    it('has sources to check', () => {
      const checked = files.filter((f) => !isSpec(f.path)).map((f) => path.relative(REPO, f.path));
      expect(checked.length).toBeGreaterThan(0);
      if (boundary.knownFile) expect(checked).toContain(path.join(boundary.root, boundary.knownFile));
    });

    const rules = boundary.packages || boundary.texts ? ' (and none of the packages or texts it refuses)' : '';
    it(`imports ${listOf(boundary.libraries)}${rules}, and nothing by a relative path out of ${boundary.root}${boundary.reaches?.length ? ` but ${boundary.reaches.join(', ')}` : ''}`, () => {
      expect(violations(boundary, files)).toEqual([]);
    });

    if (boundary.root.startsWith('libs/')) {
      it('is on no cycle of libraries', () => {
        expect(cycleThrough(path.basename(boundary.root))).toBeNull();
      });
    }

    it.each(boundary.refuses)('would refuse %s', (line) => {
      const src = path.join(REPO, boundary.root, 'src');
      const file = { path: path.join(fs.existsSync(src) ? src : path.join(REPO, boundary.root), 'would-be.ts'), text: `${line}\n` };
      expect(violations(boundary, [file])).toHaveLength(1);
    });
  });
}

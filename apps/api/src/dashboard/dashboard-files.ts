import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** One file of the dashboard, read once at start: a handful of small files, served from memory. */
export interface DashboardFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly cacheControl: string;
}

/**
 * The page is only a shell (HTML, one ES module, CSS and Chart.js): it holds no data, every figure
 * comes from /api/analytics/** with the analyst's key. So it needs no key itself, and a CSP of
 * 'self' only: no inline script or style, no other origin (the key never leaves for a CDN).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * `apps/api/dashboard` holds the page's sources; tsc copies no such files into dist/, so the
 * folder is found from the project root (the nearest folder up with a package.json), which is the
 * same from the sources (tests) and from dist/ (`npm start`, the Docker image).
 */
export function loadDashboardFiles(from = import.meta.dirname): ReadonlyMap<string, DashboardFile> {
  const folder = path.join(projectRoot(from), 'apps', 'api', 'dashboard');
  // resolved through the package's own entry, wherever npm put it (hoisted or not)
  const chartJs = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
  const ours = 'no-cache'; // revalidated on each load (304 by ETag): a new version shows at once
  return new Map([
    ['index.html', file(path.join(folder, 'index.html'), ours)],
    ['dashboard.js', file(path.join(folder, 'dashboard.js'), ours)],
    // the key, the API's fetch helpers and building the DOM from text, for every page's script
    ['registry-client.js', file(path.join(folder, 'registry-client.js'), ours)],
    ['dashboard.css', file(path.join(folder, 'dashboard.css'), ours)],
    ['chart.umd.min.js', file(chartJs, 'public, max-age=86400')],
  ]);
}

function file(location: string, cacheControl: string): DashboardFile {
  const body = fs.readFileSync(location);
  const contentType = TYPES[path.extname(location)] ?? 'application/octet-stream';
  return { body, contentType, cacheControl, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}: cannot find the dashboard's files`);
  }
}

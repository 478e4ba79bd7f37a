import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** One file of the pages, read once at start: a handful of small files, served from memory. */
export interface DashboardFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly cacheControl: string;
}

/**
 * Each page is only a shell (HTML, ES modules, CSS and Chart.js): it holds no data, every figure
 * comes from the API with the key the reader gives (/api/analytics/** for the analysts' dashboard,
 * /api/audit/** for the auditors' view). So it needs no key itself, and a CSP of 'self' only: no
 * inline script or style, no other origin (the key never leaves for a CDN).
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

/** The pages, each at its own path: the analysts' dashboard at `/`, the auditors' view at `/audit`. */
export const PAGES = { dashboard: 'index.html', audit: 'audit.html' } as const;

/**
 * `apps/api/dashboard` holds both pages' sources (their HTML, their scripts, the module both import
 * and their styles); tsc copies no such files into dist/, so the
 * folder is found from the project root (the nearest folder up with a package.json), which is the
 * same from the sources (tests) and from dist/ (`npm start`, the Docker image).
 */
export function loadDashboardFiles(from = import.meta.dirname): ReadonlyMap<string, DashboardFile> {
  const folder = path.join(projectRoot(from), 'apps', 'api', 'dashboard');
  // resolved through the package's own entry, wherever npm put it (hoisted or not)
  const chartJs = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
  const ours = 'no-cache'; // revalidated on each load (304 by ETag): a new version shows at once
  const sources = [...Object.values(PAGES), 'registry-client.js', 'dashboard.js', 'audit.js', 'dashboard.css', 'audit.css'];
  return new Map([
    ...sources.map((name) => [name, file(path.join(folder, name), ours)] as const),
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

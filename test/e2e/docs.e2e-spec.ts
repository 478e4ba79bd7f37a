import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { registrySuite } from './support/registry-suite.js';

/*
 * Issue 15, item 11: Swagger UI at /docs keeps no key in the browser's storage, is served under a
 * Content-Security-Policy, and the document calls the registry's opaque keys what they are.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`the /docs browser test is skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does, or set CHROMIUM_PATH)`);

describe('the API documentation at /docs', () => {
  const registry = registrySuite();

  it('serves Swagger UI under a Content-Security-Policy that allows only its own scripts', async () => {
    const page = await registry.anonymous.get<string>('/docs');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('does not keep the key in localStorage, and calls it a bearer key, not a JWT', async () => {
    expect((await registry.anonymous.get<string>('/docs/swagger-ui-init.js')).body).toMatch(/"persistAuthorization":\s*false/);
    const document = (await registry.anonymous.get<{ components: { securitySchemes: Record<string, Record<string, unknown>> } }>('/docs-json')).body;
    expect(document.components.securitySchemes['api-key']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes['api-key']).not.toHaveProperty('bearerFormat', 'JWT');
  });

  (haveChromium ? it : it.skip)('renders in a real browser under that policy, with no violation', async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${registry.url}/docs`);
      await page.waitForSelector('.swagger-ui .info .title', { timeout: 20_000 });
      expect(await page.textContent('.swagger-ui .info .title')).toContain('UCCN Registry');
      expect(violations).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});

describe('the OpenAPI document’s security and servers (issue 15, item 12)', () => {
  const registry = registrySuite();
  type Operation = { security?: Record<string, unknown>[] };
  type Doc = { servers?: { url: string }[]; components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, Operation>> };

  it('names only security schemes it defines, and says plainly which routes need no key', async () => {
    const document = (await registry.anonymous.get<Doc>('/docs-json')).body;
    const schemes = Object.keys(document.components.securitySchemes);
    const referenced = Object.values(document.paths).flatMap((item) => Object.values(item).flatMap((op) => (op.security ?? []).flatMap((req) => Object.keys(req))));
    expect([...new Set(referenced)].filter((name) => !schemes.includes(name))).toEqual([]);
    for (const path of ['/health', '/health/ready']) expect(document.paths[path]?.['get']?.security).toEqual([]);
    // every route of the API needs a key, and says so
    const apiOperations = Object.entries(document.paths).filter(([path]) => path.startsWith('/api/')).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ route: `${method} ${path}`, security: op.security })));
    expect(apiOperations.filter((op) => JSON.stringify(op.security) !== JSON.stringify([{ 'api-key': [] }])).map((op) => op.route)).toEqual([]);
    expect(document.paths['/metrics']?.['get']?.security).toEqual([{ 'api-key': [] }]);
  });

  it('names a server: the API’s own origin', async () => {
    const document = (await registry.anonymous.get<Doc>('/docs-json')).body;
    expect(document.servers?.length).toBeGreaterThan(0);
  });
});

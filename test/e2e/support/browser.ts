import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The pages' browser tests drive Debian's headless Chromium with playwright-core (which downloads
 * no browser): `.ci/run` installs it; elsewhere the browser parts skip with a message, or
 * `CHROMIUM_PATH` names another build.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);

/** `describe` where Chromium is, `describe.skip` (with a warning naming `what`) where it is not. */
export function describeInChromium(what: string): jest.Describe {
  if (haveChromium) return describe;
  console.warn(`${what} is skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does, or set CHROMIUM_PATH)`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  // Chromium's sandbox refuses to start as root (CI containers)
  return chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
}

export interface Tab {
  readonly page: Page;
  /** script errors and console errors seen so far (a CSP violation is one) */
  readonly problems: string[];
}

/**
 * A tab of its own (a new context: no key kept from another spec), at a laptop's size.
 * `bypassCSP` only for the accessibility check, which injects axe-core (see seriousAxeViolations).
 */
export async function openTab(browser: Browser, url: string, options: { bypassCSP?: boolean } = {}): Promise<Tab> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, bypassCSP: options.bypassCSP ?? false });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return { page, problems };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: string[];
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * The page's serious and critical accessibility violations as axe-core finds them (WCAG 2.x A and
 * AA rules and axe's best practices), injected from node_modules. playwright's addScriptTag({ path })
 * inlines the file's text, which the pages' CSP ('self' only) refuses: the tab that runs this check
 * is opened with `bypassCSP` (the other tabs keep the CSP, and fail on any violation of it).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Walks the page with the Tab key alone, from the top, and answers every control that can take
 * the keyboard's focus and whether the walk reached it: the visible links, buttons, inputs, summaries
 * and focusable regions, each named by its id or text.
 */
export async function tabWalk(page: Page, maxPresses = 600): Promise<{ controls: string[]; reached: string[] }> {
  // in the page (no DOM types here: the specs compile for Node)
  const controls: string[] = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const visible = (e: any) => e.getClientRects().length > 0 && !e.disabled;
    return [...(globalThis as any).document.querySelectorAll(selector)].filter(visible).map((e: any, i: number) => {
      e.dataset.kb = String(i);
      return `${i}: ${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} ${(e.textContent ?? '').trim().slice(0, 40)}`;
    });
  });
  await page.evaluate(() => {
    (globalThis as any).document.activeElement?.blur();
    (globalThis as any).scrollTo(0, 0);
  });
  const reached = new Set<string>();
  let first: string | undefined;
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const kb: string | null = await page.evaluate(() => (globalThis as any).document.activeElement?.dataset?.kb ?? null);
    if (kb === null) continue;
    if (kb === first) break; // round the page once
    first ??= kb;
    reached.add(kb);
  }
  return { controls, reached: controls.filter((c) => reached.has(c.split(':')[0]!)) };
}

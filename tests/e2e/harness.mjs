// Shared helpers for the end-to-end tests (node:test + playwright-core).
//
//   import { startServer, launch, newPage, shot, axe } from './harness.mjs';
//
// The browser is Debian's Chromium (/usr/bin/chromium, or $CHROMIUM);
// playwright-core never downloads one. The widget renders into an open shadow
// root: Playwright's CSS locators and axe-core both pierce open shadow roots,
// so `page.locator('[part~="card"]')` finds the cards.

import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer as startStaticServer } from '../../scripts/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** WCAG 2.2 A/AA, as axe-core tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Serve www/ at / and pkg/ at /pkg/ on a free port.
 * Resolves to { url, close } (url ends with "/").
 */
export function startServer(options = {}) {
  return startStaticServer({ port: 0, host: '127.0.0.1', ...options });
}

/** Launch headless Chromium. Close it with `await browser.close()`. */
export function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    ...options,
  });
}

/**
 * A page in a fresh browser context (own storage, own viewport).
 * Closing the page's context: `await page.context().close()`.
 */
export async function newPage(
  browser,
  { width = 1024, height = 800, colorScheme = 'light', reducedMotion = 'no-preference', ...rest } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    reducedMotion,
    ...rest,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * Collect uncaught page errors and console.error messages of a page.
 * Returns the live array of strings. Failed resource loads (e.g. a missing
 * favicon) are left out.
 */
export function trackErrors(page) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/^Failed to load resource/.test(text)) return;
    errors.push(`console.error: ${text}`);
  });
  return errors;
}

/** Save a full-page PNG to tests/e2e/screenshots/<name>.png; returns its path. */
export async function shot(page, name, options = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', ...options });
  return file;
}

let axeSource;
async function axeScript() {
  if (!axeSource) {
    const require = createRequire(import.meta.url);
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/**
 * Run axe-core with the WCAG 2.2 A/AA rules on the page (or on `context`:
 * a selector or an axe context object) and return its violations.
 * Open shadow roots are included.
 */
export async function axe(page, context, { tags = WCAG_TAGS, rules } = {}) {
  const source = await axeScript();
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the DevTools protocol rather than with
    // page.addScriptTag({ content }): an inline <script> is blocked (and
    // logged as a console error) on the strict-CSP pages, evaluation is not.
    await page.evaluate(source);
  }
  return page.evaluate(
    async ({ context, tags, rules }) => {
      const options = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] };
      if (rules) options.rules = rules;
      const result = await window.axe.run(context ?? document, options);
      return result.violations;
    },
    { context: context ?? null, tags, rules },
  );
}

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)}`),
    )
    .join('\n');
}

/**
 * A test file's setup: starts the demo server and Chromium before its tests
 * and hands them to `ready(server, browser)`; closes both after them, then
 * writes `counts` (`[section, counts]`, see writeCounts) if given.
 */
export function serveAndLaunch(ready, { counts } = {}) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (counts) await writeCounts(...counts);
  });
}

/** Merges `section` into target/hardening-counts.json (several test files write it). */
export async function writeCounts(section, counts) {
  const dir = path.join(REPO_ROOT, 'target');
  const file = path.join(dir, 'hardening-counts.json');
  const lock = `${file}.lock`;
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < 200; i++) {
    try {
      await mkdir(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    let all = {};
    try {
      all = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      all = {};
    }
    all[section] = { ...counts, at: new Date().toISOString() };
    await writeFile(file, JSON.stringify(all, null, 2) + '\n');
  } finally {
    await rmdir(lock).catch(() => {});
  }
}

/**
 * Resolves once the widget's pending write of progress has happened. The
 * widget writes to localStorage when the browser is idle: requestIdleCallback
 * with a timeout of 1 s (headless Chromium may draw no frame, and then has no
 * idle period, for a long time), or a 200 ms timer where there is none.
 * Callbacks run in the order asked, and a timed-out one by its timer, so one
 * asked for after the widget's, with a longer timeout, runs after it.
 */
export function idle(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1100 });
        else setTimeout(resolve, 250);
      }),
  );
}

// Shared helpers for the end-to-end tests (node:test + playwright-core).
//
//   import { startServer, launch, newPage, shot, axe } from './harness.mjs';
//
// The engine is chosen by FC_ENGINE:
//   chromium (default)  Debian's Chromium (/usr/bin/chromium, or $CHROMIUM)
//   firefox             Debian's Firefox ESR (/usr/bin/firefox-esr, or
//                       $FIREFOX), driven over WebDriver BiDi (channel
//                       "moz-firefox"; playwright-core 1.61.x, as later
//                       versions send a BiDi command this Firefox refuses).
// playwright-core never downloads a browser. The widget renders into an open
// shadow root: Playwright's CSS locators and axe-core both pierce open shadow
// roots, so `page.locator('[part~="card"]')` finds the cards.
//
// Tests that need the Chrome DevTools Protocol are named "[chromium-only] …"
// and pass `chromiumOnly('why')` as their options: skipped, with the reason,
// in other engines.

import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, firefox } from 'playwright-core';
import { startServer as startStaticServer } from '../../scripts/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** The engine under test: "chromium" or "firefox" (env FC_ENGINE). */
export const ENGINE = process.env.FC_ENGINE || 'chromium';
if (!['chromium', 'firefox'].includes(ENGINE)) {
  throw new Error(`FC_ENGINE must be chromium or firefox, not ${JSON.stringify(ENGINE)}`);
}
export const IS_CHROMIUM = ENGINE === 'chromium';
export const IS_FIREFOX = ENGINE === 'firefox';

/**
 * node:test options for a test that only Chromium can run (it needs the
 * Chrome DevTools Protocol): `test('[chromium-only] …', chromiumOnly('CDP
 * touch events'), fn)`. Elsewhere the test is skipped with that reason.
 */
export function chromiumOnly(why) {
  return IS_CHROMIUM ? {} : { skip: `needs the Chrome DevTools Protocol (${why}); ${ENGINE} has none` };
}

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

// Firefox over BiDi ignores the colorScheme and reducedMotion options of a
// context: they are set with user prefs instead, which hold for a whole
// browser. newPage() therefore opens a page that asks for another scheme or
// motion in a second browser launched with those prefs (kept until the first
// one is closed).
// The same holds for javaScriptEnabled: false (pref javascript.enabled).
const firefoxPrefs = ({ colorScheme = 'light', reducedMotion = 'no-preference', javaScriptEnabled = true } = {}) => ({
  'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
  'ui.prefersReducedMotion': reducedMotion === 'reduce' ? 1 : 0,
  'javascript.enabled': javaScriptEnabled !== false,
  // Overlay scrollbars, as on a phone and as in headless Chromium (which
  // Playwright starts with --hide-scrollbars): a page 360 px wide lays out
  // 360 px, not 348 beside a classic scrollbar.
  'ui.useOverlayScrollbars': 1,
});
const VARIANTS = Symbol('fc-variants');
const MEDIA = Symbol('fc-media');

function launchFirefox(media, options) {
  return firefox.launch({
    channel: 'moz-firefox',
    executablePath: FIREFOX,
    headless: true,
    timeout: 60_000,
    ...options,
    firefoxUserPrefs: { ...firefoxPrefs(media), ...(options.firefoxUserPrefs || {}) },
  });
}

/**
 * Launch the headless browser of FC_ENGINE. Close it with
 * `await browser.close()` (which also closes the Firefox variants).
 */
export async function launch(options = {}) {
  if (IS_CHROMIUM) {
    return chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      ...options,
    });
  }
  const media = { colorScheme: 'light', reducedMotion: 'no-preference', javaScriptEnabled: true };
  const browser = await launchFirefox(media, options);
  browser[MEDIA] = media;
  browser[VARIANTS] = new Map(); // "scheme/motion/js" -> Promise<Browser>
  browser[VARIANTS].options = options;
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    const variants = [...browser[VARIANTS].values()];
    browser[VARIANTS].clear();
    await Promise.all(variants.map(async (v) => (await v).close().catch(() => {})));
    return close(...args);
  };
  return browser;
}

/** The browser whose prefs give this scheme, motion and script (Firefox). */
function browserFor(browser, colorScheme, reducedMotion, javaScriptEnabled = true) {
  const variants = browser[VARIANTS];
  const base = browser[MEDIA];
  const media = { colorScheme, reducedMotion, javaScriptEnabled: javaScriptEnabled !== false };
  if (!variants || Object.keys(media).every((k) => base[k] === media[k])) return browser;
  const key = `${colorScheme}/${reducedMotion}/${media.javaScriptEnabled}`;
  if (!variants.has(key)) variants.set(key, launchFirefox(media, variants.options));
  return variants.get(key);
}

/**
 * A page in a fresh browser context (own storage, own viewport).
 * Closing the page's context: `await page.context().close()`.
 */
export async function newPage(
  browser,
  { width = 1024, height = 800, colorScheme = 'light', reducedMotion = 'no-preference', ...rest } = {},
) {
  const context = await (await browserFor(browser, colorScheme, reducedMotion, rest.javaScriptEnabled)).newContext({
    viewport: { width, height },
    colorScheme,
    reducedMotion,
    ...rest,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

// Firefox reports a request it blocks (CORS, e.g. a fetch of a javascript:
// URL) as a script error, which Playwright hands on as a pageerror: like
// Chromium's "Failed to load resource", it is the browser's note about a
// request, not an error of the page's script.
const FIREFOX_NETWORK_REPORT = /^(The Same Origin Policy disallows reading the remote resource|Cross-Origin Request Blocked)/;

/**
 * Collect uncaught page errors and console.error messages of a page.
 * Returns the live array of strings. Failed resource loads (e.g. a missing
 * favicon) and Firefox's reports of blocked requests are left out.
 */
export function trackErrors(page) {
  const errors = [];
  page.on('pageerror', (err) => {
    if (IS_FIREFOX && FIREFOX_NETWORK_REPORT.test(err.message)) return;
    errors.push(`pageerror: ${err.message}`);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/^Failed to load resource/.test(text)) return;
    errors.push(`console.error: ${text}`);
  });
  return errors;
}

/**
 * Save a full-page PNG to tests/e2e/screenshots/<name>.png (Chromium) or
 * <engine>-<name>.png (other engines); returns its path.
 */
export async function shot(page, name, options = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${IS_CHROMIUM ? '' : ENGINE + '-'}${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', ...options });
  return file;
}

/**
 * locator.fill(text), except in Firefox for long text: there Playwright
 * types it over BiDi at about 1.5 ms a character (30 s for a 20 KB deck), so
 * the value is set and an `input` event sent, which is what fill does.
 */
export async function fill(locator, text) {
  if (!IS_FIREFOX || text.length < 200) return locator.fill(text);
  await locator.focus();
  await locator.evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
  }, text);
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
    // Evaluated through the DevTools protocol (BiDi in Firefox) rather than with
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
 * A test file's setup: starts the demo server and the browser before its tests
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

/**
 * Merges `section` into target/hardening-counts.json (several test files
 * write it); in another engine than Chromium the section is
 * `<section>-<engine>`, so the runs do not overwrite each other.
 */
export async function writeCounts(section, counts) {
  if (!IS_CHROMIUM) section = `${section}-${ENGINE}`;
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

// The lazy start (issue 13, item 3): `<fact-cards loading="lazy">` loads
// nothing, neither its deck nor the wasm, until it nears the viewport; then it
// loads both and mounts, on a page that never calls init() itself.
//
// Page: www/test-lazy.html (+ test-lazy.js): two lazy hosts 6000 px down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, serveAndLaunch } from './harness.mjs';

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

test('loading="lazy": no wasm and no deck request before the element nears the viewport; it mounts after', async () => {
  const page = await newPage(browser, { width: 1024, height: 800 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url + 'test-lazy.html', { waitUntil: 'load' });
  // The module has loaded and defined the element; wait a while for anything else.
  await page.waitForFunction(() => customElements.get('fact-cards') !== undefined);
  await page.waitForTimeout(1500);
  const early = [...requests];
  assert.ok(early.includes('/pkg/factcards.js'), `the glue loaded: ${early.join(' ')}`);
  assert.equal(early.filter((p) => p.endsWith('.wasm')).length, 0, `no wasm request before scrolling: ${early.join(' ')}`);
  assert.equal(early.filter((p) => p.endsWith('.json')).length, 0, `no deck request before scrolling: ${early.join(' ')}`);
  const before = await page.evaluate(() => ({
    events: window.events.length,
    fallback: document.querySelector('#lazy-src .fb').checkVisibility(),
    status: document.getElementById('lazy-builtin').shadowRoot?.querySelector('[role="status"]')?.textContent ?? null,
  }));
  assert.deepEqual(before, { events: 0, fallback: true, status: 'Loading deck…' }, 'the fallback, or the loading state, until then');

  // Scroll to within a screen of the first element: it starts.
  await page.evaluate(() => scrollTo(0, document.getElementById('lazy-src').offsetTop - 2 * innerHeight + 100));
  await page.locator('#lazy-src [part~="card"]').waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('#lazy-builtin [part~="card"]').waitFor({ state: 'visible', timeout: 20_000 });
  const wasm = requests.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm, ['/pkg/factcards_bg.wasm'], 'the wasm, once, after the scroll');
  // Each deck, once: the src one, and the package's copy of the built-in
  // deck for the element without a deck.
  const decks = requests.filter((p) => p.endsWith('.json')).sort();
  assert.equal(decks.length, 2, decks.join(' '));
  assert.equal(decks[0], '/decks/tokayev-brussels-2021.json');
  assert.match(decks[1], /^\/pkg\/snippets\/factcards-[0-9a-f]+\/www\/decks\/tokayev-brussels-2021\.json$/);
  const ready = await page.evaluate(() => window.events.map((e) => [e.type, e.target, e.detail.facts]));
  assert.deepEqual(ready.sort(), [['factcards:ready', 'lazy-builtin', 31], ['factcards:ready', 'lazy-src', 31]]);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('an eager <fact-cards> on a page that never calls init() loads the wasm itself and mounts', async () => {
  const page = await newPage(browser);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.route(server.url + 't-eager.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="fr"><body><fact-cards id="e" seed="3"></fact-cards><script type="module">import "./pkg/factcards.js";</script></body></html>',
    }),
  );
  await page.goto(server.url + 't-eager.html');
  await page.locator('#e [part~="card"]').waitFor({ state: 'visible' });
  assert.equal(wasm.length, 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

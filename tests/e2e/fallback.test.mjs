// The fallback survives (issue 15, item 1): a host that holds content of the
// page's own keeps it visible and readable through every failure, which goes
// to factcards:error and one console warning; only a widget that mounted
// takes its place. A host without fallback content shows the reader an alert
// in reader language, with the URL and status only in the console and event.
//
// Pages: www/test-fallback.html (+ test-fallback.js). Written against the
// harness API (serveAndLaunch, newPage, shot) so that it can run in other
// engines; the timeout and wasm cases hold or fail a request with page.route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, shot, serveAndLaunch } from './harness.mjs';

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const FAILED = 'This deck could not be shown.';

/** The page, with the slow deck held until the page closes. */
async function open({ failWasm = false } = {}) {
  const page = await newPage(browser);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route(server.url + 'test-fallback-slow.json', () => {}); // never answers
  if (failWasm) await page.route(server.url + 'pkg/factcards_bg.wasm', (r) => r.abort('failed'));
  await page.goto(server.url + 'test-fallback.html');
  return { page, pageErrors };
}

/** Whether the fallback of `#id` is shown and readable in place. */
async function fallbackShown(page, id) {
  return page.evaluate((id) => {
    const fb = document.querySelector(`#${id} > .fb`);
    const box = fb.getBoundingClientRect();
    const style = getComputedStyle(fb);
    const host = document.getElementById(id);
    const alert = host.shadowRoot?.querySelector('[role="alert"], [role="status"]');
    return {
      visible: box.width > 0 && box.height > 0 && style.visibility === 'visible' && fb.checkVisibility(),
      text: fb.innerText.replace(/\s+/g, ' ').trim(),
      panel: alert ? alert.textContent : null,
    };
  }, id);
}

// Which failure each host meets, and what its event's message says.
const FAILURES = {
  f404: (url) => `could not load ${url}decks/no-such-deck.json: HTTP 404 Not Found`,
  fslow: (url) => `could not load ${url}test-fallback-slow.json: no answer within 0.3 s`,
  fnotjson: () => /^could not load data:application\/json,.*: HTTP 200 OK, but not valid JSON \(.+\)$/,
  ftype: (url) => `could not load ${url}test-fallback.html: HTTP 200 OK, but expected JSON, got text/html`,
  fnetwork: () => /^could not load http:\/\/127\.0\.0\.1:9\/deck\.json: network error \(.+\)$/,
  finvalid: () => /^invalid deck: facts: must hold 1 to /,
  foptions: () => /^invalid options: options\.mode: /,
  finline: () => /^invalid deck: not valid JSON: /,
  mdeck: () => 'invalid deck: facts[0].back: must not be blank',
  moptions: () => /^invalid options: options\.answer: /,
};

test('every failure leaves the fallback visible, sends factcards:error and one console warning', async () => {
  const { page, pageErrors } = await open();
  const ids = Object.keys(FAILURES);
  await page.waitForFunction((n) => window.ready && window.events.length >= n, ids.length + 2, { timeout: 20_000 });
  // The good deck mounts, and only it takes its fallback's place.
  await page.locator('#fgood [part~="card"]').waitFor({ state: 'visible' });
  const { events, warnings, thrown } = await page.evaluate(() => ({
    events: window.events,
    warnings: window.warnings,
    thrown: window.thrown,
  }));

  for (const id of ids) {
    const shown = await fallbackShown(page, id);
    assert.ok(shown.visible, `${id}: the fallback is visible`);
    assert.match(shown.text, /^Facts \(.+\) Who\? Somebody$/, `${id}: and readable`);
    assert.equal(shown.panel, null, `${id}: no alert or status panel over it`);
    const mine = events.filter((e) => e.target === id);
    assert.equal(mine.length, 1, `${id}: one factcards:error, got ${JSON.stringify(mine)}`);
    const want = FAILURES[id](server.url);
    if (typeof want === 'string') assert.equal(mine[0].message, want, id);
    else assert.match(mine[0].message, want, id);
    const warned = warnings.filter((w) => w === `factcards: ${mine[0].message}`);
    assert.equal(warned.length, 1, `${id}: one console warning with the message, got ${JSON.stringify(warnings)}`);
  }
  assert.equal(events.find((e) => e.target === 'mdeck').path, 'facts[0].back');
  assert.equal(events.find((e) => e.target === 'f404').path, null);
  // mount() still throws, with the path.
  assert.deepEqual(thrown.map((t) => [t.id, t.path]), [['mdeck', 'facts[0].back'], ['moptions', 'options.answer']]);

  const good = await fallbackShown(page, 'fgood');
  assert.equal(good.visible, false, 'a mounted widget takes the fallback\'s place');
  assert.equal(events.filter((e) => e.target === 'fgood').length, 0);
  // Two failures without fallback, the rest with it, and no other warning.
  assert.equal(warnings.length, ids.length + 2, JSON.stringify(warnings));
  await shot(page, 'fallback-failures');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('without fallback content: an alert in reader language; the URL and status only in the console and event', async () => {
  const { page, pageErrors } = await open();
  await page.waitForFunction(() => window.events.some((e) => e.target === 'n404') && window.events.some((e) => e.target === 'ninline'));
  const alert = page.locator('#n404 [role="alert"]');
  await alert.waitFor({ state: 'visible' });
  assert.equal((await alert.textContent()).trim(), FAILED, 'the reader sees the sentence, not the URL or status');
  const { events, warnings } = await page.evaluate(() => ({ events: window.events, warnings: window.warnings }));
  const message = `could not load ${server.url}decks/no-such-deck-either.json: HTTP 404 Not Found`;
  assert.equal(events.find((e) => e.target === 'n404').message, message);
  assert.ok(warnings.includes(`factcards: ${message}`), JSON.stringify(warnings));
  // An inline deck alone is not fallback content: its error shows as before.
  const inline = page.locator('#ninline [role="alert"]');
  await inline.waitFor({ state: 'visible' });
  assert.match(await inline.textContent(), /not valid JSON/);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('while a deck loads, the fallback shows in place of the loading panel', async () => {
  const { page } = await open();
  await page.waitForFunction(() => window.ready);
  const shown = await fallbackShown(page, 'fslow');
  // Until the 300 ms timeout the slow deck is loading: the fallback shows.
  if (!(await page.evaluate(() => window.events.some((e) => e.target === 'fslow')))) {
    assert.ok(shown.visible, 'the fallback shows while loading');
    assert.equal(shown.panel, null, 'no loading panel over the fallback');
  }
  await page.context().close();
});

// The hosts whose own fetch fails before the wasm's failure (held until
// then) report that; every other <fact-cards> reports the wasm.
const OWN_FAILURE = ['f404', 'fslow', 'fnotjson', 'ftype', 'fnetwork', 'n404'];
const WASM_FAILURE = ['finvalid', 'foptions', 'finline', 'fgood', 'ninline'];

for (const [what, answer, want] of [
  ['a 404', { status: 404, contentType: 'text/plain', body: 'no' }, (url) => `could not load the WebAssembly module: failed to fetch Wasm: 404 Not Found fetching '${url}pkg/factcards_bg.wasm'`],
  ['bad bytes', { status: 200, contentType: 'application/wasm', body: 'not a wasm module' }, () => /^could not load the WebAssembly module: .*(magic|CompileError|wasm|WebAssembly)/i],
]) {
  test(`a wasm that does not load (${what}): every <fact-cards> sends factcards:error, one console warning, every fallback stays`, async () => {
    const page = await newPage(browser);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(server.url + 'test-fallback-slow.json', () => {}); // never answers
    // The wasm's answer waits for the hosts whose own fetch fails.
    await page.route(server.url + 'pkg/factcards_bg.wasm', async (route) => {
      await page
        .waitForFunction((ids) => ids.every((id) => window.events?.some((e) => e.target === id)), OWN_FAILURE, { timeout: 15_000 })
        .catch(() => {});
      await route.fulfill(answer).catch(() => {});
    });
    await page.goto(server.url + 'test-fallback.html');
    const hosts = [...OWN_FAILURE, ...WASM_FAILURE];
    await page.waitForFunction((n) => window.initError !== undefined && window.events.length >= n, hosts.length, { timeout: 20_000 });
    await page.waitForTimeout(200); // nothing more arrives
    const { events, warnings, initError } = await page.evaluate(() => ({ events: window.events, warnings: window.warnings, initError: window.initError }));
    assert.ok(initError, 'init() rejected');
    const wasmEvents = events.filter((e) => WASM_FAILURE.includes(e.target));
    const message = wasmEvents[0]?.message;
    const expected = want(server.url);
    if (typeof expected === 'string') assert.equal(message, expected);
    else assert.match(message ?? '', expected);
    for (const id of hosts) {
      const mine = events.filter((e) => e.target === id);
      assert.equal(mine.length, 1, `${id}: one factcards:error, got ${JSON.stringify(mine)}`);
      assert.equal(mine[0].path, null, id);
      if (WASM_FAILURE.includes(id)) assert.equal(mine[0].message, message, `${id}: the wasm's failure`);
      else assert.match(mine[0].message, /^could not load (?!the WebAssembly)/, `${id}: its own fetch's failure`);
    }
    assert.equal(warnings.filter((w) => w === `factcards: ${message}`).length, 1, `one console warning for the wasm: ${JSON.stringify(warnings)}`);
    assert.equal(warnings.length, 1 + OWN_FAILURE.length, JSON.stringify(warnings));
    for (const id of [...Object.keys(FAILURES), 'fgood'].filter((id) => !id.startsWith('m'))) {
      const shown = await fallbackShown(page, id);
      assert.ok(shown.visible, `${id}: the fallback is visible`);
      assert.match(shown.text, /^Facts \(.+\) Who\? Somebody$/, `${id}: and readable`);
      assert.equal(shown.panel, null, `${id}: no alert or status panel over it`);
    }
    // Without fallback content: the alert in reader language, nothing else.
    for (const id of ['ninline', 'n404']) {
      const alert = page.locator(`#${id} [role="alert"]`);
      await alert.waitFor({ state: 'visible' });
      assert.equal((await alert.textContent()).trim(), FAILED, id);
    }
    if (what === 'a 404') await shot(page, 'fallback-no-wasm');
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
}

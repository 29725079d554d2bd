// Faults, in Chromium: the network and the storage fail, and the widget says
// so clearly while the rest of the page keeps working.
//
// - <fact-cards src> answered with 404, 500, the wrong content type
//   (text/html), invalid JSON, a network error, or not at all within the
//   `timeout` attribute (500 ms → "no answer within 0.5 s"): each shows the
//   reader "This deck could not be shown." in a role=alert panel (no URL, no
//   status) and sends "could not load <absolute URL>: <reason>" as
//   factcards:error with path null and as one console warning; a host button still
//   works, no uncaught error reaches the page, and the same element loads a
//   good deck afterwards.
// - localStorage that throws on every call, whose getter throws, that is full
//   (QuotaExceededError on setItem), or that holds corrupt progress: two
//   widgets still mount, study and quiz, and exactly one console warning is
//   given per page (progress is written when the page is idle: the test waits
//   for that).
// - A sandboxed iframe without allow-same-origin (an opaque origin, where
//   localStorage throws SecurityError): the widget mounts and works, and
//   warns once.
//
// Counts go to stdout ("# hardening: …") and target/hardening-counts.json
// (section "faults").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { newPage, trackErrors, serveAndLaunch, idle } from './harness.mjs';

const COUNTS = { fetch: [], storage: [], sandbox: null };

const GOOD = {
  version: 1,
  id: 'faults-deck',
  title: 'Faults deck',
  facts: [
    { id: 'f1', kind: 'other', front: 'Fault one?', back: 'One', distractors: ['Uno', 'Eins'] },
    { id: 'f2', kind: 'other', front: 'Fault two?', back: 'Two', distractors: ['Dos', 'Zwei'] },
  ],
};

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
}, { counts: ['faults', COUNTS] });

/** test-hardening.html, with `init` scripts run before the page's own, and its console warnings. */
async function faultPage({ init = [], query = '' } = {}) {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  for (const script of init) await page.addInitScript(script);
  await page.goto(server.url + 'test-hardening.html' + query);
  await page.waitForFunction(() => window.ready === true);
  return { page, errors, warnings };
}

/** The host page still works: its button counts clicks. */
async function hostButtonWorks(page) {
  const before = Number(await page.locator('#host-clicks').textContent());
  await page.locator('#host-btn').click();
  assert.equal(Number(await page.locator('#host-clicks').textContent()), before + 1, 'the host button works');
}

// ---------------------------------------------------------------------------
// Fetch faults

const FETCH_FAULTS = [
  { name: '404', file: 'no-such-deck.json', real: true, reason: 'HTTP 404 Not Found' },
  { name: '500', file: 'fault-500.json', route: { status: 500, contentType: 'text/plain', body: 'boom' }, reason: 'HTTP 500 Internal Server Error' },
  { name: '503 with a JSON body', file: 'fault-503.json', route: { status: 503, contentType: 'application/json', body: JSON.stringify(GOOD) }, reason: 'HTTP 503 Service Unavailable' },
  { name: 'text/html', file: 'fault-html.json', route: { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><script>window.__xss=1</script>' }, reason: 'HTTP 200 OK, but expected JSON, got text/html' },
  { name: 'invalid JSON', file: 'fault-json.json', route: { status: 200, contentType: 'application/json', body: '{"version": 1, "title": ' }, reason: /^HTTP 200 OK, but not valid JSON \(.+\)$/ },
  { name: 'empty body', file: 'fault-empty.json', route: { status: 200, contentType: 'application/json', body: '' }, reason: /^HTTP 200 OK, but not valid JSON \(.+\)$/ },
  { name: 'network error', file: 'fault-net.json', abort: 'connectionrefused', reason: /^network error \(.+\)$/ },
  { name: 'slow server (timeout="500")', file: 'fault-slow.json', hold: true, timeout: '500', reason: 'no answer within 0.5 s' },
  // Not http: nothing runs, the fetch fails.
  { name: 'a javascript: src', src: 'javascript:window.__xss=1', url: 'javascript:window.__xss=1', reason: /^network error \(.+\)$/ },
  { name: 'an invalid URL', src: 'http://[::1', url: 'http://[::1', reason: 'not a valid URL' },
];

test('a timeout beyond setTimeout\'s limit (3e9 ms) waits for a server that answers in 300 ms', async () => {
  const { page, errors } = await faultPage();
  await page.route(server.url + 'slowish-deck.json', async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(GOOD) });
  });
  await page.evaluate(() => {
    const el = document.createElement('fact-cards');
    el.id = 'long-timeout';
    el.setAttribute('timeout', '3000000000');
    el.setAttribute('src', 'slowish-deck.json');
    document.querySelector('main').append(el);
  });
  await page.waitForFunction(() => window.events.some((e) => e.target === 'long-timeout'));
  const events = await page.evaluate(() => window.events.filter((e) => e.target === 'long-timeout'));
  assert.deepEqual(events.map((e) => e.type), ['factcards:ready'], `a 3e9 ms timeout gave ${JSON.stringify(events)}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test(`${FETCH_FAULTS.length} fetch faults: a clear message with the URL, the page keeps working, the element recovers`, async () => {
  const { page, errors, warnings } = await faultPage();
  const held = [];
  for (const f of FETCH_FAULTS.filter((x) => x.file)) {
    if (f.route) await page.route(server.url + f.file, (route) => route.fulfill(f.route));
    if (f.abort) await page.route(server.url + f.file, (route) => route.abort(f.abort));
    if (f.hold) await page.route(server.url + f.file, (route) => held.push(route));
  }
  await page.route(server.url + 'good-deck.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(GOOD) }));
  for (const [i, f] of FETCH_FAULTS.entries()) {
    const id = `fault-${i}`;
    const src = f.src ?? f.file;
    const url = f.url ?? server.url + f.file;
    const started = Date.now();
    await page.evaluate(({ id, src, timeout }) => {
      const el = document.createElement('fact-cards');
      el.id = id;
      el.setAttribute('src', src);
      if (timeout) el.setAttribute('timeout', timeout);
      document.querySelector('main').append(el);
    }, { id, src, timeout: f.timeout });
    await page.waitForFunction((id) => window.events.some((e) => e.target === id), id, { timeout: 10_000 });
    const waited = Date.now() - started;
    const r = await page.evaluate((id) => {
      const el = document.getElementById(id);
      const alert = el.shadowRoot.querySelector('[role=alert]');
      return {
        events: window.events.filter((e) => e.target === id),
        alert: alert ? alert.textContent : null,
        lines: alert ? [...alert.querySelectorAll('li')].map((li) => li.textContent) : null,
        busy: !!el.shadowRoot.querySelector('[aria-busy=true]'),
      };
    }, id);
    assert.equal(r.events.length, 1, `${f.name}: one event: ${JSON.stringify(r.events)}`);
    const ev = r.events[0];
    assert.equal(ev.type, 'factcards:error', `${f.name}: ${JSON.stringify(ev)}`);
    assert.equal(ev.detail.path, null, `${f.name}: path null`);
    const prefix = `could not load ${url}: `;
    assert.ok(ev.detail.message.startsWith(prefix), `${f.name}: ${ev.detail.message}`);
    const reason = ev.detail.message.slice(prefix.length);
    if (f.reason instanceof RegExp) assert.match(reason, f.reason, f.name);
    else assert.equal(reason, f.reason, f.name);
    assert.equal(r.alert, 'This deck could not be shown.', `${f.name}: the reader's alert`);
    assert.deepEqual(r.lines, [], `${f.name}: no URL or status in the alert`);
    assert.equal(warnings.filter((w) => w === `factcards: ${ev.detail.message}`).length, 1, `${f.name}: one console warning`);
    assert.equal(r.busy, false, `${f.name}: no longer busy`);
    if (f.hold) assert.ok(waited >= 450 && waited < 5000, `${f.name}: gave up after ${waited} ms`);
    await hostButtonWorks(page);
    // The same element then loads a good deck.
    await page.evaluate((id) => {
      const el = document.getElementById(id);
      el.removeAttribute('timeout');
      el.setAttribute('src', 'good-deck.json');
    }, id);
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('.title')?.textContent === 'Faults deck', id);
    COUNTS.fetch.push({ fault: f.name, reason });
  }
  for (const r of held) await r.abort().catch(() => {});
  assert.equal(await page.evaluate(() => window.__xss ?? 0), 0, 'neither the HTML body nor the javascript: URL ran');
  // Chromium's own log line for the refused scheme (like "Failed to load
  // resource"), not an error of the page's.
  const pageErrors = errors.filter((e) => !/^console\.error: Fetch API cannot load javascript:/.test(e));
  assert.deepEqual(pageErrors, [], 'no uncaught error reached the page');
  console.log(`# hardening: ${FETCH_FAULTS.length} fetch faults injected (${FETCH_FAULTS.map((f) => f.name).join(', ')})`);
  await page.context().close();
});

// ---------------------------------------------------------------------------
// Storage faults

const STORAGE_FAULTS = [
  {
    name: 'every Storage method throws',
    init: () => {
      for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
        Storage.prototype[m] = function () {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      }
    },
  },
  {
    name: 'the localStorage getter throws',
    init: () => {
      const deny = {
        get() {
          throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
        },
        configurable: true,
      };
      Object.defineProperty(window, 'localStorage', deny);
    },
  },
  {
    name: 'storage is full (QuotaExceededError)',
    init: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
      };
    },
  },
  {
    name: 'saved progress is corrupt',
    init: () => {
      Storage.prototype.getItem = function (key) {
        return String(key).startsWith('factcards:') ? 'fc1|x|\u0000|<img src=x onerror=window.__xss++>|9/0' : null;
      };
    },
  },
];

/** Two widgets, each studied (marks save progress) and quizzed; returns what happened. */
async function useTwoWidgets(page) {
  return page.evaluate((deck) => {
    const H = window.H;
    const out = [];
    for (const id of ['widget', 'spare']) {
      const host = document.getElementById(id);
      let error = null;
      try {
        H.fc.mount(host, deck, { seed: 3 });
      } catch (e) {
        error = String(e?.message ?? e);
      }
      const root = host.shadowRoot;
      const knownBefore = root?.querySelector('.known-of')?.textContent ?? null;
      H.click(host, '[part=card]');
      H.click(host, '[part=known]');
      H.click(host, '[part=card]');
      H.click(host, '[part=learning]');
      const knownAfter = root?.querySelector('.known-of')?.textContent ?? null;
      H.click(host, '[part=reset]');
      H.click(host, '#t-quiz');
      H.click(host, '[part=option]');
      H.click(host, '.qnext');
      H.click(host, '[part=option]');
      H.click(host, '.qnext');
      out.push({ id, error, knownBefore, knownAfter, summary: H.state(host).summary, title: root?.querySelector('.title')?.textContent ?? null });
    }
    return { widgets: out, xss: window.__xss };
  }, GOOD);
}

for (const fault of STORAGE_FAULTS) {
  test(`storage fault: ${fault.name} — widgets work, one warning per page`, async () => {
    const { page, errors, warnings } = await faultPage({ init: [() => { window.__xss = 0; }, fault.init] });
    const r = await useTwoWidgets(page);
    await idle(page);
    for (const w of r.widgets) {
      assert.equal(w.error, null, `${w.id} mounted`);
      assert.equal(w.title, GOOD.title);
      assert.equal(w.knownBefore, '0 of 2 known', `${w.id}: starts from nothing`);
      assert.equal(w.knownAfter, '1 of 2 known', `${w.id}: marks count without storage`);
      assert.equal(w.summary, true, `${w.id}: the quiz reaches its summary`);
    }
    assert.equal(r.xss, 0, 'corrupt progress is never markup');
    // A second page load would warn again (once per page); this page warned once.
    const ours = warnings.filter((w) => w.startsWith('factcards:'));
    assert.equal(ours.length, 1, `one warning per page, got ${JSON.stringify(ours)}`);
    assert.match(ours[0], /progress will not be remembered/);
    await hostButtonWorks(page);
    assert.deepEqual(errors, [], 'no uncaught error reached the page');
    COUNTS.storage.push({ fault: fault.name, warning: ours[0] });
    await page.context().close();
  });
}

// ---------------------------------------------------------------------------
// A sandboxed iframe (opaque origin)

test('a sandboxed iframe without allow-same-origin: the widget works, storage warns once', async () => {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  // From an opaque origin, the module and the wasm are CORS requests. When
  // the static server does not allow them, add the header here (and say so).
  const probe = await fetch(server.url + 'pkg/factcards.js');
  const corsFromServer = probe.headers.get('access-control-allow-origin');
  await probe.arrayBuffer();
  if (!corsFromServer) {
    await page.route(`${server.url}**/*`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    console.log('# hardening: note: scripts/serve.mjs sends no Access-Control-Allow-Origin, which a sandboxed (opaque-origin) frame needs for the module and the wasm; the test adds it with page.route');
  }
  await page.route(server.url + 'sandbox-host.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sandbox host</title></head><body>
        <button id="outer-btn" type="button" onclick="this.dataset.n = Number(this.dataset.n || 0) + 1">outer</button>
        <iframe id="f" sandbox="allow-scripts" src="test-hardening.html?auto=1" style="width: 900px; height: 700px"></iframe>
        </body></html>`,
    }),
  );
  await page.goto(server.url + 'sandbox-host.html');
  const frame = await (async () => {
    for (let i = 0; i < 200; i++) {
      const f = page.frames().find((x) => x.url().includes('test-hardening.html'));
      if (f) return f;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('no frame');
  })();
  await frame.waitForFunction(() => window.autoMounted === true || window.autoError !== undefined, null, { timeout: 15_000 });
  const r = await frame.evaluate(() => {
    const H = window.H;
    const host = document.getElementById('widget');
    let storageError = null;
    try {
      void window.localStorage;
    } catch (e) {
      storageError = e.name;
    }
    H.click(host, '[part=card]');
    H.click(host, '[part=known]');
    const known = host.shadowRoot.querySelector('.known-of').textContent;
    // A second widget on the same page: still one warning.
    H.fc.mount(document.getElementById('spare'), null, { seed: 2 });
    H.click(document.getElementById('spare'), '[part=card]');
    H.click(document.getElementById('spare'), '[part=known]');
    document.getElementById('host-btn').click();
    return {
      autoError: window.autoError ?? null,
      origin: window.origin,
      storageError,
      known,
      clicks: document.getElementById('host-clicks').value,
      ready: window.events.filter((e) => e.type === 'factcards:ready').length,
    };
  });
  assert.equal(r.autoError, null);
  assert.equal(r.origin, 'null', 'the frame has an opaque origin');
  assert.equal(r.storageError, 'SecurityError', 'localStorage is denied there');
  assert.match(r.known, /^1 of \d+ known$/, 'marks work without storage');
  assert.equal(r.ready, 2);
  assert.equal(r.clicks, '1', 'the framed page’s own button works');
  await page.locator('#outer-btn').click();
  assert.equal(await page.locator('#outer-btn').getAttribute('data-n'), '1', 'the outer page works');
  const ours = warnings.filter((w) => w.startsWith('factcards:'));
  assert.equal(ours.length, 1, `one warning: ${JSON.stringify(ours)}`);
  assert.deepEqual(errors, []);
  COUNTS.sandbox = { frames: 1, widgets: 2, warnings: ours.length, corsFromServer: !!corsFromServer };
  console.log(`# hardening: ${STORAGE_FAULTS.length} storage faults + 1 sandboxed frame, one warning per page each`);
  await page.context().close();
});


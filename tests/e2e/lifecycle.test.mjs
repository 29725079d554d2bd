// Lifecycle: widgets come and go without leaving anything. The counts of
// listeners, heap and nodes need the Chrome DevTools Protocol: those tests
// are [chromium-only]; the abort tests run in every engine.
//
// - 500 cycles of mount (the built-in deck; every tenth cycle after a failed
//   mount), use (turn, next, answer, next question) and destroy: the host's
//   shadow root is empty after each destroy, the document has no stray
//   element, the event listeners (counted with the DevTools protocol's
//   DOMDebugger.getEventListeners on window, document, the host and its
//   shadow root, piercing shadow roots) are back to what they were, and after
//   a warm-up the JS heap, the DOM node count and the wasm memory stay flat.
// - 200 cycles of <fact-cards> with an inline deck: connect, use, remove.
// - Removing <fact-cards> while its src is loading aborts the fetch (the
//   held request fails with net::ERR_ABORTED), and nothing renders when the
//   server answers late; putting it back loads again. Changing src while
//   loading aborts the first fetch, and only the second deck renders.
//
// Counts go to stdout ("# hardening: …") and target/hardening-counts.json
// (section "lifecycle").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { newPage, trackErrors, serveAndLaunch, chromiumOnly, IS_CHROMIUM, IS_FIREFOX, idle } from './harness.mjs';

const CYCLES = 500;
// The allocator reaches its high-water mark within the first 200 cycles (one
// more 64 KB page between cycles 50 and 200, then flat up to 2,000 cycles, measured):
// the flat window is the 300 cycles after it.
const WARMUP = 200;
const ELEMENT_CYCLES = 200;
const COUNTS = {};

const GOOD = {
  version: 1,
  id: 'lifecycle-deck',
  title: 'Lifecycle deck',
  facts: [
    { id: 'l1', kind: 'other', front: 'Lifecycle one?', back: 'One', distractors: ['Uno', 'Eins'] },
    { id: 'l2', kind: 'other', front: 'Lifecycle two?', back: 'Two', distractors: ['Dos', 'Zwei'] },
    { id: 'l3', kind: 'other', front: 'Lifecycle three?', back: 'Three', distractors: ['Tres', 'Drei'] },
  ],
};

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
}, { counts: ['lifecycle', COUNTS] });

async function hardeningPage() {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  await page.goto(server.url + 'test-hardening.html');
  await page.waitForFunction(() => window.ready === true);
  // The DevTools protocol exists only in Chromium ([chromium-only] tests use it).
  const cdp = IS_CHROMIUM ? await page.context().newCDPSession(page) : null;
  await cdp?.send('DOMDebugger.enable').catch(() => {});
  return { page, errors, cdp };
}

/** Listeners on window, the document tree (piercing shadow roots), the host and its shadow root. */
async function listeners(cdp, hostExpr = "document.getElementById('widget')") {
  const out = {};
  const targets = {
    window: 'window',
    document: 'document',
    host: hostExpr,
    shadowRoot: `(${hostExpr})?.shadowRoot ?? null`,
  };
  for (const [name, expression] of Object.entries(targets)) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) {
      out[name] = { count: 0, types: [] };
      continue;
    }
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
    out[name] = { count: list.length, types: list.map((l) => l.type).sort() };
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return out;
}

/** JS heap, DOM counters and wasm memory after two full collections. */
async function measure(page, cdp) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const page_ = await page.evaluate(() => ({
    wasm: window.H.wasmBytes(),
    elements: document.getElementsByTagName('*').length,
    perfHeap: performance.memory?.usedJSHeapSize ?? null,
  }));
  return { heap: usedSize, nodes: dom.nodes, jsEventListeners: dom.jsEventListeners, documents: dom.documents, ...page_ };
}

/** `n` cycles of mount, use, destroy in #widget, from cycle `start`. */
async function cycles(page, start, n) {
  return page.evaluate(
    ({ start, n }) => {
      const H = window.H;
      const host = document.getElementById('widget');
      const bad = [];
      let failedMounts = 0;
      for (let i = start; i < start + n; i++) {
        if (i % 10 === 9) {
          try {
            H.fc.mount(host, '{"version": 1, "title": ', { seed: i });
          } catch {
            failedMounts++;
          }
        }
        const w = H.fc.mount(host, null, { seed: i, questions: 3 });
        if (!host.shadowRoot.querySelector('[part=card]')) bad.push(`cycle ${i}: not rendered`);
        // The last cycle left the quiz showing, and a mount brings the
        // remembered view back: each cycle starts on the cards.
        w.show('cards');
        H.click(host, '[part=card]');
        H.click(host, '[data-msg=next]');
        w.show('quiz');
        if (!H.click(host, '[part=option]')) H.typeAnswer(host, 'an answer');
        H.click(host, '.qnext');
        w.destroy();
        if (i % 2) w.free();
        if (host.shadowRoot.childNodes.length) bad.push(`cycle ${i}: ${host.shadowRoot.childNodes.length} nodes left in the shadow root`);
      }
      const counts = {};
      for (const e of window.events) counts[e.type] = (counts[e.type] ?? 0) + 1;
      window.events.length = 0;
      return { bad, failedMounts, counts };
    },
    { start, n },
  );
}

test(`[chromium-only] ${CYCLES} cycles of mount, use and destroy leave no nodes, no listeners and no growth`, chromiumOnly('listener counts, GC, heap and DOM counters'), async () => {
  const { page, errors, cdp } = await hardeningPage();
  const elementsBefore = await page.evaluate(() => document.getElementsByTagName('*').length);
  const before = await listeners(cdp);

  // While mounted, the widget's listeners are on its shadow root (a check
  // that the counting sees them at all). The page's first mount without a
  // deck waits for the built-in deck's fetch: counted once it has rendered.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const host = document.getElementById('widget');
        host.addEventListener('factcards:ready', resolve, { once: true });
        host.addEventListener('factcards:error', (e) => reject(new Error(e.detail.message)), { once: true });
        window.probe = window.H.fc.mount(host, null, { seed: 1 });
      }),
  );
  const mounted = await listeners(cdp);
  assert.ok(mounted.shadowRoot.count >= 3, `listeners while mounted: ${JSON.stringify(mounted.shadowRoot.types)}`);
  await page.evaluate(() => {
    window.probe.destroy();
    window.events.length = 0;
  });
  const afterOne = await listeners(cdp);
  assert.equal(afterOne.shadowRoot.count, 0, `destroy removes every listener: ${afterOne.shadowRoot.types}`);

  const tally = {};
  const add = (r) => {
    for (const [k, v] of Object.entries(r.counts)) tally[k] = (tally[k] ?? 0) + v;
    tally.failedMounts = (tally.failedMounts ?? 0) + r.failedMounts;
    assert.deepEqual(r.bad, []);
  };
  add(await cycles(page, 0, WARMUP));
  const warm = await measure(page, cdp);
  for (let start = WARMUP; start < CYCLES; start += 150) {
    add(await cycles(page, start, Math.min(150, CYCLES - start)));
  }
  const end = await measure(page, cdp);
  const afterAll = await listeners(cdp);
  const elementsAfter = await page.evaluate(() => document.getElementsByTagName('*').length);

  assert.equal(tally['factcards:ready'], CYCLES, 'every cycle mounted');
  assert.ok(tally['factcards:flip'] >= CYCLES, `cards turned: ${tally['factcards:flip']}`);
  assert.ok(tally['factcards:answer'] >= CYCLES, `questions answered: ${tally['factcards:answer']}`);
  assert.equal(tally.failedMounts, CYCLES / 10, 'every tenth cycle had a failed mount first');
  assert.equal(elementsAfter, elementsBefore, 'no stray elements in the document');
  for (const name of ['window', 'document', 'host']) {
    assert.deepEqual(afterAll[name].types, before[name].types, `listeners on ${name}`);
  }
  assert.equal(afterAll.shadowRoot.count, 0, 'no listener left on the shadow root');
  assert.equal(await page.evaluate(() => document.getElementById('widget').shadowRoot.childNodes.length), 0);

  const growth = {
    heapKB: Math.round((end.heap - warm.heap) / 1024),
    nodes: end.nodes - warm.nodes,
    jsEventListeners: end.jsEventListeners - warm.jsEventListeners,
    wasmBytes: end.wasm - warm.wasm,
  };
  // Flat: no growth in wasm memory or listeners, a few nodes at most, and a
  // heap within noise (a leak of one widget per cycle would be megabytes:
  // each holds some 300 nodes and their closures).
  assert.equal(growth.wasmBytes, 0, `wasm memory grew from ${warm.wasm} to ${end.wasm} bytes`);
  assert.ok(growth.jsEventListeners <= 0, `event listeners grew by ${growth.jsEventListeners}`);
  assert.ok(growth.nodes < 100, `DOM nodes grew by ${growth.nodes} (${warm.nodes} → ${end.nodes})`);
  assert.ok(growth.heapKB < 512, `JS heap grew by ${growth.heapKB} KB (${warm.heap} → ${end.heap})`);
  assert.deepEqual(errors, []);
  COUNTS.mountCycles = { cycles: CYCLES, warmup: WARMUP, failedMounts: tally.failedMounts, flips: tally['factcards:flip'], answers: tally['factcards:answer'], warm, end, growth };
  console.log(`# hardening: ${CYCLES} mount/use/destroy cycles (${tally.failedMounts} failed mounts, ${tally['factcards:flip']} flips, ${tally['factcards:answer']} answers); after ${WARMUP} warm-up: heap ${growth.heapKB >= 0 ? '+' : ''}${growth.heapKB} KB, nodes ${growth.nodes >= 0 ? '+' : ''}${growth.nodes}, listeners ${growth.jsEventListeners >= 0 ? '+' : ''}${growth.jsEventListeners}, wasm ${growth.wasmBytes >= 0 ? '+' : ''}${growth.wasmBytes} B`);
  await page.context().close();
});

test(`[chromium-only] ${ELEMENT_CYCLES} cycles of <fact-cards> (inline deck): connect, use, remove leave nothing`, chromiumOnly('listener counts, GC, heap and DOM counters'), async () => {
  const { page, errors, cdp } = await hardeningPage();
  const before = await listeners(cdp, 'document.querySelector("main")');
  const elementsBefore = await page.evaluate(() => document.getElementsByTagName('*').length);
  const run = (start, n) =>
    page.evaluate(
      async ({ start, n, deck }) => {
        const H = window.H;
        const bad = [];
        const main = document.querySelector('main');
        for (let i = start; i < start + n; i++) {
          const el = document.createElement('fact-cards');
          el.setAttribute('seed', String(i));
          el.setAttribute('storage', 'off');
          const script = document.createElement('script');
          script.type = 'application/json';
          script.textContent = JSON.stringify(deck);
          el.append(script);
          const ready = window.events.length;
          main.append(el);
          for (let t = 0; t < 50 && !window.events.slice(ready).some((e) => e.type === 'factcards:ready'); t++) {
            await new Promise((r) => setTimeout(r, 0));
          }
          if (!el.shadowRoot?.querySelector('[part=card]')) bad.push(`cycle ${i}: not rendered`);
          H.click(el, '[part=card]');
          el.show('quiz');
          H.click(el, '[part=option]');
          el.remove();
          if (el.shadowRoot.childNodes.length) bad.push(`cycle ${i}: ${el.shadowRoot.childNodes.length} nodes left after removal`);
        }
        const counts = {};
        for (const e of window.events) counts[e.type] = (counts[e.type] ?? 0) + 1;
        window.events.length = 0;
        return { bad, counts };
      },
      { start, n, deck: GOOD },
    );
  const tally = {};
  const add = (r) => {
    assert.deepEqual(r.bad, []);
    for (const [k, v] of Object.entries(r.counts)) tally[k] = (tally[k] ?? 0) + v;
  };
  add(await run(0, 20));
  const warm = await measure(page, cdp);
  add(await run(20, ELEMENT_CYCLES - 20));
  const end = await measure(page, cdp);
  const afterAll = await listeners(cdp, 'document.querySelector("main")');
  assert.equal(tally['factcards:ready'], ELEMENT_CYCLES);
  assert.equal(tally['factcards:flip'], ELEMENT_CYCLES);
  assert.equal(tally['factcards:answer'], ELEMENT_CYCLES);
  assert.equal(await page.evaluate(() => document.getElementsByTagName('*').length), elementsBefore, 'no stray elements');
  for (const name of ['window', 'document', 'host']) assert.deepEqual(afterAll[name].types, before[name].types, `listeners on ${name}`);
  const growth = { heapKB: Math.round((end.heap - warm.heap) / 1024), nodes: end.nodes - warm.nodes, jsEventListeners: end.jsEventListeners - warm.jsEventListeners, wasmBytes: end.wasm - warm.wasm };
  assert.equal(growth.wasmBytes, 0, `wasm memory grew by ${growth.wasmBytes} bytes`);
  assert.ok(growth.jsEventListeners <= 0, `event listeners grew by ${growth.jsEventListeners}`);
  assert.ok(growth.nodes < 100, `DOM nodes grew by ${growth.nodes}`);
  assert.ok(growth.heapKB < 512, `JS heap grew by ${growth.heapKB} KB`);
  assert.deepEqual(errors, []);
  COUNTS.elementCycles = { cycles: ELEMENT_CYCLES, growth };
  console.log(`# hardening: ${ELEMENT_CYCLES} <fact-cards> connect/use/remove cycles; heap ${growth.heapKB} KB, nodes ${growth.nodes}, listeners ${growth.jsEventListeners}, wasm ${growth.wasmBytes} B`);
  await page.context().close();
});

/**
 * Watches for the page aborting its fetch of `file`; `await watch.aborted()`
 * gives how it ended. Chromium: Playwright's requestfailed event. Firefox:
 * Playwright sends no requestfailed for a routed request that the page
 * aborts, so the fetch's own AbortSignal is watched, through a wrapper of
 * window.fetch that the widget's fetch goes through.
 */
async function watchAbort(page, file) {
  if (!IS_FIREFOX) {
    const failed = page.waitForEvent('requestfailed', (r) => r.url().endsWith(`/${file}`));
    return { aborted: async () => (await failed).failure()?.errorText ?? '' };
  }
  await page.evaluate(() => {
    if (window.__aborts) return;
    window.__aborts = {};
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input.url;
      const signal = init?.signal ?? (typeof input === 'object' ? input.signal : undefined);
      signal?.addEventListener('abort', () => {
        window.__aborts[url.split('/').pop()] = `aborted (AbortSignal, ${signal.reason?.name ?? 'no reason'})`;
      });
      return fetch(input, init);
    };
  });
  return { aborted: async () => (await page.waitForFunction((f) => window.__aborts[f], file)).jsonValue() };
}

test('removing <fact-cards> while src is loading aborts the fetch, and nothing renders later', async () => {
  const { page, errors } = await hardeningPage();
  const held = [];
  await page.route(`${server.url}held-deck.json`, (route) => {
    held.push(route);
  });
  const failed = await watchAbort(page, 'held-deck.json');
  await page.evaluate(() => {
    const el = document.createElement('fact-cards');
    el.id = 'loading-el';
    el.setAttribute('src', 'held-deck.json');
    document.querySelector('main').append(el);
    window.loadingEl = el;
  });
  await page.waitForFunction(() => window.loadingEl.shadowRoot?.querySelector('[role=status][aria-busy=true]'));
  await expectHeld(held, 1);
  const status = await page.evaluate(() => window.loadingEl.shadowRoot.querySelector('[role=status]').textContent);
  assert.ok(status.includes(`${server.url}held-deck.json`), `the loading panel names the URL: ${status}`);

  await page.evaluate(() => window.loadingEl.remove());
  const errorText = await failed.aborted();
  assert.match(errorText, /ERR_ABORTED|aborted|cancel/i, `the fetch was aborted: ${errorText}`);
  assert.equal(await page.evaluate(() => window.loadingEl.shadowRoot.childNodes.length), 0, 'the loading panel is gone');

  // The server answers late: nothing renders, no event.
  let late = null;
  await held[0].fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(GOOD) }).catch((e) => {
    late = e.message;
  });
  await page.waitForTimeout(300);
  const afterLate = await page.evaluate(() => ({
    nodes: window.loadingEl.shadowRoot.childNodes.length,
    events: window.events.filter((e) => e.target === 'loading-el').map((e) => e.type),
  }));
  assert.deepEqual(afterLate, { nodes: 0, events: [] }, `late answer (${late ?? 'accepted by the route'})`);

  // Put back: it loads again, and renders.
  await page.unroute(`${server.url}held-deck.json`);
  await page.route(`${server.url}held-deck.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(GOOD) }));
  await page.evaluate(() => document.querySelector('main').append(window.loadingEl));
  await page.waitForFunction(() => window.events.some((e) => e.target === 'loading-el' && e.type === 'factcards:ready'));
  assert.equal(await page.evaluate(() => window.loadingEl.shadowRoot.querySelector('.title').textContent), GOOD.title);
  await page.evaluate(() => window.loadingEl.remove());
  assert.equal(await page.evaluate(() => window.loadingEl.shadowRoot.childNodes.length), 0);
  assert.deepEqual(errors, []);
  COUNTS.abortOnRemove = { aborted: 1, errorText, lateAnswer: late ?? 'fulfilled, ignored' };
  await page.context().close();
});

test('changing src while loading aborts the first fetch; only the second deck renders', async () => {
  const { page, errors } = await hardeningPage();
  const held = [];
  await page.route(`${server.url}first-deck.json`, (route) => {
    held.push(route);
  });
  await page.route(`${server.url}second-deck.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...GOOD, title: 'Second deck' }) }),
  );
  const failed = await watchAbort(page, 'first-deck.json');
  await page.evaluate(() => {
    const el = document.createElement('fact-cards');
    el.id = 'switch-el';
    el.setAttribute('src', 'first-deck.json');
    document.querySelector('main').append(el);
  });
  await expectHeld(held, 1);
  await page.evaluate(() => document.getElementById('switch-el').setAttribute('src', 'second-deck.json'));
  assert.match(await failed.aborted(), /ERR_ABORTED|aborted|cancel/i);
  await page.waitForFunction(() => window.events.some((e) => e.target === 'switch-el' && e.type === 'factcards:ready'));
  await held[0].fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...GOOD, title: 'First deck' }) }).catch(() => {});
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => ({
    title: document.getElementById('switch-el').shadowRoot.querySelector('.title')?.textContent,
    events: window.events.filter((e) => e.target === 'switch-el').map((e) => e.type),
  }));
  assert.deepEqual(r, { title: 'Second deck', events: ['factcards:ready'] });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('[chromium-only] a widget mounted from a factcards:error or factcards:ready listener lives until destroy (it survives GC)', chromiumOnly('forced GC'), async () => {
  const { page, errors, cdp } = await hardeningPage();
  await page.evaluate((deck) => {
    const H = window.H;
    // A page that falls back to another deck when one fails: the fallback is
    // mounted while the failing mount is still on the stack.
    const widget = document.getElementById('widget');
    widget.addEventListener('factcards:error', () => H.fc.mount(widget, { ...deck, title: 'Fallback deck' }), { once: true });
    try {
      H.fc.mount(widget, '{"version": 1', { storage: false });
    } catch {
      // expected: the first deck is not JSON
    }
    // A page that mounts again as soon as the first render is ready.
    const spare = document.getElementById('spare');
    spare.addEventListener('factcards:ready', () => H.fc.mount(spare, { ...deck, title: 'Second mount' }, { storage: false }), { once: true });
    H.fc.mount(spare, { ...deck, title: 'First mount' }, { storage: false });
  }, GOOD);
  const state = () =>
    page.evaluate(() =>
      ['widget', 'spare'].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return { id, title: root.querySelector('.title')?.textContent ?? null, nodes: root.childNodes.length };
      }),
    );
  const want = [
    { id: 'widget', title: 'Fallback deck', nodes: 1 },
    { id: 'spare', title: 'Second mount', nodes: 1 },
  ];
  assert.deepEqual(await state(), want, 'right after mounting');
  // wasm-bindgen frees a dropped handle through a FinalizationRegistry: only
  // a widget the module keeps alive survives a collection.
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(100);
  }
  assert.deepEqual(await state(), want, 'after garbage collection: widgets live until destroy()');
  const turned = await page.evaluate(() => {
    const host = document.getElementById('spare');
    window.H.click(host, '[part=card]');
    return host.shadowRoot.querySelector('[part=card]')?.getAttribute('aria-pressed');
  });
  assert.equal(turned, 'true', 'and still reacts');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('[chromium-only] a <fact-cards> removed by its own factcards:ready listener leaves nothing behind', chromiumOnly('listener counts'), async () => {
  const { page, errors, cdp } = await hardeningPage();
  const before = await listeners(cdp, 'document.querySelector("main")');
  const removed = await page.evaluate(async (deck) => {
    const main = document.querySelector('main');
    const out = [];
    for (let i = 0; i < 3; i++) {
      const el = document.createElement('fact-cards');
      el.setAttribute('storage', 'off');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(deck);
      el.append(script);
      const ready = new Promise((r) => el.addEventListener('factcards:ready', () => { el.remove(); r(); }, { once: true }));
      main.append(el);
      await ready;
      await new Promise((r) => setTimeout(r, 0));
      out.push({ connected: el.isConnected, nodes: el.shadowRoot?.childNodes.length ?? 0 });
    }
    return out;
  }, GOOD);
  assert.deepEqual(removed, Array(3).fill({ connected: false, nodes: 0 }));
  // The widgets' page listeners (pagehide, visibilitychange) went with them.
  const after = await listeners(cdp, 'document.querySelector("main")');
  for (const name of ['window', 'document', 'host']) assert.deepEqual(after[name].types, before[name].types, `listeners on ${name}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

async function expectHeld(held, n) {
  for (let i = 0; i < 200 && held.length < n; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal(held.length, n, 'the deck request reached the route');
}


// ---------------------------------------------------------------------------
// Progress is written when idle, at pagehide and on destroy, never per click

test('progress: no write on the click itself; a reload right after clicks keeps it; destroy() writes it', async () => {
  const { page, errors } = await hardeningPage();
  const study = (deck) =>
    page.evaluate((deck) => {
      localStorage.clear();
      const host = document.getElementById('widget');
      const w = window.H.fc.mount(host, deck, { seed: 4 });
      window.H.click(host, '[part=card]');
      window.H.click(host, '[part=known]');
      window.H.click(host, '[part=card]');
      window.H.click(host, '[part=known]');
      window.H.click(host, '[part=next]');
      // Nothing written yet: the record waits for an idle moment.
      return { w: !!w, stored: localStorage.length, knownOf: host.shadowRoot.querySelector('.known-of').textContent };
    }, deck);
  const before = await study(GOOD);
  assert.deepEqual(before, { w: true, stored: 0, knownOf: '2 of 3 known' }, 'clicks write nothing at once');

  // A reload straight away (pagehide) keeps what the clicks did.
  await page.reload();
  await page.waitForFunction(() => window.ready === true);
  const after = await page.evaluate((deck) => {
    const host = document.getElementById('widget');
    window.H.fc.mount(host, deck, { seed: 4 });
    return { stored: localStorage.length, knownOf: host.shadowRoot.querySelector('.known-of').textContent };
  }, GOOD);
  assert.deepEqual(after, { stored: 1, knownOf: '2 of 3 known' }, 'the reload kept the progress');

  // destroy() writes pending progress at once.
  const destroyed = await page.evaluate((deck) => {
    localStorage.clear();
    const host = document.getElementById('widget');
    const w = window.H.fc.mount(host, deck, { seed: 4 });
    window.H.click(host, '[part=card]');
    window.H.click(host, '[part=learning]');
    const pending = localStorage.length;
    w.destroy();
    return { pending, written: localStorage.length };
  }, GOOD);
  assert.deepEqual(destroyed, { pending: 0, written: 1 });

  // And an idle moment writes it too, without a reload.
  await study(GOOD);
  await idle(page);
  assert.equal(await page.evaluate(() => localStorage.length), 1, 'written once the page was idle');

  // destroy() from the host's focusin listener, called while the widget
  // moves focus in for the message it is applying: "Got it" clicked where a
  // click does not focus the button (Safari; here a synthetic click), with
  // focus on the page outside, moves focus to the card. That mark is
  // written all the same, as the click ends, and the next mount has it.
  const fromFocus = await page.evaluate((deck) => {
    localStorage.clear();
    const host = document.getElementById('widget');
    const w = window.H.fc.mount(host, deck, { seed: 4 });
    const outside = document.body.appendChild(document.createElement('button'));
    window.H.click(host, '[part=card]');
    outside.focus();
    let destroyed = false;
    host.addEventListener('focusin', () => { w.destroy(); destroyed = true; }, { once: true });
    window.H.click(host, '[part=known]');
    outside.remove();
    const out = { destroyed, nodes: host.shadowRoot.childNodes.length, stored: localStorage.length };
    window.H.fc.mount(host, deck, { seed: 4 });
    out.knownOf = host.shadowRoot.querySelector('.known-of').textContent;
    return out;
  }, GOOD);
  assert.deepEqual(fromFocus, { destroyed: true, nodes: 0, stored: 1, knownOf: '1 of 3 known' }, 'destroyed from the listener, and the mark was saved');
  assert.deepEqual(errors, []);
  await page.context().close();
});

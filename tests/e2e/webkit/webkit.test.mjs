// The widget in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver):
// mount, turning by click and by keys, the quiz, the fallback, axe, light
// and dark, and screenshots at 360 and 1024 px
// (tests/e2e/screenshots/webkit-*.png). See ./harness.mjs for how.
//
//   xvfb-run -a -s "-screen 0 1600x1200x24" node --test tests/e2e/webkit/webkit.test.mjs
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  REPO_ROOT,
  startProxy,
  startWebKit,
  closeWebKit,
  openFramed,
  pageErrors,
  shot,
  axe,
  formatViolations,
} from './harness.mjs';
import { CSP_TRUSTED_TYPES } from '../../../scripts/serve.mjs';

const DECK = JSON.parse(await readFile(path.join(REPO_ROOT, 'www/decks/tokayev-brussels-2021.json'), 'utf8'));
const N = DECK.facts.length;
const BY_FRONT = new Map(DECK.facts.map((f) => [f.front, f]));

let server;
const sessions = {};
before(async () => {
  server = await startProxy();
});
after(async () => {
  for (const b of Object.values(sessions)) await closeWebKit(b).catch(() => {});
  await server?.close();
});

/** The MiniBrowser session for a colour scheme, started on first use. */
async function webkit(scheme = 'light') {
  sessions[scheme] ??= await startWebKit({ dark: scheme === 'dark' });
  return sessions[scheme];
}

const cardsReady = () => window.fcReady === true && !!document.getElementById('host').shadowRoot?.querySelector('[part~="card"]');
const quizReady = () => window.mounted === true && !!document.getElementById('widget').shadowRoot?.querySelector('[part~="question"]');

/** A snapshot of the card panel of test-cards.html (#host). */
function cardState() {
  const r = document.getElementById('host').shadowRoot;
  const card = r.querySelector('[part~="card"]');
  const back = r.querySelector('[part~="back"]');
  return {
    position: r.querySelector('[part~="position"]').textContent.trim(),
    pressed: card.getAttribute('aria-pressed'),
    prompt: r.querySelector('[part~="front"]').textContent,
    backHidden: back.getAttribute('aria-hidden') === 'true' || back.hidden || back.inert === true,
    active: r.activeElement?.getAttribute('part') ?? null,
  };
}

/** An element of the widget's shadow root (for clicks and keys). */
async function inShadow(browser, host, selector) {
  const ref = await browser.execute((h, s) => document.querySelector(h).shadowRoot.querySelector(s), host, selector);
  assert.ok(ref, `${host} has ${selector}`);
  return browser.$(ref);
}

/** The i-th visible quiz option of test-quiz.html (#widget). */
async function quizOption(browser, i) {
  const ref = await browser.execute((i) => {
    const r = document.getElementById('widget').shadowRoot;
    const visible = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
    return [...r.querySelectorAll('[part~="option"]')].filter(visible)[i];
  }, i);
  assert.ok(ref, `option ${i} exists`);
  return browser.$(ref);
}

async function noErrors(browser) {
  const { errors } = await pageErrors(browser);
  assert.deepEqual(errors, [], 'no uncaught errors, rejections or console.error on the page');
}

test('WebKit: the version under test', async () => {
  const b = await webkit();
  const version = b.capabilities.browserVersion;
  assert.match(version, /^\d+\.\d+/, `WebKitGTK version ${version}`);
  console.log(`# webkit: WebKitGTK ${version} (MiniBrowser, WebKitWebDriver)`);
});

test('mount: test-cards.html shows the first card, with a size, and no error', async () => {
  const b = await webkit();
  await openFramed(b, server.url, 'test-cards.html', { ready: cardsReady });
  const info = await b.execute(() => {
    const r = document.getElementById('host').shadowRoot;
    const box = r.querySelector('[part~="card"]').getBoundingClientRect();
    return { w: box.width, h: box.height, sheets: r.adoptedStyleSheets.length };
  });
  assert.ok(info.w > 200 && info.h > 100, `the card has a size: ${JSON.stringify(info)}`);
  assert.ok(info.sheets >= 1, 'the widget style sheet is adopted');
  const s = await b.execute(cardState);
  assert.match(s.position, new RegExp(`\\b1\\b.*\\b${N}\\b`), `position: ${s.position}`);
  assert.equal(s.pressed, 'false');
  assert.ok(s.prompt.includes(DECK.facts[0].front), 'the first fact is on the front');
  await noErrors(b);
});

test('turning by click: a click turns the card (aria-pressed, back exposed), a second turns it back', async () => {
  const b = await webkit();
  await openFramed(b, server.url, 'test-cards.html', { ready: cardsReady });
  assert.equal((await b.execute(cardState)).backHidden, true, 'the back is hidden before the turn');
  const card = await inShadow(b, '#host', '[part~="card"]');
  await card.click();
  let s = await b.execute(cardState);
  assert.equal(s.pressed, 'true', 'a click turns the card');
  assert.equal(s.backHidden, false, 'the back is exposed once turned');
  await card.click();
  s = await b.execute(cardState);
  assert.equal(s.pressed, 'false', 'a second click turns it back');
  await noErrors(b);
});

test('turning by keys: Enter and Space turn the card, ArrowRight/ArrowLeft move, focus stays on the card', async () => {
  const b = await webkit();
  await openFramed(b, server.url, 'test-cards.html', { ready: cardsReady });
  await b.execute(() => document.getElementById('host').shadowRoot.querySelector('[part~="card"]').focus());
  assert.equal((await b.execute(cardState)).active, 'card');
  await b.keys('Enter');
  let s = await b.execute(cardState);
  assert.equal(s.pressed, 'true', 'Enter turns the card');
  await b.keys(' ');
  s = await b.execute(cardState);
  assert.equal(s.pressed, 'false', 'Space turns it back');
  assert.equal(s.active, 'card', 'focus stays on the card');
  await b.keys('ArrowRight');
  s = await b.execute(cardState);
  assert.match(s.position, /\b2\b/, `ArrowRight moves to card 2: ${s.position}`);
  await b.keys('ArrowLeft');
  s = await b.execute(cardState);
  assert.match(s.position, /\b1\b/, `ArrowLeft moves back to card 1: ${s.position}`);
  await noErrors(b);
});

/** The quiz question on screen: the fact (by its front) and the options. */
function quizState() {
  const r = document.getElementById('widget').shadowRoot;
  const visible = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
  return {
    question: r.querySelector('[part~="question"]').textContent.trim(),
    options: [...r.querySelectorAll('[part~="option"]')].filter(visible).map((o) => o.textContent.trim()),
    feedback: r.querySelector('[part~="feedback"]')?.textContent.trim() ?? '',
    role: r.querySelector('[part~="feedback"]')?.closest('[role="status"]') ? 'status' : null,
  };
}

test('quiz: choosing a right and a wrong option gives the feedback in a status region', async () => {
  const b = await webkit();
  await openFramed(b, server.url, 'test-quiz.html?mode=quiz&seed=7&storage=false', { ready: quizReady });
  for (const pick of ['right', 'wrong']) {
    const q = await b.execute(quizState);
    const fact = BY_FRONT.get(q.question);
    assert.ok(fact, `the question "${q.question}" is a fact's front`);
    assert.ok(q.options.length >= 2, `options: ${JSON.stringify(q.options)}`);
    const index = pick === 'right' ? q.options.indexOf(fact.back) : q.options.findIndex((o) => o !== fact.back);
    assert.ok(index >= 0, `a ${pick} option is on offer: ${JSON.stringify(q.options)}`);
    await (await quizOption(b, index)).click();
    await b.waitUntil(async () => (await b.execute(quizState)).feedback !== '', { timeout: 5000, timeoutMsg: 'no feedback' });
    const after = await b.execute(quizState);
    if (pick === 'right') assert.match(after.feedback, /^Correct/, `feedback: ${after.feedback}`);
    else assert.ok(after.feedback.startsWith('Incorrect') && after.feedback.includes(fact.back), `feedback: ${after.feedback}`);
    assert.equal(after.role, 'status', 'the feedback is inside role="status"');
    const events = await b.execute(() => window.events.filter((e) => e.type === 'factcards:answer').map((e) => e.detail.correct));
    assert.equal(events.at(-1), pick === 'right', 'factcards:answer says whether it was right');
    if (pick === 'right') {
      const next = await inShadow(b, '#widget', '[part~="next"].qnext');
      await next.click();
      await b.waitUntil(async () => (await b.execute(quizState)).question !== q.question, { timeout: 5000 });
    }
  }
  await noErrors(b);
});

/** The quiz's position text, or the summary: score, message, missed questions. */
function quizProgress() {
  const r = document.getElementById('widget').shadowRoot;
  const summary = r.querySelector('.summary');
  if (!summary.hidden) {
    return {
      score: r.querySelector('[part~="score"]').textContent.trim(),
      band: r.querySelector('.band').textContent.trim(),
      missed: [...r.querySelectorAll('.missed > li > .rq')].map((q) => q.textContent.trim()),
      rights: r.querySelector('.rights > summary').textContent.trim(),
    };
  }
  return { position: r.querySelector('[part~="qposition"]').textContent.trim(), question: r.querySelector('[part~="question"]').textContent.trim() };
}

test('a returning reader: a reload restores the quiz at its question, then its compact summary', async () => {
  const b = await webkit();
  const page = 'test-quiz.html?mode=quiz&seed=41&questions=3';
  await openFramed(b, server.url, page, { width: 360, ready: quizReady });
  await b.execute(() => localStorage.clear());
  await openFramed(b, server.url, page, { width: 360, ready: quizReady });
  const answer = async (right) => {
    const q = await b.execute(quizState);
    const fact = BY_FRONT.get(q.question);
    await (await quizOption(b, right ? q.options.indexOf(fact.back) : q.options.findIndex((o) => o !== fact.back))).click();
    await b.waitUntil(async () => (await b.execute(quizState)).feedback !== '', { timeout: 5000 });
    await (await inShadow(b, '#widget', '[part~="next"].qnext')).click();
    return q.question;
  };
  const missed = await answer(false);
  const second = await b.execute(quizProgress);
  assert.equal(second.position, 'Question 2 of 3');
  await b.pause(1500); // the write waits for an idle moment (at most 1 s)
  await openFramed(b, server.url, page, { width: 360, ready: quizReady });
  assert.deepEqual(await b.execute(quizProgress), second, 'question 2 after a reload');
  await answer(true);
  await answer(true);
  const done = await b.execute(quizProgress);
  assert.deepEqual(done, { score: '2 / 3', band: 'Good start — review the ones you missed.', missed: [missed], rights: 'Right answers (2)' });
  const v = await axe(b);
  assert.deepEqual(v, [], `quiz summary:\n${formatViolations(v)}`);
  await shot(b, 'quiz-summary-360-light');
  await b.pause(1500);
  await openFramed(b, server.url, page, { width: 360, ready: () => window.mounted === true });
  assert.deepEqual(await b.execute(quizProgress), done, 'the summary after a reload');
  await noErrors(b);
  await b.execute(() => localStorage.clear());
});

/** The fallback <section> of fallback.html and the widget's state. */
function fallbackState() {
  const fc = document.querySelector('fact-cards');
  const section = fc.querySelector('.factcards-fallback');
  const box = section?.getBoundingClientRect();
  return {
    defined: !!customElements.get('fact-cards'),
    shadow: !!fc.shadowRoot,
    card: !!fc.shadowRoot?.querySelector('[part~="card"]'),
    alert: fc.shadowRoot?.querySelector('[role="alert"]')?.textContent.trim() ?? null,
    facts: section ? section.querySelectorAll('dt').length : 0,
    shown: !!section && box.height > 0 && (section.checkVisibility ? section.checkVisibility() : true),
  };
}

describe('the fallback of www/fallback.html', () => {
  test('the widget mounts in its place when it can', async () => {
    const b = await webkit();
    await openFramed(b, server.url, 'fallback.html', { ready: () => !!document.querySelector('fact-cards')?.shadowRoot?.querySelector('[part~="card"]') });
    const s = await b.execute(fallbackState);
    assert.equal(s.card, true);
    assert.equal(s.shown, false, 'the fallback is no longer shown once the widget mounted');
    assert.equal(s.facts, N, 'the fallback stays in the light DOM');
    await noErrors(b);
  });

  test('a wasm that cannot load: factcards:error, one console warning, the fallback in place, readable', async () => {
    const b = await webkit();
    // /nowasm/ answers 404 for the wasm. Ready once the element has told.
    await openFramed(b, server.url, 'nowasm/fallback.html', {
      ready: () => document.readyState === 'complete' && (window.__fcEvents ?? []).length > 0,
    });
    await b.pause(500); // nothing more arrives
    const s = await b.execute(fallbackState);
    const { events, warnings } = await b.execute(() => ({ events: window.__fcEvents, warnings: window.__fcWarnings }));
    const message = `could not load the WebAssembly module: failed to fetch Wasm: 404 Not Found fetching '${server.url}nowasm/pkg/factcards_bg.wasm'`;
    assert.deepEqual(events, [{ target: 'fact-cards', message, path: null }]);
    assert.deepEqual(warnings, [`factcards: ${message}`], 'one console warning');
    assert.equal(s.defined, true, '<fact-cards> is defined when the module loads');
    assert.equal(s.card, false, 'no widget was rendered');
    assert.equal(s.alert, null, 'no alert over the fallback');
    assert.equal(s.facts, N, `the ${N} facts of the fallback are there`);
    assert.equal(s.shown, true, 'and shown');
    await shot(b, 'fallback-nowasm-1024');
  });

  test('a wasm that cannot load, no fallback content: the alert in reader language', async () => {
    const b = await webkit();
    await openFramed(b, server.url, 'nowasm/inline.html', {
      ready: () => document.readyState === 'complete' && (window.__fcEvents ?? []).length > 0,
    });
    const alert = await b.execute(() => document.getElementById('planets').shadowRoot?.querySelector('[role="alert"]')?.textContent.trim() ?? null);
    assert.equal(alert, 'This deck could not be shown.');
    const { events, warnings } = await b.execute(() => ({ events: window.__fcEvents, warnings: window.__fcWarnings }));
    assert.equal(events.length, 1);
    assert.match(events[0].message, /^could not load the WebAssembly module: failed to fetch Wasm: 404 /);
    assert.equal(warnings.length, 1);
  });

  // Issue 15 item 1: a failed `src` leaves the page's fallback in place.
  test('a src that is a 404 leaves the fallback in place, readable', async () => {
    const b = await webkit();
    await openFramed(b, server.url, 'wk-fallback-src404.html', {
      ready: () => document.readyState === 'complete' && !!customElements.get('fact-cards'),
    });
    // Give the fetch time to fail.
    await b.waitUntil(() => b.execute(() => !!document.querySelector('fact-cards').shadowRoot?.querySelector('[role="alert"], [part~="card"]') || document.querySelector('fact-cards').getAttribute('aria-busy') === null), { timeout: 10_000 }).catch(() => {});
    await b.pause(500);
    const s = await b.execute(fallbackState);
    await shot(b, 'fallback-src404-1024');
    assert.equal(s.facts, N);
    assert.equal(s.shown, true, `the fallback is shown after the failed fetch: ${JSON.stringify(s)}`);
  });
});

describe('light and dark', () => {
  const colours = {};
  for (const scheme of ['light', 'dark']) {
    test(`${scheme}: MiniBrowser${scheme === 'dark' ? ' --dark-mode' : ''} gives prefers-color-scheme ${scheme}, and the widget follows`, async () => {
      const b = await webkit(scheme);
      await openFramed(b, server.url, 'test-cards.html', { ready: cardsReady });
      const c = await b.execute(() => {
        const r = document.getElementById('host').shadowRoot;
        const cs = (s) => getComputedStyle(r.querySelector(s));
        return {
          dark: matchMedia('(prefers-color-scheme: dark)').matches,
          lightDark: CSS.supports('color', 'light-dark(#000, #fff)'),
          bg: cs('.fc').backgroundColor,
          text: cs('.fc').color,
          face: cs('.front').backgroundColor,
          border: cs('.fc').borderTopColor,
        };
      });
      assert.equal(c.dark, scheme === 'dark');
      colours[scheme] = c;
      const lum = (rgb) => {
        const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      };
      if (scheme === 'light') assert.ok(lum(c.bg) > 200 && lum(c.text) < 80, `light: ${JSON.stringify(c)}`);
      else assert.ok(lum(c.bg) < 60 && lum(c.text) > 180, `dark: ${JSON.stringify(c)}`);
      assert.notEqual(c.border, 'rgba(0, 0, 0, 0)', 'the border has a colour');
      await noErrors(b);
    });
  }
  test('the card face differs between light and dark', () => {
    assert.ok(colours.light && colours.dark, 'both schemes ran');
    assert.notEqual(colours.light.face, colours.dark.face);
  });
});

// axe and screenshots: cards front and back, a quiz question and its
// feedback, at 360 and 1024 px, light and dark.
for (const scheme of ['light', 'dark']) {
  for (const width of [360, 1024]) {
    test(`${width}px ${scheme}: zero WCAG 2.2 A/AA violations on the card front, back and a quiz answer; screenshots`, async () => {
      const b = await webkit(scheme);
      const tag = `${width}-${scheme}`;
      await openFramed(b, server.url, 'test-cards.html', { width, ready: cardsReady });
      let v = await axe(b);
      assert.deepEqual(v, [], `cards front:\n${formatViolations(v)}`);
      await shot(b, `cards-front-${tag}`);
      await (await inShadow(b, '#host', '[part~="card"]')).click();
      assert.equal((await b.execute(cardState)).pressed, 'true');
      await b.pause(700); // the turn's transition
      v = await axe(b);
      assert.deepEqual(v, [], `cards back:\n${formatViolations(v)}`);
      await shot(b, `cards-back-${tag}`);
      await noErrors(b);

      await openFramed(b, server.url, 'test-quiz.html?mode=quiz&seed=7&storage=false', { width, ready: quizReady });
      v = await axe(b);
      assert.deepEqual(v, [], `quiz question:\n${formatViolations(v)}`);
      await shot(b, `quiz-question-${tag}`);
      const q = await b.execute(quizState);
      const fact = BY_FRONT.get(q.question);
      const wrong = q.options.findIndex((o) => o !== fact.back);
      await (await quizOption(b, wrong)).click();
      await b.waitUntil(async () => (await b.execute(quizState)).feedback !== '', { timeout: 5000 });
      v = await axe(b);
      assert.deepEqual(v, [], `quiz feedback:\n${formatViolations(v)}`);
      await shot(b, `quiz-feedback-wrong-${tag}`);
      await noErrors(b);
    });
  }
}

test('Trusted Types (csp-tt.html): under require-trusted-types-for the widget renders through its policy, and an invalid deck gets its alert', async () => {
  const res = await fetch(server.url + 'csp-tt.html');
  assert.equal(res.headers.get('content-security-policy'), CSP_TRUSTED_TYPES, 'served with Trusted Types enforced');
  const b = await webkit();
  const ready = () => {
    const root = (id) => document.getElementById(id).shadowRoot;
    return window.mounted === true && !!root('element')?.querySelector('[part~="card"]') && !!root('bad')?.querySelector('[role="alert"]');
  };
  await openFramed(b, server.url, 'csp-tt.html', { ready });
  const r = await b.execute(() => ({
    tt: 'trustedTypes' in window,
    quiz: !!document.getElementById('api').shadowRoot?.querySelector('[part~="question"]'),
    alert: document.getElementById('bad').shadowRoot.querySelector('[role="alert"]').textContent,
  }));
  assert.equal(r.quiz, true, 'mount() rendered its quiz');
  assert.match(r.alert, /facts/, 'the alert names the problem');
  await noErrors(b);
  // Last, since it is a violation of its own: whether a plain string is refused.
  const enforced = await b.execute(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  console.log(`# webkit: Trusted Types ${r.tt ? 'present' : 'absent'}, ${enforced ? 'enforced' : 'not enforced'} on csp-tt.html`);
  assert.equal(enforced, r.tt, 'where the engine has Trusted Types, the page enforces them');
});

test('show in article: index.html highlights the turned card\'s quote in #story (CSS.highlights), the DOM unchanged; Next removes it', async () => {
  const b = await webkit();
  const ready = () => !!document.getElementById('sidebar-cards').shadowRoot?.querySelector('[part~="card"] .prompt')?.textContent;
  await openFramed(b, server.url, 'index.html', { width: 390, height: 700, ready });
  const before = await b.execute(() => document.documentElement.outerHTML);
  const prompt = await b.execute(() => document.getElementById('sidebar-cards').shadowRoot.querySelector('.prompt').textContent.trim());
  const fact = BY_FRONT.get(prompt);
  assert.ok(fact?.quote, `the first card has a quote: ${prompt}`);
  await (await inShadow(b, '#sidebar-cards', '[part~="card"]')).click();
  const show = await inShadow(b, '#sidebar-cards', '[part~="show-in-article"]');
  await show.waitForDisplayed({ timeout: 5000 });
  await show.click();
  const got = await b.execute(() => {
    const h = globalThis.CSS?.highlights?.get('factcards-quote');
    const r = h && [...h][0];
    return {
      api: typeof Highlight === 'function' && !!globalThis.CSS?.highlights,
      size: h?.size ?? 0,
      text: r ? r.toString() : String(getSelection()),
      inStory: !!r && document.getElementById('story').contains(r.commonAncestorContainer),
    };
  });
  const norm = (s) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
  assert.equal(norm(got.text), norm(fact.quote), 'the passage is the quote');
  assert.ok(got.api, 'this WebKit has the CSS Custom Highlight API');
  assert.equal(got.size, 1, 'one range is highlighted');
  assert.ok(got.inStory, 'in #story');
  assert.equal(await b.execute(() => document.documentElement.outerHTML), before, 'the page DOM is unchanged');
  await shot(b, 'article-highlight-390');
  await (await inShadow(b, '#sidebar-cards', '[part~="next"][data-msg="next"]')).click();
  assert.equal(await b.execute(() => globalThis.CSS?.highlights?.has('factcards-quote') ?? false), false, 'Next removes it');
  await noErrors(b);
});

// Compact by default (issue 15, items 2 and 3): sizes measured at 360 px,
// the all-known screen's next steps and the undo of a reset.
function layoutState() {
  const r = document.getElementById('host').shadowRoot;
  const root = r.querySelector('.fc').getBoundingClientRect();
  const controls = [];
  for (const el of r.querySelectorAll('button, select, input, a[href], [role="button"], [role="tab"]')) {
    const b = el.getBoundingClientRect();
    if (!b.width || !b.height || getComputedStyle(el).visibility === 'hidden') continue;
    controls.push({ part: el.getAttribute('part') || el.tagName, w: b.width, h: b.height, bottom: b.bottom - root.top });
  }
  return { height: root.height, controls, sizers: r.querySelectorAll('.sizer').length };
}

function checkLayout(m, label) {
  const MAIN = ['card', 'prev', 'next', 'known', 'learning', 'option', 'submit', 'tab'];
  assert.ok(m.height <= 600, `${label}: ${m.height} px tall (at most 600)`);
  for (const c of m.controls) {
    if (MAIN.includes(c.part)) assert.ok(c.h >= 44, `${label}: ${c.part} ${c.h} px tall (at least 44)`);
    assert.ok(c.w >= 24 && c.h >= 24, `${label}: ${c.part} ${c.w}×${c.h} (at least 24×24)`);
    assert.ok(c.bottom <= 844, `${label}: ${c.part} ends ${c.bottom} px below the widget's top`);
  }
}

test('360 px: the widget is at most 600 px tall on the front and the back, controls big enough and within 844 px, no sizers', async () => {
  const b = await webkit();
  await openFramed(b, server.url, 'test-cards.html', { width: 360, ready: cardsReady });
  const front = await b.execute(layoutState);
  assert.equal(front.sizers, 0, 'no sizer copies');
  checkLayout(front, 'front');
  await (await inShadow(b, '#host', '[part~="card"]')).click();
  const back = await b.execute(layoutState);
  checkLayout(back, 'back');
  assert.ok(back.controls.some((c) => c.part === 'known'), 'Got it once turned');
  console.log(`# webkit 360 px heights: front ${front.height}, back ${back.height}`);
  await noErrors(b);
});

test('360 px: every card of the built-in deck, front and back, keeps the widget at most 600 px tall', async () => {
  const b = await webkit();
  await openFramed(b, server.url, 'test-cards.html', { width: 360, ready: cardsReady });
  const heights = await b.executeAsync((n, done) => {
    const r = document.getElementById('host').shadowRoot;
    const h = () => Math.round(r.querySelector('.fc').getBoundingClientRect().height);
    const out = [];
    const step = (i) => {
      if (i === n) return done(out);
      const front = h();
      r.querySelector('[part~="card"]').click();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        out.push({ card: i + 1, front, back: h() });
        r.querySelector('[part~="card"]').click();
        r.querySelector('[part~="next"][data-msg="next"]').click();
        requestAnimationFrame(() => requestAnimationFrame(() => step(i + 1)));
      }));
    };
    step(0);
  }, N);
  assert.equal(heights.length, N);
  const tall = heights.filter((c) => c.front > 600 || c.back > 600);
  assert.deepEqual(tall, [], `cards taller than 600 px at 360 px: ${JSON.stringify(tall)}`);
  console.log(`# webkit 360 px: tallest card ${Math.max(...heights.map((c) => c.back))} px`);
  await noErrors(b);
});

for (const scheme of ['light', 'dark']) {
  for (const width of [360, 1024]) {
    test(`${width}px ${scheme}: all known offers next steps; Reset offers Undo; axe; screenshots`, async () => {
      const b = await webkit(scheme);
      const tag = `${width}-${scheme}`;
      await openFramed(b, server.url, 'test-cards.html', { width, ready: cardsReady });
      // Reach the all-known screen quickly: first card still learning, then every card known.
      await b.execute((n) => {
        const r = document.getElementById('host').shadowRoot;
        const click = (s) => r.querySelector(s).click();
        click('[part~="card"]');
        click('[part~="learning"]');
        for (let i = 0; i < n; i++) {
          click('[part~="card"]');
          click('[part~="known"]');
        }
      }, N);
      const done = await b.execute(() => {
        const r = document.getElementById('host').shadowRoot;
        const p = r.querySelector('[part~="complete"]');
        return { shown: !p.hidden, text: p.querySelector('.done-text').textContent,
          buttons: [...p.querySelectorAll('button')].filter((x) => !x.hidden).map((x) => x.textContent) };
      });
      assert.ok(done.shown, 'the all-known screen shows');
      assert.match(done.text, /You know every card\./);
      assert.deepEqual(done.buttons, ['Take the quiz', 'Review the 1 still learning', 'Study again', 'Reset progress']);
      if (width === 360) checkLayout(await b.execute(layoutState), 'all known');
      const v = await axe(b);
      assert.deepEqual(v, [], `all known:\n${formatViolations(v)}`);
      await shot(b, `cards-complete-${tag}`);
      // Reset progress, then Undo: back to the all-known screen.
      await (await inShadow(b, '#host', '[part~="reset-all"]')).click();
      const afterReset = await b.execute(() => {
        const r = document.getElementById('host').shadowRoot;
        return { undo: !r.querySelector('.undo').hidden, known: r.querySelector('.known-of').textContent, active: r.activeElement?.getAttribute('part') };
      });
      assert.deepEqual(afterReset, { undo: true, known: `0 of ${N} known`, active: 'undo' });
      await shot(b, `cards-undo-${tag}`);
      await (await inShadow(b, '#host', '[part~="undo"]')).click();
      const undone = await b.execute(() => {
        const r = document.getElementById('host').shadowRoot;
        return { done: !r.querySelector('[part~="complete"]').hidden, known: r.querySelector('.known-of').textContent };
      });
      assert.deepEqual(undone, { done: true, known: `${N} of ${N} known` });
      await noErrors(b);
    });
  }
}

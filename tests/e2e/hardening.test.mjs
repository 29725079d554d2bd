// Hardening, in Chromium: deck text is only ever text, malformed decks and
// hostile JS values give clear errors, and no error breaks the page or the
// mounts after it.
//
// - XSS: every payload of tests/fixtures/xss-payloads.json goes into every
//   text field of a deck (the decks rotate the payloads over the fields, so
//   one deck holds a different payload in each field and, over all decks,
//   each payload visits each field). Each deck is studied (turn, next, mark,
//   filter, shuffle, restart, complete, keys) and quizzed (answers right and
//   wrong, next question, summary, both retries) — in choice and typed mode —
//   and after every step: no element the widget does not make, no attribute
//   it does not set, no deck payload in any attribute except the known text
//   paths (img src/alt, the credit link's href, lang), no comment or other
//   parsed node, nothing added to the light DOM, the deck text shown exactly,
//   and window.__xss still 0 with no dialog, navigation or popup.
// - Dangerous URLs in image.src and source.url are rejected by validation.
// - Payloads that reach error messages (kind, language, unknown keys) stay
//   text in the alert.
// - <fact-cards> with payload decks from src and from an inline child.
// - Malformed decks (tests/fixtures/malformed/corpus.mjs), as JSON text and
//   as objects, through mount and through <fact-cards src>: each gives an
//   Error starting "invalid deck: " naming its path, an alert listing it and
//   a factcards:error event, or is accepted where valid; the page keeps
//   working, and a good deck mounts in the same element afterwards.
// - JS values that are not JSON data (cycles, throwing getters, proxies,
//   BigInt, functions): clean errors, and new mounts still work after them.
//
// The counts used are printed as "# hardening: …" lines and written to
// target/hardening-counts.json (section "hardening").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { newPage, trackErrors, REPO_ROOT, serveAndLaunch } from './harness.mjs';
import { CASES } from '../fixtures/malformed/corpus.mjs';

const PAYLOADS = JSON.parse(await readFile(path.join(REPO_ROOT, 'tests/fixtures/xss-payloads.json'), 'utf8')).payloads;

/** The text fields of a deck that receive payloads (source.url and image.src get URL-shaped ones). */
const FIELDS = [
  'title', 'description', 'id', 'source.publisher', 'source.headline', 'source.author', 'source.editor',
  'facts[].id', 'facts[].front', 'facts[].back', 'facts[].topic', 'facts[].detail', 'facts[].quote',
  'facts[].accept[]', 'facts[].distractors[]', 'facts[].image.alt',
];

const COUNTS = {};

// ---------------------------------------------------------------------------
// What the widget itself makes, read from its source: the tags of the
// template (and of the message panel) and the elements the views create; the
// attribute names of the template and the ones the views set.

async function widgetVocabulary() {
  const dir = path.join(REPO_ROOT, 'src/dom');
  const files = await Promise.all(
    (await readdir(dir)).filter((f) => f.endsWith('.rs')).map((f) => readFile(path.join(dir, f), 'utf8')),
  );
  const template = await readFile(path.join(dir, 'template.rs'), 'utf8');
  const tags = new Set();
  const attrs = new Set(['class']);
  for (const [, raw] of template.matchAll(/r#"(.*?)"#/gs)) {
    for (const [, t] of raw.matchAll(/<([a-z][a-z0-9]*)\b/g)) tags.add(t);
    for (const [, body] of raw.matchAll(/<[a-z][a-z0-9]*((?:\s[^>]*)?)>/g)) {
      for (const [, a] of body.matchAll(/\s([a-z][a-z-]*)(?==|\s|$)/g)) attrs.add(a);
    }
  }
  for (const src of files) {
    for (const [, t] of src.matchAll(/create_element\("([a-z0-9]+)"\)/g)) tags.add(t);
    for (const [, t] of src.matchAll(/\badd\(&\w+, "([a-z0-9]+)"/g)) tags.add(t);
    for (const [, a] of src.matchAll(/\bset_(?:attr|flag|bool)\(\s*&?[\w.]+(?:\[[^\]]*\])?\s*(?:as\s+&?\w+)?,\s*"([a-z-]+)"/g)) attrs.add(a);
    for (const [, a] of src.matchAll(/\bset_attribute\(\s*"([a-z-]+)"/g)) attrs.add(a);
    for (const [, a] of src.matchAll(/\bremove_attribute\(\s*"([a-z-]+)"/g)) attrs.add(a);
    if (/\bset_hidden\(/.test(src)) attrs.add('hidden');
  }
  tags.delete('template');
  return { tags: [...tags].sort(), attrs: [...attrs].sort() };
}

const VOCAB = await widgetVocabulary();

// ---------------------------------------------------------------------------
// Decks

/** Deck k: payload (k + offset) in each field; 37 offsets, all different. */
function payloadDeck(k) {
  const at = (i) => PAYLOADS[(k + i) % PAYLOADS.length];
  const facts = [0, 1, 2].map((f) => {
    const b = 7 + f * 10;
    return {
      id: at(b),
      front: at(b + 1),
      back: at(b + 2),
      topic: at(b + 3),
      kind: 'other',
      detail: at(b + 4),
      quote: at(b + 5),
      accept: [at(b + 6)],
      distractors: [at(b + 7), at(b + 8)],
      // A relative path with markup in its query: valid, and only ever an attribute value.
      image: { src: `img/p${k}-${f}.png?q="><svg/onload=window.__xss++>`, alt: at(b + 9) },
    };
  });
  return {
    version: 1,
    id: at(6),
    title: at(0),
    language: 'en',
    description: at(1),
    source: {
      publisher: at(2),
      headline: at(3),
      url: `https://example.test/${k}?q="><svg/onload=window.__xss++>`,
      published: '2021-12-09',
      author: at(4),
      editor: at(5),
    },
    facts,
  };
}

/** The values the known text paths may carry for `deck`. */
function allowedValues(deck) {
  return {
    'img.src': deck.facts.filter((f) => f.image).map((f) => f.image.src),
    'img.alt': deck.facts.filter((f) => f.image).map((f) => f.image.alt),
    'a.href': deck.source?.url ? [deck.source.url] : [],
    lang: [deck.language ?? 'en', 'en', 'fr', 'ru'],
  };
}

const GOOD = {
  version: 1,
  id: 'good-after-bad',
  title: 'Good deck',
  facts: [
    { id: 'g1', kind: 'other', front: 'Good front one?', back: 'Good back one', distractors: ['Nope one', 'Nope two'] },
    { id: 'g2', kind: 'other', front: 'Good front two?', back: 'Good back two', distractors: ['Nope three'] },
  ],
};

// ---------------------------------------------------------------------------
// Pages

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
}, { counts: ['hardening', COUNTS] });

/**
 * A fresh test-hardening.html: window.__xss = 0 before anything runs;
 * dialogs (dismissed), main-frame navigations and popups recorded.
 */
async function hardeningPage(query = '') {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const navigations = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  const popups = [];
  page.on('popup', (p) => popups.push(p.url()));
  await page.addInitScript(() => {
    window.__xss = 0;
  });
  await page.goto(server.url + 'test-hardening.html' + query);
  await page.waitForFunction(() => window.ready === true);
  return { page, errors, dialogs, navigations, popups };
}

/** Nothing ran, nothing navigated, nothing popped up, no page error. */
async function assertQuiet(h, what) {
  // Let delayed effects (an image's onerror, a meta refresh) have their turn.
  await h.page.waitForTimeout(300);
  const xss = await h.page.evaluate(() => window.__xss);
  assert.equal(xss, 0, `${what}: a payload ran (window.__xss = ${xss})`);
  assert.deepEqual(h.dialogs, [], `${what}: dialogs opened`);
  assert.equal(h.navigations.length, 1, `${what}: the page navigated: ${h.navigations.join(', ')}`);
  assert.deepEqual(h.popups, [], `${what}: popups opened`);
  assert.deepEqual(h.errors, [], `${what}: page errors`);
}

const watchCtx = () => ({ tags: VOCAB.tags, attrs: VOCAB.attrs, payloads: PAYLOADS });

// ---------------------------------------------------------------------------
// The scenario, run inside the page: every interaction, each followed by
// the checks. Returns { steps, log, problems }.

async function scenario({ deck, allowed, answer, seed, wrongText, hostId = 'widget' }) {
  const H = window.H;
  const host = document.getElementById(hostId);
  const problems = [];
  const log = [];
  let steps = 0;
  const check = (name) => {
    steps++;
    const r = H.check(host);
    for (const f of [...r.found, ...r.now]) problems.push(`${name}: ${f}`);
    for (const l of r.light) problems.push(`${name}: the light DOM got ${l}`);
    for (const t of H.checkText(host, deck)) problems.push(`${name}: ${t}`);
    if (r.xss) problems.push(`${name}: window.__xss = ${r.xss}`);
  };
  const step = (name, fn) => {
    let ok;
    try {
      ok = fn();
    } catch (e) {
      problems.push(`${name}: threw ${e?.message ?? e}`);
    }
    log.push(ok === false ? `${name} (no-op)` : name);
    check(name);
    return ok;
  };
  const st = () => H.state(host);
  const root = host.shadowRoot;
  const currentFact = () => deck.facts.find((f) => f.front === root.querySelector('[part=question]').textContent);
  const turned = () => root.querySelector('[part=card]').getAttribute('aria-pressed') === 'true';

  H.allow(host, allowed);
  step('mount', () => {
    H.fc.mount(host, deck, { seed, answer, questions: deck.facts.length });
  });
  // Cards.
  step('turn', () => H.click(host, '[part=card]'));
  step('next', () => H.click(host, '[data-msg=next]'));
  step('turn', () => H.click(host, '[part=card]'));
  step('mark known', () => H.click(host, '[part=known]'));
  step('turn', () => H.click(host, '[part=card]'));
  step('mark still learning', () => H.click(host, '[part=learning]'));
  step('previous', () => H.click(host, '[part=prev]'));
  step('key ArrowRight', () => H.key(host, '[part=card]', 'ArrowRight'));
  step('key End', () => H.key(host, '[part=card]', 'End'));
  step('key Home', () => H.key(host, '[part=card]', 'Home'));
  step('key Enter (turn)', () => H.key(host, '[part=card]', 'Enter'));
  step('filter: second topic', () => H.filter(host, '1'));
  step('turn', () => H.click(host, '[part=card]'));
  step('filter: all topics', () => H.filter(host, ''));
  step('shuffle', () => H.click(host, '[part=shuffle]'));
  step('restart', () => H.click(host, '[part=restart]'));
  for (let i = 0; i < 4 * deck.facts.length && !st().complete; i++) {
    if (!turned()) step('turn', () => H.click(host, '[part=card]'));
    step('mark known', () => H.click(host, '[part=known]'));
  }
  if (!st().complete) problems.push('marking every card known did not complete the deck');
  step('study again', () => H.click(host, '[part=again]'));
  step('reset progress', () => H.click(host, '[part=reset]'));
  // Quiz: three rounds (the first, retry mistakes, retry all).
  step('tab: quiz', () => H.click(host, '#t-quiz'));
  let rounds = 0;
  for (const retry of [null, 'retry-mistakes', 'retry-all']) {
    if (retry && !step(retry, () => H.click(host, `[data-msg=${retry}]`))) continue;
    rounds++;
    for (let q = 0; q < deck.facts.length + 2 && st().asking; q++) {
      const fact = currentFact();
      const right = q % 2 === 0;
      if (st().typed) {
        step(`type ${right ? 'right' : 'wrong'} answer`, () => H.typeAnswer(host, right ? fact.back : wrongText));
      } else {
        step(`choose ${right ? 'right' : 'wrong'} option`, () => {
          const options = [...root.querySelectorAll('[part=option]:not([hidden])')];
          const pick = options.find((o) => (o.querySelector('.t').textContent === fact.back) === right);
          if (!pick) return false;
          pick.click();
          return true;
        });
      }
      if (!st().answered) problems.push(`round ${rounds}, question ${q + 1}: not answered`);
      step('next question / see score', () => H.click(host, '.qnext'));
    }
    if (!st().summary) problems.push(`round ${rounds}: no summary`);
  }
  step('tab: cards', () => H.click(host, '#t-cards'));
  step('key ArrowRight on the tab', () => H.key(host, '#t-cards', 'ArrowRight'));
  step('key Home on the tab', () => H.key(host, '#t-quiz', 'Home'));
  return { steps, log, problems, rounds };
}

// ---------------------------------------------------------------------------
// XSS

test(`deck text stays text: ${PAYLOADS.length} payloads in every text field, both views, every interaction`, async () => {
  assert.ok(PAYLOADS.length >= 30, 'at least 30 payloads');
  for (const t of ['div', 'button', 'li', 'option', 'img', 'a', 'p', 'span']) assert.ok(VOCAB.tags.includes(t), `vocabulary has <${t}>`);
  for (const a of ['part', 'hidden', 'lang', 'src', 'alt', 'href', 'aria-pressed']) assert.ok(VOCAB.attrs.includes(a), `vocabulary has ${a}`);
  const h = await hardeningPage();
  await h.page.evaluate((ctx) => window.H.watch(document.getElementById('widget'), ctx), watchCtx());
  let steps = 0;
  let rounds = 0;
  const problems = [];
  const modes = { choice: 0, typed: 0 };
  for (let k = 0; k < PAYLOADS.length; k++) {
    const deck = payloadDeck(k);
    const issues = await h.page.evaluate((d) => window.H.fc.validateDeck(d), deck);
    assert.deepEqual(issues, [], `payload deck ${k} is a valid deck`);
    const answer = k % 2 ? 'typed' : 'choice';
    modes[answer]++;
    const r = await h.page.evaluate(scenario, {
      deck,
      allowed: allowedValues(deck),
      answer,
      seed: k + 1,
      wrongText: PAYLOADS[(k + 5) % PAYLOADS.length],
    });
    steps += r.steps;
    rounds += r.rounds;
    problems.push(...r.problems.map((p) => `deck ${k} (${answer}): ${p}`));
    if (problems.length > 40) break;
  }
  assert.deepEqual(problems, [], 'deck text reached markup or attributes');
  // The events carry the deck text as data, unchanged.
  const answers = await h.page.evaluate(() => window.events.filter((e) => e.type === 'factcards:answer').length);
  assert.ok(answers >= PAYLOADS.length * 3, `${answers} answers`);
  await assertQuiet(h, 'payload decks');
  COUNTS.xss = { payloads: PAYLOADS.length, fields: FIELDS.length, modes: 2, answerModes: modes, decks: PAYLOADS.length, checkpoints: steps, quizRounds: rounds };
  console.log(`# hardening: ${PAYLOADS.length} payloads × ${FIELDS.length} fields × 2 modes (${PAYLOADS.length} decks, ${steps} checked steps, ${rounds} quiz rounds)`);
  await h.page.context().close();
});

test('payload text typed and clicked for real (trusted events) stays text', async () => {
  const h = await hardeningPage();
  const { page } = h;
  const deck = payloadDeck(3);
  await page.evaluate((ctx) => window.H.watch(document.getElementById('widget'), ctx), watchCtx());
  await page.evaluate(({ deck, allowed }) => {
    window.H.allow(document.getElementById('widget'), allowed);
    window.H.fc.mount('#widget', deck, { seed: 9, answer: 'typed', questions: 3 });
  }, { deck, allowed: allowedValues(deck) });
  const check = async (what) => {
    const r = await page.evaluate((deck) => {
      const host = document.getElementById('widget');
      const c = window.H.check(host);
      return [...c.found, ...c.now, ...c.light.map((l) => `light DOM got ${l}`), ...window.H.checkText(host, deck)];
    }, deck);
    assert.deepEqual(r, [], what);
  };
  await check('mounted');
  await page.locator('[part~="card"]').click();
  await check('turned by a click');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await check('keys');
  await page.getByRole('tab', { name: 'Quiz' }).click();
  for (let i = 0; i < 3; i++) {
    const input = page.locator('[part~="input"]');
    await input.click();
    await page.keyboard.type(PAYLOADS[(i * 7) % PAYLOADS.length]);
    await page.keyboard.press('Enter');
    await check(`typed payload ${i}`);
    await page.locator('.qnext').click();
  }
  await check('summary');
  const given = await page.evaluate(() => window.events.filter((e) => e.type === 'factcards:answer').map((e) => e.detail.given));
  assert.deepEqual(given, [0, 1, 2].map((i) => PAYLOADS[(i * 7) % PAYLOADS.length].trim()));
  const review = await page.locator('[part~="review"]').textContent();
  for (const g of given) assert.ok(review.includes(g), `the review shows ${g} as text`);
  await assertQuiet(h, 'trusted events');
  await page.context().close();
});

const BAD_URLS = [
  'javascript:window.__xss++',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u200bjavascript:alert(1)',
  '\ufeffjavascript:alert(1)',
  'javascript://%0aalert(1)',
  'data:text/html,<script>parent.__xss++</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'DATA:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.test/0000',
  '//evil.example/x.png',
  '\\\\evil.example\\x.png',
  '/\\evil.example/x.png',
  'https:\\\\evil.example/x.png',
  'https://evil.example/a b.png',
  'https://',
];

test(`${BAD_URLS.length} dangerous URLs in image.src and source.url are rejected by validation`, async () => {
  const h = await hardeningPage();
  await h.page.evaluate((ctx) => window.H.watch(document.getElementById('widget'), ctx), watchCtx());
  const results = await h.page.evaluate((urls) => {
    const H = window.H;
    const host = document.getElementById('widget');
    const out = [];
    for (const url of urls) {
      for (const field of ['image.src', 'source.url']) {
        const deck = { version: 1, title: 'URL test', facts: [{ front: 'f', back: 'b' }] };
        if (field === 'image.src') deck.facts[0].image = { src: url, alt: 'alt text' };
        else deck.source = { publisher: 'P', url };
        const issues = H.fc.validateDeck(deck);
        let message = null;
        try {
          H.fc.mount(host, deck, { storage: false });
        } catch (e) {
          message = e.message;
        }
        const c = H.check(host);
        out.push({
          url,
          field,
          issues,
          message,
          alert: host.shadowRoot.querySelector('[role=alert]')?.textContent ?? null,
          rendered: host.shadowRoot.querySelectorAll('img[src], a[href]').length,
          problems: [...c.found, ...c.now],
        });
      }
    }
    return out;
  }, BAD_URLS);
  const failures = [];
  for (const r of results) {
    const path = r.field === 'image.src' ? 'facts[0].image.src' : 'source.url';
    const want = r.field === 'image.src' ? 'must be an http or https URL or a relative path' : 'must be an http or https URL';
    const label = `${r.field} = ${JSON.stringify(r.url)}`;
    if (!(r.issues.length === 1 && r.issues[0].path === path && r.issues[0].message === want)) {
      failures.push(`${label}: validateDeck gave ${JSON.stringify(r.issues)}`);
    }
    if (r.message !== `invalid deck: ${path}: ${want}`) failures.push(`${label}: mount threw ${JSON.stringify(r.message)}`);
    if (!r.alert?.includes(`${path}: ${want}`)) failures.push(`${label}: alert ${JSON.stringify(r.alert)}`);
    if (r.rendered) failures.push(`${label}: rendered a link or image`);
    for (const p of r.problems) failures.push(`${label}: ${p}`);
  }
  assert.deepEqual(failures, []);
  await assertQuiet(h, 'dangerous URLs');
  COUNTS.urls = { urls: BAD_URLS.length, fields: 2, mounts: results.length };
  console.log(`# hardening: ${BAD_URLS.length} dangerous URLs × 2 URL fields rejected`);
  await h.page.context().close();
});

/**
 * Look-alikes that are relative paths: set with setAttribute, an entity or a
 * %-escape is never decoded into a scheme, so each resolves to a same-origin
 * http URL. Validation accepts them, and the image's URL stays http.
 */
const LOOKALIKES = ['&#106;avascript:alert(1)', 'javascript&colon;alert(1)', 'javascript%3Aalert(1)', './javascript:alert(1)'];

test(`${LOOKALIKES.length} javascript: look-alikes in image.src are relative paths and resolve to http URLs`, async () => {
  const h = await hardeningPage();
  const results = await h.page.evaluate((srcs) => {
    const host = document.getElementById('widget');
    return srcs.map((src) => {
      const deck = { version: 1, title: 'Look-alike', facts: [{ front: 'f', back: 'b', image: { src, alt: 'a' } }] };
      window.H.fc.mount(host, deck, { storage: false });
      const img = host.shadowRoot.querySelector('[part=image]');
      return { src, attr: img.getAttribute('src'), resolved: img.src };
    });
  }, LOOKALIKES);
  for (const r of results) {
    assert.equal(r.attr, r.src, 'the attribute holds the deck value as written');
    assert.ok(r.resolved.startsWith(server.url), `${r.src} resolves to ${r.resolved}`);
  }
  await assertQuiet(h, 'look-alikes');
  await h.page.context().close();
});

test('negative control: the checks see a foreign element, and the payloads do run when parsed as HTML', async () => {
  const h = await hardeningPage();
  const { page } = h;
  await page.evaluate((ctx) => window.H.watch(document.getElementById('widget'), ctx), watchCtx());
  const r = await page.evaluate(async ({ payloads, good }) => {
    const H = window.H;
    const host = document.getElementById('widget');
    H.fc.mount(host, good, { storage: false });
    const clean = H.check(host);
    // What the widget never does: markup from deck text.
    const div = document.createElement('div');
    div.innerHTML = payloads[1];
    host.shadowRoot.querySelector('.title').append(div);
    host.shadowRoot.querySelector('.title').setAttribute('title', payloads[0]);
    const dirty = H.check(host);
    // Each payload parsed as HTML in the light DOM, as innerHTML would.
    const box = document.createElement('div');
    document.body.append(box);
    for (const p of payloads) {
      const d = document.createElement('div');
      d.innerHTML = p;
      box.append(d);
    }
    await new Promise((res) => setTimeout(res, 1500));
    return { clean: [...clean.found, ...clean.now], dirty: [...dirty.found, ...dirty.now], ran: window.__xss };
  }, { payloads: PAYLOADS, good: GOOD });
  assert.deepEqual(r.clean, [], 'a clean widget passes');
  assert.ok(r.dirty.some((p) => p.includes('<img')), `an injected <img> is reported: ${r.dirty.join('; ')}`);
  assert.ok(r.dirty.some((p) => p.includes('onerror')), 'its event handler attribute is reported');
  assert.ok(r.dirty.some((p) => p.includes('deck payload in')), 'a payload in an attribute is reported');
  const ran = r.ran + h.dialogs.length;
  assert.ok(ran >= 10, `payloads ran ${ran} times when parsed as HTML`);
  COUNTS.negativeControl = { payloadsRunAsHtml: r.ran, dialogs: h.dialogs.length };
  console.log(`# hardening: negative control: parsed as HTML, the payloads ran ${r.ran} times and opened ${h.dialogs.length} dialogs`);
  await page.context().close();
});

test('payloads that reach error messages (kind, language, unknown keys, ids) stay text in the alert', async () => {
  const h = await hardeningPage();
  await h.page.evaluate((ctx) => window.H.watch(document.getElementById('widget'), ctx), watchCtx());
  const results = await h.page.evaluate((payloads) => {
    const H = window.H;
    const host = document.getElementById('widget');
    const out = [];
    for (const p of payloads) {
      const base = () => ({ version: 1, title: 'Error text test', facts: [{ front: 'f', back: 'b' }] });
      const decks = {
        kind: Object.assign(base(), { facts: [{ front: 'f', back: 'b', kind: p }] }),
        language: Object.assign(base(), { language: p }),
        'unknown key': Object.assign(base(), { [p]: 1 }),
        'duplicate id': Object.assign(base(), { facts: [{ id: p, front: 'f', back: 'b' }, { id: p, front: 'g', back: 'c' }] }),
      };
      for (const [what, deck] of Object.entries(decks)) {
        let message = null;
        try {
          H.fc.mount(host, deck, { storage: false });
        } catch (e) {
          message = e.message;
        }
        const c = H.check(host);
        const alert = host.shadowRoot.querySelector('[role=alert]');
        out.push({ what, message, lines: alert ? [...alert.querySelectorAll('li')].map((li) => li.textContent) : null, problems: [...c.found, ...c.now, ...c.light] });
      }
    }
    return out;
  }, PAYLOADS);
  const failures = [];
  for (const r of results) {
    if (!r.message?.startsWith('invalid deck: ')) failures.push(`${r.what}: mount threw ${JSON.stringify(r.message)}`);
    if (!r.lines?.length || r.lines[0] !== r.message.slice('invalid deck: '.length).replace(/ \(and \d+ more\)$/, '')) {
      failures.push(`${r.what}: alert lines ${JSON.stringify(r.lines)} ≠ ${JSON.stringify(r.message)}`);
    }
    for (const p of r.problems) failures.push(`${r.what}: ${p}`);
  }
  assert.deepEqual(failures.slice(0, 20), []);
  await assertQuiet(h, 'error messages');
  COUNTS.errorText = { payloads: PAYLOADS.length, placements: 4, mounts: results.length };
  console.log(`# hardening: ${PAYLOADS.length} payloads × 4 error-message placements (${results.length} failed mounts) stay text`);
  await h.page.context().close();
});

test('<fact-cards> with payload decks from src and from an inline child stays text', async () => {
  const h = await hardeningPage();
  const { page } = h;
  const decks = [payloadDeck(11), payloadDeck(24)];
  await page.route(server.url + 'payload-deck.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(decks[0]) }),
  );
  const problems = [];
  for (const [i, how] of ['src', 'inline'].entries()) {
    const deck = decks[i];
    const id = `el-${how}`;
    await page.evaluate(({ id, how, deck, ctx, allowed }) => {
      const el = document.createElement('fact-cards');
      el.id = id;
      el.setAttribute('seed', '5');
      if (how === 'src') el.setAttribute('src', 'payload-deck.json');
      else {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify(deck);
        el.append(script);
      }
      window.H.watch(el, { ...ctx, allowed });
      document.querySelector('main').append(el);
      window.H.check(el); // the element itself is the test's own addition to the light DOM
    }, { id, how, deck, ctx: watchCtx(), allowed: allowedValues(deck) });
    await page.waitForFunction((id) => window.events.some((e) => e.type === 'factcards:ready' && e.target === id), id);
    const r = await page.evaluate(scenario, { deck, allowed: allowedValues(deck), answer: 'choice', seed: 5, wrongText: 'x', hostId: id });
    // The scenario mounts again with mount(); the element's own render was checked on the way in.
    problems.push(...r.problems.map((p) => `${how}: ${p}`));
  }
  assert.deepEqual(problems, []);
  await assertQuiet(h, '<fact-cards> payload decks');
  COUNTS.element = { decks: 2, sources: ['src', 'inline'] };
  await page.context().close();
});

// ---------------------------------------------------------------------------
// Malformed decks

/** Runs one corpus case in the page: mount, validateDeck, then a good mount. */
async function runCase(page, c, form) {
  return page.evaluate(
    ({ text, buildSrc, form, good }) => {
      const H = window.H;
      const host = document.getElementById('widget');
      const made = buildSrc ? (0, eval)(`(${buildSrc})`)() : text;
      const input = form === 'text' ? made : JSON.parse(made);
      const before = window.events.length;
      let error = null;
      const started = performance.now();
      try {
        H.fc.mount(host, input, { seed: 1, storage: false });
      } catch (e) {
        error = { isError: e instanceof Error, message: String(e?.message ?? e).slice(0, 2000) };
      }
      const ms = performance.now() - started;
      let issues = null;
      let validateThrew = null;
      try {
        issues = H.fc.validateDeck(input);
      } catch (e) {
        validateThrew = String(e?.message ?? e);
      }
      const events = window.events.slice(before).map((e) => ({ type: e.type, detail: e.detail }));
      const root = host.shadowRoot;
      const alert = root.querySelector('[role=alert]');
      const shown = {
        alertLines: alert ? [...alert.querySelectorAll('li')].map((li) => li.textContent.slice(0, 2000)) : null,
        title: root.querySelector('.title')?.textContent ?? null,
        front: root.querySelector('.front .prompt')?.textContent ?? null,
      };
      // The page keeps working: a host button, and a good deck in the same element.
      const clicksBefore = Number(document.getElementById('host-clicks').value);
      document.getElementById('host-btn').click();
      const clicked = Number(document.getElementById('host-clicks').value) === clicksBefore + 1;
      let goodTitle = null;
      try {
        H.fc.mount(host, good, { seed: 1, storage: false });
        goodTitle = root.querySelector('.title')?.textContent ?? null;
      } catch (e) {
        goodTitle = `threw: ${e?.message ?? e}`;
      }
      return {
        error,
        ms,
        issueCount: issues?.length ?? null,
        issues: issues?.slice(0, 3).map((i) => ({ path: i.path.slice(0, 400), message: i.message.slice(0, 400) })) ?? null,
        validateThrew,
        events: events.map((e) => ({ type: e.type, path: e.detail?.path ?? null, message: String(e.detail?.message ?? '').slice(0, 2000), facts: e.detail?.facts ?? null })),
        shown,
        clicked,
        goodTitle,
        polluted: ({}).polluted ?? Object.prototype.title ?? null,
      };
    },
    { text: c.text ?? null, buildSrc: c.build ? c.build.toString() : null, form, good: GOOD },
  );
}

/**
 * `text` without the fact id that printed lines add after `facts[N]`
 * (`facts[0] (id "one").front: …` → `facts[0].front: …`; issue 15.6), after
 * checking that it is the id of that fact in `deck` when it has one.
 */
function unlabel(text, deck, bad, label) {
  if (typeof text !== 'string') return text;
  const m = text.match(/^(invalid deck: )?facts\[(\d+)\]( \(id ("(?:[^"\\]|\\.)*")\))?/);
  if (!m) return text;
  const fact = Array.isArray(deck?.facts) ? deck.facts[Number(m[2])] : undefined;
  const id = fact && typeof fact === 'object' && typeof fact.id === 'string' && fact.id.trim() ? fact.id : null;
  const atId = /^(invalid deck: )?facts\[\d+\](?: \(id "(?:[^"\\]|\\.)*"\))?\.id\b/.test(text);
  if (id && !atId && (!m[4] || JSON.parse(m[4]) !== id)) bad.push(`${label}: ${JSON.stringify(text.slice(0, 120))} does not name fact id ${JSON.stringify(id)}`);
  return m[3] ? text.replace(m[3], '') : text;
}

/** What is wrong with a case's outcome (empty when it is as expected). */
function judge(c, form, r) {
  const bad = [];
  const label = `${c.name} (${form})`;
  const e = c.expect;
  if (r.validateThrew) bad.push(`${label}: validateDeck threw ${r.validateThrew}`);
  if (e.valid) {
    if (r.error) bad.push(`${label}: mount threw ${r.error.message}`);
    if (r.issueCount !== 0) bad.push(`${label}: validateDeck found ${JSON.stringify(r.issues)}`);
    if (!r.events.some((ev) => ev.type === 'factcards:ready')) bad.push(`${label}: no factcards:ready`);
    if (r.shown.alertLines) bad.push(`${label}: alert ${JSON.stringify(r.shown.alertLines)}`);
    if (e.title !== undefined && r.shown.title !== e.title) bad.push(`${label}: title ${JSON.stringify(r.shown.title)} ≠ ${JSON.stringify(e.title)}`);
    if (e.front !== undefined && r.shown.front !== e.front) bad.push(`${label}: front ${JSON.stringify(r.shown.front)} ≠ ${JSON.stringify(e.front)}`);
  } else {
    const prefix = `invalid deck: ${e.path ? `${e.path}: ` : ''}`;
    const deck = typeof c.deck === 'object' ? c.deck : (() => { try { return JSON.parse(c.body ?? c.text ?? 'null'); } catch { return null; } })();
    if (r.error) r.error.message = unlabel(r.error.message, deck, bad, label);
    for (const ev of r.events) ev.message = unlabel(ev.message, deck, bad, label);
    if (r.shown.alertLines?.[0]) r.shown.alertLines[0] = unlabel(r.shown.alertLines[0], deck, bad, label);
    if (!r.error) bad.push(`${label}: mount did not throw`);
    else {
      if (!r.error.isError) bad.push(`${label}: threw a non-Error`);
      if (!r.error.message.startsWith(prefix) || !r.error.message.includes(e.message)) {
        bad.push(`${label}: message ${JSON.stringify(r.error.message.slice(0, 300))}; want ${JSON.stringify(prefix)}…${JSON.stringify(e.message)}`);
      }
    }
    const first = r.issues?.[0];
    if (!first || first.path !== e.path || !first.message.includes(e.message)) {
      bad.push(`${label}: validateDeck first issue ${JSON.stringify(first)}; want ${JSON.stringify(e)}`);
    }
    const line0 = r.shown.alertLines?.[0];
    const wantLine = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : null;
    if (line0 !== wantLine) bad.push(`${label}: alert's first line ${JSON.stringify(line0?.slice(0, 200))} ≠ ${JSON.stringify(wantLine?.slice(0, 200))}`);
    const ev = r.events.find((x) => x.type === 'factcards:error');
    if (!ev || ev.path !== e.path || ev.message !== r.error?.message) bad.push(`${label}: factcards:error ${JSON.stringify(ev)?.slice(0, 300)}`);
    if (r.events.some((x) => x.type === 'factcards:ready')) bad.push(`${label}: factcards:ready for an invalid deck`);
  }
  if (!r.clicked) bad.push(`${label}: the host button stopped working`);
  if (r.goodTitle !== GOOD.title) bad.push(`${label}: the good deck after it gave ${JSON.stringify(r.goodTitle)}`);
  if (r.polluted !== null) bad.push(`${label}: Object.prototype polluted: ${JSON.stringify(r.polluted)}`);
  return bad;
}

test(`malformed decks (${CASES.length}): a clear error naming the path, or accepted where valid; the page keeps working`, async () => {
  assert.ok(CASES.length >= 40, 'at least 40 malformed decks');
  const h = await hardeningPage();
  const failures = [];
  let mounts = 0;
  let slowest = { ms: 0 };
  for (const c of CASES) {
    for (const form of c.object === false ? ['text'] : ['text', 'object']) {
      const r = await runCase(h.page, c, form);
      mounts++;
      if (r.ms > slowest.ms) slowest = { ms: Math.round(r.ms), name: c.name, form };
      failures.push(...judge(c, form, r));
    }
  }
  assert.deepEqual(failures, []);
  await assertQuiet(h, 'malformed decks');
  const valid = CASES.filter((c) => c.expect.valid).length;
  COUNTS.malformed = { decks: CASES.length, valid, invalid: CASES.length - valid, mounts, slowestMountMs: slowest.ms, slowest: `${slowest.name} (${slowest.form})` };
  console.log(`# hardening: ${CASES.length} malformed decks (${CASES.length - valid} rejected by path, ${valid} accepted), ${mounts} mounts as text and as objects; slowest ${slowest.ms} ms (${slowest.name})`);
  await h.page.context().close();
});

/** The corpus cases also served to <fact-cards src>. */
const SRC_CASES = [
  '10 MB title',
  '10,000 nested arrays in facts',
  '__proto__ key (own property from JSON.parse)',
  'lone surrogate in the title',
  'right-to-left text (valid)',
  'truncated',
  'HTML instead of JSON',
];

test(`<fact-cards src> with ${SRC_CASES.length} malformed decks: the same errors, and the element recovers`, async () => {
  const h = await hardeningPage();
  const { page } = h;
  const bodies = new Map();
  for (const name of SRC_CASES) {
    const c = CASES.find((x) => x.name === name);
    assert.ok(c, name);
    bodies.set(`m${bodies.size}.json`, c);
  }
  await page.route(`${server.url}malformed/*.json`, (route) => {
    const c = bodies.get(new URL(route.request().url()).pathname.split('/').pop());
    const body = c.build ? c.build() : c.text;
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
  });
  await page.route(`${server.url}good.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(GOOD) }));
  const failures = [];
  let i = 0;
  for (const [file, c] of bodies) {
    const id = `src-${i++}`;
    const url = `${server.url}malformed/${file}`;
    await page.evaluate(({ id, file }) => {
      const el = document.createElement('fact-cards');
      el.id = id;
      el.setAttribute('src', `malformed/${file}`);
      el.setAttribute('storage', 'off');
      document.querySelector('main').append(el);
    }, { id, file });
    await page.waitForFunction((id) => window.events.some((e) => e.target === id && /ready|error/.test(e.type)), id, { timeout: 20_000 });
    const r = await page.evaluate((id) => {
      const el = document.getElementById(id);
      const alert = el.shadowRoot.querySelector('[role=alert]');
      return {
        events: window.events.filter((e) => e.target === id).map((e) => ({ type: e.type, path: e.detail?.path ?? null, message: String(e.detail?.message ?? '').slice(0, 500) })),
        lines: alert ? [...alert.querySelectorAll('li')].map((li) => li.textContent.slice(0, 500)) : null,
        title: el.shadowRoot.querySelector('.title')?.textContent ?? null,
      };
    }, id);
    const e = c.expect;
    if (e.valid) {
      if (!r.events.some((x) => x.type === 'factcards:ready')) failures.push(`${c.name}: not rendered: ${JSON.stringify(r)}`);
      if (e.title !== undefined && r.title !== e.title) failures.push(`${c.name}: title ${JSON.stringify(r.title)}`);
    } else if (c.object === false) {
      // Not JSON: the element reports the fetch, with the URL, in the event;
      // the reader's alert names neither URL nor status.
      const want = `could not load ${url}: HTTP 200 OK, but not valid JSON (`;
      const ev = r.events.find((x) => x.type === 'factcards:error');
      if (!ev?.message.startsWith(want) || ev.path !== null) failures.push(`${c.name}: event ${JSON.stringify(ev)}`);
      if (r.lines === null || r.lines.length !== 0) failures.push(`${c.name}: alert ${JSON.stringify(r.lines)}`);
    } else {
      const ev = r.events.find((x) => x.type === 'factcards:error');
      if (!ev || ev.path !== e.path || !ev.message.startsWith(`invalid deck: ${e.path ? `${e.path}: ` : ''}`) || !ev.message.includes(e.message)) {
        failures.push(`${c.name}: event ${JSON.stringify(ev)?.slice(0, 300)}`);
      }
      if (!r.lines?.[0]?.startsWith(e.path ? `${e.path}: ` : '') || !r.lines[0].includes(e.message)) failures.push(`${c.name}: alert ${JSON.stringify(r.lines)}`);
    }
    // The same element then loads a good deck.
    await page.evaluate((id) => document.getElementById(id).setAttribute('src', 'good.json'), id);
    await page.waitForFunction((id) => window.events.filter((e) => e.target === id && e.type === 'factcards:ready').length >= 1 && document.getElementById(id).shadowRoot.querySelector('.title')?.textContent === 'Good deck', id);
  }
  assert.deepEqual(failures, []);
  await page.locator('#host-btn').click();
  assert.equal(await page.locator('#host-clicks').textContent(), '1');
  await assertQuiet(h, '<fact-cards src> malformed');
  COUNTS.malformedSrc = { decks: SRC_CASES.length };
  console.log(`# hardening: ${SRC_CASES.length} malformed decks served to <fact-cards src>`);
  await page.context().close();
});

// ---------------------------------------------------------------------------
// JS values that are not JSON data, and "no panic reaches the page"

/** Self-contained builders of hostile values, run in the page. */
const HOSTILE = [
  {
    name: 'a cyclic object (the deck inside its own facts)',
    build: () => {
      const d = { version: 1, title: 't', facts: [] };
      d.facts.push(d);
      return d;
    },
    path: 'facts[0]' + '.facts[0]'.repeat(15),
    message: 'nested deeper than 32 levels',
  },
  {
    name: 'a getter that throws',
    build: () => ({ version: 1, get title() { throw new Error('getter boom'); }, facts: [{ front: 'f', back: 'b' }] }),
    path: 'title',
    message: 'could not be read',
  },
  { name: 'a BigInt version', build: () => ({ version: 1n, title: 't', facts: [{ front: 'f', back: 'b' }] }), path: 'version', message: 'must be JSON data' },
  { name: 'a function as title', build: () => ({ version: 1, title: () => 't', facts: [{ front: 'f', back: 'b' }] }), path: 'title', message: 'must be JSON data' },
  { name: 'a Symbol as back', build: () => ({ version: 1, title: 't', facts: [{ front: 'f', back: Symbol('b') }] }), path: 'facts[0].back', message: 'must be JSON data' },
  { name: 'a Map as facts', build: () => ({ version: 1, title: 't', facts: new Map([[0, { front: 'f', back: 'b' }]]) }), path: 'facts', message: 'must be an array of facts, not an object' },
  { name: 'holes in facts', build: () => ({ version: 1, title: 't', facts: [, { front: 'f', back: 'b' }] }), path: 'facts[0]', message: 'must be an object (a fact), not null' }, // eslint-disable-line no-sparse-arrays
  {
    name: 'a Proxy whose ownKeys throws',
    build: () => new Proxy({ version: 1, title: 't', facts: [] }, { ownKeys() { throw new Error('ownKeys boom'); } }),
    path: '',
    message: 'could not be read',
  },
  {
    name: 'a revoked Proxy as a fact',
    build: () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return { version: 1, title: 't', facts: [proxy] };
    },
    path: 'facts[0]',
    message: 'could not be read',
  },
  {
    name: 'an array Proxy whose length throws',
    build: () => ({ version: 1, title: 't', facts: new Proxy([{ front: 'f', back: 'b' }], { get(t, k) { if (k === 'length') throw new Error('length boom'); return Reflect.get(t, k); } }) }),
    path: 'facts',
    message: 'could not be read',
  },
];

test(`${HOSTILE.length} JS values that are not JSON data: clean errors, and mounts keep working after them`, async () => {
  const h = await hardeningPage();
  const { page } = h;
  const failures = [];
  for (const c of HOSTILE) {
    const r = await page.evaluate(({ buildSrc, good }) => {
      const H = window.H;
      const host = document.getElementById('widget');
      const make = () => (0, eval)(`(${buildSrc})`)();
      let mountError = null;
      try {
        H.fc.mount(host, make(), { storage: false });
      } catch (e) {
        mountError = { isError: e instanceof Error, message: String(e?.message ?? e) };
      }
      let issues = null;
      let validateThrew = null;
      try {
        issues = H.fc.validateDeck(make());
      } catch (e) {
        validateThrew = String(e?.message ?? e);
      }
      const alert = host.shadowRoot?.querySelector('[role=alert]')?.textContent ?? null;
      const errorEvent = window.events.filter((e) => e.type === 'factcards:error').pop()?.detail ?? null;
      // New mounts still work: in the same host, and in a fresh one.
      const results = [];
      for (const target of [host, document.createElement('div')]) {
        document.querySelector('main').append(target);
        try {
          const w = H.fc.mount(target, good, { storage: false });
          results.push(target.shadowRoot.querySelector('.title')?.textContent ?? null);
          if (target !== host) w.destroy();
        } catch (e) {
          results.push(`threw: ${e?.message ?? e}`);
        }
        if (target !== host) target.remove();
      }
      return { mountError, issues, validateThrew, alert, errorEvent, results };
    }, { buildSrc: c.build.toString(), good: GOOD });
    const want = `invalid deck: ${c.path ? `${c.path}: ` : ''}`;
    if (!r.mountError?.isError || !r.mountError.message.startsWith(want) || !r.mountError.message.includes(c.message)) {
      failures.push(`${c.name}: mount threw ${JSON.stringify(r.mountError)}; want ${want}…${c.message}`);
    }
    if (r.validateThrew) failures.push(`${c.name}: validateDeck threw ${r.validateThrew} (documented: never throws)`);
    else if (r.issues?.[0]?.path !== c.path || !r.issues[0].message.includes(c.message)) failures.push(`${c.name}: validateDeck gave ${JSON.stringify(r.issues)}`);
    if (!r.alert?.includes(c.message)) failures.push(`${c.name}: alert ${JSON.stringify(r.alert)}`);
    if (r.errorEvent?.message !== r.mountError?.message) failures.push(`${c.name}: factcards:error ${JSON.stringify(r.errorEvent)}`);
    if (r.results.some((t) => t !== GOOD.title)) failures.push(`${c.name}: mounts after it gave ${JSON.stringify(r.results)}`);
  }
  // Many failing mounts in a row (an exception unwinding through the wasm
  // must not leave its shadow stack or a RefCell borrow behind), then good ones.
  const after = await page.evaluate(({ builders, good }) => {
    const H = window.H;
    const host = document.getElementById('widget');
    const makers = builders.map((src) => (0, eval)(`(${src})`));
    let thrown = 0;
    for (let i = 0; i < 1000; i++) {
      try {
        H.fc.mount(host, makers[i % makers.length](), { storage: false });
      } catch {
        thrown++;
      }
      try {
        H.fc.validateDeck(makers[i % makers.length]());
      } catch {
        // counted by the test above
      }
    }
    const titles = [];
    for (let i = 0; i < 20; i++) {
      H.fc.mount(host, good, { seed: i, storage: false });
      titles.push(host.shadowRoot.querySelector('.title')?.textContent);
      H.click(host, '[part=card]');
    }
    return { thrown, titles: [...new Set(titles)], turned: host.shadowRoot.querySelector('[part=card]').getAttribute('aria-pressed') };
  }, { builders: HOSTILE.map((c) => c.build.toString()), good: GOOD });
  assert.equal(after.thrown, 1000, 'every hostile mount threw');
  assert.deepEqual(after.titles, [GOOD.title], 'good mounts after 1,000 failing ones');
  assert.equal(after.turned, 'true', 'and the widget still reacts');
  await page.locator('#host-btn').click();
  assert.equal(await page.locator('#host-clicks').textContent(), '1');
  assert.deepEqual(failures, []);
  await assertQuiet(h, 'hostile JS values');
  COUNTS.hostile = { values: HOSTILE.length, failingMountsInARow: 1000 };
  console.log(`# hardening: ${HOSTILE.length} hostile JS values, then 1000 failing mounts in a row and 20 good ones`);
  await page.context().close();
});

// ---------------------------------------------------------------------------


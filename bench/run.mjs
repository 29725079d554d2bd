#!/usr/bin/env node
// The benchmark: the wasm widget against a hand-written vanilla-JS baseline
// (bench/vanilla/) that does what the bench times, with the same markup,
// style sheet and rules, in headless Chromium, in one run. Writes
// BENCHMARKS.md and bench/results/results.json.
//
//   bash scripts/bench.sh            # builds bench/results/pkg, then runs this
//   node bench/run.mjs [--rounds 5] [--no-write] [--parity-only] [--phone-only] [--only next,turn]
//
// --parity-only: the parity checks alone (about 30 s); --phone-only: the
// phone-profile start-up alone, printed (no BENCHMARKS.md); --no-write: the
// whole run, BENCHMARKS.md left as it is.
//
// It expects the optimised build in bench/results/pkg (scripts/bench.sh makes
// it) and playwright-core in tests/e2e/node_modules (npm ci there).
//
// Order of work:
//  1. bench/results/gen/shared.js: the template strings of src/dom/template.rs,
//     the style sheet the widget adopts and the built-in deck, for the vanilla
//     version (the widget has the same three inside its wasm).
//  2. Parity, on what the timings need: validateDeck of both on
//     tests/fixtures/{invalid,valid}/*.json (as objects and as JSON text) and
//     on odd JS values must find issues at the same paths with the same
//     severity (the wording is not compared: the timed decks are valid); the
//     two shadow DOMs, focus, style sheets and factcards:* events must be
//     identical after each timed step (mount, Next, turn, answer, next
//     question) on the timed decks and options.
//  3. Timings: each measurement on a fresh page (own browser context: cold
//     caches, empty storage), widget then vanilla, alternating A B A B, for
//     --rounds rounds; medians and widget/vanilla ratios, in wall-clock time
//     and in the renderer main thread's CPU time (from a Chromium trace).
//  4. Download size of the widget (raw, gzip -9, brotli).
//
// Exits 1 when a parity check fails (after writing the report, which says so).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressedSizes, listFiles, onDemand } from '../scripts/sizes.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const RESULTS = path.join(BENCH, 'results');
const PKG = path.join(RESULTS, 'pkg');

if (!existsSync(path.join(ROOT, 'tests/e2e/node_modules/playwright-core'))) {
  console.error('bench: playwright-core is missing; run `npm ci` in tests/e2e (scripts/install.sh does)');
  process.exit(1);
}
const { startServer, launch, newPage, trackErrors } = await import('../tests/e2e/harness.mjs');

// ---------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const ROUNDS = Number(opt('--rounds', '5'));
const WRITE = !args.includes('--no-write');
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('bench: --rounds must be a whole number >= 1');
  process.exit(2);
}
const SIZES = [100, 1000, 10000];
const SEED = 7;
const CLICKS = 200;
const FRAME_BUDGET = 16;

const log = (...a) => console.log(...a);
const started = Date.now();

// ---------------------------------------------------------------------------
// 1. What the vanilla version shares with the widget

/** Every copy of `name` that build.rs wrote under the cargo target dir. */
function buildOutputs(name) {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const buildDir = path.join(targetDir, 'wasm32-unknown-unknown', 'release', 'build');
  if (!existsSync(buildDir)) return [];
  return readdirSync(buildDir)
    .filter((d) => d.startsWith('factcards-'))
    .map((d) => path.join(buildDir, d, 'out', name))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

/**
 * The text among `candidates` (file paths) that the built wasm carries
 * verbatim, so the vanilla version gets exactly what the widget ships even
 * when the sources changed after the build.
 */
async function shippedText(wasm, what, candidates, transform = (t) => t) {
  for (const file of candidates) {
    const text = transform(await readFile(file, 'utf8'));
    if (wasm.includes(Buffer.from(text))) return { text, from: path.relative(ROOT, file) };
  }
  throw new Error(`bench: the wasm carries none of these as ${what}: ${candidates.map((f) => path.relative(ROOT, f)).join(', ')}; rebuild with bash scripts/bench.sh`);
}

async function writeShared() {
  const wasm = await readFile(path.join(PKG, 'factcards_bg.wasm'));
  const template = await readFile(path.join(ROOT, 'src/dom/template.rs'), 'utf8');
  const rawStrings = (text) => Array.from(text.matchAll(/r#"([\s\S]*?)"#/g), (m) => m[1]).join('');
  const markupBlock = /const MARKUP: &str = concat!\(([\s\S]*?)\n\);/.exec(template);
  if (!markupBlock) throw new Error('bench: cannot find MARKUP in src/dom/template.rs');
  const markup = rawStrings(markupBlock[1]);
  if (!wasm.includes(Buffer.from(markup))) {
    throw new Error('bench: MARKUP of src/dom/template.rs is not the one in the built wasm (it changed since the build); rebuild with bash scripts/bench.sh');
  }
  const css = await shippedText(wasm, 'the style sheet', [...buildOutputs('style.min.css'), path.join(ROOT, 'src/dom/style.css')]);
  // The built-in deck is not in the wasm: the package holds it as a file of
  // pkg/snippets/, fetched by a mount without a deck (src/dom/builtin.rs).
  const shipped = (await listFiles(path.join(PKG, 'snippets'))).filter(onDemand);
  if (shipped.length !== 1) throw new Error('bench: the package holds no built-in deck in pkg/snippets; rebuild with bash scripts/bench.sh');
  const deck = { text: await readFile(shipped[0], 'utf8'), from: path.relative(ROOT, shipped[0]) };
  const source = [
    '// Generated by bench/run.mjs: the template strings of src/dom/template.rs, the',
    `// style sheet (${css.from}) and the built-in deck (${deck.from}), each checked`,
    '// to be the very text the built package carries. Do not edit.',
    `export const MARKUP = ${JSON.stringify(markup)};`,
    `export const CSS = ${JSON.stringify(css.text)};`,
    `export const BUILTIN_DECK_JSON = ${JSON.stringify(deck.text)};`,
    '',
  ].join('\n');
  await mkdir(path.join(RESULTS, 'gen'), { recursive: true });
  await writeFile(path.join(RESULTS, 'gen', 'shared.js'), source);
  const name = (from) => (from.includes('/out/') ? `build.rs's minified \`${path.basename(from)}\`` : `\`${from}\``);
  return { css: name(css.from), deck: name(deck.from) };
}

// ---------------------------------------------------------------------------
// Statistics

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtKB = (b) => `${(b / 1024).toFixed(1)} KB`;
const fmtMB = (b) => `${(b / 1048576).toFixed(2)} MB`;
const fmtRatio = (r) => `${r.toFixed(2)}×`;

// ---------------------------------------------------------------------------
// Browser helpers

let server;
let browser;
let tracing; // a browser-wide CDP session, for Tracing

const TRACE_CONFIG = { includedCategories: ['toplevel', 'blink.user_timing'], recordMode: 'recordAsMuchAsPossible' };

/** Runs fn() while tracing the whole browser; resolves to {result, events}. */
async function withTrace(fn) {
  const events = [];
  const onData = (e) => {
    for (const x of e.value) events.push(x);
  };
  tracing.on('Tracing.dataCollected', onData);
  const complete = new Promise((resolve) => tracing.once('Tracing.tracingComplete', resolve));
  await tracing.send('Tracing.start', { traceConfig: TRACE_CONFIG, transferMode: 'ReportEvents' });
  let result;
  try {
    result = await fn();
  } finally {
    await tracing.send('Tracing.end');
    await complete;
    tracing.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

/**
 * CPU time (thread time, ms) of the tasks that overlap the span from the mark
 * `from` to the mark `to`, on the thread that made the marks or, with
 * `allThreads`, on every thread of its process. Tasks are the outermost
 * "toplevel" trace slices of each thread (their `tdur`), so nothing is counted
 * twice. Unlike wall-clock time, this does not grow while the thread waits
 * for a CPU that other processes hold.
 */
function cpuTime(events, from, to, { allThreads = false } = {}) {
  const end = events.find((e) => e.name === to && e.cat.includes('blink.user_timing'));
  if (!end) throw new Error(`trace: no mark ${to}`);
  const starts = events.filter((e) => e.name === from && e.pid === end.pid && e.ts <= end.ts);
  if (!starts.length) throw new Error(`trace: no mark ${from} before ${to}`);
  const t0 = Math.max(...starts.map((e) => e.ts));
  const slices = events
    .filter((e) => e.ph === 'X' && e.pid === end.pid && (allThreads || e.tid === end.tid) && typeof e.tdur === 'number' && e.cat.includes('toplevel'))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const openUntil = new Map();
  let us = 0;
  for (const e of slices) {
    if ((openUntil.get(e.tid) ?? -Infinity) > e.ts) continue; // nested in a slice already counted
    openUntil.set(e.tid, e.ts + e.dur);
    if (e.ts + e.dur >= t0 && e.ts <= end.ts) us += e.tdur;
  }
  return us / 1000;
}

/** page.evaluate(f, arg), traced; adds `cpu`, the main thread's CPU ms between fc-start and fc-end. */
async function evaluateTraced(page, f, arg) {
  const { result, events } = await withTrace(() => page.evaluate(f, arg));
  return { ...result, cpu: cpuTime(events, 'fc-start', 'fc-end') };
}

async function openPage(file) {
  const page = await newPage(browser, { width: 1024, height: 800 });
  const errors = trackErrors(page);
  page.setDefaultTimeout(60_000);
  await page.goto(server.url + file);
  return { page, errors };
}

async function benchPage(impl) {
  const { page, errors } = await openPage(`pages/bench.html?impl=${impl}`);
  await page.waitForFunction(() => window.benchReady === true);
  const cdp = await page.context().newCDPSession(page);
  return { page, errors, cdp };
}

async function settle(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(100);
}

async function closePage(page, errors, what) {
  await page.context().close();
  if (errors.length) throw new Error(`${what}: errors in the page:\n${errors.join('\n')}`);
}

// ---------------------------------------------------------------------------
// 2. Parity

const plainDiff = (a, b) => {
  const sa = JSON.stringify(a, null, 1);
  const sb = JSON.stringify(b, null, 1);
  let i = 0;
  while (i < sa.length && sa[i] === sb[i]) i++;
  return `widget: …${sa.slice(Math.max(0, i - 150), i + 250)}…\nvanilla: …${sb.slice(Math.max(0, i - 150), i + 250)}…`;
};

async function validationParity() {
  const cases = [];
  for (const group of ['invalid', 'valid']) {
    const dir = path.join(ROOT, 'tests/fixtures', group);
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      cases.push({ name: `${group}/${name}`, group, text: await readFile(path.join(dir, name), 'utf8') });
    }
  }
  cases.push({ name: 'not JSON', group: 'extra', text: '{"version": 1,' });
  cases.push({ name: 'deep nesting', group: 'extra', text: '{"version":1,"title":"t","facts":[{"front":"f","back":"b"}],"x":' + '['.repeat(40) + ']'.repeat(40) + '}' });
  cases.push({ name: 'the article deck', group: 'valid', text: await readFile(path.join(ROOT, 'www/decks/tokayev-brussels-2021.json'), 'utf8') });
  const texts = cases.map((c) => c.text);
  const out = {};
  for (const impl of ['widget', 'vanilla']) {
    const { page, errors, cdp } = await benchPage(impl);
    out[impl] = {
      fixtures: await page.evaluate((t) => window.B.validateAll(t), texts),
      odd: await page.evaluate(() => window.B.validateOddValues()),
      synthetic: await page.evaluate((sizes) => sizes.map((n) => (window.B.makeDeck(n), window.B.validate().issues)), SIZES),
    };
    await cdp.detach();
    await closePage(page, errors, `validation parity (${impl})`);
  }
  const mismatches = [];
  const repeatedKeys = [];
  let compared = 0;
  let reported = 0;
  const errors = (issues) => (Array.isArray(issues) ? issues.filter((x) => x.severity === 'error') : issues);
  cases.forEach((c, i) => {
    const w = out.widget.fixtures[i];
    const v = out.vanilla.fixtures[i];
    for (const form of ['object', 'text']) {
      compared++;
      if (JSON.stringify(w[form]) !== JSON.stringify(v[form])) mismatches.push(`${c.name} (${form}):\n${plainDiff(w[form], v[form])}`);
    }
    const found = errors(w.object);
    if (c.group === 'invalid' && Array.isArray(found)) reported += found.length;
    // Repeated keys are invalid for the CLI (serde_json keeps them) but
    // JSON.parse keeps only the last one, in the widget as in vanilla.
    if (c.group === 'invalid' && Array.isArray(found) && found.length === 0) {
      if (/"(\w+)"\s*:[\s\S]*"\1"\s*:/.test(c.text) && c.name.includes('duplicate-field')) repeatedKeys.push(c.name);
      else mismatches.push(`${c.name}: the widget finds no error in an invalid fixture`);
    }
    if (c.group === 'invalid' && !Array.isArray(found)) mismatches.push(`${c.name}: ${found}`);
    if (c.group === 'valid' && JSON.stringify(found) !== '[]') mismatches.push(`${c.name}: the widget finds errors in a valid fixture: ${JSON.stringify(found)}`);
  });
  for (const name of Object.keys(out.widget.odd)) {
    compared++;
    if (JSON.stringify(out.widget.odd[name]) !== JSON.stringify(out.vanilla.odd[name])) {
      mismatches.push(`odd value ${name}:\n${plainDiff(out.widget.odd[name], out.vanilla.odd[name])}`);
    }
  }
  SIZES.forEach((n, i) => {
    compared++;
    if (out.widget.synthetic[i] !== 0 || out.vanilla.synthetic[i] !== 0) {
      mismatches.push(`synthetic deck of ${n}: ${out.widget.synthetic[i]} issues (widget), ${out.vanilla.synthetic[i]} (vanilla); expected none`);
    }
  });
  const counts = {
    invalid: cases.filter((c) => c.group === 'invalid').length,
    valid: cases.filter((c) => c.group === 'valid').length,
    extra: cases.filter((c) => c.group === 'extra').length + Object.keys(out.widget.odd).length,
  };
  return { compared, identical: compared - mismatches.length, mismatches, counts, reported, repeatedKeys };
}

const NEXT = '[part=next][data-msg=next]';
const CARD = '[part=card]';
const OPTION = (i) => `[part=option][data-i="${i}"]`;
const QNEXT = '.qnext';
// The steps the timings take (mount, "Next", turn, answer, "Next question"),
// on the decks and options they take them with, and the mounts of both
// views that the start-up and memory measurements make.
const SCENARIOS = [
  {
    name: '10,000 facts, cards (the Next and turn timings): mount, turn, Next ×3, turn, Next',
    deck: 10000,
    steps: [['mount', { mode: 'cards', seed: SEED }], ['click', CARD], ['click', NEXT], ['click', NEXT], ['click', NEXT], ['click', CARD], ['click', NEXT]],
  },
  {
    name: '10,000 facts, quiz (the answer and next-question timings): mount, three questions answered and passed',
    deck: 10000,
    steps: [['mount', { mode: 'quiz', seed: SEED }], ...[0, 1, 3].flatMap((i) => [['click', OPTION(i)], ['click', QNEXT]])],
  },
  ...[100, 1000].flatMap((n) => [
    {
      name: `${n.toLocaleString('en')} facts, cards: mount, turn, Next`,
      deck: n,
      steps: [['mount', { mode: 'cards', seed: SEED }], ['click', CARD], ['click', NEXT]],
    },
    {
      name: `${n.toLocaleString('en')} facts, quiz: mount, answer, next question`,
      deck: n,
      steps: [['mount', { mode: 'quiz', seed: SEED }], ['click', OPTION(2)], ['click', QNEXT]],
    },
    {
      name: `${n.toLocaleString('en')} facts, both views (as mounted for the memory measurement)`,
      deck: n,
      steps: [['mount', { seed: SEED }], ['click', CARD], ['click', NEXT]],
    },
  ]),
  {
    name: 'the article deck, both views (the start-up page): mount, turn, Next',
    deck: 0,
    steps: [['mount', { seed: 2021 }], ['click', CARD], ['click', NEXT]],
  },
  {
    name: 'the article deck, quiz: the ten questions of a round, answered (the score screen is not timed)',
    deck: 0,
    steps: [['mount', { mode: 'quiz', seed: 2021 }], ...Array.from({ length: 10 }, (_, i) => [['click', OPTION(i % 3)], ...(i < 9 ? [['click', QNEXT]] : [])]).flat()],
  },
];

async function domParity() {
  const results = [];
  for (const scenario of SCENARIOS) {
    const shots = {};
    for (const impl of ['widget', 'vanilla']) {
      const { page, errors, cdp } = await benchPage(impl);
      await page.evaluate((n) => window.B.makeDeck(n), scenario.deck);
      shots[impl] = await page.evaluate((s) => window.B.scenario(s), scenario.steps);
      await cdp.detach();
      await closePage(page, errors, `DOM parity (${impl})`);
    }
    let firstDiff = null;
    for (let i = 0; i < shots.widget.length && !firstDiff; i++) {
      const w = shots.widget[i];
      const v = shots.vanilla[i];
      for (const key of ['error', 'dom', 'focus', 'sheets', 'events']) {
        if (JSON.stringify(w[key]) !== JSON.stringify(v[key])) {
          firstDiff = `after step ${i + 1} (${w.step}), ${key} differs:\n${plainDiff(w[key], v[key])}`;
          break;
        }
      }
    }
    const domBytes = shots.widget.reduce((n, s) => n + (s.dom?.length ?? 0), 0);
    results.push({ name: scenario.name, steps: scenario.steps.length, identical: !firstDiff, firstDiff, domBytes });
  }
  return results;
}

// ---------------------------------------------------------------------------
// 3. Timings

async function measureStartup(impl) {
  const page = await newPage(browser, { width: 1024, height: 800 });
  const errors = trackErrors(page);
  page.setDefaultTimeout(60_000);
  const { result: s, events } = await withTrace(async () => {
    await page.goto(`${server.url}pages/startup-${impl}.html`);
    await page.waitForFunction(() => window.startup !== undefined);
    return page.evaluate(() => window.startup);
  });
  await closePage(page, errors, `start-up (${impl})`);
  if (!s.card) throw new Error(`start-up (${impl}): no card text`);
  // CPU from navigation start (the renderer's navigationStart mark) to the rAF.
  s.cpuMain = cpuTime(events, 'navigationStart', 'fc-raf');
  s.cpuAll = cpuTime(events, 'navigationStart', 'fc-raf', { allThreads: true });
  return s;
}

async function measureMount(impl, n, mode) {
  const { page, errors, cdp } = await benchPage(impl);
  await page.evaluate((k) => window.B.makeDeck(k), n);
  await settle(page, cdp);
  const r = await evaluateTraced(page, (o) => window.B.mount(o), { mode, seed: SEED });
  await cdp.detach();
  await closePage(page, errors, `mount ${n} ${mode} (${impl})`);
  return r;
}

async function measureValidate(impl, n) {
  const { page, errors, cdp } = await benchPage(impl);
  await page.evaluate((k) => window.B.makeDeck(k), n);
  await settle(page, cdp);
  const r = await evaluateTraced(page, () => window.B.validate());
  await cdp.detach();
  await closePage(page, errors, `validate ${n} (${impl})`);
  if (r.issues !== 0) throw new Error(`validate ${n} (${impl}): ${r.issues} issues`);
  return r;
}

/** A page with the 10,000-fact deck mounted in `mode`, idle and collected. */
async function mounted10k(impl, mode) {
  const { page, errors, cdp } = await benchPage(impl);
  await page.evaluate((k) => window.B.makeDeck(k), 10000);
  await page.evaluate((o) => window.B.mount(o), { mode, seed: SEED });
  await settle(page, cdp);
  return { page, errors, cdp };
}

async function measureTurn(impl) {
  const { page, errors, cdp } = await mounted10k(impl, 'cards');
  const turn = await evaluateTraced(page, () => window.B.turn());
  const events = await page.evaluate(() => window.events.map((e) => e.type));
  await cdp.detach();
  await closePage(page, errors, `turn (${impl})`);
  if (!events.includes('factcards:flip')) throw new Error(`turn (${impl}): no flip event`);
  return turn;
}

async function measureNext(impl) {
  const { page, errors, cdp } = await mounted10k(impl, 'cards');
  const next = await evaluateTraced(page, (k) => window.B.next(k), CLICKS);
  await cdp.detach();
  await closePage(page, errors, `next (${impl})`);
  if (next.position !== `${CLICKS + 1} / 10000`) throw new Error(`next (${impl}): after ${CLICKS} clicks the position is ${next.position}`);
  return next;
}

async function measureAnswer(impl) {
  const { page, errors, cdp } = await mounted10k(impl, 'quiz');
  const answer = await evaluateTraced(page, () => window.B.answer());
  const events = await page.evaluate(() => window.events.map((e) => e.type));
  await cdp.detach();
  await closePage(page, errors, `answer (${impl})`);
  if (!events.includes('factcards:answer')) throw new Error(`answer (${impl}): no answer event`);
  return answer;
}

async function measureNextQuestion(impl) {
  const { page, errors, cdp } = await mounted10k(impl, 'quiz');
  await page.evaluate(() => window.B.answer()); // not measured: "Next question" needs an answer
  await settle(page, cdp);
  const nextQuestion = await evaluateTraced(page, () => window.B.nextQuestion());
  const position = await page.evaluate(() => document.getElementById('host').shadowRoot.querySelector('.qpos').textContent);
  await cdp.detach();
  await closePage(page, errors, `next question (${impl})`);
  if (position !== 'Question 2 of 10') throw new Error(`next question (${impl}): shows ${position}`);
  return nextQuestion;
}

async function measureMemory(impl) {
  const { page, errors, cdp } = await benchPage(impl);
  await settle(page, cdp);
  const before = await cdp.send('Runtime.getHeapUsage');
  await page.evaluate((k) => window.B.makeDeck(k), 1000);
  await page.evaluate((o) => window.B.mount(o), { seed: SEED });
  await page.evaluate(() => window.B.dropDeck());
  await settle(page, cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.B.wasmMemory());
  const nodes = await page.evaluate(() => document.getElementById('host').shadowRoot.querySelectorAll('*').length);
  await cdp.detach();
  await closePage(page, errors, `memory (${impl})`);
  return { heapBefore: before.usedSize, heapAfter: after.usedSize, heapDelta: after.usedSize - before.usedSize, wasm, total: after.usedSize + wasm, nodes };
}

// ---------------------------------------------------------------------------
// 3b. Start-up on a phone (issue 13, item 3): slow 4G (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up) and the CPU slowed 4x, through CDP; every
// file served gzip'd by a second server. A news page: 17 KB of article text,
// then the widget with a deck fetched from `src`, then the module script,
// as in the README's snippets; with and without the README's preload tags.
// Vanilla: the same page, its module script fetching the deck and importing
// the hand-written widget at the same time.

const PHONE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpu: 4 };
const PRELOAD_TAGS = {
  modulepreload: '<link rel="modulepreload" href="/pkg/factcards.js">',
  wasm: '<link rel="preload" href="/pkg/factcards_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
};
const PHONE_PAGES = {
  'widget-none': [],
  'widget-modulepreload': ['modulepreload'],
  'widget-wasm': ['wasm'],
  'widget-both': ['modulepreload', 'wasm'],
  vanilla: [],
};
const PHONE_DECK = '/results/gen/phone-deck.json';

const escapeHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes bench/results/gen/phone-*.html and the deck they load. */
async function writePhonePages() {
  const article = await readFile(path.join(ROOT, 'tests/fixtures/article.txt'), 'utf8');
  const paras = article.split(/\n\s*\n/).map((t) => `<p>${escapeHtml(t.trim())}</p>`);
  let text = '';
  while (text.length < 17 * 1024) text += paras.join('\n') + '\n';
  await writeFile(path.join(RESULTS, 'gen', 'phone-deck.json'), await readFile(path.join(ROOT, 'www/decks/tokayev-brussels-2021.json')));
  // Both record window.startup at a requestAnimationFrame callback after the
  // first card's text is set: the widget at its factcards:ready, vanilla
  // after its mount() returns.
  const record = `const times = () => Object.fromEntries(performance.getEntriesByType('resource').filter((e) => /\\.(wasm|json)$/.test(e.name)).map((e) => [e.name.endsWith('.wasm') ? 'wasmEnd' : 'deckEnd', e.responseEnd]));
const done = () => requestAnimationFrame(() => { window.startup = { raf: performance.now(), card: document.getElementById('host').shadowRoot.querySelector('.prompt')?.textContent ?? '', ...times() }; });`;
  const scripts = {
    widget: `<fact-cards id="host" src="${PHONE_DECK}" seed="2021"></fact-cards>
<script type="module">
import init from "/pkg/factcards.js";
${record}
document.getElementById("host").addEventListener("factcards:ready", done, { once: true });
init();
</script>`,
    vanilla: `<div id="host"></div>
<script type="module">
${record}
const deck = fetch("${PHONE_DECK}").then((r) => r.json());
const { mount } = await import("/vanilla/factcards-vanilla.js");
mount(document.getElementById("host"), await deck, { seed: 2021 });
done();
</script>`,
  };
  for (const [name, tags] of Object.entries(PHONE_PAGES)) {
    const head = tags.map((t) => PRELOAD_TAGS[t]).join('\n');
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factcards phone start-up (${name})</title>
${head}
<link rel="stylesheet" href="/pages/bench.css">
</head>
<body>
<main><h1>Kazakhstan president visits Brussels</h1>
<article>
${text}</article>
${scripts[name === 'vanilla' ? 'vanilla' : 'widget']}
</main>
</body>
</html>
`;
    await writeFile(path.join(RESULTS, 'gen', `phone-${name}.html`), html);
  }
}

let gzipServer;

/** Time to the first card of phone-<name>.html under the phone profile. */
async function measurePhone(name) {
  const page = await newPage(browser, { width: 390, height: 844 });
  const errors = trackErrors(page);
  page.setDefaultTimeout(60_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.downloadThroughput,
    uploadThroughput: PHONE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  const wasmRequests = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasmRequests.push(r.url()));
  await page.goto(`${gzipServer.url}results/gen/phone-${name}.html`);
  await page.waitForFunction(() => window.startup !== undefined, null, { timeout: 60_000 });
  const s = await page.evaluate(() => window.startup);
  await cdp.detach();
  await closePage(page, errors, `phone start-up (${name})`);
  if (!s.card) throw new Error(`phone start-up (${name}): no card text`);
  if (name !== 'vanilla' && wasmRequests.length !== 1) throw new Error(`phone start-up (${name}): ${wasmRequests.length} wasm requests`);
  return s;
}

// ---------------------------------------------------------------------------
// 4. Size

async function sizes() {
  const snippets = (await listFiles(path.join(PKG, 'snippets'))).filter((f) => !onDemand(f));
  const widgetFiles = [path.join(PKG, 'factcards_bg.wasm'), path.join(PKG, 'factcards.js'), ...snippets];
  const vanillaFiles = [path.join(BENCH, 'vanilla/factcards-vanilla.js'), path.join(RESULTS, 'gen/shared.js')];
  const measure = async (files) => {
    const rows = [];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const m = compressedSizes(await readFile(file));
      rows.push({ file: path.relative(ROOT, file), ...m });
      for (const k of Object.keys(total)) total[k] += m[k];
    }
    return { rows, total };
  };
  return { widget: await measure(widgetFiles), vanilla: await measure(vanillaFiles) };
}

// ---------------------------------------------------------------------------
// Machine

function sh(cmd, argv) {
  try {
    return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function machine(chromium) {
  const model = /Model name:\s*(.+)/.exec(sh('lscpu', []))?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const dirty = sh('git', ['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    date: sh('date', ['-u']),
    nproc: sh('nproc', []),
    cpu: model,
    memory: `${(os.totalmem() / 1073741824).toFixed(1)} GiB`,
    chromium,
    node: process.version,
    commit: sh('git', ['rev-parse', '--short', 'HEAD']) || 'unknown',
    load: os.loadavg().map((x) => x.toFixed(1)).join(', '),
    dirty,
  };
}

// ---------------------------------------------------------------------------
// Main

async function main() {
  for (const f of ['factcards_bg.wasm', 'factcards.js']) {
    if (!existsSync(path.join(PKG, f))) {
      console.error(`bench: ${path.relative(ROOT, path.join(PKG, f))} is missing; run bash scripts/bench.sh`);
      process.exit(1);
    }
  }
  const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(', ');
  const shared = await writeShared();
  server = await startServer({ www: BENCH, pkg: PKG });
  gzipServer = await startServer({ www: BENCH, pkg: PKG, gzip: true });
  await writePhonePages();
  browser = await launch();
  tracing = await browser.newBrowserCDPSession();
  const chromium = browser.version();
  log(`bench: Chromium ${chromium}, ${ROUNDS} rounds, serving ${server.url}`);

  if (args.includes('--phone-only')) {
    const phone = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of Object.keys(PHONE_PAGES)) (phone[name] ??= []).push(await measurePhone(name));
      log(`bench: phone round ${round}/${ROUNDS}`);
    }
    for (const [name, xs] of Object.entries(phone)) {
      const r = xs.map((x) => x.raf);
      log(`  ${name}: first card median ${fmtMs(median(r))} ms (${r.map(fmtMs).join(', ')}); wasm end ${fmtMs(median(xs.map((x) => x.wasmEnd ?? 0)))} ms, deck end ${fmtMs(median(xs.map((x) => x.deckEnd ?? 0)))} ms`);
    }
    log(`  widget (no tag) / vanilla: ${fmtRatio(median(phone['widget-none'].map((x) => x.raf)) / median(phone.vanilla.map((x) => x.raf)))}; both tags / vanilla: ${fmtRatio(median(phone['widget-both'].map((x) => x.raf)) / median(phone.vanilla.map((x) => x.raf)))}`);
    await browser.close();
    await server.close();
    await gzipServer.close();
    return;
  }
  log('bench: parity of validateDeck …');
  const validation = await validationParity();
  log(`  ${validation.identical}/${validation.compared} identical`);
  for (const m of validation.mismatches) log(`  MISMATCH ${m}`);
  log('bench: parity of DOM, focus and events after the timed steps …');
  const dom = await domParity();
  for (const d of dom) log(`  ${d.identical ? 'identical' : 'DIFFERENT'}: ${d.name}${d.firstDiff ? `\n${d.firstDiff}` : ''}`);

  if (args.includes('--parity-only')) {
    await browser.close();
    await server.close();
    await gzipServer.close();
    if (validation.mismatches.length || dom.some((d) => !d.identical)) process.exitCode = 1;
    return;
  }

  // Warm-up: one start-up of each, not counted (disk caches, first launch).
  for (const impl of ['widget', 'vanilla']) await measureStartup(impl);

  const samples = { widget: {}, vanilla: {} };
  const add = (impl, key, value) => (samples[impl][key] ??= []).push(value);
  const jobs = [
    ['startup', (impl) => measureStartup(impl)],
    ...Object.keys(PHONE_PAGES)
      .filter((name) => name !== 'vanilla')
      .map((name) => [`phone-${name}`, (impl) => measurePhone(impl === 'widget' ? name : 'vanilla')]),
    ...SIZES.flatMap((n) => ['cards', 'quiz'].map((mode) => [`mount-${n}-${mode}`, (impl) => measureMount(impl, n, mode)])),
    ['validate-10000', (impl) => measureValidate(impl, 10000)],
    ['turn', (impl) => measureTurn(impl)],
    ['next', (impl) => measureNext(impl)],
    ['answer', (impl) => measureAnswer(impl)],
    ['nextq', (impl) => measureNextQuestion(impl)],
    ['memory', (impl) => measureMemory(impl)],
  ];
  // --only KEY,KEY: just those measurements (keys as in `jobs`), their raw
  // samples printed; BENCHMARKS.md is not written.
  const only = opt('--only', '');
  if (only) {
    const keys = only.split(',');
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [key, run] of jobs.filter(([k]) => keys.includes(k))) {
        for (const impl of ['widget', 'vanilla']) add(impl, key, await run(impl));
      }
    }
    log(JSON.stringify(samples, null, 1));
    await browser.close();
    await server.close();
    await gzipServer.close();
    return;
  }
  for (let round = 1; round <= ROUNDS; round++) {
    const t = Date.now();
    for (const [key, run] of jobs) {
      for (const impl of ['widget', 'vanilla']) add(impl, key, await run(impl));
    }
    log(`bench: round ${round}/${ROUNDS} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  await browser.close();
  await server.close();
  await gzipServer.close();

  const size = await sizes();
  const env = machine(chromium);
  env.loadAtStart = loadAtStart;
  const report = { env, rounds: ROUNDS, shared, validation, dom, samples, size, seconds: Math.round((Date.now() - started) / 1000) };
  await mkdir(RESULTS, { recursive: true });
  await writeFile(path.join(RESULTS, 'results.json'), JSON.stringify(report, null, 1) + '\n');
  const md = render(report);
  if (WRITE) await writeFile(path.join(ROOT, 'BENCHMARKS.md'), md);
  log(md);
  log(`bench: done in ${report.seconds} s${WRITE ? '; wrote BENCHMARKS.md and bench/results/results.json' : ''}`);
  if (validation.mismatches.length || dom.some((d) => !d.identical)) {
    console.error('bench: the parity checks failed (see above): the vanilla version no longer matches the widget');
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------
// BENCHMARKS.md

function render(r) {
  const S = r.samples;
  const values = (impl, key, f) => S[impl][key].map(f);
  /** [widget median, vanilla median] with .ranges = [[min, max], [min, max]]. */
  const both = (key, f) => {
    const pair = ['widget', 'vanilla'].map((impl) => median(values(impl, key, f)));
    pair.ranges = ['widget', 'vanilla'].map((impl) => {
      const xs = values(impl, key, f);
      return [Math.min(...xs), Math.max(...xs)];
    });
    return pair;
  };
  const ratio = ([w, v]) => w / v;
  const lines = [];
  const p = (...xs) => lines.push(...xs);

  // Wall-clock and CPU medians of every timed measurement.
  const m = {
    startup: both('startup', (s) => s.raf),
    startupCpu: both('startup', (s) => s.cpuMain),
    startupCpuAll: both('startup', (s) => s.cpuAll),
    painted: both('startup', (s) => s.painted),
    ready: both('startup', (s) => s.ready),
    startupMount: both('startup', (s) => s.mounted - s.ready),
    ...Object.fromEntries(
      Object.keys(PHONE_PAGES)
        .filter((name) => name !== 'vanilla')
        .flatMap((name) => [
          [`phone-${name}`, both(`phone-${name}`, (s) => s.raf)],
          [`phoneWasm-${name}`, both(`phone-${name}`, (s) => s.wasmEnd ?? 0)],
          [`phoneDeck-${name}`, both(`phone-${name}`, (s) => s.deckEnd ?? 0)],
        ]),
    ),
    validate: both('validate-10000', (s) => s.ms),
    validateCpu: both('validate-10000', (s) => s.cpu),
    turn: both('turn', (s) => s.total),
    turnCall: both('turn', (s) => s.call),
    turnCpu: both('turn', (s) => s.cpu),
    nextTotal: both('next', (s) => s.total),
    nextCpu: both('next', (s) => s.cpu),
    nextAvg: both('next', (s) => s.avg),
    nextAvgCpu: both('next', (s) => s.cpu / CLICKS),
    nextP95: both('next', (s) => s.p95),
    nextMax: both('next', (s) => s.max),
    nextFirst: both('next', (s) => s.first),
    answer: both('answer', (s) => s.total),
    answerCall: both('answer', (s) => s.call),
    answerCpu: both('answer', (s) => s.cpu),
    nextQ: both('nextq', (s) => s.total),
    nextQCpu: both('nextq', (s) => s.cpu),
  };
  const mount = {};
  for (const n of SIZES) {
    for (const mode of ['cards', 'quiz']) {
      const key = `mount-${n}-${mode}`;
      mount[key] = {
        total: both(key, (s) => s.total),
        call: both(key, (s) => s.call),
        frame: both(key, (s) => s.frame),
        cpu: both(key, (s) => s.cpu),
      };
    }
  }
  const heap = both('memory', (s) => s.heapAfter);
  const heapDelta = both('memory', (s) => s.heapDelta);
  const wasmMem = median(values('widget', 'memory', (s) => s.wasm));
  const memTotal = both('memory', (s) => s.total);
  const nodes = both('memory', (s) => s.nodes);

  const e = r.env;
  p('# Benchmarks', '');
  p('Generated by `bash scripts/bench.sh` (bench/run.mjs); do not edit by hand. Raw samples: `bench/results/results.json` (not committed).', '');
  p(`- Date: ${e.date}`);
  p(`- Commit: \`${e.commit}\`${e.dirty ? ' plus uncommitted changes in the working tree (the build measured is of the working tree)' : ''}`);
  p(`- Machine: ${e.nproc} CPUs (${e.cpu}), ${e.memory} memory; Node ${e.node}`);
  p(`- Load average (1, 5, 15 min) at the start: ${e.loadAtStart}; at the end: ${e.load}. Other work on the machine stretches wall-clock times (a thread waiting for a CPU) and makes them noisy, for both implementations alike; the main-thread CPU times beside them do not include that wait.`);
  p(`- Browser: Chromium ${e.chromium}, headless, via playwright-core; viewport 1024×800`);
  p(`- Rounds: ${r.rounds} (each measurement on a fresh page, widget then vanilla, alternating A B A B); medians below, with the range of the ${r.rounds} samples in small type. Whole run: ${r.seconds} s.`, '');

  // Targets: a verdict on the wall-clock medians (as specified) and, for the
  // timings, one on the main-thread CPU medians.
  const targets = [];
  const verdict = (ok) => `**${ok ? 'PASS' : 'MISS'}**`;
  const target = (okWall, okCpu, text) =>
    targets.push(`- ${verdict(okWall)}${okCpu === null ? '' : ` (CPU: ${verdict(okCpu)})`} ${text}`);
  const sizeTotal = r.size.widget.total;
  const over = (x, limit) => (x > limit ? `; ${fmtKB(x - limit)} over` : '');
  target(sizeTotal.gzip <= 50 * 1024, null, `shipped total ≤ 50 KB gzip: ${fmtKB(sizeTotal.gzip)}${over(sizeTotal.gzip, 50 * 1024)} (aim 40 KB${sizeTotal.gzip <= 40 * 1024 ? ': met' : `: ${fmtKB(sizeTotal.gzip - 40 * 1024)} over`})`);
  for (const n of [1000, 10000]) {
    for (const mode of ['cards', 'quiz']) {
      const x = mount[`mount-${n}-${mode}`];
      const w = ratio(x.total);
      const c = ratio(x.cpu);
      target(w <= 1.5, c <= 1.5, `mount ${n.toLocaleString('en')} facts, ${mode} ≤ 1.5× vanilla (aim 1.15×): ${fmtRatio(w)} wall-clock (${fmtMs(x.total[0])} vs ${fmtMs(x.total[1])} ms), ${fmtRatio(c)} main-thread CPU (${fmtMs(x.cpu[0])} vs ${fmtMs(x.cpu[1])} ms)`);
    }
  }
  const su = ratio(m.startup);
  const suc = ratio(m.startupCpu);
  target(su <= 1.5, suc <= 1.5, `start-up ≤ 1.5× vanilla: ${fmtRatio(su)} wall-clock (${fmtMs(m.startup[0])} vs ${fmtMs(m.startup[1])} ms), ${fmtRatio(suc)} main-thread CPU (${fmtMs(m.startupCpu[0])} vs ${fmtMs(m.startupCpu[1])} ms), ${fmtRatio(ratio(m.startupCpuAll))} CPU of all renderer threads`);
  const ph = m['phone-widget-none'];
  const phb = m['phone-widget-both'];
  target(ratio(ph) <= 1.5, null, `start-up on a phone (slow 4G: ${PHONE.latency} ms, 1.6 Mbit/s; CPU ${PHONE.cpu}× slower; gzip'd; \`<fact-cards src>\` on a news page, no preload tag) ≤ 1.5× vanilla: ${fmtRatio(ratio(ph))} (${fmtMs(ph[0])} vs ${fmtMs(ph[1])} ms); with both preload tags ${fmtRatio(ratio(phb))} (${fmtMs(phb[0])} vs ${fmtMs(phb[1])} ms)`);
  target(ratio(m.nextTotal) <= 1.5, ratio(m.nextCpu) <= 1.5, `${CLICKS} clicks on "Next", 10,000 facts ≤ 1.5× vanilla: ${fmtRatio(ratio(m.nextTotal))} wall-clock (${fmtMs(m.nextTotal[0])} vs ${fmtMs(m.nextTotal[1])} ms), ${fmtRatio(ratio(m.nextCpu))} main-thread CPU (${fmtMs(m.nextCpu[0])} vs ${fmtMs(m.nextCpu[1])} ms)`);
  target(m.turn[0] < FRAME_BUDGET, m.turnCpu[0] < FRAME_BUDGET, `turn < 16 ms with 10,000 facts: ${fmtMs(m.turn[0])} ms (handler ${fmtMs(m.turnCall[0])} ms + frame ${fmtMs(m.turn[0] - m.turnCall[0])} ms), ${fmtMs(m.turnCpu[0])} ms main-thread CPU`);
  target(m.answer[0] < FRAME_BUDGET, m.answerCpu[0] < FRAME_BUDGET, `answer < 16 ms with 10,000 facts: ${fmtMs(m.answer[0])} ms (handler ${fmtMs(m.answerCall[0])} ms + frame ${fmtMs(m.answer[0] - m.answerCall[0])} ms), ${fmtMs(m.answerCpu[0])} ms main-thread CPU`);
  target(m.nextMax[0] < FRAME_BUDGET, m.nextAvgCpu[0] < FRAME_BUDGET, `next < 16 ms with 10,000 facts, each of ${CLICKS} clicks: slowest ${fmtMs(m.nextMax[0])} ms (95th percentile ${fmtMs(m.nextP95[0])} ms, average ${fmtMs(m.nextAvg[0])} ms; vanilla's slowest ${fmtMs(m.nextMax[1])} ms), ${fmtMs(m.nextAvgCpu[0])} ms main-thread CPU per click on average (CPU time is known only for the whole loop)`);
  target(m.nextQ[0] < FRAME_BUDGET, m.nextQCpu[0] < FRAME_BUDGET, `next question (made on demand) < 16 ms with 10,000 facts: ${fmtMs(m.nextQ[0])} ms, ${fmtMs(m.nextQCpu[0])} ms main-thread CPU`);
  for (const mode of ['cards', 'quiz']) {
    const per = (n, i, k = 'total') => mount[`mount-${n}-${mode}`][k][i] / n;
    const g = per(10000, 0) / per(1000, 0);
    const gc = per(10000, 0, 'cpu') / per(1000, 0, 'cpu');
    target(g <= 1.5, gc <= 1.5, `linear mount, ${mode}: time per fact at 10,000 facts is ${fmtRatio(g)} that at 1,000 facts (at most 1.5×; vanilla ${fmtRatio(per(10000, 1) / per(1000, 1))}), ${fmtRatio(gc)} in main-thread CPU`);
  }
  p('## Targets', '', 'Each verdict is on the wall-clock medians, as the targets are specified; for the timings a second verdict is on the main-thread CPU medians, which other load on the machine does not stretch.', '', ...targets, '');

  // The main table.
  const range = (x) => (r.rounds > 1 && x ? ` <sub>${fmtMs(x[0])}–${fmtMs(x[1])}</sub>` : '');
  const ms = (pair, i) => `${fmtMs(pair[i])} ms${range(pair.ranges?.[i])}`;
  const row = (label, wall, cpu) => {
    const w = wall ? `${ms(wall, 0)} | ${ms(wall, 1)} | ${fmtRatio(ratio(wall))}` : '– | – | –';
    const c = cpu ? `${fmtMs(cpu[0])} ms | ${fmtMs(cpu[1])} ms | ${fmtRatio(ratio(cpu))}` : '– | – | –';
    return `| ${label} | ${w} | ${c} |`;
  };
  p('## Results (medians)', '');
  p('| Measurement | Widget (wasm) | Vanilla JS | Widget / vanilla | Widget CPU | Vanilla CPU | CPU ratio |', '|---|---:|---:|---:|---:|---:|---:|');
  p(row('Start-up to first card (navigation start → rAF after the card text is set)', m.startup, m.startupCpu));
  p(row('… CPU of every renderer thread (background compile and parse included)', null, m.startupCpuAll));
  p(row('… to the end of that frame (painted)', m.painted, null));
  p(row('… of which: modules loaded and ready (widget: `init()`, the wasm fetched and compiled)', m.ready, null));
  p(row('… of which: waiting for the deck and `mount()` of it (the article deck, 31 facts)', m.startupMount, null));
  p(row('Start-up on a phone, to the first card (`<fact-cards src>`, no preload tag; see below)', m['phone-widget-none'], null));
  for (const n of SIZES) {
    for (const mode of ['cards', 'quiz']) {
      const x = mount[`mount-${n}-${mode}`];
      p(row(`Mount ${n.toLocaleString('en')} facts, ${mode} (call + frame)`, x.total, x.cpu));
    }
  }
  p(row('`validateDeck()` of 10,000 facts (a part of mounting)', m.validate, m.validateCpu));
  p(row(`${CLICKS} clicks on "Next", 10,000 facts: total`, m.nextTotal, m.nextCpu));
  p(row('… per click, average', m.nextAvg, m.nextAvgCpu));
  p(row('… per click, 95th percentile', m.nextP95, null));
  p(row('… per click, slowest', m.nextMax, null));
  p(row('… the first click', m.nextFirst, null));
  p(row('Turn a card, 10,000 facts (handler + frame)', m.turn, m.turnCpu));
  p(row('Answer a question, 10,000 facts (handler + frame)', m.answer, m.answerCpu));
  p(row('Next question, 10,000 facts (handler + frame)', m.nextQ, m.nextQCpu));
  p('');
  // The 10,000-fact mount's CPU (the mean of the cards and quiz medians), split.
  const mountCpu = (i) => (mount['mount-10000-cards'].cpu[i] + mount['mount-10000-quiz'].cpu[i]) / 2;
  const share = (i) => `${Math.round((100 * m.validateCpu[i]) / mountCpu(i))}%`;
  p(`Where a 10,000-fact mount goes (main-thread CPU): \`validateDeck()\` alone (for the widget: reading the JS object into wasm, checking every rule and building the deck) is ${fmtMs(m.validateCpu[0])} ms, ${share(0)} of the widget's ${fmtMs(mountCpu(0))} ms, against ${fmtMs(m.validateCpu[1])} ms, ${share(1)} of vanilla's ${fmtMs(mountCpu(1))} ms; the rest (state, storage key, quiz, DOM, the frame) is about ${fmtMs(mountCpu(0) - m.validateCpu[0])} ms for the widget and ${fmtMs(mountCpu(1) - m.validateCpu[1])} ms for vanilla. (Measured on separate pages, so the split is approximate.)`, '');
  p('| Memory, 1,000 facts mounted | Widget (wasm) | Vanilla JS | Widget / vanilla |', '|---|---:|---:|---:|');
  p(`| JS heap (V8, used) | ${fmtMB(heap[0])} | ${fmtMB(heap[1])} | ${fmtRatio(ratio(heap))} |`);
  p(`| … growth from the page before the deck was made | ${fmtMB(heapDelta[0])} | ${fmtMB(heapDelta[1])} | ${fmtRatio(ratio(heapDelta))} |`);
  p(`| wasm linear memory (its size, so its high-water mark) | ${fmtMB(wasmMem)} | – | – |`);
  p(`| **JS heap + wasm memory** | ${fmtMB(memTotal[0])} | ${fmtMB(memTotal[1])} | ${fmtRatio(ratio(memTotal))} |`);
  p(`| Elements in the shadow root | ${nodes[0]} | ${nodes[1]} | ${fmtRatio(ratio(nodes))} |`, '');

  p('### Start-up on a phone', '');
  p(`Slow 4G (${PHONE.latency} ms added to each request, ${(PHONE.downloadThroughput * 8 / 1e6).toFixed(1)} Mbit/s down, ${(PHONE.uploadThroughput * 8 / 1e3).toFixed(0)} kbit/s up, by CDP \`Network.emulateNetworkConditions\`), the CPU slowed ${PHONE.cpu}× (\`Emulation.setCPUThrottlingRate\`), a 390×844 viewport, every file served gzip -9 (\`scripts/serve.mjs\`'s \`gzip\` option), a cold cache. The page (\`bench/results/gen/phone-*.html\`, written by bench/run.mjs) is 17 KB of article text, then \`<fact-cards src>\` with the article deck, then the module script of the README's snippets (\`import init …; init();\`). The element is defined when the glue's module loads and fetches its deck at once, while \`init()\` fetches the wasm. Vanilla: the same page with a \`<div>\`, its module script fetching the deck while it imports the hand-written widget. Time from navigation start to a \`requestAnimationFrame\` callback after the first card's text is set (medians; each widget variant paired with its own vanilla loads).`, '');
  p('| The page | First card | Vanilla | Widget / vanilla | Wasm downloaded | Deck downloaded |', '|---|---:|---:|---:|---:|---:|');
  const tagNames = { 'widget-none': 'no preload tag', 'widget-modulepreload': '`modulepreload` only', 'widget-wasm': 'wasm `preload` only', 'widget-both': 'both tags' };
  for (const [name, label] of Object.entries(tagNames)) {
    const x = m[`phone-${name}`];
    p(`| ${label} | ${ms(x, 0)} | ${ms(x, 1)} | ${fmtRatio(ratio(x))} | ${fmtMs(m[`phoneWasm-${name}`][0])} ms | ${fmtMs(m[`phoneDeck-${name}`][0])} ms |`);
  }
  const gain = m['phone-widget-none'][0] - m['phone-widget-both'][0];
  p('', `The README's two preload tags (\`<link rel="modulepreload">\` for the glue, \`<link rel="preload" as="fetch" crossorigin>\` for the wasm): the first card ${gain >= 0 ? `${fmtMs(gain)} ms sooner` : `${fmtMs(-gain)} ms later`} with both than with none (medians of ${r.rounds}).`, '');

  p('### Mount: the call and the frame (wall-clock medians)', '');
  p('| Facts, view | Widget call | Widget frame | Vanilla call | Vanilla frame |', '|---|---:|---:|---:|---:|');
  for (const n of SIZES) {
    for (const mode of ['cards', 'quiz']) {
      const x = mount[`mount-${n}-${mode}`];
      p(`| ${n.toLocaleString('en')}, ${mode} | ${fmtMs(x.call[0])} ms | ${fmtMs(x.frame[0])} ms | ${fmtMs(x.call[1])} ms | ${fmtMs(x.frame[1])} ms |`);
    }
  }
  p('');

  p('### Mount cost growth: time per fact (call + frame)', '');
  p('| Implementation, view | 100 facts | 1,000 facts | 10,000 facts | 10,000 vs 1,000 | CPU per fact at 1,000 | at 10,000 |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const [i, impl] of [[0, 'widget'], [1, 'vanilla']]) {
    for (const mode of ['cards', 'quiz']) {
      const per = (n) => (mount[`mount-${n}-${mode}`].total[i] / n) * 1000;
      const cpuPer = (n) => (mount[`mount-${n}-${mode}`].cpu[i] / n) * 1000;
      p(`| ${impl}, ${mode} | ${per(100).toFixed(1)} µs | ${per(1000).toFixed(1)} µs | ${per(10000).toFixed(1)} µs | ${fmtRatio(per(10000) / per(1000))} | ${cpuPer(1000).toFixed(1)} µs | ${cpuPer(10000).toFixed(1)} µs |`);
    }
  }
  p('', 'Time per fact falls as the deck grows because each mount has a fixed part (the first mount on a page parses the style sheet and the template; the widget also compiles the wasm functions it calls for the first time).', '');

  p('## Download size', '');
  p('What a page downloads to run the widget, each file compressed on its own (node zlib: gzip level 9, brotli quality 11), from `bench/results/pkg` (the release build users run, `wasm-pack build --target web --release`, with the wasm-opt arguments of `Cargo.toml`):', '');
  p('| File | Raw | gzip -9 | brotli |', '|---|---:|---:|---:|');
  for (const x of r.size.widget.rows) p(`| \`${x.file.replace('bench/results/pkg/', 'pkg/')}\` | ${x.raw} | ${x.gzip} | ${x.brotli} |`);
  const t = r.size.widget.total;
  p(`| **total** | **${t.raw}** (${fmtKB(t.raw)}) | **${t.gzip}** (${fmtKB(t.gzip)}) | **${t.brotli}** (${fmtKB(t.brotli)}) |`, '');
  const vt = r.size.vanilla.total;
  p(`For comparison, the vanilla version (not shipped): ${r.size.vanilla.rows.map((x) => `\`${x.file}\``).join(' + ')} = ${fmtKB(vt.raw)} raw, ${fmtKB(vt.gzip)} gzip, ${fmtKB(vt.brotli)} brotli (the second file holds the template, the style sheet and the built-in deck; the widget carries the first two inside its wasm and fetches the deck from its package only for a mount without a deck, a file not counted above). It does only what the bench times (see "How it is measured").`, '');

  p('## Parity checks (is the comparison fair?)', '');
  const v = r.validation;
  p(`- **${v.mismatches.length === 0 ? 'PASS' : 'FAIL'}** validation: ${v.identical}/${v.compared} identical \`validateDeck\` results between widget and vanilla (the path and severity of every issue; the wording is the widget's own, as no timed deck has an issue): ${v.counts.invalid} invalid fixtures (${v.reported} errors reported) and ${v.counts.valid} valid decks of tests/fixtures plus the article deck, each as a parsed object and as JSON text; ${v.counts.extra} odd inputs (not JSON, nesting past 32, functions, symbols, BigInts, holes, boxed strings, -0, huge and tiny numbers, control characters, long and non-Latin keys, duplicate derived ids); and the synthetic decks of ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} facts (no issue, no warning).`);
  for (const x of v.mismatches) p(`  - mismatch: ${x.split('\n')[0]}`);
  if (v.repeatedKeys.length) p(`  - ${v.repeatedKeys.length} invalid fixtures (${v.repeatedKeys.join(', ')}) are invalid only through a repeated key, which \`JSON.parse\` drops; both report no issue for them in the browser.`);
  for (const d of r.dom) {
    p(`- **${d.identical ? 'PASS' : 'FAIL'}** the same shadow DOM (elements, attributes, text, form values), focus, style sheet and \`factcards:*\` events after each of ${d.steps} steps: ${d.name}.`);
    if (d.firstDiff) p(`  - first difference ${d.firstDiff.split('\n')[0]}`);
  }
  p('');

  p('## How it is measured', '');
  p(
    '- **Both implementations** get the same decks (generated deterministically by `bench/pages/decks.js`: ids, topics, the kinds mix of the article deck, realistic text lengths, `detail`, `quote`, `accept` and `distractors`; no images), the same options (`seed: 7`, storage on, as by default) and the same clicks, on the same page (`bench/pages/`). The vanilla version (`bench/vanilla/factcards-vanilla.js`) does what the bench times, and only that: it validates by the same rules (and computes the same warnings in `validateDeck`), clones the same template into an open shadow root with the same adopted style sheet, and keeps the same state for mount, "Next", turn, answer and "Next question" (the storage key and saved-progress read, the study round, the seeded quiz with the wrong-option count of every fact and lazily made questions with the same wrong-option selection, the live region, focus moves, events; progress written to `localStorage` once the browser is idle, as the widget writes it). The parity checks above hold it to that. What the bench does not time (the quiz summary, typed answers, restoring progress, marks, shuffle, filter, keys, undo, menus, "Show in article", French and Russian, `<fact-cards>`) is not in it.',
    '- **Fresh page per measurement**: a new browser context (cold HTTP cache, empty storage, a new renderer), so each measurement includes first-use costs for both (the widget compiles each wasm function on its first call; JS starts interpreted; the first mount parses the style sheet and the template). Before each timed step the page is garbage-collected (`HeapProfiler.collectGarbage`) and left idle for 100 ms.',
    `- **Start-up**: from navigation start (\`performance.now()\` is relative to it) to a \`requestAnimationFrame\` callback after \`mount()\` has set the card's text, on a minimal page that fetches the article deck while it loads the module, then mounts it (\`bench/pages/startup-*.html\`). Files come from a local server, uncompressed and uncached: download time is small here (the widget ships ${fmtRatio(r.size.widget.total.gzip / r.size.vanilla.total.gzip)} the gzip bytes of the vanilla version, see below, which a real network would show), compile time is not.`,
    '- **Mount**: the `mount()` call (the deck already made in the page) plus the rendering work of the following frame: from that frame\'s `requestAnimationFrame` callback to a task posted from it (style, layout, paint). The idle wait for the frame is left out. Cards and quiz are `mode: "cards"` and `mode: "quiz"`.',
    `- **Next**: ${CLICKS} \`element.click()\` calls on "Next" in a loop on a 10,000-fact deck, each timed (so the slowest is known); every click moves the card, updates position, progress and the live region, and asks for the progress record to be written to localStorage once the browser is idle (outside the timed span), in both. **Turn** and **answer**: one click each, handler plus the next frame as for mount (an answer moves focus to "Next question", which forces style and layout inside the handler, in both). **Next question**: after one answer (not measured), the click that makes the next question (wrong options picked among the facts of the same kind). Each of these four is measured on its own fresh page, with the 10,000-fact deck mounted before the page is collected and left idle.`,
    '- **CPU** columns: the renderer main thread\'s CPU time (thread time of its tasks, from a Chromium trace of the `toplevel` category) over the same span, marked with `performance.mark`. It leaves out the time a thread waits for a CPU, so it is steadier than wall-clock time on a busy machine; it also leaves out work on other threads (background compilation, parsing, GC helpers), except in the start-up row that counts every renderer thread.',
    '- **Memory**: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`, once the widget for 1,000 facts is mounted (both views) and the page has dropped its own reference to the deck object. For the widget, add the wasm linear memory (`init()` resolves to the exports; `memory.buffer.byteLength`), which never shrinks, so it is the high-water mark of the mount. DOM nodes live outside the V8 heap and are not counted for either.',
    '- **Ratios** are of the medians: above 1× the widget is slower or bigger.',
    `- Given to the vanilla version, in \`bench/results/gen/shared.js\`: the template (src/dom/template.rs), the style sheet (${r.shared.css}) and the built-in deck (${r.shared.deck}), each checked to be the very text inside the built wasm.`,
  );
  p('');
  return lines.join('\n');
}

main().catch(async (err) => {
  console.error(err);
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
  process.exit(1);
});

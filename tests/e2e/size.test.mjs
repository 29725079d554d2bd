// Download size: what a page fetches to run the widget — the wasm, the JS glue
// and the wasm-bindgen snippets it imports — of the package the plain
// `wasm-pack build --target web --release` writes to pkg/ (scripts/build.sh
// runs exactly that, with npm's binaryen first on PATH). Each file is
// measured raw, gzip -9 and brotli (max quality), compressed on its own as a
// server would send it. Writes target/size.json. Checks:
// - pkg/ is that command's optimised package: wasm-opt ran (with the
//   arguments of Cargo.toml it strips the `producers` section, which
//   wasm-bindgen always writes);
// - the shipped snippets are the minified sources (scripts/minify-snippets.mjs);
// - the glue carries no doc prose (wasm-bindgen would copy an export's `///`
//   into it): the exports are documented in the d.ts only;
// - the built-in deck is in the package as a file of its own, the one in
//   www/decks/, that nothing imports: a page fetches it only for a mount
//   without a deck (src/dom/builtin.rs). It is listed on its own, "on
//   demand", and not counted in the total: the total is what a page that
//   gives its own deck downloads;
// - Lean core's target, gzip total <= 50 KB. Not met yet, so it runs as a
//   node:test `todo`: it still runs and prints its failure; drop the `todo`
//   the day it passes;
// - a hard ceiling at what was reached (plus about 1 KB), so that the download
//   cannot grow back while the target is out of reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressedSizes, listFiles, onDemand } from '../../scripts/sizes.mjs';
import { minifiedSnippets } from '../../scripts/minify-snippets.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(REPO_ROOT, 'pkg');
const BUILD = 'wasm-pack build --target web --release (bash scripts/build.sh)';
export const GZIP_TARGET = 50 * 1024;
/**
 * 2026-12-01: 110.1 KB gzip from the plain command (wasm-opt off), 82.2 KB
 * from the old build.sh (wasm-opt -Oz, then esbuild). The plain command now
 * gives 79.7 KB (wasm-opt -O1, talc, minified snippets); the ceiling keeps
 * that with about 1 KB to spare.
 * Then the core rework (one Rc<Widget>, idle progress writes, the fallback
 * slot) and serde-wasm-bindgen for every value handed to JS (+2.7 KB of it)
 * took it to 85.6 KB, measured after the merge; the ceiling keeps that with
 * about 1.4 KB to spare.
 * The quizfair merge (near misses, option counts, validation warnings) took
 * it to 95.7 KB (97,948 bytes), 5 KB of it from a str-slicing panic path
 * that pulled core's `{:?}` and Unicode printable tables into the wasm.
 * With that and other size fixes it measures 89.5 KB (91,643 bytes); the
 * ceiling keeps that with about 0.5 KB to spare. (This is above the old
 * 87 KB: the merged features' own code is about 4 KB.)
 * Then <fact-cards> defined in JS (+1.0 KB, the element snippet), the quiz
 * summary and returning reader (+3.0 KB), show in article with the quote
 * check in validateDeck (+4.5 KB) and the compact cards view (+1.9 KB):
 * 99.5 KB (101,921 bytes) after the merges; the ceiling keeps that with
 * about 0.5 KB to spare. The 50 KB target is further away than before.
 * The built-in deck out of the wasm (a file of the package, fetched only by
 * a mount without a deck, not counted): 98,302 -> 95,281 bytes, measured on
 * main at 22b3fa2; the ceiling keeps that with about 1 KB to spare.
 * With the model's collect/format diet (101,940 -> 98,302 on its own) and
 * the DOM layer's (109 -> 87 imports, -2.1 KB) merged too: 91.1 KB
 * (93,239 bytes); the ceiling keeps that with about 0.9 KB to spare.
 * The still-learning pile remembered and the built-in deck's waiting mount
 * made exact (bad options throw, destroy() after a failure): 91.6 KB
 * (93,751 bytes).
 * Then four size passes, each measured on its own: the view's elements found
 * by index from one data-r lookup and the skeleton written straight into the
 * shadow root (-2.9 KB), mounting, glue and imports (one closure type per
 * shape, event details as maps, one flatten import: -4.0 KB), validation
 * walking field tables (-1.0 KB) and the model's std generic code (-1.0 KB):
 * 82.8 KB (84,786 bytes) after the merges; with Study::progress counting
 * in one plain loop (the bench's 200 Next clicks had become 1.84x vanilla)
 * 84,854 bytes; with the skeleton parsed in a detached <template> again
 * (a host inside a <form> lost the widget's own form) 84,958 bytes.
 * One join_generic_copy instead of two and wasm-opt's dead-argument
 * elimination with a second -O1: 84,597 bytes; the dependencies at
 * opt-level 3: 83,790 bytes; 83,810 at fd4049f. Then std's generic code the
 * model no longer calls, measured in turn: one integer reader (-94 B),
 * integers written by push_uint, not to_string (-396 B), byte loops for
 * splits at ASCII separators (-346 B) and for the not-JSON report (-284 B),
 * thread-locals read with try_with (-364 B), two panic sites fewer (-34 B):
 * 82,292 bytes; the UI strings as one NUL-ended string per table, not
 * tables of &str: 81,601 bytes; the tools row's labels kept whole: 81,615
 * bytes. Then, measured in turn: std's concat and join replaced by push_str
 * loops, and three panic sites fewer (their number formatting; -573 B of
 * wasm and glue), and std's Unicode Alphabetic and Number tables left to the
 * browser's RegExp (src/model/unicode.rs; -1,868 B, the snippet +0.1 KB):
 * 79,225 bytes; validateDeck's issues with &str entries (-101 B) and the
 * common scripts' runs of letters classed in Rust (+72 B): 79,201 bytes;
 * the RegExp asked in host.js, not a snippet file of its own: 79,148 bytes;
 * check_date's digit step as a plain if: 79,157 bytes.
 * Then fixes, measured in turn: the answer key's minus sign, invisible
 * characters and final sigma (+196 B), decades moving by decades (+115 B),
 * saved quiz picks kept with their option's text (+160 B): 79,643 bytes.
 * Then <fact-cards> fixes in element.js and host.js (the wasm asked for at
 * DOMContentLoaded, show() kept until the widget mounts, edits of the
 * fallback content no longer re-mounting, children that render nothing not
 * counted as fallback): +131 B, 79,774 bytes.
 * Then a range of decades moving as a whole (+69 B) and Trusted Types (the
 * markup through the policy "factcards", the error panel built without
 * markup: +222 B), paid for by asking host.js for a key press's key (one
 * import for five: -173 B) and an exception's message (-169 B): 79,703 bytes.
 * A swipe's direction asked of host.js too (one import for four): 79,587 bytes.
 * Then a widget that shows one view writes only that view's part of the
 * record, keeping the other's (two.html's two widgets both keep theirs):
 * +222 B, 79,809 bytes. And a widget destroyed by a host's focusin
 * listener as it moves focus writes its progress after all: 79,824 bytes.
 * Then a review's fixes (measured one by one on the plain package): a
 * source credit from whichever of its parts the deck gives (+48 B), a typed
 * distractor never a near miss (+44 B), the hint after a blank answer
 * neither right nor wrong, the best score only from full rounds, a one-view
 * widget's reset and a shuffle written (+29 B together); paid for by
 * checking the deck's buffer as UTF-8 with `utf8_chunks`, not `from_utf8`
 * and its larger check (-130 B), and storage's warning as one string (-8 B):
 * 79,821 bytes (79,824 with the hint's class named "blank").
 * Then a second review's fixes, each measured alone on that package: quotes
 * matched as whole words (+108 B), numeric and foreign-month dates moving
 * their year (+150 B), a typed answer equal to a wrong option or another
 * fact's answer never a near miss (+35 B), number words to "twentieth" in
 * the kind check (+36 B), the element's intrinsic width (+22 B), a
 * <fact-cards> removed while it mounted (+11 B): 80,176 bytes together.
 * Paid for by the DOM layer's lists in Cells, not RefCells (the borrow
 * panics' formatting: -245 B) and wasm-opt's locals split and re-packed
 * (`--ssa-nomerge -O1 --code-folding --dae-optimizing -O1`: -243 B); then
 * mount's message for a selector the browser rejects (+61 B): 79,749 bytes.
 * "Show in article" told to screen readers in the live region, in three
 * languages (+87 B): 79,836 bytes.
 * Then the exports' docs kept in the d.ts, out of the glue (wasm-bindgen
 * copied each export's `///` into it: -833 B); "Show in article" said again
 * when pressed again (+59 B); typed numbers with a scale word matched in
 * digits, 1,000,000 as 1 million (+325 B); and a review's matcher fixes
 * (misspelt scale words near, number words never near, thousands typed in
 * space groups, answers of symbols only: +361 B): 79,748 bytes. The ceiling
 * keeps that with 124 B to spare.
 */
export const GZIP_CEILING = 78 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Names of the custom sections of a wasm module. */
function customSections(buf) {
  const names = [];
  let p = 8;
  const leb = () => {
    let r = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[p++];
      r += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return r;
  };
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const end = p + size;
    if (id === 0) {
      const len = leb();
      names.push(buf.subarray(p, p + len).toString('utf8'));
    }
    p = end;
  }
  return names;
}

let measured = null;
async function sizes(t) {
  const wasm = path.join(PKG, 'factcards_bg.wasm');
  const js = path.join(PKG, 'factcards.js');
  for (const f of [wasm, js]) {
    assert.ok(existsSync(f), `${path.relative(REPO_ROOT, f)} is missing: run ${BUILD}`);
  }
  measured ??= (async () => {
    const snippets = await listFiles(path.join(PKG, 'snippets'));
    const files = [wasm, js, ...snippets.filter((f) => !onDemand(f))];
    const later = [];
    for (const file of snippets.filter(onDemand)) later.push({ file: path.relative(REPO_ROOT, file), ...compressedSizes(await readFile(file)) });
    const rows = [];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const m = compressedSizes(await readFile(file));
      rows.push({ file: path.relative(REPO_ROOT, file), ...m });
      for (const k of Object.keys(total)) total[k] += m[k];
    }
    const report = { files: rows, on_demand: later, total, budget: { gzip: GZIP_TARGET }, ceiling: { gzip: GZIP_CEILING }, within_budget: total.gzip <= GZIP_TARGET };
    await mkdir(path.join(REPO_ROOT, 'target'), { recursive: true });
    await writeFile(path.join(REPO_ROOT, 'target', 'size.json'), JSON.stringify(report, null, 2) + '\n');
    return { rows, later, total };
  })();
  const { rows, later, total } = await measured;

  const pad = (s, n) => String(s).padStart(n);
  const lines = [
    `${'file'.padEnd(60)} ${pad('raw', 8)} ${pad('gzip -9', 8)} ${pad('brotli', 8)}`,
    ...rows.map((r) => `${r.file.padEnd(60)} ${pad(r.raw, 8)} ${pad(r.gzip, 8)} ${pad(r.brotli, 8)}`),
    `${'total'.padEnd(60)} ${pad(total.raw, 8)} ${pad(total.gzip, 8)} ${pad(total.brotli, 8)}`,
    ...later.map((r) => `${r.file.padEnd(60)} ${pad(r.raw, 8)} ${pad(r.gzip, 8)} ${pad(r.brotli, 8)}  (on demand, not in the total)`),
    `size: raw ${kb(total.raw)}, gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)} (target: gzip ${kb(GZIP_TARGET)}; ceiling ${kb(GZIP_CEILING)}) -> target/size.json`,
  ];
  for (const line of lines) t.diagnostic(line);
  return total;
}

test('pkg/ is the optimised package of the plain release build (wasm-opt ran)', async () => {
  const file = path.join(PKG, 'factcards_bg.wasm');
  assert.ok(existsSync(file), `pkg/factcards_bg.wasm is missing: run ${BUILD}`);
  const sections = customSections(await readFile(file));
  assert.ok(
    !sections.includes('producers'),
    `pkg/factcards_bg.wasm still has wasm-bindgen's "producers" section, so wasm-opt did not run on it (sections: ${sections.join(', ')}); build with ${BUILD}, not with --no-opt`,
  );
});

test('the snippets wasm-bindgen ships are the minified sources', async () => {
  for (const s of await minifiedSnippets()) {
    assert.ok(s.actual !== null, `${s.min} is missing: run node scripts/minify-snippets.mjs`);
    assert.ok(s.actual === s.expected, `${s.min} is not the minified ${s.file}: run node scripts/minify-snippets.mjs`);
  }
});

test("the glue carries no doc prose: the exports' docs are in the d.ts only (src/api.rs, TS_TYPES)", async () => {
  const glue = await readFile(path.join(PKG, 'factcards.js'), 'utf8');
  const docs = glue.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
  // The one left: the class's one line, which the Rust struct keeps as its doc.
  assert.deepEqual(docs, ['/**\n * A mounted widget, returned by `mount`.\n */'], 'a `///` on an export reached pkg/factcards.js, which every page downloads');
  const dts = await readFile(path.join(PKG, 'factcards.d.ts'), 'utf8');
  for (const [name, decl] of [['mount', 'export function mount('], ['validateDeck', 'export function validateDeck('], ['FactCards', 'export class FactCards'], ['destroy', 'destroy(): void;'], ['show', 'show(mode: ViewName): void;']]) {
    const at = dts.indexOf(decl);
    assert.ok(at > 0, `the d.ts declares ${name}`);
    assert.match(dts.slice(0, at), /\*\/\s*$/, `the d.ts documents ${name}`);
  }
});

test('the built-in deck is a file of the package that nothing imports, the one in www/decks/', async () => {
  const snippets = await listFiles(path.join(PKG, 'snippets'));
  const decks = snippets.filter(onDemand);
  assert.equal(decks.length, 1, `one deck file in pkg/snippets (wasm-bindgen copies it: src/dom/builtin.rs), found: ${decks.join(', ')}; run ${BUILD}`);
  const [deck] = decks;
  assert.match(deck, /[\\/]www[\\/]decks[\\/]tokayev-brussels-2021\.json$/);
  assert.ok((await readFile(deck)).equals(await readFile(path.join(REPO_ROOT, 'www/decks/tokayev-brussels-2021.json'))), 'the copy is the file in www/decks/');
  // Neither the glue nor a snippet imports it (a static import would be
  // downloaded by every page); element.js fetches it by URL.
  for (const file of [path.join(PKG, 'factcards.js'), ...snippets.filter((f) => f.endsWith('.js'))]) {
    const text = await readFile(file, 'utf8');
    assert.ok(!/import[^;]*tokayev-brussels-2021\.json/.test(text), `${path.relative(REPO_ROOT, file)} imports the deck`);
  }
  // The element fetches it from its own place in the package.
  const element = snippets.find((f) => f.endsWith(path.join('src', 'dom', 'element.min.js')));
  assert.ok(element, 'element.min.js is in pkg/snippets');
  const rel = path.relative(path.dirname(element), deck).split(path.sep).join('/');
  assert.ok((await readFile(element, 'utf8')).includes(`"${rel}"`), `element.min.js names the deck as "${rel}"`);
  // And the wasm does not carry it: a fact of the deck is not in it.
  const wasm = await readFile(path.join(PKG, 'factcards_bg.wasm'));
  const deckJson = JSON.parse(await readFile(deck, 'utf8'));
  assert.equal(wasm.indexOf(Buffer.from(deckJson.facts[0].back)), -1, 'the wasm holds no fact of the built-in deck');
  assert.equal(wasm.indexOf(Buffer.from(deckJson.title)), -1, 'nor its title');
});

test(
  `download size: gzip total <= ${GZIP_TARGET / 1024} KB (Lean core's target)`,
  { todo: 'not met yet: see the ceiling test for where it stands' },
  async (t) => {
    const total = await sizes(t);
    assert.ok(
      total.gzip <= GZIP_TARGET,
      `gzip total ${total.gzip} bytes (${kb(total.gzip)}) exceeds the target of ${GZIP_TARGET} bytes by ${total.gzip - GZIP_TARGET} bytes`,
    );
  },
);

test(`download size: gzip total <= ${GZIP_CEILING / 1024} KB (no growth while over the target)`, async (t) => {
  const total = await sizes(t);
  assert.ok(
    total.gzip <= GZIP_CEILING,
    `gzip total ${total.gzip} bytes (${kb(total.gzip)}) exceeds the ceiling of ${GZIP_CEILING} bytes`,
  );
});

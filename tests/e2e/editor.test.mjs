// The deck editor (www/editor.html), end to end: the "Done when" sequence of
// the Authoring issue (offline once loaded, under the strict CSP), then
// saving, "Show in article", issue focus, reordering, export
// and the screenshots at 1280 and 390 px, light and dark
// (tests/e2e/screenshots/editor-<width>-<scheme>.png).
//
//   node --test tests/e2e/editor.test.mjs
//
// Builds nothing: it needs pkg/ and pkg-editor/ (bash scripts/build.sh builds
// both) and runs `factcards validate --article` (target/debug/factcards when
// it is newer than src/, else `cargo run`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { newPage, shot, axe, formatViolations, trackErrors, REPO_ROOT, serveAndLaunch, IS_CHROMIUM } from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';

const run = promisify(execFile);
const ARTICLE_FILE = path.join(REPO_ROOT, 'tests/fixtures/article/harbour-bridge.txt');
const ARTICLE = await readFile(ARTICLE_FILE, 'utf8');
const HAND_QUOTE =
  'The harbour authority, led by chief executive Tomas Brandt, had opposed earlier designs because they left too little room for ships.';

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

async function open(options = {}) {
  const page = await newPage(browser, { width: 1280, height: 900, acceptDownloads: true, ...options });
  page.errors = trackErrors(page);
  const response = await page.goto(server.url + 'editor.html');
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the editor is served under the strict CSP');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  return page;
}

const byRole = (page, role, name) => page.getByRole(role, { name, exact: true });
const facts = (page) => page.locator('#facts > li');
const fact = (page, i) => facts(page).nth(i);

/** Newest mtime under dir (recursive), in ms. */
async function newest(dir) {
  let best = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    best = Math.max(best, entry.isDirectory() ? await newest(p) : (await stat(p)).mtimeMs);
  }
  return best;
}

/** `factcards validate --article ARTICLE DECK`: { code, stdout, stderr }. */
async function validateCli(deckFile) {
  const bin = path.join(REPO_ROOT, 'target/debug/factcards');
  let cmd = 'cargo';
  let args = ['run', '--quiet', '--bin', 'factcards', '--', 'validate', '--article', ARTICLE_FILE, deckFile];
  try {
    if ((await stat(bin)).mtimeMs >= (await newest(path.join(REPO_ROOT, 'src')))) {
      cmd = bin;
      args = args.slice(5);
    }
  } catch {
    // No built binary: cargo run builds it.
  }
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: REPO_ROOT, timeout: 600_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The widget's card front in the preview's shadow root. */
const previewPrompt = (page) =>
  page.evaluate(() => document.querySelector('#preview').shadowRoot?.querySelector('.front .prompt')?.textContent ?? null);

// [chromium-only]: it saves the deck through a download, and Playwright 1.61
// over WebDriver BiDi reports no download event in Firefox.
const NO_DOWNLOADS = IS_CHROMIUM ? {} : { skip: 'Playwright 1.61 over WebDriver BiDi reports no download event in Firefox' };
test('[chromium-only] article in, suggestions accepted, a fact by hand, preview, a deck out that validate --article accepts', { timeout: 900_000, ...NO_DOWNLOADS }, async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });

  // Once loaded, the editor needs no network: everything below runs offline
  // (the clipboard and the download included), up to the reload.
  await page.context().setOffline(true);

  // 1. Paste an article (not the seed).
  await byRole(page, 'textbox', 'Article text').fill(ARTICLE);

  // 2. Suggest.
  await byRole(page, 'button', 'Suggest facts').click();
  const accept = byRole(page, 'button', 'Accept');
  await accept.first().waitFor();
  const offered = await accept.count();
  assert.ok(offered >= 8, `at least 8 drafts for the article, got ${offered}`);
  assert.equal(await byRole(page, 'button', 'Discard').count(), offered, 'every draft has Discard');
  const drafted = await page.locator('#drafts q').allTextContents();
  for (const quote of drafted) assert.ok(ARTICLE.replace(/\s+/g, ' ').includes(quote), `draft quote from the article: ${quote}`);

  // 3. Accept 8 drafts: the first edited before accepting, one discarded.
  const firstDraft = page.locator('#drafts > li').first();
  const question = firstDraft.getByRole('textbox', { name: 'Question', exact: true });
  await question.fill('How much will the new harbour bridge cost?');
  await byRole(page, 'button', 'Discard').nth(1).click();
  assert.equal(await accept.count(), offered - 1, 'Discard removes the draft');
  for (let i = 0; i < 8; i++) await accept.first().click();
  assert.equal(await facts(page).count(), 8);
  assert.equal(await fact(page, 0).getByRole('textbox', { name: 'Front', exact: true }).inputValue(), 'How much will the new harbour bridge cost?');
  // And one accepted fact edited in the form.
  const front2 = fact(page, 1).getByRole('textbox', { name: 'Front', exact: true });
  await front2.fill('When did the Valmere council vote for the bridge?');

  // Drafts never repeat a fact already in the deck (same answer from the same sentence).
  await byRole(page, 'button', 'Suggest facts').click();
  await assertText(page.locator('#article-status'), /suggestions .*None repeats a fact already in the deck/);
  const pairs = (sel) =>
    page.locator(sel).evaluateAll((lis) =>
      lis.map((li) => `${li.querySelector('[data-key="back"]').value} @ ${li.querySelector('[data-key="quote"]').value ?? li.querySelector('[data-key="quote"]').textContent}`),
    );
  const inDeck = await pairs('#facts > li');
  const again = await pairs('#drafts > li');
  assert.ok(again.length > 0 && again.length < offered, `fewer drafts the second time: ${again.length} of ${offered}`);
  for (const p of again) assert.ok(!inDeck.includes(p), `a new draft repeats a fact of the deck: ${p}`);

  // 4. A fact by hand, its quote from the article selection.
  await byRole(page, 'button', 'Add fact').click();
  const last = fact(page, 8);
  await last.getByRole('textbox', { name: 'Front', exact: true }).fill('Who leads the Valmere harbour authority?');
  await last.getByRole('textbox', { name: 'Back', exact: true }).fill('Tomas Brandt');
  await last.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('person');
  await page.evaluate((quote) => {
    const a = document.getElementById('article');
    const start = a.value.indexOf(quote);
    a.focus();
    a.setSelectionRange(start, start + quote.length);
  }, HAND_QUOTE);
  await byRole(page, 'button', 'Use as quote').click();
  assert.equal(await last.getByRole('textbox', { name: 'Quote', exact: true }).inputValue(), HAND_QUOTE);
  await assertText(last.locator('.ed-found'), /Found in the article/);

  // 5. The preview shows the deck: the first card's front.
  await page.waitForFunction(
    () => document.querySelector('#preview').shadowRoot?.querySelector('.front .prompt')?.textContent === 'How much will the new harbour bridge cost?',
  );
  assert.equal(await previewPrompt(page), 'How much will the new harbour bridge cost?');
  await assertText(page.locator('#verdict'), /^Valid deck, 9 facts; every quote is in the article\./);
  assert.deepEqual(await page.locator('#issues li.is-error').allTextContents(), [], 'no errors');

  // 6. Download the deck: validate --article accepts it.
  const [download] = await Promise.all([page.waitForEvent('download'), byRole(page, 'button', 'Download deck').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const dir = await mkdtemp(path.join(tmpdir(), 'factcards-editor-'));
  const deckFile = path.join(dir, download.suggestedFilename());
  await copyFile(await download.path(), deckFile);
  const deck = JSON.parse(await readFile(deckFile, 'utf8'));
  assert.equal(deck.facts.length, 9);
  assert.equal(deck.facts[1].front, 'When did the Valmere council vote for the bridge?');
  assert.equal(deck.facts[8].quote, HAND_QUOTE);
  assert.equal(deck.facts[8].kind, 'person');
  const cli = await validateCli(deckFile);
  assert.equal(cli.code, 0, `validate --article accepts the download:\n${cli.stdout}\n${cli.stderr}`);
  // Exit 0; warnings (facts left out of choice quizzes) do not fail it.
  assert.match(cli.stdout, /ok \(9 facts(, \d+ warnings?)?\)/);

  // Copy deck JSON: the same deck on the clipboard.
  await byRole(page, 'button', 'Copy deck JSON').click();
  await assertText(page.locator('#export-status'), /Copied the deck JSON/);
  assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), deck);
  await page.getByRole('button', { name: 'Copy static HTML', exact: true }).click();
  await assertText(page.locator('#export-status'), /Copied the static HTML/);
  const html = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(html.includes('Who leads the Valmere harbour authority?'), 'the fallback HTML has the facts');
  await page.getByRole('button', { name: 'Copy embed (src)', exact: true }).click();
  await assertText(page.locator('#export-status'), /Copied the embed snippet\./);
  const embedWithSrc = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(embedWithSrc.startsWith(`<fact-cards src="decks/${download.suggestedFilename()}">\n${html.trim()}\n</fact-cards>\n`), embedWithSrc);
  await page.getByRole('button', { name: 'Copy embed (inline JSON)', exact: true }).click();
  await assertText(page.locator('#export-status'), /Copied the embed snippet/);
  const embed = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(embed, /^<fact-cards>\n<script type="application\/json">/);

  // Screenshots at 1280 and 390 px, light and dark; each passes axe (WCAG 2.2
  // A/AA, the preview's shadow root included).
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        for (const el of document.querySelectorAll('.ed-pane, #article')) el.scrollTop = 0;
      });
      await shot(page, `editor-${width}-${colorScheme}`, { fullPage: false });
      const found = await axe(page);
      assert.deepEqual(found, [], `axe at ${width} px, ${colorScheme}:\n${formatViolations(found)}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The work in progress survives a reload.
  await page.context().setOffline(false);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await facts(page).count(), 9);
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), ARTICLE);
  assert.equal(await fact(page, 1).getByRole('textbox', { name: 'Front', exact: true }).inputValue(), 'When did the Valmere council vote for the bridge?');

  // "Show in article" selects the quote in the article.
  await fact(page, 8).getByRole('button', { name: 'Show in article', exact: true }).click();
  const selected = await page.evaluate(() => {
    const a = document.getElementById('article');
    return { text: a.value.slice(a.selectionStart, a.selectionEnd), focused: document.activeElement === a, scrolled: a.scrollTop > 0 };
  });
  assert.deepEqual(selected, { text: HAND_QUOTE, focused: true, scrolled: true }, 'the quote is selected and scrolled into view');

  // A made-up quote is an error; its button moves focus to the field.
  const quote0 = fact(page, 0).getByRole('textbox', { name: 'Quote', exact: true });
  const before = await quote0.inputValue();
  await quote0.fill('The bridge will be paid for entirely by the city.');
  await assertText(fact(page, 0).locator('.ed-found'), /Not found in the article/);
  const issue = page.locator('#issues button', { hasText: 'facts[0].quote' });
  await issue.waitFor();
  assert.match(await issue.textContent(), /not in the article; closest:/);
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const found = await axe(page);
    assert.deepEqual(found, [], `axe with an error shown, ${colorScheme}:\n${formatViolations(found)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await issue.click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), 'facts[0].quote');
  await quote0.fill(before);
  await assertText(page.locator('#verdict'), /^Valid deck/);

  // Reorder and remove.
  const front = (i) => fact(page, i).getByRole('textbox', { name: 'Front', exact: true }).inputValue();
  const [f0, f1] = [await front(0), await front(1)];
  await fact(page, 0).getByRole('button', { name: 'Move down', exact: true }).click();
  assert.deepEqual([await front(0), await front(1)], [f1, f0]);
  await fact(page, 1).getByRole('button', { name: 'Move up', exact: true }).click();
  assert.deepEqual([await front(0), await front(1)], [f0, f1]);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'front', 'focus stays in the moved fact');
  await fact(page, 8).getByRole('button', { name: 'Remove', exact: true }).click();
  assert.equal(await facts(page).count(), 8);

  // Clear, after a confirmation.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  assert.equal(await facts(page).count(), 0);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await facts(page).count(), 0);
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), '');

  assert.deepEqual(page.errors, [], 'no uncaught errors or console.error');
  await page.context().close();
});

test('an .html article file is reduced to its text', async () => {
  const page = await open();
  await page.locator('#article-file').setInputFiles({
    name: 'story.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<!doctype html><html><head><style>p{}</style></head><body><h1>Bridge vote</h1><p>The council voted <b>31</b> to 12 &amp; won.</p><script>x()</script></body></html>'),
  });
  await page.waitForFunction(() => document.getElementById('article').value.includes('voted'));
  const text = await byRole(page, 'textbox', 'Article text').inputValue();
  assert.ok(text.includes('The council voted 31 to 12 & won.'), text);
  assert.ok(!text.includes('<') && !text.includes('x()') && !text.includes('p{}'), text);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an article file not in UTF-8 is read as Windows-1252, with a note; one stray byte in UTF-8 is only noted; UTF-16 by its byte order mark', async () => {
  const page = await open();
  const status = page.locator('#article-status');
  // The status line is set a frame after it is emptied (say() in editor.js).
  const opened = (name) =>
    page.waitForFunction((n) => document.getElementById('article-status').textContent.startsWith(`Opened ${n} `), name);
  // "Le café “ouvert” coûte 5 €." in Windows-1252.
  await page.locator('#article-file').setInputFiles({
    name: 'old.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([...Buffer.from('Le caf'), 0xe9, 0x20, 0x93, ...Buffer.from('ouvert'), 0x94, ...Buffer.from(' co'), 0xfb, ...Buffer.from('te 5 '), 0x80, 0x2e]),
  });
  await page.waitForFunction(() => document.getElementById('article').value.includes('ouvert'));
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), 'Le café “ouvert” coûte 5 €.');
  await opened('old.txt');
  assert.match(await status.textContent(), /^Opened old\.txt \(27 characters\)\. It is not UTF-8: read as Windows-1252; check its accented letters and quotation marks\.$/);
  await page.locator('#article-file').setInputFiles({
    name: 'mixed.txt',
    mimeType: 'text/plain',
    buffer: Buffer.concat([Buffer.from('Le café à Paris '), Buffer.from([0xff]), Buffer.from('.')]),
  });
  await page.waitForFunction(() => document.getElementById('article').value.includes('Paris'));
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), 'Le café à Paris \uFFFD.');
  await opened('mixed.txt');
  assert.match(await status.textContent(), /It is not all UTF-8: 1 stray byte sequence read as \uFFFD; a quote across one is not found\.$/);
  // UTF-16 by its byte order mark: read as it is, no note.
  await page.locator('#article-file').setInputFiles({
    name: 'wide.txt',
    mimeType: 'text/plain',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Le café “x”.', 'utf16le')]),
  });
  await page.waitForFunction(() => document.getElementById('article').value.includes('“x”'));
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), 'Le café “x”.');
  await opened('wide.txt');
  assert.equal(await status.textContent(), 'Opened wide.txt (12 characters).');
  await page.locator('#article-file').setInputFiles({ name: 'ok.txt', mimeType: 'text/plain', buffer: Buffer.from('Le café.') });
  await page.waitForFunction(() => document.getElementById('article').value === 'Le café.');
  await opened('ok.txt');
  assert.equal(await status.textContent(), 'Opened ok.txt (8 characters).');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('suggesting again keeps the drafts as edited and leaves a discarded one out; a field typed just before a reload is kept', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  await byRole(page, 'textbox', 'Article text').fill(ARTICLE);
  await byRole(page, 'button', 'Suggest facts').click();
  const drafts = page.locator('#drafts > li');
  await drafts.first().waitFor();
  const offered = await drafts.count();
  await drafts.first().getByRole('textbox', { name: 'Question', exact: true }).fill('Edited, not yet accepted?');
  const pair = (li) => li.evaluate((el) => `${el.querySelector('[data-key="back"]').value} @ ${el.querySelector('q')?.textContent}`);
  const discarded = await pair(drafts.nth(1));
  await drafts.nth(1).getByRole('button', { name: 'Discard', exact: true }).click();
  await byRole(page, 'button', 'Suggest facts').click();
  await assertText(page.locator('#article-status'), /^0 new suggestions .*\. \d+ from before kept\./);
  assert.equal(await drafts.count(), offered - 1, 'nothing added, nothing lost');
  assert.equal(await drafts.first().getByRole('textbox', { name: 'Question', exact: true }).inputValue(), 'Edited, not yet accepted?');
  const pairs = [];
  for (let i = 0; i < (await drafts.count()); i++) pairs.push(await pair(drafts.nth(i)));
  assert.ok(!pairs.includes(discarded), `the discarded draft stays discarded: ${discarded}`);
  // A fact's front typed, then a reload at once (before the 200 ms pause that saves).
  await byRole(page, 'button', 'Add fact').click();
  await fact(page, 0).getByRole('textbox', { name: 'Front', exact: true }).fill('Typed just before the reload?');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await fact(page, 0).getByRole('textbox', { name: 'Front', exact: true }).inputValue(), 'Typed just before the reload?');
  assert.equal(await drafts.count(), offered - 1, 'the drafts are kept too');
  // "Use as quote" still fills the fact last worked on, not a new one.
  await page.locator('#article').evaluate((a) => a.setSelectionRange(a.value.indexOf('The city council'), a.value.indexOf(' to build')));
  await byRole(page, 'button', 'Use as quote').click();
  assert.equal(await facts(page).count(), 1);
  assert.match(await fact(page, 0).getByRole('textbox', { name: 'Quote', exact: true }).inputValue(), /^The city council of Valmere voted/);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

async function assertText(locator, re) {
  const deadline = Date.now() + 5_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent()) ?? '';
    if (re.test(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.match(text, re);
}

test('export: a deck whose quote is not in the article is held back until "Export anyway"', async () => {
  const page = await open();
  if (IS_CHROMIUM) await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await byRole(page, 'textbox', 'Article text').fill(ARTICLE);
  await page.locator('#deck-title-input').fill('Harbour bridge');
  await byRole(page, 'button', 'Add fact').click();
  const f = fact(page, 0);
  await f.getByRole('textbox', { name: 'Front', exact: true }).fill('Who leads the Valmere harbour authority?');
  await f.getByRole('textbox', { name: 'Back', exact: true }).fill('Tomas Brandt');
  const quote = f.getByRole('textbox', { name: 'Quote', exact: true });
  await quote.fill('Tomas Brandt has always supported the bridge.');
  await assertText(f.locator('.ed-found'), /Not found in the article/);
  const confirm = page.locator('#export-confirm');
  const copyBox = page.locator('#copy-text');

  // Download: held back, nothing saved.
  let downloads = 0;
  page.on('download', () => downloads++);
  await byRole(page, 'button', 'Download deck').click();
  await confirm.waitFor({ state: 'visible' });
  assert.equal(await confirm.getAttribute('role'), 'alert');
  assert.match(await confirm.textContent(), /1 quote is not in the article \(facts\[0\]\.quote\)/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'export-cancel', 'focus goes to Cancel');
  await byRole(page, 'button', 'Cancel').click();
  assert.ok(await confirm.isHidden(), 'Cancel closes the warning');
  await assertText(page.locator('#export-status'), /^Not exported\.$/);
  assert.equal(downloads, 0, 'no download without the confirmation');

  // Copy deck JSON: held back too; "Export anyway" copies it.
  await byRole(page, 'button', 'Copy deck JSON').click();
  await confirm.waitFor({ state: 'visible' });
  assert.equal(await copyBox.inputValue(), '', 'nothing copied before the confirmation');
  await byRole(page, 'button', 'Export anyway').click();
  await assertText(page.locator('#export-status'), /the deck JSON/);
  assert.ok(await confirm.isHidden());
  const copied = JSON.parse(await copyBox.inputValue());
  assert.equal(copied.facts[0].quote, 'Tomas Brandt has always supported the bridge.');

  // With the quote fixed, export needs no confirmation.
  await quote.fill(HAND_QUOTE);
  await assertText(f.locator('.ed-found'), /Found in the article/);
  await byRole(page, 'button', 'Copy deck JSON').click();
  await page.waitForFunction((q) => document.getElementById('copy-text').value.includes(q), HAND_QUOTE);
  assert.ok(await confirm.isHidden(), 'no warning for a deck whose quotes are in the article');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the editor package hands plain values: drafts with an accept array, article issues, a quote\'s span', async () => {
  const page = await open();
  const out = await page.evaluate(async (article) => {
    const m = await import('./pkg-editor/factcards_editor.js');
    await m.default();
    const drafts = m.suggestFacts(article);
    const deck = {
      version: 1,
      title: 'T',
      language: 'en',
      source: { publisher: 'P' },
      facts: [
        { id: 'a', front: 'Q?', back: 'A', quote: 'Not a sentence of this article at all.' },
        { id: 'b', front: 'Q2?', back: 'B', quote: article.split('.')[0].trim() + '.' },
      ],
    };
    const issues = m.checkArticle(deck, article);
    const span = m.findQuote(article, deck.facts[1].quote);
    return {
      drafts: drafts.length,
      shapes: [...new Set(drafts.map((d) => Object.keys(d).join()))],
      accepts: drafts.every((d) => Array.isArray(d.accept)),
      issues,
      notADeck: m.checkArticle({}, article),
      span,
      spanText: span && article.slice(span[0], span[1]),
      missing: m.findQuote(article, 'nowhere in it'),
    };
  }, ARTICLE);
  assert.ok(out.drafts > 0, 'drafts from the article');
  assert.deepEqual(out.shapes, ['kind,front,back,accept,quote,topic,cloze']);
  assert.ok(out.accepts, 'accept is an array on every draft, empty or not');
  const quoteIssues = out.issues.filter((i) => i.field === 'quote');
  assert.equal(quoteIssues.length, 1, JSON.stringify(out.issues));
  assert.deepEqual(Object.keys(quoteIssues[0]), ['severity', 'fact', 'field', 'path', 'message', 'closest']);
  assert.equal(quoteIssues[0].severity, 'error');
  assert.equal(quoteIssues[0].fact, 0);
  assert.equal(quoteIssues[0].path, 'facts[0].quote');
  assert.deepEqual(out.notADeck, [], 'not a valid deck: no article issues');
  assert.ok(Array.isArray(out.span) && out.span.every(Number.isInteger), JSON.stringify(out.span));
  assert.equal(out.spanText, ARTICLE.split('.')[0].trim() + '.');
  assert.equal(out.missing, undefined);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// ---------------------------------------------------------------------------
// Reviewed defects

const SEED = await readFile(path.join(REPO_ROOT, 'tests/fixtures/article.txt'), 'utf8');

/** Fills fact i by hand: its front, back and quote. */
async function fillFact(page, i, { front, back, quote = '' }) {
  const f = fact(page, i);
  await f.getByRole('textbox', { name: 'Front', exact: true }).fill(front);
  await f.getByRole('textbox', { name: 'Back', exact: true }).fill(back);
  if (quote) await f.getByRole('textbox', { name: 'Quote', exact: true }).fill(quote);
}

test('suggest never re-offers a fact of the deck, even while a deck field is invalid; the checks follow the new title', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  await byRole(page, 'textbox', 'Article text').fill(ARTICLE);
  const titleIssue = page.locator('#issues button', { hasText: /^Error title:/ });
  await titleIssue.waitFor();
  await byRole(page, 'button', 'Suggest facts').click();
  await page.locator('#drafts > li').first().waitFor();
  // The checks follow Suggest at once: the title it filled in is no error.
  await titleIssue.waitFor({ state: 'detached', timeout: 2_000 });
  const first = await page.locator('#drafts > li [data-key="back"]').first().inputValue();
  await byRole(page, 'button', 'Accept').first().click();
  await assertText(page.locator('#verdict'), /^Valid deck, 1 fact;/);
  assert.equal(await page.locator('#deck-title-input').inputValue(), 'Port city approves €240 million bridge over the harbour');
  // Another accepted, its front then made too long; and an invalid URL: the deck is invalid.
  const draftBacks = () => page.locator('#drafts > li [data-key="back"]').evaluateAll((els) => els.map((e) => e.value));
  const brandt = (await draftBacks()).indexOf('Tomas Brandt');
  assert.ok(brandt >= 0, 'a draft for Tomas Brandt');
  await page.locator('#drafts > li').nth(brandt).getByRole('button', { name: 'Accept', exact: true }).click();
  await fact(page, 1).getByRole('textbox', { name: 'Front', exact: true }).fill('x'.repeat(2000));
  await page.locator('#deck-url').fill('euractiv.com/kazakhstan');
  await assertText(page.locator('#verdict'), /error/);
  await byRole(page, 'button', 'Suggest facts').click();
  await assertText(page.locator('#article-status'), /new suggestion/);
  const backs = await draftBacks();
  assert.ok(!backs.includes(first), `the accepted answer ${first} is offered again: ${backs}`);
  assert.ok(!backs.includes('Tomas Brandt'), 'the answer of the fact with a front too long is offered again');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('HTML pasted into the article is reduced to its text; the headline is not the section label or the site menu', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  const html = await readFile(path.join(REPO_ROOT, 'tests/fixtures/article/page-with-chrome.html'), 'utf8');
  await byRole(page, 'textbox', 'Article text').fill(html);
  await assertText(page.locator('#article-status'), /^The article was HTML: reduced to its text \(\d+ characters\)\.$/);
  const text = await byRole(page, 'textbox', 'Article text').inputValue();
  assert.ok(text.startsWith('Kazakhstan president visits Brussels\n\nThe President of Kazakhstan'), text);
  assert.ok(!/[<>]|Home \| World|© 2021|999/.test(text), text);
  await byRole(page, 'button', 'Suggest facts').click();
  await page.locator('#drafts > li').first().waitFor();
  assert.equal(await page.locator('#deck-title-input').inputValue(), 'Kazakhstan president visits Brussels');
  // The seed article: "EUROPE" above its headline is a section label.
  page.once('dialog', (d) => d.accept());
  await byRole(page, 'button', 'Clear').click();
  assert.equal(SEED.split('\n')[0], 'EUROPE');
  await byRole(page, 'textbox', 'Article text').fill(SEED);
  await byRole(page, 'button', 'Suggest facts').click();
  await page.locator('#drafts > li').first().waitFor();
  assert.equal(await page.locator('#deck-title-input').inputValue(), SEED.split('\n')[1]);
  // Plain text with a "<" is left as it is.
  await byRole(page, 'textbox', 'Article text').fill('Turnout was < 40% <3');
  await page.waitForTimeout(300);
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), 'Turnout was < 40% <3');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a deck file (.json) opens in the deck form, its problems in Checks, the article kept', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  assert.match(await page.locator('#article-file').getAttribute('accept'), /\.json/);
  await byRole(page, 'textbox', 'Article text').fill(ARTICLE);
  const deck = {
    version: 1,
    id: 'bridge',
    title: 'Harbour bridge',
    language: 'en',
    source: { publisher: 'Valmere Post', url: 'https://example.com/bridge' },
    facts: [
      { id: 'brandt', front: 'Who leads the harbour authority?', back: 'Tomas Brandt', kind: 'person', quote: HAND_QUOTE, accept: ['Brandt'] },
      { id: 'blank', front: 'An unfinished fact?', back: ' ', colour: 'red' },
    ],
  };
  await page.locator('#article-file').setInputFiles({ name: 'bridge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
  await assertText(page.locator('#article-status'), /^Opened the deck bridge\.json: 2 facts in the deck form; the article is kept\. Not kept by the form: facts\[1\]\.colour: unknown field/);
  assert.equal(await byRole(page, 'textbox', 'Article text').inputValue(), ARTICLE);
  assert.equal(await page.locator('#deck-title-input').inputValue(), 'Harbour bridge');
  assert.equal(await page.locator('#deck-publisher').inputValue(), 'Valmere Post');
  assert.equal(await fact(page, 0).getByRole('textbox', { name: 'Back', exact: true }).inputValue(), 'Tomas Brandt');
  assert.equal(await fact(page, 0).getByRole('combobox', { name: 'Kind', exact: true }).inputValue(), 'person');
  await assertText(fact(page, 0).locator('.ed-found'), /Found in the article/);
  await page.locator('#issues button', { hasText: 'facts[1].back' }).waitFor();
  // Opened again over the deck: after a confirmation.
  deck.facts.pop();
  page.once('dialog', (d) => d.accept());
  await page.locator('#article-file').setInputFiles({ name: 'bridge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
  await assertText(page.locator('#verdict'), /^Valid deck, 1 fact; every quote is in the article\./);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the copy box goes on Clear and on an edit of the deck', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  // No clipboard permission: the text appears in the box.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }));
  await page.locator('#deck-title-input').fill('Bridge');
  await byRole(page, 'button', 'Add fact').click();
  await fillFact(page, 0, { front: 'Who leads the harbour authority?', back: 'Tomas Brandt' });
  await assertText(page.locator('#verdict'), /^Valid deck, 1 fact\./);
  const box = page.locator('#copy-box');
  await byRole(page, 'button', 'Copy deck JSON').click();
  await box.waitFor({ state: 'visible' });
  await fact(page, 0).getByRole('textbox', { name: 'Back', exact: true }).fill('Tomas Brandt Jr');
  await box.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#copy-text').inputValue(), '');
  await byRole(page, 'button', 'Copy static HTML').click();
  await box.waitFor({ state: 'visible' });
  page.once('dialog', (d) => d.accept());
  await byRole(page, 'button', 'Clear').click();
  assert.ok(await box.isHidden(), 'Clear hides the copy box');
  assert.equal(await page.locator('#copy-text').inputValue(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the preview says why it is empty until the deck is valid, and marks the last valid one after', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const note = page.locator('#stale');
  await assertText(note, /^The preview shows once the deck has no errors \(see Checks\)\.$/);
  assert.equal(await page.locator('#preview').evaluate((p) => p.childElementCount), 0, 'no widget yet');
  await page.locator('#deck-title-input').fill('Bridge');
  await byRole(page, 'button', 'Add fact').click();
  await fillFact(page, 0, { front: 'Who leads the harbour authority?', back: 'Tomas Brandt' });
  await assertText(page.locator('#verdict'), /^Valid deck, 1 fact\./);
  await note.waitFor({ state: 'hidden' });
  await page.locator('#deck-title-input').fill('');
  await assertText(note, /^The deck has errors: this is the last valid version\.$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 390 px "Show in article" leaves the article below the tab bar; an issue\'s focus ring is not clipped', async () => {
  const page = await open({ width: 390, height: 844 });
  await page.evaluate(() => localStorage.clear());
  await byRole(page, 'textbox', 'Article text').fill(ARTICLE);
  await page.locator('#deck-title-input').fill('Bridge');
  for (let i = 0; i < 3; i++) await byRole(page, 'button', 'Add fact').click();
  await fillFact(page, 2, { front: 'Who leads it?', back: 'Tomas Brandt', quote: HAND_QUOTE });
  const show = fact(page, 2).getByRole('button', { name: 'Show in article', exact: true });
  await show.scrollIntoViewIfNeeded();
  await show.click();
  const [article, tabs] = await page.evaluate(() =>
    ['#article', '.ed-tabs'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()),
  );
  assert.ok(article.top >= tabs.bottom - 1, `the article (top ${article.top}) is under the tab bar (bottom ${tabs.bottom})`);
  // The quote's first line is in the box, not scrolled above it: the box is
  // scrolled no further than the text before the quote is tall.
  const seen = await page.evaluate(() => {
    const a = document.getElementById('article');
    const style = getComputedStyle(a);
    const copy = document.createElement('textarea');
    for (const key of ['boxSizing', 'padding', 'border', 'font', 'lineHeight', 'letterSpacing']) copy.style[key] = style[key];
    copy.style.width = `${a.offsetWidth}px`;
    copy.style.height = '0px';
    copy.value = a.value.slice(0, a.selectionStart);
    document.body.append(copy);
    const before = copy.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    copy.remove();
    return { before, scrollTop: a.scrollTop, height: a.clientHeight };
  });
  assert.ok(seen.scrollTop <= seen.before && seen.before <= seen.scrollTop + seen.height, `the quote's start is out of view: ${JSON.stringify(seen)}`);

  // Errors in Checks: the first issue focused by keyboard shows its whole ring.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('#deck-url').fill('not a url');
  await page.locator('#issues button').first().waitFor();
  await page.locator('#issues button').first().focus();
  const fit = await page.evaluate(() => {
    const list = document.getElementById('issues');
    const b = list.querySelector('button').getBoundingClientRect();
    const l = list.getBoundingClientRect();
    const ring = 4; // 3px outline, 1px offset
    const box = { left: l.left + list.clientLeft, top: l.top + list.clientTop };
    box.right = box.left + list.clientWidth;
    box.bottom = box.top + list.clientHeight;
    return { ok: b.left - ring >= box.left && b.right + ring <= box.right && b.top - ring >= box.top, b: b.toJSON(), box };
  });
  assert.ok(fit.ok, `the focus ring is clipped: ${JSON.stringify(fit)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the text fields follow the direction of their text; a Cyrillic deck keeps its letters in its ids, and gets a language hint', async () => {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  const cyr = 'Президент Казахстана посетил Брюссель\n\nПрезидент Касым-Жомарт Токаев провёл переговоры с Шарлем Мишелем 25 ноября. Товарооборот составил 24 процента.';
  await byRole(page, 'textbox', 'Article text').fill(cyr);
  await page.locator('#deck-title-input').fill('Визит в Брюссель');
  await byRole(page, 'button', 'Add fact').click();
  await fillFact(page, 0, { front: 'Кто президент Казахстана?', back: 'Касым-Жомарт Токаев' });
  await byRole(page, 'button', 'Suggest facts').click();
  await page.locator('#drafts > li').first().waitFor();
  const dirs = await page.evaluate(() =>
    ['#article', '#deck-title-input', '#facts [data-key="front"]', '#facts [data-key="back"]', '#facts [data-key="quote"]', '#facts [data-key="detail"]', '#drafts q', '#drafts [data-key="front"]'].map(
      (s) => `${s}=${document.querySelector(s).dir}`,
    ),
  );
  for (const d of dirs) assert.match(d, /=auto$/);
  const hint = page.locator('#issues li.is-warning button', { hasText: 'Cyrillic' });
  await hint.waitFor();
  assert.match(await hint.textContent(), /language: the article is written in Cyrillic script but the language is "en"/);
  await hint.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'deck-language');
  await page.locator('#deck-language').fill('ru');
  await hint.waitFor({ state: 'detached' });
  await byRole(page, 'button', 'Copy deck JSON').click();
  await page.waitForFunction(() => document.getElementById('copy-text').value.includes('"id"'));
  const deck = JSON.parse(await page.locator('#copy-text').inputValue());
  assert.equal(deck.id, 'визит-в-брюссель');
  assert.equal(deck.facts[0].id, 'касым-жомарт-токаев');
  assert.equal(deck.language, 'ru');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

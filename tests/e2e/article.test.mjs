// "Show in article" on the demo's article page (www/index.html mounts the
// built-in deck with `article: "#story"`): a card whose quote is in the story
// offers the button, which highlights the passage with the CSS Custom
// Highlight API and changes nothing in the page's DOM; the reader's next
// action removes it; a quote not in the story gets no button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, axe, formatViolations, newPage, serveAndLaunch, shot, trackErrors } from './harness.mjs';

const DECK = JSON.parse(await readFile(path.join(REPO_ROOT, 'www/decks/tokayev-brussels-2021.json'), 'utf8'));
const BY_FRONT = new Map(DECK.facts.map((f) => [f.front, f]));
/** As the quote check compares (model/quote.rs), for the expectations only. */
const norm = (s) =>
  s
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4`]/g, "'")
    .replace(/[\u201C-\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const HIGHLIGHT = 'factcards-quote';

/** The highlight's ranges as text, or null when there is none. */
function highlighted(name) {
  const h = globalThis.CSS?.highlights?.get(name);
  return h ? [...h].map((r) => r.toString()) : null;
}

async function openArticle(options = {}) {
  const page = await newPage(browser, { width: 390, height: 700, ...options });
  const errors = trackErrors(page);
  await page.goto(server.url + 'index.html');
  await page.locator('[part~="card"]').first().waitFor();
  return { page, errors };
}

test('cards: "Show in article" highlights the quote in #story, scrolled into view, with no change to the DOM', async () => {
  const { page, errors } = await openArticle();
  const story = norm(await page.locator('#story').innerText());
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const prompt = (await page.locator('.prompt').first().textContent()).trim();
  const fact = BY_FRONT.get(prompt);
  assert.ok(fact?.quote && story.includes(norm(fact.quote)), `the first card's quote is in the story: ${prompt}`);
  const show = page.getByRole('button', { name: 'Show in article' });
  assert.equal(await show.isVisible(), false, 'no button before the card is turned');
  await page.locator('[part~="card"]').first().click();
  await show.waitFor({ state: 'visible' });
  // The widget sits below the article at 390 px: the passage is off screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await show.click();
  const ranges = await page.evaluate(highlighted, HIGHLIGHT);
  // Screen readers are told, and the reader's place is kept.
  assert.equal(await page.locator('.sr.live').textContent(), 'Highlighted in the article');
  assert.ok(await show.evaluate((b) => b.getRootNode().activeElement === b), 'focus stays on the button');
  // Pressed again, the live region's text changes (a trailing no-break
  // space, then none), so that screen readers say it again.
  await show.press('Enter');
  assert.equal(await page.locator('.sr.live').textContent(), 'Highlighted in the article\u00a0', 'a second press is said again');
  await show.press('Enter');
  assert.equal(await page.locator('.sr.live').textContent(), 'Highlighted in the article', 'and a third');
  assert.equal(ranges?.length, 1, 'one range in CSS.highlights');
  assert.equal(norm(ranges[0]), norm(fact.quote), 'the range is the quoted passage');
  const inStory = await page.evaluate((name) => {
    const r = [...CSS.highlights.get(name)][0];
    return document.getElementById('story').contains(r.commonAncestorContainer);
  }, HIGHLIGHT);
  assert.ok(inStory, 'the range lies in #story');
  await page.waitForFunction((name) => {
    const box = [...CSS.highlights.get(name)][0].getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  }, HIGHLIGHT);
  const colours = await page.evaluate((name) => {
    const r = [...CSS.highlights.get(name)][0];
    const s = getComputedStyle(r.startContainer.parentElement, `::highlight(${name})`);
    return [s.backgroundColor, s.color];
  }, HIGHLIGHT);
  assert.notEqual(colours[0], 'rgba(0, 0, 0, 0)', `the highlight has a background: ${colours}`);
  await shot(page, 'article-highlight');
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe with the button and the highlight:\n${formatViolations(violations)}`);
  const after = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(after, before, 'the page DOM (outerHTML) is unchanged');
  // The reader's next action in the widget removes it.
  await page.getByRole('button', { name: 'Next' }).click();
  assert.equal(await page.evaluate(highlighted, HIGHLIGHT), null, 'Next removes the highlight');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('cards: the button is offered exactly for the cards whose quote is in the story', async () => {
  const { page, errors } = await openArticle({ width: 1024, height: 800 });
  const story = norm(await page.locator('#story').innerText());
  const seen = { found: 0, missing: 0 };
  for (let i = 0; i < DECK.facts.length; i++) {
    const prompt = (await page.locator('.prompt').first().textContent()).trim();
    const fact = BY_FRONT.get(prompt);
    assert.ok(fact, `card ${i + 1} is a fact: ${prompt}`);
    await page.locator('[part~="card"]').first().click();
    await page.locator('[part~="card"][aria-pressed="true"]').waitFor();
    const expected = !!fact.quote && story.includes(norm(fact.quote));
    const shown = await page.getByRole('button', { name: 'Show in article' }).isVisible();
    assert.equal(shown, expected, `fact ${fact.id}: button ${shown ? 'shown' : 'absent'}`);
    seen[expected ? 'found' : 'missing']++;
    if (i + 1 < DECK.facts.length) await page.getByRole('button', { name: 'Next' }).click();
  }
  assert.ok(seen.found >= 3 && seen.missing >= 3, `both kinds were checked: ${JSON.stringify(seen)}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('quiz: the feedback offers "Show in article" for a quote in the story; a click elsewhere removes the highlight', async () => {
  const { page, errors } = await openArticle({ width: 1024, height: 800 });
  const story = norm(await page.locator('#story').innerText());
  await page.getByRole('tab', { name: 'Quiz' }).click();
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  let checked = { found: 0, missing: 0 };
  for (let q = 0; q < 10 && !(checked.found && checked.missing); q++) {
    const question = (await page.locator('[part~="question"]').textContent()).trim();
    const fact = BY_FRONT.get(question);
    assert.ok(fact, `the question is a fact: ${question}`);
    await page.locator('[part~="option"]:visible').first().click();
    await page.locator('.qnext:visible').waitFor();
    const expected = !!fact.quote && story.includes(norm(fact.quote));
    const show = page.getByRole('button', { name: 'Show in article' });
    assert.equal(await show.isVisible(), expected, `question on ${fact.id}`);
    if (expected && !checked.found) {
      await show.click();
      assert.equal(norm((await page.evaluate(highlighted, HIGHLIGHT))?.[0] ?? ''), norm(fact.quote));
      assert.equal(await page.locator('.sr.live').textContent(), 'Highlighted in the article');
      await page.locator('h1').click();
      assert.equal(await page.evaluate(highlighted, HIGHLIGHT), null, 'a click on the page removes it');
    }
    checked[expected ? 'found' : 'missing']++;
    await page.locator('.qnext').click();
  }
  assert.ok(checked.found > 0 && checked.missing > 0, `both kinds of question were seen: ${JSON.stringify(checked)}`);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the page DOM is unchanged');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('restyling: --fc-article-highlight sets the highlight colour; dark pages get the same visible style', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // Reduced motion: the scroll is instant, so the screenshot shows the passage.
    const { page, errors } = await openArticle({ colorScheme, reducedMotion: 'reduce' });
    await page.locator('[part~="card"]').first().click();
    await page.getByRole('button', { name: 'Show in article' }).click();
    const style = (p) =>
      page.evaluate((name) => {
        const r = [...CSS.highlights.get(name)][0];
        const s = getComputedStyle(r.startContainer.parentElement, `::highlight(${name})`);
        return [s.backgroundColor, s.color];
      }, HIGHLIGHT);
    const [bg, fg] = await style();
    assert.notEqual(bg, fg, `${colorScheme}: text and background differ (${bg} on ${fg})`);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', `${colorScheme}: a background is set`);
    await shot(page, `article-highlight-${colorScheme}`, { fullPage: false });
    const violations = await axe(page);
    assert.deepEqual(violations, [], `axe, ${colorScheme}:\n${formatViolations(violations)}`);
    await page.evaluate(() => document.getElementById('story').style.setProperty('--fc-article-highlight', 'rgb(1, 2, 3)'));
    assert.equal((await style())[0], 'rgb(1, 2, 3)', `${colorScheme}: the custom property restyles it`);
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

test('without the Highlight API the passage is selected instead, and the selection is removed on the next action', async () => {
  const page = await newPage(browser, { width: 1024, height: 800 });
  const errors = trackErrors(page);
  await page.addInitScript(() => {
    delete window.Highlight;
  });
  await page.goto(server.url + 'index.html');
  const prompt = (await page.locator('.prompt').first().textContent()).trim();
  const fact = BY_FRONT.get(prompt);
  await page.locator('[part~="card"]').first().click();
  await page.getByRole('button', { name: 'Show in article' }).click();
  assert.equal(norm(await page.evaluate(() => String(getSelection()))), norm(fact.quote), 'the passage is selected');
  assert.equal(await page.evaluate(highlighted, HIGHLIGHT), null, 'no highlight was registered');
  await page.getByRole('button', { name: 'Next' }).click();
  assert.equal(await page.evaluate(() => String(getSelection())), '', 'the next action removes the selection');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('validateDeck(deck, { article }): quotes in both packages, the closest passage and numbers in the editor package', async () => {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  await page.goto(server.url + 'api.html');
  const got = await page.evaluate(async () => {
    const widget = await import('./pkg/factcards.js');
    const editor = await import('./pkg-editor/factcards_editor.js');
    await widget.default();
    await editor.default();
    const article = 'The council voted 31 to 12 on Tuesday.\n\nThe bridge will cost \u20ac240 million, said Mayor Ana Reyes.';
    const deck = {
      version: 1,
      title: 'T',
      facts: [
        { id: 'vote', front: 'Vote?', back: '31 to 12', quote: 'The council voted 31 to 12 on Tuesday.' },
        { id: 'cost', front: 'Cost?', back: '\u20ac300 million', quote: 'The bridge will cost \u20ac240\u00a0million,' },
        { id: 'mayor', front: 'Mayor?', back: 'Ana Reyes', quote: 'said Mayor Ana Reyes on Monday' },
      ],
    };
    const run = (v, ...args) => v.validateDeck(...args).map((i) => `${i.severity} ${i.path}: ${i.message}`);
    return {
      widget: run(widget, deck, { article }).filter((l) => !l.includes('multiple-choice') && !l.includes('wrong options')),
      editor: run(editor, deck, { article }).filter((l) => !l.includes('multiple-choice') && !l.includes('wrong options')),
      without: run(widget, deck).filter((l) => l.includes('article')),
      invalid: run(widget, { version: 1, title: 'T', facts: [{ front: 'F', back: ' ', quote: 'nope' }] }, { article }),
      badOption: run(widget, deck, { article: 3 }),
      unknown: run(editor, deck, { text: article }),
    };
  });
  assert.deepEqual(got.widget, ['error facts[2].quote: not in the article']);
  assert.deepEqual(got.editor, [
    'warning facts[1].back: number "\u20ac300 million" is not in the article',
    // The passage as long as the quote that shares most of its words (the CLI's message).
    'error facts[2].quote: not in the article; closest: "240 million, said Mayor Ana Reyes"',
  ]);
  assert.deepEqual(got.without, [], 'no article, no article check');
  assert.deepEqual(got.invalid, ['error facts[0].back: must not be blank'], 'an invalid deck gives its errors only');
  assert.deepEqual(got.badOption, ['error options.article: must be the article\'s text, a string, not a number']);
  assert.deepEqual(got.unknown, ['error options.text: unknown option; expected article']);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the playground checks the quotes against a pasted article', async () => {
  const page = await newPage(browser, { width: 1024, height: 900 });
  const errors = trackErrors(page);
  await page.goto(server.url + 'playground.html');
  await page.locator('#preview [part~="card"]').waitFor();
  await page.getByText('Check the quotes against the article').click();
  const story = DECK.facts[0].quote;
  await page.getByRole('textbox', { name: 'Article text' }).fill(`Intro. ${story} The end.`);
  await page.waitForFunction(() => /problems$/.test(document.getElementById('verdict').textContent));
  const lines = (await page.locator('#problems li').allTextContents()).map((t) => t.trim());
  const missing = DECK.facts.filter((f) => f.quote && !norm(`Intro. ${story} The end.`).includes(norm(f.quote)));
  assert.equal(lines.length, missing.length, `one problem per quote not in the article: ${lines.slice(0, 3)}`);
  assert.ok(lines.every((l) => /^facts\[\d+\]\.quote: not in the article$/.test(l)), lines[0]);
  await page.getByRole('textbox', { name: 'Article text' }).fill('');
  await page.waitForFunction(() => document.getElementById('verdict').textContent === 'Valid deck');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the article attribute of <fact-cards>, a bad selector, one that matches nothing, and destroy()', async () => {
  const { page, errors } = await openArticle({ width: 1024, height: 800 });
  const got = await page.evaluate(async () => {
    const { mount } = await import('./pkg/factcards.js');
    const out = {};
    // The attribute: the element mounts the built-in deck with article="#story".
    const el = document.createElement('fact-cards');
    el.setAttribute('article', '#story');
    el.setAttribute('storage', 'off');
    document.querySelector('aside').append(el);
    await new Promise((r) => el.addEventListener('factcards:ready', r, { once: true }));
    const root = el.shadowRoot;
    root.querySelector('[part~="card"]').click();
    const button = root.querySelector('.c-in-article [part~="show-in-article"]');
    out.attributeButton = !button.hidden;
    button.click();
    out.highlighted = CSS.highlights.has('factcards-quote');
    el.remove();
    out.afterRemove = CSS.highlights.has('factcards-quote');
    // A selector the browser rejects is an options error.
    const host = document.createElement('div');
    document.querySelector('aside').append(host);
    try {
      mount(host, null, { article: '##' });
      out.bad = 'mounted';
    } catch (e) {
      out.bad = [e.path, e.message];
    }
    // One that matches nothing: no buttons, one console warning.
    const warn = console.warn;
    const warnings = [];
    console.warn = (m) => warnings.push(String(m));
    const w = mount(host, null, { article: '#no-such-story', storage: false });
    console.warn = warn;
    host.shadowRoot.querySelector('[part~="card"]').click();
    const line = host.shadowRoot.querySelector('.c-in-article');
    out.noMatch = { hidden: line.hidden && line.querySelector('button').hidden, warnings };
    w.destroy();
    return out;
  });
  assert.equal(got.attributeButton, true, 'article="#story" offers the button');
  assert.equal(got.highlighted, true);
  assert.equal(got.afterRemove, false, 'removing the element removes its highlight');
  assert.equal(got.bad[0], 'options.article');
  assert.match(got.bad[1], /^invalid options: options\.article: is not a valid CSS selector/);
  assert.deepEqual(got.noMatch, { hidden: true, warnings: ['factcards: options.article: no element matches "#no-such-story"'] });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('under the strict CSP (style-src \'self\') the highlight still gets its style: a constructed sheet, no <style>', async () => {
  const { CSP } = await import('../../scripts/serve.mjs');
  const page = await newPage(browser, { width: 1024, height: 800 });
  const errors = trackErrors(page);
  await page.route('**/index.html', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': CSP } });
  });
  const response = await page.goto(server.url + 'index.html');
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.locator('[part~="card"]').first().click();
  await page.getByRole('button', { name: 'Show in article' }).click();
  const got = await page.evaluate((name) => {
    const r = [...CSS.highlights.get(name)][0];
    const s = getComputedStyle(r.startContainer.parentElement, `::highlight(${name})`);
    return { bg: s.backgroundColor, styles: document.querySelectorAll('style').length };
  }, HIGHLIGHT);
  assert.notEqual(got.bg, 'rgba(0, 0, 0, 0)', 'the highlight is styled');
  assert.equal(got.styles, 0, 'no <style> element was added');
  assert.deepEqual(errors, []);
  await page.context().close();
});

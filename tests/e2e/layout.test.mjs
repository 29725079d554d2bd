// Compact by default (issue 15, items 2 and 3): at 360 px the built-in deck's
// widget fits a phone, measured; the all-known screen offers next steps; a
// reset offers Undo until the reader's next action.
//
//   cd tests/e2e && node --test layout.test.mjs
//
// Screenshots: tests/e2e/screenshots/layout-<state>-<width>-<scheme>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { newPage, shot, axe, formatViolations, trackErrors, REPO_ROOT, serveAndLaunch } from './harness.mjs';

const DECK = JSON.parse(await readFile(path.join(REPO_ROOT, 'www/decks/tokayev-brussels-2021.json'), 'utf8'));
const N = DECK.facts.length;

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

async function open({ width = 360, colorScheme = 'light' } = {}) {
  const page = await newPage(browser, { width, height: 844, colorScheme });
  page.errors = trackErrors(page);
  assert.equal((await page.goto(server.url + 'test-cards.html')).status(), 200);
  await page.waitForFunction(() => window.fcReady === true);
  await page.locator('[part~="card"]').waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

async function close(page) {
  assert.deepEqual(page.errors, [], 'no uncaught errors or console.error on the page');
  await page.context().close();
}

const part = (page, name) => page.locator(`#host [part~="${name}"]:visible`);

/** Waits until no CSS transition or animation runs in the widget. */
async function settle(page) {
  await page.waitForFunction(() => document.getElementById('host').shadowRoot.getAnimations().length === 0);
}

/**
 * The widget's box and every visible interactive element in it, relative to
 * the widget's top: `{ height, controls: [{ name, part, w, h, bottom }] }`.
 */
function measure(page) {
  return page.evaluate(() => {
    const r = document.getElementById('host').shadowRoot;
    const root = r.querySelector('.fc').getBoundingClientRect();
    const controls = [];
    for (const el of r.querySelectorAll('button, select, input, a[href], [role="button"], [role="tab"]')) {
      const b = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!b.width || !b.height || style.visibility === 'hidden') continue;
      controls.push({
        name: (el.getAttribute('part') || el.tagName.toLowerCase()) + ` "${el.textContent.trim().slice(0, 24)}"`,
        part: el.getAttribute('part') || '',
        w: Math.round(b.width * 10) / 10,
        h: Math.round(b.height * 10) / 10,
        bottom: Math.round(b.bottom - root.top),
      });
    }
    return { height: Math.round(root.height), controls };
  });
}

// The main controls of item 2: ≥ 44 px tall. Every other control ≥ 24×24.
const MAIN = ['card', 'prev', 'next', 'known', 'learning', 'option', 'submit', 'tab'];

function checkSizes(m, label) {
  assert.ok(m.height <= 600, `${label}: the widget is ${m.height} px tall (at most 600)`);
  assert.ok(m.controls.length > 3, `${label}: controls found`);
  for (const c of m.controls) {
    const main = c.part.split(' ').some((p) => MAIN.includes(p));
    if (main) assert.ok(c.h >= 44, `${label}: ${c.name} is ${c.h} px tall (main control: at least 44)`);
    assert.ok(c.w >= 24 && c.h >= 24, `${label}: ${c.name} is ${c.w}×${c.h} (at least 24×24)`);
    assert.ok(c.bottom <= 844, `${label}: ${c.name} ends ${c.bottom} px below the widget's top (within 844)`);
  }
}

test('360 px, built-in deck: at most 600 px tall on the front, the back and a quiz question; controls reachable and big enough', async () => {
  const page = await open();
  const sizes = {};
  const front = await measure(page);
  checkSizes(front, 'front');
  sizes.front = front.height;
  for (const p of ['card', 'prev', 'next', 'shuffle', 'more', 'filter']) {
    assert.ok(front.controls.some((c) => c.part.split(' ').includes(p)), `the front shows ${p}`);
  }
  assert.ok(!front.controls.some((c) => c.part === 'known'), 'no judgement before the turn');
  await part(page, 'card').click();
  await settle(page);
  const back = await measure(page);
  checkSizes(back, 'back');
  sizes.back = back.height;
  assert.ok(back.controls.some((c) => c.part === 'known') && back.controls.some((c) => c.part === 'learning'));
  // The menu's items, open.
  await part(page, 'more').click();
  const menu = await measure(page);
  checkSizes({ ...menu, height: 0 }, 'menu open');
  assert.ok(menu.controls.some((c) => c.part === 'reset'), 'Reset progress is in the menu');
  await page.keyboard.press('Escape');
  assert.equal(await part(page, 'reset').count(), 0, 'Escape closes the menu');
  await page.getByRole('tab', { name: 'Quiz' }).click();
  await part(page, 'question').waitFor();
  const quiz = await measure(page);
  checkSizes(quiz, 'quiz question');
  sizes.quiz = quiz.height;
  assert.equal(quiz.controls.filter((c) => c.part === 'option').length, 4);
  // The sizes, for the report.
  console.log(`# 360 px widget heights: ${JSON.stringify(sizes)}`);
  await close(page);
});

test('360 px, built-in deck: every card, front and back, keeps the widget at most 600 px tall', async () => {
  const page = await open();
  const heights = await page.evaluate(async (n) => {
    const r = document.getElementById('host').shadowRoot;
    const frame = () => new Promise((x) => requestAnimationFrame(() => requestAnimationFrame(x)));
    const h = () => Math.round(r.querySelector('.fc').getBoundingClientRect().height);
    const out = [];
    for (let i = 0; i < n; i++) {
      const front = h();
      r.querySelector('[part~="card"]').click();
      await frame();
      out.push({ card: i + 1, front, back: h() });
      r.querySelector('[part~="card"]').click();
      r.querySelector('[part~="next"][data-msg="next"]').click();
      await frame();
    }
    return out;
  }, N);
  assert.equal(heights.length, N);
  const tall = heights.filter((c) => c.front > 600 || c.back > 600);
  assert.deepEqual(tall, [], `cards taller than 600 px at 360 px: ${JSON.stringify(tall)}`);
  console.log(`# 360 px: tallest card ${Math.max(...heights.map((c) => c.back))} px`);
  await close(page);
});

test('the card\'s height comes from layout: no sizer copies in the widget', async () => {
  const page = await open();
  const counts = await page.evaluate(() => {
    const r = document.getElementById('host').shadowRoot;
    return { sizer: r.querySelectorAll('.sizer, .img-slot').length, prompts: r.querySelectorAll('.prompt').length };
  });
  assert.deepEqual(counts, { sizer: 0, prompts: 1 });
  await close(page);
});

/** Marks the first card "still learning", then all known: the all-known screen with a pile of one. */
async function knowAll(page) {
  await part(page, 'card').click();
  await part(page, 'learning').click();
  for (let i = 0; i < N; i++) {
    await part(page, 'card').click();
    await part(page, 'known').click();
  }
  await part(page, 'complete').waitFor();
}

for (const width of [360, 1024]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${width}px ${colorScheme}: "all known" offers the quiz, the still-learning pile, study again and reset, in the same compact box`, async () => {
      const page = await open({ width, colorScheme });
      const tag = `${width}-${colorScheme}`;
      await knowAll(page);
      await settle(page);
      const m = await measure(page);
      if (width === 360) checkSizes(m, 'all known');
      const done = page.locator('#host [part~="complete"]');
      assert.match(await done.textContent(), /You know every card\./);
      const names = await done.getByRole('button').allTextContents();
      assert.deepEqual(names, ['Take the quiz', 'Review the 1 still learning', 'Study again', 'Reset progress']);
      const violations = await axe(page);
      assert.deepEqual(violations.map((v) => v.id), [], formatViolations(violations));
      await shot(page, `layout-complete-${tag}`);
      if (width !== 360 || colorScheme !== 'light') return close(page);

      // Review: a round of just the card once still learning.
      await done.getByRole('button', { name: 'Review the 1 still learning' }).click();
      assert.equal(await part(page, 'position').textContent(), '1 / 1');
      assert.equal(await page.locator('#host .front .prompt').textContent(), DECK.facts[0].front);
      await part(page, 'card').click();
      await part(page, 'known').click();
      await part(page, 'complete').waitFor();
      assert.equal(await done.getByRole('button', { name: /still learning/ }).count(), 0, 'no pile left: no review offered');
      // Take the quiz: the quiz tab, focused.
      await done.getByRole('button', { name: 'Take the quiz' }).click();
      assert.equal(await page.getByRole('tab', { name: 'Quiz' }).getAttribute('aria-selected'), 'true');
      assert.equal(await page.evaluate(() => document.getElementById('host').shadowRoot.activeElement?.id), 't-quiz');
      await page.getByRole('tab', { name: 'Cards' }).click();
      // Reset from the all-known screen, then Undo: back to it.
      await done.getByRole('button', { name: 'Reset progress' }).click();
      assert.equal(await part(page, 'position').textContent(), `1 / ${N}`);
      assert.equal(await part(page, 'undo').textContent(), 'Undo');
      await part(page, 'undo').click();
      assert.ok(await done.isVisible(), 'Undo brings the all-known screen back');
      assert.equal(await page.locator('#host .known-of').textContent(), `${N} of ${N} known`);
      // Study again: every card from the first, unmarked.
      await done.getByRole('button', { name: 'Study again' }).click();
      assert.equal(await part(page, 'position').textContent(), `1 / ${N}`);
      assert.equal(await page.locator('#host .known-of').textContent(), `0 of ${N} known`);
      await close(page);
    });
  }
}

test('Reset progress offers Undo until the reader\'s next action, with no timer', async () => {
  const page = await open();
  const knownOf = () => page.locator('#host .known-of').textContent();
  for (let i = 0; i < 3; i++) {
    await part(page, 'card').click();
    await part(page, 'known').click();
  }
  assert.equal(await knownOf(), `3 of ${N} known`);
  await part(page, 'more').click();
  await part(page, 'reset').click();
  assert.equal(await knownOf(), `0 of ${N} known`, 'reset at once');
  assert.equal(await part(page, 'reset').count(), 0, 'the menu closed');
  const note = page.locator('#host .undo');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /Progress cleared\./);
  assert.equal(await page.locator('#host [aria-live]').textContent(), 'Progress cleared.');
  assert.equal(
    await page.evaluate(() => document.getElementById('host').shadowRoot.activeElement?.getAttribute('part')),
    'undo',
    'focus goes to Undo',
  );
  await shot(page, 'layout-undo-360-light');
  // No timer takes it away.
  await page.waitForTimeout(3000);
  assert.ok(await note.isVisible(), 'still offered after 3 s');
  await part(page, 'undo').click();
  assert.equal(await knownOf(), `3 of ${N} known`, 'Undo gives the marks back');
  assert.equal(await part(page, 'position').textContent(), `4 / ${N}`, 'on the same card');
  assert.ok(!(await note.isVisible()));
  assert.equal(
    await page.evaluate(() => document.getElementById('host').shadowRoot.activeElement?.getAttribute('part')),
    'card',
  );
  // Reset again, then another action (Next): the offer is gone for good.
  await part(page, 'more').click();
  await part(page, 'reset').click();
  await part(page, 'next').click();
  assert.ok(!(await note.isVisible()), 'the next action ends the offer');
  assert.equal(await knownOf(), `0 of ${N} known`);
  // Restart offers the same.
  await part(page, 'card').click();
  await part(page, 'known').click();
  await part(page, 'more').click();
  await part(page, 'restart').click();
  assert.ok(await note.isVisible());
  await part(page, 'undo').click();
  assert.equal(await knownOf(), `1 of ${N} known`);
  await close(page);
});

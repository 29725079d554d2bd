// Reader comforts, end to end in Chromium: the "Done when" of the issue.
//
// 1. Remembered progress: marks, position, progress bar and best quiz score
//    survive a reload; "Reset progress" forgets them; `storage: false` /
//    storage="off" writes nothing; storage that is missing, throws, is full
//    or holds garbage leaves a working widget, one console warning and no
//    errors; a changed deck gets a new key and starts fresh.
// 2. Languages: en, fr, ru chosen by the `locale` option, the attribute and a
//    `lang` on an ancestor; label overrides (option and attribute); deck
//    text keeps the deck's `lang`.
// 3. The static fallback: the render command's output parsed back with
//    DOMParser (every fact; nothing but the expected elements; hostile text
//    stays text), the fallback page with and without script.
// 4. The playground: errors by path, the preview, the preview after a fix.
//
// The page for 1 and 2 is www/test-comforts.html (see test-comforts.js for
// its URL parameters). The render command is run with cargo, in
// $CARGO_TARGET_DIR (default /work/target-comf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, newPage, shot, trackErrors, serveAndLaunch, fill, idle } from './harness.mjs';

const DECK_FILE = 'www/decks/tokayev-brussels-2021.json';
const DECK = JSON.parse(await readFile(path.join(REPO_ROOT, DECK_FILE), 'utf8'));
const FACTS = DECK.facts.length; // 31
const BY_FRONT = new Map(DECK.facts.map((f) => [f.front, f]));
const KEY_RE = new RegExp(`^factcards:${DECK.id}:[0-9a-f]{16}$`);

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

// ---------------------------------------------------------------- helpers

/** Console warnings of a page (the widget's storage warnings among them). */
function trackWarnings(page) {
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  return warnings;
}

/** Opens test-comforts.html with `params` in a fresh context. */
async function open(params = {}, { view = {}, init } = {}) {
  const page = await newPage(browser, view);
  if (init) await page.addInitScript(init);
  const errors = trackErrors(page);
  const warnings = trackWarnings(page);
  await gotoComforts(page, params);
  return { page, errors, warnings };
}

async function gotoComforts(page, params = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await page.goto(`${server.url}test-comforts.html?${query}`);
  assert.equal(response.status(), 200);
  await waitMounted(page);
}

async function waitMounted(page) {
  await page.waitForFunction(() => window.mounted === true);
  assert.equal(await page.evaluate(() => window.mountError ?? null), null, 'mount threw');
  await page.locator('#widget [part~="root"]').first().waitFor();
}

/** Lets pending console events arrive before counting them. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
}

const text = async (loc) => (await loc.textContent()).trim();
const position = (page) => page.locator('[part~="position"]');
/** Reset progress, from the cards tools' menu. */
async function resetProgress(page) {
  await page.locator('#p-cards [part~="more"]').click();
  await page.locator('#p-cards [part~="reset"]').click();
}
const knownOf = (page) => page.locator('.known-of');
const studyBar = (page) => page.locator('progress.s-progress');
const front = (page) => page.locator('[part~="front"] .prompt');
const answerFace = (page) => page.locator('[part~="back"] .answer');
const card = (page) => page.locator('[part~="card"]');
const cardNext = (page) => page.locator('[part~="next"][data-msg="next"]');
const tab = (page, which) => page.locator(`#t-${which}`);
const qposition = (page) => page.locator('[part~="qposition"]');
const question = (page) => page.locator('[part~="question"]');
const qnext = (page) => page.locator('[part~="next"].qnext');
const summary = (page) => page.locator('#p-quiz .summary');
const best = (page) => page.locator('[part~="best"]');
const score = (page) => page.locator('[part~="score"]');

/** Turns the current card and marks it ("known" or "learning"). */
async function mark(page, how) {
  await card(page).click();
  await page.locator(`[part~="${how}"]`).click();
}

/** The study state as a reader sees it. */
async function studyState(page) {
  const bar = studyBar(page);
  return {
    position: await text(position(page)),
    front: await text(front(page)),
    knownOf: await text(knownOf(page)),
    barValue: await bar.getAttribute('value'),
    barMax: await bar.getAttribute('max'),
  };
}

/** Every localStorage entry of the page, as [key, value] pairs, once the
 * widget's idle-time write of progress has happened. */
const storage = async (page) => {
  await idle(page);
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      out.push([key, localStorage.getItem(key)]);
    }
    return out.sort();
  });
};

/**
 * Plays the quiz tab to its summary: the first `right` questions answered
 * right (the option equal to the fact's back), the rest wrong. Returns the
 * number of questions.
 */
async function playQuiz(page, right) {
  await tab(page, 'quiz').click();
  let asked = 0;
  while (!(await summary(page).isVisible())) {
    const fact = BY_FRONT.get(await text(question(page)));
    assert.ok(fact, 'the question is the front of a fact');
    const options = page.locator('[part~="option"]:visible');
    const labels = (await options.locator('.t').allTextContents()).map((t) => t.trim());
    const wanted = asked < right ? labels.indexOf(fact.back) : labels.findIndex((l) => l !== fact.back);
    assert.ok(wanted >= 0, `an option to click among ${JSON.stringify(labels)}`);
    await options.nth(wanted).click();
    await qnext(page).click();
    asked += 1;
    assert.ok(asked <= FACTS, 'the quiz ends');
  }
  return asked;
}

// ------------------------------------------------------ remembered progress

test('the still-learning pile survives a reload: "all known" still offers its review', async () => {
  const { page, errors } = await open({ seed: 7 });
  await mark(page, 'learning'); // fact 1, then every fact known
  for (let i = 0; i < FACTS; i++) await mark(page, 'known');
  const done = page.locator('[part~="complete"]');
  await done.waitFor();
  const review = 'Review the 1 still learning';
  const names = ['Take the quiz', review, 'Study again', 'Reset progress'];
  assert.deepEqual(await done.getByRole('button').allTextContents(), names);
  const [[, record]] = await storage(page);
  assert.equal(record.split('|')[3], 'h' + 'k'.repeat(FACTS - 1), 'fact 1 known after still learning, the rest known');

  await page.reload();
  await waitMounted(page);
  await done.waitFor();
  assert.deepEqual(await done.getByRole('button').allTextContents(), names, 'the same screen and pile after the reload');
  await done.getByRole('button', { name: review }).click();
  assert.equal(await text(position(page)), '1 / 1');
  assert.equal(await text(front(page)), DECK.facts[0].front);
  await mark(page, 'known');
  await page.reload();
  await waitMounted(page);
  await done.waitFor();
  assert.equal(await done.getByRole('button', { name: /still learning/ }).count(), 0, 'reviewed: no pile, after a reload too');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('progress survives a reload: marks, position, progress bar, best score', async () => {
  const { page, errors } = await open({ seed: 7 });
  assert.deepEqual(await storage(page), [], 'a fresh context starts with empty storage');

  await mark(page, 'known'); // fact 1
  await mark(page, 'learning'); // fact 2
  await cardNext(page).click(); // fact 3 -> fact 4, unmarked
  const before = await studyState(page);
  assert.deepEqual(before, {
    position: `4 / ${FACTS}`,
    front: DECK.facts[3].front,
    knownOf: `1 of ${FACTS} known`,
    barValue: '1',
    barMax: String(FACTS),
  });

  const asked = await playQuiz(page, 7);
  assert.equal(asked, 10);
  assert.equal(await text(score(page)), '7 / 10');
  assert.equal(await text(best(page)), 'Best so far: 7 / 10');

  const saved = await storage(page);
  assert.equal(saved.length, 1, 'one record');
  const [key, record] = saved[0];
  assert.match(key, KEY_RE);
  // The record (src/model/progress.rs): format|round|position|marks|best…
  const [magic, , pos, marks, bestText] = record.split('|');
  assert.match(magic, /^fc\d+$/);
  assert.equal(pos, '3', 'the fourth card');
  assert.equal(marks, 'kl' + '-'.repeat(FACTS - 2), 'fact 1 known, fact 2 learning, the rest unseen');
  assert.equal(bestText, '7/10');

  await page.reload();
  await waitMounted(page);
  const afterReload = await studyState(page);
  assert.deepEqual(afterReload, before, 'the same card, position and progress after the reload');
  assert.deepEqual(await storage(page), saved, 'loading changed nothing in storage');

  // The quiz tab and its summary come back too; a new round from there.
  assert.equal(await text(score(page)), '7 / 10', 'the summary after the reload');
  await page.locator('[data-msg="retry-all"]').click();
  // A worse round keeps the remembered best.
  await playQuiz(page, 5);
  assert.equal(await text(score(page)), '5 / 10');
  assert.equal(await text(best(page)), 'Best so far: 7 / 10');
  // A better one replaces it, and that is remembered too.
  await page.locator('[data-msg="retry-all"]').click();
  await playQuiz(page, 9);
  assert.equal(await text(best(page)), 'Best so far: 9 / 10');
  await page.reload();
  await waitMounted(page);
  await page.locator('[data-msg="retry-all"]').click();
  await playQuiz(page, 0);
  assert.equal(await text(score(page)), '0 / 10');
  assert.equal(await text(best(page)), 'Best so far: 9 / 10');

  assert.deepEqual(errors, []);
  await page.context().close();
});

test('progress survives a reload in a later round: same card, position and round', async () => {
  const { page, errors } = await open({ seed: 7 });
  const live = page.locator('#widget .live');
  await mark(page, 'known'); // fact 1
  await mark(page, 'learning'); // fact 2
  await cardNext(page).focus();
  await page.keyboard.press('End'); // the last card of round 1
  assert.equal(await text(position(page)), `${FACTS} / ${FACTS}`);
  await cardNext(page).click(); // round 2: the 30 cards not known
  assert.equal(await text(live), `Round 2: ${FACTS - 1} left. Card 1 of ${FACTS - 1}`);
  assert.equal(await text(front(page)), DECK.facts[1].front);
  await mark(page, 'known'); // fact 2, now known
  const before = await studyState(page);
  assert.deepEqual(before, {
    position: `2 / ${FACTS - 1}`,
    front: DECK.facts[2].front,
    knownOf: `2 of ${FACTS} known`,
    barValue: '2',
    barMax: String(FACTS),
  });

  await page.reload();
  await waitMounted(page);
  assert.deepEqual(await studyState(page), before, 'the same card and position in round 2 after the reload');
  // The round number is remembered too: the next round is round 3.
  await cardNext(page).focus();
  await page.keyboard.press('End');
  await cardNext(page).click();
  assert.match(await text(live), /^Round 3: /);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('"Reset progress" forgets marks, position and best score', async () => {
  const { page, errors } = await open({ seed: 7 });
  await mark(page, 'known');
  await mark(page, 'known');
  await playQuiz(page, 8);
  assert.equal(await text(best(page)), 'Best so far: 8 / 10');
  const [[key]] = await storage(page);
  assert.match(key, KEY_RE);

  await tab(page, 'cards').click();
  const reset = page.locator('[part~="reset"]');
  assert.equal(await text(reset), 'Reset progress');
  await resetProgress(page);
  assert.deepEqual(await storage(page), [], 'the record is removed');
  assert.deepEqual(await studyState(page), {
    position: `1 / ${FACTS}`,
    front: DECK.facts[0].front,
    knownOf: `0 of ${FACTS} known`,
    barValue: '0',
    barMax: String(FACTS),
  });
  await tab(page, 'quiz').click();
  assert.equal(await best(page).isVisible(), false, 'no best score after a reset');

  await page.reload();
  await waitMounted(page);
  assert.equal(await text(position(page)), `1 / ${FACTS}`);
  assert.equal(await text(knownOf(page)), `0 of ${FACTS} known`);
  await playQuiz(page, 3);
  assert.equal(await text(best(page)), 'Best so far: 3 / 10', 'the old 8 / 10 is forgotten');
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** Marks, moves and finishes a short quiz: every kind of progress there is. */
async function studyAndQuiz(page) {
  await mark(page, 'known');
  await mark(page, 'learning');
  await cardNext(page).click();
  assert.equal(await text(position(page)), `4 / ${FACTS}`);
  assert.equal(await text(knownOf(page)), `1 of ${FACTS} known`);
  await playQuiz(page, 1);
  assert.equal(await text(score(page)), '1 / 2');
  assert.equal(await text(best(page)), 'Best so far: 1 / 2');
}

test('storage: false (option) writes nothing and reads nothing', async () => {
  // A record left by a visit with storage on…
  const { page, errors, warnings } = await open({ seed: 7 });
  await mark(page, 'known');
  const saved = await storage(page);
  assert.equal(saved.length, 1);

  // …is neither read nor touched with storage off.
  await gotoComforts(page, { seed: 7, storage: 'false', questions: 2 });
  assert.equal(await text(knownOf(page)), `0 of ${FACTS} known`, 'the record is not read');
  await studyAndQuiz(page);
  await tab(page, 'cards').click();
  await resetProgress(page);
  assert.deepEqual(await storage(page), saved, 'the old record is untouched');

  // With nothing stored before, nothing is stored after.
  await page.evaluate(() => localStorage.clear());
  await gotoComforts(page, { seed: 7, storage: 'false', questions: 2 });
  await studyAndQuiz(page);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.reload();
  await waitMounted(page);
  assert.equal(await text(position(page)), `1 / ${FACTS}`, 'nothing remembered');
  assert.equal(await text(knownOf(page)), `0 of ${FACTS} known`);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await settle(page);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('storage="off" (attribute) writes nothing', async () => {
  const { page, errors, warnings } = await open({ api: 'element', seed: 7, storage: 'off', questions: 2 });
  assert.equal(await page.evaluate(() => document.querySelector('fact-cards').getAttribute('storage')), 'off');
  await studyAndQuiz(page);
  await tab(page, 'cards').click();
  await resetProgress(page);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  // The same element with storage on does write: the attribute is what stopped it.
  await gotoComforts(page, { api: 'element', seed: 7, questions: 2 });
  await mark(page, 'known');
  await idle(page);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.equal(keys.length, 1);
  assert.match(keys[0], KEY_RE);
  await settle(page);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** Init scripts that break localStorage in the ways a page can meet. */
const FAULTS = {
  'every Storage method throws (denied)': () => {
    for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
      Storage.prototype[name] = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    }
  },
  'setItem throws QuotaExceededError (full)': () => {
    Storage.prototype.setItem = function () {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
    };
  },
  'window.localStorage throws (sandboxed frame)': () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    });
  },
  'window.localStorage is missing': () => {
    Object.defineProperty(window, 'localStorage', { configurable: true, value: undefined });
  },
};

for (const [name, init] of Object.entries(FAULTS)) {
  test(`storage fault: ${name} — the widget works, one warning, no errors`, async () => {
    const { page, errors, warnings } = await open({ seed: 7, questions: 2 }, { init });
    await studyAndQuiz(page); // loads, saves (several times)…
    await tab(page, 'cards').click();
    await resetProgress(page); // …and clears
    assert.equal(await text(knownOf(page)), `0 of ${FACTS} known`);
    assert.equal(await text(position(page)), `1 / ${FACTS}`);
    await settle(page);
    assert.equal(warnings.length, 1, `exactly one warning, got ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /^factcards: /);
    assert.deepEqual(errors, [], 'no page errors, nothing thrown to the host');
    await page.context().close();
  });
}

test('storage fault: corrupt saved data under the real key — fresh start, one warning', async () => {
  const { page, errors, warnings } = await open({ seed: 7, questions: 2 });
  await mark(page, 'known');
  const [[key, good]] = await storage(page);
  assert.match(key, KEY_RE);
  assert.match(good, /^fc\d+\|/);
  await settle(page);
  assert.deepEqual(warnings, [], 'no warning while storage works');

  const garbage = [
    'garbage',
    '{"marks": [1, 2, 3]}',
    'fc1|1|0|kk|', // a record for a deck of 2 facts
    `fc1|1|0|${'x'.repeat(FACTS)}|`, // unknown marks
    `fc1|1|0|${'k'.repeat(FACTS)}|11/10`, // best above its total
    `fc1|1|99999999999999999999999|${'k'.repeat(FACTS)}|`, // position out of range of its type
    '\u0000\uffff',
  ];
  for (const value of garbage) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
    warnings.length = 0;
    await page.reload();
    await waitMounted(page);
    assert.equal(await text(position(page)), `1 / ${FACTS}`, `fresh start over ${JSON.stringify(value)}`);
    assert.equal(await text(knownOf(page)), `0 of ${FACTS} known`);
    await studyAndQuiz(page);
    await settle(page);
    assert.equal(warnings.length, 1, `one warning for ${JSON.stringify(value)}, got ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /^factcards: /);
    assert.ok(warnings[0].includes(key), `the warning names the key: ${warnings[0]}`);
    const [[, now]] = await storage(page);
    assert.match(now, /^fc\d+\|/, 'the garbage was replaced by a good record');
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a changed deck gets a new key and starts fresh; the old progress stays', async () => {
  const { page, errors } = await open({ deck: 'file', seed: 7 });
  await mark(page, 'known');
  await mark(page, 'known');
  const first = await storage(page);
  assert.equal(first.length, 1);
  const [oldKey, oldRecord] = first[0];
  assert.match(oldKey, KEY_RE);

  // The built-in deck is the same deck: same key, same progress.
  await gotoComforts(page, { seed: 7 });
  assert.equal(await text(knownOf(page)), `2 of ${FACTS} known`);

  // One fact's back edited: a different key, a fresh start.
  await gotoComforts(page, { back0: 'Kassym-Jomart Tokayev, President', seed: 7 });
  assert.equal(await text(knownOf(page)), `0 of ${FACTS} known`);
  assert.equal(await text(position(page)), `1 / ${FACTS}`);
  await card(page).click();
  assert.equal(await text(answerFace(page)), 'Kassym-Jomart Tokayev, President');
  await page.locator('[part~="learning"]').click();
  const both = await storage(page);
  assert.equal(both.length, 2, 'a second record');
  const newKey = both.map(([k]) => k).find((k) => k !== oldKey);
  assert.match(newKey, KEY_RE, 'same deck id, another content hash');
  assert.deepEqual(both.find(([k]) => k === oldKey), [oldKey, oldRecord], 'the old record is untouched');

  // Back to the original deck: its progress is still there.
  await gotoComforts(page, { deck: 'file', seed: 7 });
  assert.equal(await text(knownOf(page)), `2 of ${FACTS} known`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

// ---------------------------------------------------------------- languages

const LOCALES = {
  en: {
    tabs: ['Cards', 'Quiz'],
    prev: 'Previous', next: 'Next', known: 'Got it', learning: 'Still learning',
    shuffle: 'Shuffle', restart: 'Restart', reset: 'Reset progress',
    hint: 'Tap or press Enter to turn',
    knownOf: (n, t) => `${n} of ${t} known`,
    questionOf: (n, t) => `Question ${n} of ${t}`,
    correct: 'Correct', incorrect: (a) => `Incorrect — the answer is ${a}`,
    nextQuestion: 'Next question', scoreTitle: 'Your score', best: (n, t) => `Best so far: ${n} / ${t}`,
    retry: ['Retry mistakes', 'Retry all'],
  },
  fr: {
    tabs: ['Cartes', 'Quiz'],
    prev: 'Précédente', next: 'Suivante', known: 'Je sais', learning: 'À revoir',
    shuffle: 'Mélanger', restart: 'Recommencer', reset: 'Effacer la progression',
    hint: 'Touchez ou appuyez sur Entrée pour retourner',
    knownOf: (n, t) => `${n} sur ${t} sues`,
    questionOf: (n, t) => `Question ${n} sur ${t}`,
    correct: 'Correct', incorrect: (a) => `Incorrect — la réponse est ${a}`,
    nextQuestion: 'Question suivante', scoreTitle: 'Votre score', best: (n, t) => `Meilleur score : ${n} / ${t}`,
    retry: ['Refaire les erreurs', 'Tout refaire'],
  },
  ru: {
    tabs: ['Карточки', 'Тест'],
    prev: 'Назад', next: 'Далее', known: 'Знаю', learning: 'Ещё учу',
    shuffle: 'Перемешать', restart: 'Сначала', reset: 'Сбросить прогресс',
    hint: 'Коснитесь или нажмите Enter, чтобы перевернуть',
    knownOf: (n, t) => `Знаю ${n} из ${t}`,
    questionOf: (n, t) => `Вопрос ${n} из ${t}`,
    correct: 'Верно', incorrect: (a) => `Неверно — правильный ответ: ${a}`,
    nextQuestion: 'Следующий вопрос', scoreTitle: 'Ваш результат', best: (n, t) => `Лучший результат: ${n} из ${t}`,
    retry: ['Повторить ошибки', 'Пройти заново'],
  },
};

/** Checks every UI string of the cards view and the first quiz question. */
async function checkLocale(page, tag, { deckLang = DECK.language } = {}) {
  const L = LOCALES[tag];
  const root = page.locator('#widget .fc');
  assert.equal(await root.getAttribute('lang'), tag, 'the widget is marked with its UI language');
  assert.deepEqual((await page.locator('[part~="tab"]').allTextContents()).map((t) => t.trim()), L.tabs);
  for (const part of ['prev', 'known', 'learning', 'shuffle', 'restart', 'reset']) {
    assert.equal(await text(page.locator(`[part~="${part}"]`)), L[part], part);
  }
  assert.equal(await text(cardNext(page)), L.next);
  assert.equal(await text(page.locator('#p-cards .hint')), L.hint);
  assert.equal(await text(position(page)), `1 / ${FACTS}`);
  assert.equal(await text(knownOf(page)), L.knownOf(0, FACTS));
  // Deck text is not translated and keeps the deck's language.
  assert.equal(await text(front(page)), DECK.facts[0].front);
  assert.equal(await page.locator('[part~="front"]').getAttribute('lang'), deckLang);
  assert.equal(await page.locator('[part~="back"]').getAttribute('lang'), deckLang);
  assert.equal(await page.locator('#widget .title').getAttribute('lang'), deckLang);

  await mark(page, 'known');
  await cardNext(page).click();
  assert.equal(await text(position(page)), `3 / ${FACTS}`);
  assert.equal(await text(knownOf(page)), L.knownOf(1, FACTS));

  await tab(page, 'quiz').click();
  assert.equal(await text(qposition(page)), L.questionOf(1, 10));
  assert.equal(await question(page).getAttribute('lang'), deckLang);
  const fact = BY_FRONT.get(await text(question(page)));
  assert.ok(fact, 'the question is a fact front, untranslated');
  const options = page.locator('[part~="option"]:visible');
  const labels = (await options.locator('.t').allTextContents()).map((t) => t.trim());
  await options.nth(labels.findIndex((l) => l !== fact.back)).click();
  assert.equal(await text(page.locator('[part~="feedback"] .verdict')), L.incorrect(fact.back));
  assert.equal(await text(qnext(page)), L.nextQuestion);
  await qnext(page).click();
  assert.equal(await text(qposition(page)), L.questionOf(2, 10));
}

for (const tag of Object.keys(LOCALES)) {
  test(`locale ${tag}: by option, by attribute, by lang on an ancestor`, async () => {
    const page = await newPage(browser);
    const errors = trackErrors(page);
    await gotoComforts(page, { seed: 7, storage: 'false', locale: tag });
    await checkLocale(page, tag);
    await gotoComforts(page, { api: 'element', seed: 7, storage: 'false', locale: tag });
    await checkLocale(page, tag);
    await gotoComforts(page, { seed: 7, storage: 'false', lang: tag });
    await checkLocale(page, tag);
    await gotoComforts(page, { api: 'element', seed: 7, storage: 'false', lang: tag });
    await checkLocale(page, tag);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('locale: the option beats lang; unknown languages and regions fall back sensibly', async () => {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  await gotoComforts(page, { seed: 7, storage: 'false', lang: 'ru', locale: 'fr' });
  await checkLocale(page, 'fr');
  await gotoComforts(page, { api: 'element', seed: 7, lang: 'ru', locale: 'fr-CA' });
  assert.deepEqual((await page.locator('[part~="tab"]').allTextContents()).map((t) => t.trim()), LOCALES.fr.tabs);
  await gotoComforts(page, { seed: 7, lang: 'ru-KZ' });
  assert.deepEqual((await page.locator('[part~="tab"]').allTextContents()).map((t) => t.trim()), LOCALES.ru.tabs);
  await gotoComforts(page, { seed: 7, storage: 'false', lang: 'de' });
  await checkLocale(page, 'en');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('deck text carries the deck language, whatever the UI language', async () => {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  await gotoComforts(page, { seed: 7, locale: 'ru', language: 'de' });
  await checkLocale(page, 'ru', { deckLang: 'de' });
  assert.deepEqual(errors, []);
  await page.context().close();
});

/**
 * The visible text and labels of the widget, each with the language it is
 * marked with (the nearest lang attribute).
 */
function uiTexts(page) {
  return page.evaluate(() => {
    const root = document.getElementById('widget').shadowRoot;
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const t = node.textContent.trim();
      if (!t || el.closest('.sizer, [hidden]')) continue;
      if (el.checkVisibility && !el.checkVisibility()) continue;
      out.push({ text: t, lang: el.closest('[lang]')?.getAttribute('lang') ?? null, where: el.className || el.localName });
    }
    for (const el of root.querySelectorAll('[aria-label], [aria-valuetext]')) {
      if (el.closest('.sizer, [hidden]')) continue;
      for (const attr of ['aria-label', 'aria-valuetext']) {
        const t = el.getAttribute(attr);
        if (t) out.push({ text: t, lang: el.closest('[lang]')?.getAttribute('lang') ?? null, where: `${el.localName}[${attr}]` });
      }
    }
    return out;
  });
}

/** English UI strings as patterns ({n}, {total}, {answer} as wildcards). */
const ENGLISH = [
  'Cards', 'Quiz', 'Correct', 'Study mode', 'Previous', 'Next', 'Tap or press Enter to turn', 'Got it', 'Still learning',
  'Shuffle', 'Restart', 'Topic', 'All topics', 'Card {n} of {total}', 'Round {n}: {total} left',
  '{n} of {total} known', 'You know every card.', 'Study again', 'Question {n} of {total}',
  'Incorrect — the answer is {answer}', 'Your answer', 'Right answer', 'Check', 'Next question',
  'See your score', 'Your score', 'Best so far: {n} / {total}', '(no answer)', 'Retry mistakes', 'Retry all',
  'Source', 'Loading deck…', 'This deck could not be shown.', 'Reset progress',
];
const pattern = (s) =>
  new RegExp(
    '^' +
      s
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{n\}|\{total\}/g, '\\d+')
        .replace(/\{answer\}/g, '.+') +
      '(?: \\(\\d+\\))?:?$',
  );
const ENGLISH_RES = ENGLISH.map((s) => [s, pattern(s)]);

/** Goes through every screen of the widget, collecting its texts on each. */
async function everyScreenTexts(page) {
  const all = [];
  const grab = async () => all.push(...(await uiTexts(page)));
  await grab(); // cards, front
  await card(page).click();
  await grab(); // back
  await page.locator('[part~="learning"]').click();
  await playQuiz(page, 1);
  await grab(); // summary
  await page.locator('[data-msg="retry-all"]').click();
  const options = page.locator('[part~="option"]:visible');
  await options.first().click();
  await grab(); // an answered question
  return all;
}

for (const tag of ['fr', 'ru']) {
  test(`locale ${tag}: no English UI string left on any screen`, async () => {
    const { page, errors } = await open({ seed: 7, locale: tag, questions: 2 });
    const texts = await everyScreenTexts(page);
    const L = LOCALES[tag];
    const english = texts.filter(({ text: t }) =>
      ENGLISH_RES.some(([s, re]) => re.test(t) && !(tag === 'fr' && ['Quiz', 'Correct', 'Source'].includes(s))),
    );
    assert.deepEqual(english, [], 'untranslated strings');
    // The source credit: "(ed. …)" is English.
    const credit = await text(page.locator('#widget .credit'));
    assert.ok(!credit.includes('(ed. '), `the credit line is in ${tag}: ${credit}`);
    // …and its headline is quoted as the language quotes: « » in both.
    assert.match(credit, tag === 'fr' ? /«\u00a0Kazakhstan president [^»]+\u00a0»/ : /«Kazakhstan president [^»]+»/, credit);
    assert.ok(texts.some(({ text: t }) => t === L.scoreTitle));
    assert.ok(texts.some(({ text: t }) => t === L.retry[0]));
    assert.ok(texts.some(({ text: t }) => /^(Meilleur score : |Лучший результат: )/.test(t)), 'the best score line');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test(`locale ${tag}: the widget's own words are marked with the UI language`, async () => {
    // A screen reader reads text in the language of its nearest lang
    // attribute: the UI strings must not sit under the deck's lang="en".
    const { page, errors } = await open({ seed: 7, locale: tag, questions: 2 });
    const texts = await everyScreenTexts(page);
    const deckStrings = new Set(
      DECK.facts.flatMap((f) => [f.front, f.back, f.detail, f.quote, f.topic, ...(f.distractors ?? [])]).concat(
        DECK.title,
        Object.values(DECK.source ?? {}),
      ),
    );
    const L = LOCALES[tag];
    const fixed = [L.hint, L.prev, L.next, L.known, L.learning, L.scoreTitle, L.nextQuestion, ...L.retry];
    const ui = texts.filter(({ text: t, where }) => {
      if (deckStrings.has(t) || /^— /.test(t)) return false; // deck text and the quote credit
      if (fixed.includes(t)) return true;
      // Labels, tags and templates: anything in the UI language's own words.
      return (
        /^(Tous les thèmes|Все темы|Votre réponse|Bonne réponse|Ваш ответ|Правильный ответ|Vérifier|Проверить|Incorrect|Неверно|Correct$|Верно$|Source ?:?$|Источник:?$)/.test(t) ||
        where === 'verdict'
      );
    });
    assert.ok(ui.length > 5, 'found UI strings to check');
    const seen = new Set();
    const wrong = ui
      .filter(({ lang }) => lang !== tag)
      .filter(({ text: t, where }) => !seen.has(`${where}|${t}`) && seen.add(`${where}|${t}`));
    assert.deepEqual(wrong, [], `UI strings marked with another language than ${tag}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('labels override single strings: option and attribute', async () => {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  const labels = {
    next: 'Onwards',
    known: 'Nailed it',
    resetProgress: 'Forget me',
    cards: 'Flashcards',
    questionOf: 'Q{n}/{total}',
    knownOf: '{n} done of {total}',
  };
  await gotoComforts(page, { seed: 7, locale: 'fr', labels: JSON.stringify(labels) });
  assert.deepEqual((await page.locator('[part~="tab"]').allTextContents()).map((t) => t.trim()), ['Flashcards', 'Quiz']);
  assert.equal(await text(cardNext(page)), 'Onwards');
  assert.equal(await text(page.locator('[part~="known"]')), 'Nailed it');
  assert.equal(await text(page.locator('[part~="reset"]')), 'Forget me');
  assert.equal(await text(page.locator('[part~="prev"]')), LOCALES.fr.prev, 'the rest stays French');
  assert.equal(await text(page.locator('[part~="learning"]')), LOCALES.fr.learning);
  assert.equal(await text(knownOf(page)), `0 done of ${FACTS}`);
  await mark(page, 'known');
  assert.equal(await text(knownOf(page)), `1 done of ${FACTS}`);
  await tab(page, 'quiz').click();
  assert.equal(await text(qposition(page)), 'Q1/10');

  await gotoComforts(page, { api: 'element', seed: 7, labels: '{"next": "Onwards", "learning": "Not yet"}' });
  assert.equal(await text(cardNext(page)), 'Onwards');
  assert.equal(await text(page.locator('[part~="learning"]')), 'Not yet');
  assert.equal(await text(page.locator('[part~="prev"]')), 'Previous');
  assert.equal(await text(page.locator('[part~="known"]')), 'Got it');
  // Changing the attribute mounts again with the new labels.
  await page.evaluate(() => document.querySelector('fact-cards').setAttribute('labels', '{"next": "Forward"}'));
  await page.waitForFunction(() =>
    document.querySelector('fact-cards').shadowRoot.querySelector('[part~="next"][data-msg="next"]')?.textContent === 'Forward',
  );
  assert.equal(await text(page.locator('[part~="learning"]')), 'Still learning');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('labels: "best" can be overridden, and LabelName in factcards.d.ts lists it', async () => {
  const { page, errors } = await open({ seed: 7, questions: 2, storage: 'false', labels: JSON.stringify({ best: 'Top: {n} of {total}' }) });
  await playQuiz(page, 2);
  assert.equal(await text(best(page)), 'Top: 2 of 2');
  // Every name LabelName declares is one that mount accepts…
  const dts = await readFile(path.join(REPO_ROOT, 'pkg/factcards.d.ts'), 'utf8');
  const union = dts.match(/export type LabelName =([^;]+);/);
  assert.ok(union, 'LabelName is declared');
  const declared = [...union[1].matchAll(/"([A-Za-z]+)"/g)].map((m) => m[1]);
  const refused = await page.evaluate((names) => {
    const host = document.createElement('div');
    document.body.append(host);
    const out = [];
    for (const name of names) {
      try {
        window.fc.mount(host, null, { storage: false, labels: { [name]: 'X' } }).destroy();
      } catch (e) {
        out.push(`${name}: ${e.message}`);
      }
    }
    host.remove();
    return out;
  }, declared);
  assert.deepEqual(refused, []);
  // …and the names the widget accepts that show on screen are declared.
  assert.ok(declared.includes('best'), `LabelName lacks "best": ${declared.join(' ')}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('fr and ru: screenshots of cards and quiz at 1024 px; at 360 px the tools row keeps its words whole', async () => {
  for (const tag of ['fr', 'ru']) {
    const { page, errors } = await open({ seed: 7, locale: tag, questions: 3 });
    await shot(page, `comforts-${tag}-cards-front-1024`);
    await card(page).click();
    await shot(page, `comforts-${tag}-cards-back-1024`);
    await page.locator('[part~="learning"]').click();
    await tab(page, 'quiz').click();
    const fact = BY_FRONT.get(await text(question(page)));
    const options = page.locator('[part~="option"]:visible');
    const labels = (await options.locator('.t').allTextContents()).map((t) => t.trim());
    await options.nth(labels.findIndex((l) => l !== fact.back)).click();
    await shot(page, `comforts-${tag}-quiz-answered-1024`);
    await qnext(page).click();
    while (!(await summary(page).isVisible())) {
      await page.locator('[part~="option"]:visible').first().click();
      await qnext(page).click();
    }
    await shot(page, `comforts-${tag}-quiz-summary-1024`);
    assert.deepEqual(errors, []);
    await page.context().close();
  }
  // At 360 px the tools row's buttons keep their words whole: the topic
  // menu gives up width first (in Russian, "Перемешать" once broke as
  // "Перемешат" / "ь"). At 320 px the row still fits the widget.
  for (const tag of ['ru', 'fr']) {
    const narrow = await open({ seed: 7, locale: tag }, { view: { width: 320, height: 800 } });
    const tools = await narrow.page.locator('.tools').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
    assert.ok(tools.sw <= tools.cw, `${tag} at 320 px: the tools row is ${tools.sw} px wide in ${tools.cw} px`);
    await narrow.page.context().close();
    const { page } = await open({ seed: 7, locale: tag }, { view: { width: 360, height: 800 } });
    for (const part of ['shuffle', 'more']) {
      const lines = await page.locator(`[part~="${part}"]`).evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      assert.equal(lines, 1, `${tag}: the ${part} button's label is on one line at 360 px`);
    }
    if (tag === 'ru') {
      await card(page).click();
      await shot(page, 'comforts-ru-cards-back-360');
    }
    await page.context().close();
  }
});

// ---------------------------------------------------------- static fallback

const execFileP = promisify(execFile);

/** `factcards render FILE`, run with cargo; resolves to its stdout. */
async function render(file) {
  const env = {
    ...process.env,
    CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR || '/work/target-comf',
    PATH: `${path.join(os.homedir(), '.cargo', 'bin')}:${process.env.PATH}`,
  };
  const { stdout } = await execFileP('cargo', ['run', '-q', '--bin', 'factcards', '--', 'render', file], {
    cwd: REPO_ROOT,
    env,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  return stdout;
}

/** Parses `html` with DOMParser in a blank page and describes what it holds. */
async function parseInBrowser(html) {
  const page = await newPage(browser);
  await page.goto('about:blank');
  const parsed = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const all = [...doc.body.querySelectorAll('*')];
    return {
      tags: [...new Set(all.map((e) => e.localName))].sort(),
      attrs: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
      headTags: [...doc.head.children].map((e) => e.localName),
      section: {
        lang: doc.body.firstElementChild?.getAttribute('lang'),
        tag: doc.body.firstElementChild?.localName,
        count: doc.body.children.length,
      },
      title: doc.querySelector('h2')?.textContent,
      description: doc.querySelector('section > p')?.textContent,
      dts: [...doc.querySelectorAll('dl > dt')].map((dt) => ({ id: dt.id, text: dt.textContent })),
      dds: [...doc.querySelectorAll('dl > dd')].map((dd) => ({
        back: dd.querySelector('strong')?.textContent ?? null,
        detail: dd.querySelector(':scope > span')?.textContent ?? null,
        quote: dd.querySelector('blockquote > p')?.textContent ?? null,
      })),
      source: (() => {
        const p = doc.querySelector('section > p:last-of-type');
        const a = p?.querySelector('a');
        return { text: p?.textContent, href: a?.getAttribute('href') ?? null, link: a?.textContent ?? null, cite: p?.querySelector('cite')?.textContent ?? null };
      })(),
    };
  }, html);
  await page.context().close();
  return parsed;
}

const ALLOWED_TAGS = ['a', 'blockquote', 'cite', 'dd', 'dl', 'dt', 'h2', 'p', 'section', 'span', 'strong'];
const ALLOWED_ATTRS = ['class', 'href', 'id', 'lang', 'rel'];

/** What the parsed fallback of `deck` must hold. */
function assertFallback(parsed, deck) {
  for (const t of parsed.tags) assert.ok(ALLOWED_TAGS.includes(t), `unexpected element <${t}>`);
  for (const a of parsed.attrs) assert.ok(ALLOWED_ATTRS.includes(a), `unexpected attribute ${a}`);
  assert.deepEqual(parsed.headTags, [], 'nothing lands in <head>');
  assert.deepEqual(parsed.section, { lang: deck.language ?? 'en', tag: 'section', count: 1 });
  assert.equal(parsed.title, deck.title);
  assert.equal(parsed.description, deck.description);
  assert.equal(parsed.dts.length, deck.facts.length);
  assert.equal(parsed.dds.length, deck.facts.length);
  deck.facts.forEach((f, i) => {
    assert.deepEqual(parsed.dts[i], { id: `fact-${f.id ?? `fact-${i + 1}`}`, text: f.front }, `front of fact ${i}`);
    assert.deepEqual(
      parsed.dds[i],
      { back: f.back, detail: f.detail ?? null, quote: f.quote ?? null },
      `back of fact ${i}`,
    );
  });
}

test('render: the article deck as static HTML, parsed back in the browser', { timeout: 16 * 60_000 }, async () => {
  const html = await render(DECK_FILE);
  const parsed = await parseInBrowser(html);
  assertFallback(parsed, DECK);
  // The article deck's source has no URL: the publisher is plain text.
  assert.equal(DECK.source.url, undefined);
  assert.equal(parsed.source.href, null);
  assert.equal(parsed.source.text, `Source: ${DECK.source.publisher}, ${DECK.source.headline} (ed. ${DECK.source.editor})`);
  assert.equal(parsed.source.cite, DECK.source.headline);
  // www/fallback.html carries exactly this output.
  const page = await readFile(path.join(REPO_ROOT, 'www/fallback.html'), 'utf8');
  assert.ok(page.includes(html.trim()), 'www/fallback.html holds the render output as it is');
});

test('render: hostile deck text stays text', { timeout: 16 * 60_000 }, async () => {
  const payloads = {
    script: '<script>window.pwned = 1</script>',
    img: '<img src=x onerror="window.pwned = 2">',
    svg: '"><svg onload=window.pwned=3>',
    close: '</dd></dl></section><script>window.pwned = 4</script>',
    attr: `' onmouseover='window.pwned=5' x='`,
    entity: '&lt;b&gt;not bold&lt;/b&gt; &amp; <b>nor this</b>',
    comment: '<!-- x --><iframe src="javascript:window.pwned=6"></iframe>',
  };
  const deck = {
    version: 1,
    id: 'hostile',
    title: payloads.script + ' title',
    language: 'en',
    description: payloads.img,
    source: {
      publisher: payloads.comment,
      headline: payloads.close,
      url: 'https://example.com/a?b=1&c=2',
      author: payloads.attr,
      editor: payloads.entity,
    },
    facts: [
      { id: 'f1', front: payloads.script, back: payloads.img, detail: payloads.svg, quote: payloads.close, topic: payloads.entity },
      { id: 'f2', front: payloads.close, back: payloads.attr, detail: payloads.comment },
      { id: 'f3', front: payloads.entity, back: payloads.svg, quote: payloads.img },
      { id: 'f4', front: payloads.attr, back: payloads.script },
    ],
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcards-hostile-'));
  try {
    const file = path.join(dir, 'hostile.json');
    await writeFile(file, JSON.stringify(deck, null, 2));
    const html = await render(file);
    const parsed = await parseInBrowser(html);
    assertFallback(parsed, deck);
    assert.equal(parsed.source.href, deck.source.url);
    assert.equal(parsed.source.link, payloads.comment);
    assert.equal(parsed.source.cite, payloads.close);
    assert.ok(parsed.source.text.includes(payloads.attr), 'the author as text');
    assert.ok(parsed.source.text.includes(payloads.entity), 'the editor as text');

    // Put into a live page, none of it runs.
    const page = await newPage(browser);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto('about:blank');
    await page.evaluate((html) => {
      window.pwned = 0;
      const host = document.createElement('div');
      host.id = 'fallback';
      host.innerHTML = html;
      document.body.append(host);
    }, html);
    await page.locator('#fallback dt').first().hover();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    assert.equal(await page.evaluate(() => window.pwned), 0);
    assert.equal(await page.locator('#fallback img, #fallback script, #fallback svg, #fallback iframe').count(), 0);
    assert.deepEqual(dialogs, []);
    await page.context().close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('fallback.html: the widget replaces the static facts when it starts', async () => {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  await page.goto(`${server.url}fallback.html`);
  const widgetCard = page.locator('fact-cards [part~="card"]');
  await widgetCard.waitFor({ state: 'visible' });
  assert.equal(await page.locator('dl dt').count(), FACTS, 'the fallback is still in the light DOM');
  assert.equal(await page.locator('dl dt').first().isVisible(), false, 'but not shown');
  assert.equal(await page.locator('section.factcards-fallback').isVisible(), false);
  assert.equal(await page.getByRole('term').count(), 0, 'no fallback term in the accessibility tree');
  assert.equal(await page.getByRole('definition').count(), 0);
  assert.equal(await page.getByText(DECK.facts[1].front, { exact: true }).filter({ visible: true }).count(), 0);
  assert.equal(await text(page.locator('fact-cards [part~="front"] .prompt')), DECK.facts[0].front);
  assert.equal(await page.getByRole('tab', { name: 'Cards' }).count(), 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('fallback.html without script: every fact is there to read', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}fallback.html`);
  const dts = page.locator('dl dt');
  assert.equal(await dts.count(), FACTS);
  assert.equal(await dts.filter({ visible: true }).count(), FACTS, 'all 31 <dt> visible');
  assert.equal(await page.locator('dl dd').filter({ visible: true }).count(), FACTS);
  assert.deepEqual((await dts.allTextContents()).map((t) => t.trim()), DECK.facts.map((f) => f.front));
  const backs = (await page.locator('dl dd strong').allTextContents()).map((t) => t.trim());
  assert.deepEqual(backs, DECK.facts.map((f) => f.back));
  assert.equal(await page.getByRole('term').count(), FACTS);
  assert.equal(await page.locator('fact-cards [part~="card"]').count(), 0, 'no widget without script');
  await page.context().close();
});

// -------------------------------------------------------------- playground

test('playground: JSON that does not parse names its line and column, as the CLI does, and the button puts the caret there', async () => {
  const page = await newPage(browser, { width: 1024, height: 900 });
  const errors = trackErrors(page);
  await page.goto(`${server.url}playground.html`);
  await page.locator('#preview [part~="card"]').waitFor({ state: 'visible' });
  const broken = '{\n  "version": 1,\n  "title": "T",\n  "facts": [,]\n}';
  await fill(page.locator('#deck'), broken);
  await page.waitForFunction(() => document.getElementById('verdict').textContent === '1 problem');
  const item = page.locator('#problems li');
  assert.match(await text(item), /^not valid JSON: .* at line 4 column 13$/s);
  await item.getByRole('button', { name: 'at line 4 column 13' }).click();
  const caret = await page.locator('#deck').evaluate((t) => [document.activeElement === t, t.selectionStart]);
  assert.deepEqual(caret, [true, broken.indexOf(',]')]);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('playground: errors by path for a broken deck, a live preview for a good one', async () => {
  const page = await newPage(browser, { width: 1024, height: 900 });
  const errors = trackErrors(page);
  await page.goto(`${server.url}playground.html`);
  const editor = page.locator('#deck');
  const verdict = page.locator('#verdict');
  const problems = page.locator('#problems li');
  const preview = page.locator('#preview');

  await preview.locator('[part~="card"]').waitFor({ state: 'visible' });
  assert.equal(await text(verdict), 'Valid deck');
  assert.equal(await problems.count(), 0);
  assert.equal(await text(preview.locator('[part~="front"] .prompt')), DECK.facts[0].front);
  await shot(page, 'comforts-playground-valid-1024');

  const edit = async (change) => {
    const deck = JSON.parse(await editor.inputValue());
    change(deck);
    await fill(editor, JSON.stringify(deck, null, 2));
  };

  // One problem, by path.
  const original = JSON.parse(await editor.inputValue());
  await edit((d) => {
    d.facts[0].back = '   ';
  });
  await page.waitForFunction(() => document.getElementById('verdict').textContent === '1 problem');
  assert.deepEqual((await problems.allTextContents()).map((t) => t.trim()), ['facts[0].back: must not be blank']);
  assert.equal(await text(problems.first().locator('code')), 'facts[0].back');
  // The preview still shows the last valid deck, and says so.
  assert.ok(await page.locator('#stale').isVisible(), 'the stale preview is marked');
  assert.equal(await text(preview.locator('[part~="front"] .prompt')), DECK.facts[0].front);
  await shot(page, 'comforts-playground-error-1024');

  // Several problems at once, each with its path.
  await edit((d) => {
    d.facts[2].front = '';
    d.version = 2;
  });
  await page.waitForFunction(() => /^\d+ problems$/.test(document.getElementById('verdict').textContent));
  const lines = (await problems.allTextContents()).map((t) => t.trim());
  for (const p of ['version', 'facts[0].back', 'facts[2].front']) {
    assert.ok(lines.some((l) => l.startsWith(`${p}: `)), `a problem at ${p} in ${JSON.stringify(lines)}`);
  }

  // Text that is not JSON.
  await fill(editor, '{ "version": 1, ');
  await page.waitForFunction(() => document.getElementById('verdict').textContent === '1 problem');
  assert.match(await text(problems.first()), /^not valid JSON/);

  // Fixed, with a new back for the first card: the preview shows the new deck.
  const fixed = structuredClone(original);
  fixed.facts[0].back = 'Kassym-Jomart Tokayev (edited in the playground)';
  await fill(editor, JSON.stringify(fixed, null, 2));
  await page.waitForFunction(() => document.getElementById('verdict').textContent === 'Valid deck');
  assert.equal(await problems.count(), 0);
  assert.ok(!(await page.locator('#stale').isVisible()), 'a valid deck: the preview is current again');
  await preview.locator('[part~="card"]').click();
  await page.waitForFunction(
    () =>
      document.querySelector('#preview').shadowRoot.querySelector('[part~="back"] .answer')?.textContent ===
      'Kassym-Jomart Tokayev (edited in the playground)',
  );
  assert.equal(await page.locator('#preview [part~="back"]').getAttribute('aria-hidden'), 'false');

  // A new title shows in the preview too.
  fixed.title = 'A retitled deck';
  await fill(editor, JSON.stringify(fixed, null, 2));
  await page.waitForFunction(
    () => document.querySelector('#preview').shadowRoot.querySelector('[part~="title"]')?.textContent === 'A retitled deck',
  );
  await shot(page, 'comforts-playground-fixed-1024');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'the preview stores nothing');
  assert.deepEqual(errors, []);
  await page.context().close();
});

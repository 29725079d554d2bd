// The quiz, end to end in Chromium: the "Done when" of the Quiz issue.
//
// Every judgement is decided by the test itself from the deck JSON: the
// question text (the fact's front) finds the fact, and the test clicks the
// option equal to its back (to answer right) or another one (to answer
// wrong), then checks what the widget says and sends.
//
// The page is www/test-quiz.html, which mounts the built-in deck (the
// article's, www/decks/tokayev-brussels-2021.json) with options taken from
// the URL and records every factcards:* event in window.events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, newPage, shot, axe, formatViolations, trackErrors, serveAndLaunch, idle } from './harness.mjs';

const DECK = JSON.parse(
  await readFile(path.join(REPO_ROOT, 'www/decks/tokayev-brussels-2021.json'), 'utf8'),
);
const BY_FRONT = new Map(DECK.facts.map((f) => [f.front, f]));
const INCORRECT = (answer) => `Incorrect — the answer is ${answer}`;

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

// ---------------------------------------------------------------- helpers

/** Opens test-quiz.html with `params` in a fresh context; waits for the widget. */
async function open(params, view = {}) {
  const page = await newPage(browser, view);
  const errors = trackErrors(page);
  await gotoQuiz(page, params);
  return { page, errors };
}

async function gotoQuiz(page, params) {
  const query = new URLSearchParams(params).toString();
  const response = await page.goto(`${server.url}test-quiz.html?${query}`);
  assert.equal(response.status(), 200);
  await page.waitForFunction(() => window.mounted === true);
  await page.locator('#widget [part~="root"]').waitFor();
}

/** Case- and space-folded text, as the "no repeats" rule compares. */
const fold = (s) => s.trim().replace(/\s+/g, ' ').toLowerCase();

const question = (page) => page.locator('[part~="question"]');
const optionButtons = (page) => page.locator('[part~="option"]:visible');
const feedback = (page) => page.locator('[part~="feedback"]');
const verdict = (page) => page.locator('[part~="feedback"] .verdict');
const nextButton = (page) => page.locator('[part~="next"].qnext');
const summary = (page) => page.locator('#p-quiz .summary');

/** What is asked now: the fact (found by its front) and the option texts. */
async function current(page) {
  const front = (await question(page).textContent()).trim();
  const fact = BY_FRONT.get(front);
  assert.ok(fact, `the question "${front}" is the front of a fact of the deck`);
  const options = (await optionButtons(page).allTextContents()).map((t) => t.trim());
  return { front, fact, options };
}

/** The focused element inside the widget's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.getElementById('widget').shadowRoot.activeElement;
    return el ? { part: el.getAttribute('part'), text: el.textContent.trim(), tag: el.tagName } : null;
  });
}

const events = (page, type) =>
  page.evaluate((type) => window.events.filter((e) => !type || e.type === type), type);

/** The question position text and the progress bar's value and max. */
async function progress(page) {
  const text = (await page.locator('[part~="qposition"]').textContent()).trim();
  const bar = page.locator('#p-quiz progress[part~="progress"]');
  const [value, max] = await bar.evaluate((p) => [p.value, p.max]);
  return { text, value, max };
}

/**
 * Checks the multiple-choice question on screen against the issue: up to 4
 * native buttons in a group labelled by the question, exactly one equal to
 * the back, no repeats, wrong options by kind. Returns `current(page)`.
 */
async function checkChoiceQuestion(page) {
  const q = await current(page);
  const { fact, options } = q;
  const group = page.getByRole('group', { name: q.front, exact: true });
  assert.equal(await group.count(), 1, 'the options sit in a group labelled by the question');
  assert.equal(await group.getByRole('button').count(), options.length, 'every option is a button of the group');
  const tags = await optionButtons(page).evaluateAll((els) =>
    els.map((b) => [b.tagName, b.type, b.disabled]),
  );
  for (const [tag, type, disabled] of tags) {
    assert.deepEqual([tag, type, disabled], ['BUTTON', 'button', false], 'options are enabled native buttons');
  }
  // The article deck can give every fact 3 wrong options: 4 options each.
  assert.equal(options.length, 4, `4 options, got ${options.length}`);
  assert.equal(options.filter((o) => o === fact.back).length, 1, `exactly one option is the back "${fact.back}": ${JSON.stringify(options)}`);
  assert.equal(new Set(options.map(fold)).size, options.length, `no repeated options: ${JSON.stringify(options)}`);
  const rights = [fact.back, ...(fact.accept ?? [])].map(fold);
  const wrong = options.filter((o) => o !== fact.back);
  for (const w of wrong) {
    assert.ok(!rights.includes(fold(w)), `wrong option "${w}" is not a right answer of "${fact.id}"`);
  }
  // Wrong options by kind: authored distractors first, then backs of facts of
  // the same kind, then their authored distractors; only numbers, money and
  // dates may have generated ones.
  const distractors = fact.distractors ?? [];
  const sameKind = DECK.facts.filter((g) => g.kind === fact.kind && g.id !== fact.id).map((g) => g.back);
  const theirs = DECK.facts.filter((g) => g.kind === fact.kind && g.id !== fact.id).flatMap((g) => g.distractors ?? []);
  const authored = wrong.filter((w) => distractors.includes(w));
  assert.equal(
    authored.length,
    Math.min(distractors.length, 3),
    `"${fact.id}": its authored distractors come first: ${JSON.stringify(wrong)}`,
  );
  if (!['number', 'money', 'date'].includes(fact.kind)) {
    for (const w of wrong) {
      assert.ok(
        distractors.includes(w) || sameKind.includes(w) || theirs.includes(w),
        `"${fact.id}" (${fact.kind}): "${w}" is a distractor, or the back or a distractor of a ${fact.kind} fact`,
      );
    }
  }
  if (distractors.length < 3) {
    const fromSameKind = wrong.filter((w) => !distractors.includes(w) && sameKind.includes(w));
    const available = new Set(sameKind.filter((b) => !rights.includes(fold(b)) && !distractors.map(fold).includes(fold(b))).map(fold));
    assert.equal(
      fromSameKind.length,
      Math.min(3 - authored.length, available.size),
      `"${fact.id}": backs of ${fact.kind} facts fill the wrong options before generated ones: ${JSON.stringify(wrong)}`,
    );
  }
  return q;
}

/**
 * Answers the question on screen right or wrong on purpose and checks the
 * verdict, the marks, the lock, the event and where focus went. Returns the
 * record { front, fact, given, correct }.
 */
async function answerChoice(page, right, { index, total, last }) {
  const q = await checkChoiceQuestion(page);
  const { fact, options } = q;
  const pick = right ? options.indexOf(fact.back) : options.findIndex((o) => o !== fact.back);
  const given = options[pick];
  const before = (await events(page, 'factcards:answer')).length;
  await optionButtons(page).nth(pick).click();

  // The verdict, in the feedback, inside a role="status" region.
  await verdict(page).waitFor();
  assert.equal((await verdict(page).textContent()).trim(), right ? 'Correct' : INCORRECT(fact.back));
  assert.equal(await page.locator('[role="status"] [part~="feedback"]').count(), 1, 'the feedback is inside a status region');
  const fb = (await feedback(page).textContent()).replace(/\s+/g, ' ');
  if (fact.detail) assert.ok(fb.includes(fact.detail.replace(/\s+/g, ' ')), 'the feedback gives the detail');
  if (fact.quote) assert.ok(fb.includes(fact.quote.replace(/\s+/g, ' ')), 'the feedback gives the quote');

  // Marks: the right option and the chosen one, by text as well as colour;
  // every option locked.
  const buttons = optionButtons(page);
  for (let i = 0; i < options.length; i++) {
    const b = buttons.nth(i);
    const text = (await b.textContent()).trim();
    const name = await b.evaluate((el) => el.className);
    assert.ok(await b.isDisabled(), `option ${i} is locked after answering`);
    if (options[i] === fact.back) {
      assert.match(text, /Right answer$/, `the right option "${options[i]}" is marked in words`);
      assert.match(name, /\bright\b/);
    } else if (i === pick) {
      assert.match(text, /Your answer$/, `the chosen wrong option "${options[i]}" is marked in words`);
      assert.match(name, /\bwrong\b/);
    } else {
      assert.equal(text, options[i], `an option neither chosen nor right carries no mark`);
      assert.doesNotMatch(name, /\b(right|wrong)\b/);
    }
  }
  const markColour = async (i) => buttons.nth(i).evaluate((el) => getComputedStyle(el).borderTopColor);
  const plain = options.findIndex((o, i) => o !== fact.back && i !== pick);
  if (plain >= 0) {
    assert.notEqual(await markColour(options.indexOf(fact.back)), await markColour(plain), 'the right option is marked in colour too');
  }

  // The event.
  const answers = await events(page, 'factcards:answer');
  assert.equal(answers.length, before + 1, 'one factcards:answer per answer');
  assert.deepEqual(answers.at(-1).detail, { factId: fact.id, correct: right, given, expected: fact.back });

  // Focus goes to the Next-question button.
  assert.ok(await nextButton(page).isVisible());
  assert.equal((await nextButton(page).textContent()).trim(), last ? 'See your score' : 'Next question');
  assert.deepEqual(await focused(page), {
    part: 'next',
    text: last ? 'See your score' : 'Next question',
    tag: 'BUTTON',
  });
  // The progress bar counts the question as done; the position stays.
  assert.deepEqual(await progress(page), { text: `Question ${index + 1} of ${total}`, value: index + 1, max: total });
  return { front: q.front, fact, given, correct: right, options };
}

/** Clicks Next question and checks focus moved to the new question. */
async function goNext(page, { finished }) {
  await nextButton(page).click();
  if (finished) {
    await summary(page).waitFor();
    assert.equal((await focused(page))?.text, 'Your score', 'at the end focus goes to the score title');
  } else {
    assert.equal((await focused(page))?.part, 'question', 'after Next focus goes to the question');
    assert.equal(await feedback(page).locator('.verdict').textContent(), '', 'the new question has no verdict yet');
    assert.ok(!(await nextButton(page).isVisible()), 'Next question hides until the new question is answered');
  }
}

/** Plays a round, answering question i right unless wrong.has(i). */
async function playRound(page, total, wrong = new Set()) {
  const played = [];
  for (let i = 0; i < total; i++) {
    const p = await progress(page);
    assert.equal(p.text, `Question ${i + 1} of ${total}`);
    assert.equal(p.max, total, 'the progress bar runs to the number of questions');
    assert.equal(p.value, i, 'the progress bar shows the questions done');
    played.push(await answerChoice(page, !wrong.has(i), { index: i, total, last: i === total - 1 }));
    await goNext(page, { finished: i === total - 1 });
  }
  return played;
}

/**
 * The review: the missed answers, each with the question, your answer and the
 * right one, and the right answers in a closed disclosure, a question and its
 * answer each.
 */
async function review(page) {
  return page.locator('[part~="review"]').evaluate((r) => {
    const items = (sel) =>
      [...r.querySelectorAll(sel)].map((li) => ({
        cls: li.className,
        lines: [...li.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()),
      }));
    const details = r.querySelector('details');
    return {
      missedTitle: r.querySelector('.missed-title').hidden ? null : r.querySelector('.missed-title').textContent,
      missed: items('.missed > li'),
      rightsTitle: details.hidden ? null : details.querySelector('summary').textContent,
      rightsOpen: details.open,
      rights: items('details li'),
    };
  });
}

/** The one-line message of the summary for `score` out of `total`. */
function bandMessage(score, total) {
  if (score === total) return 'Perfect — every answer right.';
  if (score * 10 >= total * 7) return 'Well done — only a few to review.';
  if (score * 10 >= total * 4) return 'Good start — review the ones you missed.';
  return 'Keep going — retry your mistakes to learn them.';
}

async function checkSummary(page, played) {
  const score = played.filter((p) => p.correct).length;
  const total = played.length;
  assert.ok(await summary(page).isVisible(), 'the summary shows');
  assert.ok(!(await question(page).isVisible()), 'the question is gone');
  assert.equal((await page.locator('[part~="score"]').textContent()).trim(), `${score} / ${total}`);
  assert.equal((await summary(page).locator('.band').textContent()).trim(), bandMessage(score, total));
  const complete = await events(page, 'factcards:complete');
  assert.deepEqual(complete.at(-1).detail, { score, total });
  const r = await review(page);
  const missed = played.filter((p) => !p.correct);
  const right = played.filter((p) => p.correct);
  assert.equal(r.missedTitle, missed.length ? `Missed (${missed.length})` : null);
  assert.deepEqual(
    r.missed.map((item) => item.lines),
    missed.map((p) => [p.front, `Your answer: ${p.given}`, `Right answer: ${p.fact.back}`]),
    'the missed answers, in question order, with what was given and what is right',
  );
  assert.ok(r.missed.every((item) => /\bwrong\b/.test(item.cls)));
  assert.equal(r.rightsTitle, right.length ? `Right answers (${right.length})` : null);
  assert.equal(r.rightsOpen, false, 'the right answers are folded');
  assert.deepEqual(
    r.rights.map((item) => item.lines),
    right.map((p) => [p.front, p.fact.back]),
    'the right answers, a question and its answer each',
  );
  assert.ok(r.rights.every((item) => /\bright\b/.test(item.cls)));
}

const retryMistakes = (page) => page.getByRole('button', { name: 'Retry mistakes' });
const retryAll = (page) => page.getByRole('button', { name: 'Retry all' });

/** Reads the questions of the round by answering each right (no checks). */
async function fronts(page, total) {
  const out = [];
  for (let i = 0; i < total; i++) {
    const q = await current(page);
    out.push({ front: q.front, options: q.options });
    await optionButtons(page).nth(q.options.indexOf(q.fact.back)).click();
    await nextButton(page).click();
  }
  return out;
}

// ------------------------------------------------------------------ tests

test('a full quiz on the article deck: judgements, marks, events, score, review and both retries', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 2021 });
  const WRONG = new Set([1, 4, 8]);

  // Round 1: the default length is min(10, facts) = 10.
  assert.equal((await progress(page)).text, 'Question 1 of 10');
  const played = await playRound(page, 10, WRONG);
  assert.equal(new Set(played.map((p) => p.fact.id)).size, 10, 'ten different facts are asked');
  await checkSummary(page, played);
  assert.ok(await retryMistakes(page).isEnabled());
  assert.equal((await events(page, 'factcards:answer')).length, 10);

  // Retry mistakes: exactly the missed questions, in a new, seed-derived order.
  const missed = played.filter((p) => !p.correct);
  await retryMistakes(page).click();
  assert.equal((await progress(page)).text, `Question 1 of ${missed.length}`);
  assert.equal((await focused(page))?.part, 'question', 'after a retry focus goes to the question');
  const retried = await playRound(page, missed.length);
  assert.deepEqual(
    retried.map((p) => p.fact.id).sort(),
    missed.map((p) => p.fact.id).sort(),
    'Retry mistakes asks exactly the missed questions',
  );
  assert.notDeepEqual(retried.map((p) => p.fact.id), missed.map((p) => p.fact.id), 'in a new order');
  const reshuffled = retried.filter((r) => {
    const first = missed.find((m) => m.fact.id === r.fact.id);
    return JSON.stringify(first.options) !== JSON.stringify(r.options);
  });
  assert.ok(reshuffled.length > 0, 'the options are reshuffled too');
  await checkSummary(page, retried);
  assert.ok(await retryMistakes(page).isHidden(), 'no mistakes left to retry: Retry mistakes is gone');

  // Retry all: all 10 again, in a new order.
  await retryAll(page).click();
  assert.equal((await progress(page)).text, 'Question 1 of 10');
  assert.equal((await focused(page))?.part, 'question');
  const again = await playRound(page, 10, new Set([0]));
  assert.deepEqual(again.map((p) => p.fact.id).sort(), played.map((p) => p.fact.id).sort(), 'Retry all asks the same 10 facts');
  assert.notDeepEqual(again.map((p) => p.fact.id), played.map((p) => p.fact.id), 'in a new order');
  await checkSummary(page, again);

  // The retries are derived from the seed: a reload plays them the same way.
  const complete = await events(page, 'factcards:complete');
  assert.deepEqual(complete.map((e) => e.detail), [
    { score: 7, total: 10 },
    { score: 3, total: 3 },
    { score: 9, total: 10 },
  ]);
  // A new reader (nothing remembered): the same seed makes the same quiz.
  await idle(page);
  await page.evaluate(() => localStorage.clear());
  await gotoQuiz(page, { mode: 'quiz', seed: 2021 });
  const replay = await playRound(page, 10, WRONG);
  assert.deepEqual(replay.map((p) => [p.fact.id, p.options]), played.map((p) => [p.fact.id, p.options]));
  await retryMistakes(page).click();
  const replayRetry = await fronts(page, missed.length);
  assert.deepEqual(
    replayRetry,
    retried.map((p) => ({ front: p.front, options: p.options })),
    'Retry mistakes is the same after a reload with the same seed',
  );
  await retryAll(page).click();
  const replayAll = await fronts(page, 10);
  assert.deepEqual(replayAll, again.map((p) => ({ front: p.front, options: p.options })), 'Retry all is the same after a reload');

  assert.deepEqual(errors, []);
  await page.context().close();
});

/** A forgiving spelling of `s`: lower case, no "$", no diacritics, hyphens and dashes as spaces, extra spaces. */
function forgiving(s, i) {
  let t = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\$/g, '');
  t = i % 2 ? t.toLowerCase() : t.toUpperCase();
  t = t.replace(/[-–]/g, ' ').replace(/ /g, '   ');
  if (i % 3 === 0) t += '.';
  return `  ${t}  `;
}

test('typed answers: forgiving spellings are right, a wrong one is wrong, input locks, focus follows', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 7, answer: 'typed', questions: 31 });
  assert.equal(await optionButtons(page).count(), 0, 'no options in typed mode');
  const input = page.getByRole('textbox', { name: 'Your answer' });
  const check = page.getByRole('button', { name: 'Check' });
  const WRONG_AT = 5;
  let score = 0;
  const seen = new Set();
  for (let i = 0; i < 31; i++) {
    assert.equal((await progress(page)).text, `Question ${i + 1} of 31`);
    const { fact } = await current(page);
    seen.add(fact.id);
    assert.ok(await input.isEditable());
    assert.equal(await input.inputValue(), '', 'the input starts empty');
    const right = i !== WRONG_AT;
    // A forgiving spelling of the back, or of an accept entry now and then.
    const target = i % 4 === 1 && fact.accept?.length ? fact.accept[0] : fact.back;
    const typed = right ? forgiving(target, i) : 'Nursultan Nazarbayev';
    await input.fill(typed);
    if (i % 2) await input.press('Enter');
    else await check.click();
    await verdict(page).waitFor();
    assert.equal(
      (await verdict(page).textContent()).trim(),
      right ? 'Correct' : INCORRECT(fact.back),
      `"${typed}" for "${fact.back}"`,
    );
    if (right) score++;
    const last = (await events(page, 'factcards:answer')).at(-1).detail;
    assert.deepEqual(last, { factId: fact.id, correct: right, given: typed.trim(), expected: fact.back });
    assert.ok(await input.isDisabled(), 'the input locks after answering');
    assert.ok(await check.isDisabled(), 'so does its Check button');
    assert.equal((await focused(page))?.part, 'next', 'focus goes to Next question');
    await nextButton(page).click();
    if (i < 30) assert.equal((await focused(page))?.part, 'question', 'then to the question');
  }
  assert.equal(seen.size, 31, 'questions: 31 asks every fact once');
  assert.equal((await page.locator('[part~="score"]').textContent()).trim(), `${score} / 31`);
  assert.deepEqual((await events(page, 'factcards:complete')).at(-1).detail, { score: 30, total: 31 });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('typed answers: a blank submit asks for an answer and counts nothing; a second submit does nothing', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 3, answer: 'typed', questions: 2 });
  const { fact } = await current(page);
  const input = page.getByRole('textbox', { name: 'Your answer' });
  await input.fill('   ');
  await input.press('Enter');
  await verdict(page).filter({ hasText: 'Type an answer first' }).waitFor();
  assert.equal((await verdict(page).textContent()).trim(), 'Type an answer first');
  assert.deepEqual(await hintLook(page), HINT_LOOK, 'a hint, neither right nor wrong');
  assert.equal((await events(page, 'factcards:answer')).length, 0, 'no answer counted');
  assert.equal((await progress(page)).text, 'Question 1 of 2', 'the same question stays');
  assert.equal((await current(page)).fact.id, fact.id);
  assert.ok(await input.isEditable(), 'the input stays open');
  assert.ok(await nextButton(page).isHidden(), 'no Next question yet');
  assert.equal((await focused(page))?.part, 'input', 'focus stays in the answer box');
  // Now a real answer: judged once.
  await input.fill(fact.back);
  await input.press('Enter');
  await verdict(page).filter({ hasText: 'Correct' }).waitFor();
  assert.equal((await events(page, 'factcards:answer')).length, 1);
  // The form still exists; submitting again (from script, as the input is
  // disabled) must not judge a second answer.
  await page.locator('form.typed').evaluate((f) => f.requestSubmit());
  assert.equal((await events(page, 'factcards:answer')).length, 1);
  // After a right answer, the next question's hint is still only a hint.
  await nextButton(page).click();
  await input.fill('');
  await input.press('Enter');
  await verdict(page).filter({ hasText: 'Type an answer first' }).waitFor();
  assert.deepEqual(await hintLook(page), HINT_LOOK, 'no ✓ left over from the right answer');
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** The hint's look: the feedback's class, and the verdict's icon, colour (its text's, not right's or wrong's) and alignment (a verdict's). */
const hintLook = (page) =>
  verdict(page).evaluate((v) => {
    const s = getComputedStyle(v);
    const plain = s.color === getComputedStyle(v.parentElement).color;
    return { feedback: v.parentElement.className, icon: getComputedStyle(v, '::before').content, plain, align: s.textAlign };
  });
const HINT_LOOK = { feedback: 'feedback blank', icon: 'none', plain: true, align: 'start' };

/** `back` with two adjacent letters of its first word of 5+ ASCII letters swapped, or null. */
function swapped(back) {
  const words = back.split(' ');
  const at = words.findIndex((w) => /^[A-Za-z]{5,}$/.test(w) && w[1] !== w[2]);
  if (at < 0) return null;
  const w = words[at];
  words[at] = w[0] + w[2] + w[1] + w.slice(3);
  return words.join(' ');
}

test('typed answers: a near miss counts and shows the right spelling', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 3, answer: 'typed', questions: 31 });
  const input = page.getByRole('textbox', { name: 'Your answer' });
  let tried = null;
  for (let i = 0; i < 31 && !tried; i++) {
    const { fact } = await current(page);
    const typo = ['number', 'money', 'date'].includes(fact.kind) ? null : swapped(fact.back);
    await input.fill(typo ?? fact.back);
    await input.press('Enter');
    if (typo) {
      tried = { fact, typo };
      await verdict(page).filter({ hasText: 'Almost' }).waitFor();
      assert.equal((await verdict(page).textContent()).trim(), `Almost — ${fact.back}`, `"${typo}" for "${fact.back}"`);
      const last = (await events(page, 'factcards:answer')).at(-1).detail;
      assert.deepEqual(last, { factId: fact.id, correct: true, given: typo, expected: fact.back });
    } else {
      await verdict(page).filter({ hasText: 'Correct' }).waitFor();
      await nextButton(page).click();
    }
  }
  assert.ok(tried, 'the deck has a fact to misspell');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('options lock after answering: a second click does nothing', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 11, questions: 3 });
  const { fact, options } = await current(page);
  const wrongAt = options.findIndex((o) => o !== fact.back);
  const rightAt = options.indexOf(fact.back);
  await optionButtons(page).nth(wrongAt).click();
  const verdictText = await verdict(page).textContent();
  for (let i = 0; i < options.length; i++) {
    assert.ok(await optionButtons(page).nth(i).isDisabled(), `option ${i} is disabled`);
  }
  // Real mouse clicks on the right and the chosen option.
  for (const at of [rightAt, wrongAt]) {
    const box = await optionButtons(page).nth(at).boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  // Enter on a locked option cannot reach it either: it cannot take focus.
  assert.equal(await optionButtons(page).nth(rightAt).evaluate((b) => { b.focus(); return b.getRootNode().activeElement === b; }), false);
  assert.equal(await verdict(page).textContent(), verdictText, 'the verdict stands');
  assert.equal((await events(page, 'factcards:answer')).length, 1, 'only the first click counts');
  assert.match(await optionButtons(page).nth(wrongAt).textContent(), /Your answer$/);
  assert.doesNotMatch(await optionButtons(page).nth(rightAt).textContent(), /Your answer/);
  // Nothing is timed: the question waits for Next.
  await page.waitForTimeout(1500);
  assert.equal((await progress(page)).text, 'Question 1 of 3');
  assert.ok(await nextButton(page).isVisible());
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('keyboard: an option answers with Enter, focus goes to Next, then to the question', async () => {
  const { page } = await open({ mode: 'quiz', seed: 5, questions: 2 });
  const { fact, options } = await current(page);
  await optionButtons(page).nth(options.indexOf(fact.back)).focus();
  await page.keyboard.press('Enter');
  await verdict(page).waitFor();
  assert.equal((await verdict(page).textContent()).trim(), 'Correct');
  assert.equal((await focused(page))?.part, 'next');
  await page.keyboard.press('Enter');
  assert.equal((await progress(page)).text, 'Question 2 of 2');
  assert.equal((await focused(page))?.part, 'question');
  // Tab from the question reaches the first option.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page))?.part, 'option');
  await page.context().close();
});

test('same seed gives the same questions and option order across reloads; another seed does not', async () => {
  const { page } = await open({ mode: 'quiz', seed: 7 });
  const a = await fronts(page, 10);
  // A new reader each time: a reload would otherwise bring back the summary.
  await idle(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => window.mounted === true);
  await page.locator('#widget [part~="root"]').waitFor();
  const b = await fronts(page, 10);
  assert.deepEqual(b, a, 'seed 7 twice: same questions, same options in the same order');
  await idle(page);
  await page.evaluate(() => localStorage.clear());
  await gotoQuiz(page, { mode: 'quiz', seed: 8 });
  const c = await fronts(page, 10);
  assert.notDeepEqual(c.map((q) => q.front), a.map((q) => q.front), 'seed 8 asks other questions or in another order');
  const common = c.filter((q) => a.some((p) => p.front === q.front));
  assert.ok(
    common.some((q) => JSON.stringify(q.options) !== JSON.stringify(a.find((p) => p.front === q.front).options)) ||
      common.length === 0,
    'seed 8 orders the options of a shared question differently',
  );
  await page.context().close();
});

test('the questions option sets the length; it never exceeds the deck', async () => {
  const { page } = await open({ mode: 'quiz', seed: 4, questions: 3 });
  assert.equal((await progress(page)).text, 'Question 1 of 3');
  const played = await playRound(page, 3, new Set([2]));
  await checkSummary(page, played);
  assert.deepEqual((await events(page, 'factcards:complete')).at(-1).detail, { score: 2, total: 3 });

  await gotoQuiz(page, { mode: 'quiz', seed: 4, questions: 100 });
  assert.equal((await progress(page)).text, 'Question 1 of 31', 'at most every fact');
  await page.context().close();
});

test('tabs: the Quiz tab follows the ARIA tabs pattern', async () => {
  const { page, errors } = await open({ seed: 2021 });
  const tablist = page.getByRole('tablist');
  assert.equal(await tablist.count(), 1);
  const cardsTab = page.getByRole('tab', { name: 'Cards' });
  const quizTab = page.getByRole('tab', { name: 'Quiz' });
  const quizPanel = page.locator('#p-quiz');
  const cardsPanel = page.locator('#p-cards');
  const state = async () => ({
    cards: [await cardsTab.getAttribute('aria-selected'), await cardsTab.getAttribute('tabindex')],
    quiz: [await quizTab.getAttribute('aria-selected'), await quizTab.getAttribute('tabindex')],
    cardsPanel: await cardsPanel.isVisible(),
    quizPanel: await quizPanel.isVisible(),
  });
  const CARDS = { cards: ['true', '0'], quiz: ['false', '-1'], cardsPanel: true, quizPanel: false };
  const QUIZ = { cards: ['false', '-1'], quiz: ['true', '0'], cardsPanel: false, quizPanel: true };

  assert.deepEqual(await state(), CARDS);
  assert.equal(await quizTab.getAttribute('aria-controls'), 'p-quiz');
  assert.equal(await quizPanel.getAttribute('role'), 'tabpanel');
  assert.equal(await quizPanel.getAttribute('aria-labelledby'), await quizTab.getAttribute('id'));

  await quizTab.click();
  assert.deepEqual(await state(), QUIZ);
  assert.ok(await page.getByRole('tabpanel', { name: 'Quiz' }).isVisible());
  assert.equal((await progress(page)).text, 'Question 1 of 10');
  assert.equal((await focused(page))?.text, 'Quiz', 'the clicked tab keeps focus');

  // Arrow keys move between the tabs and select them.
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await state(), CARDS);
  assert.equal((await focused(page))?.text, 'Cards');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await state(), QUIZ);
  assert.equal((await focused(page))?.text, 'Quiz');
  await page.keyboard.press('Home');
  assert.equal((await focused(page))?.text, 'Cards');
  await page.keyboard.press('End');
  assert.deepEqual(await state(), QUIZ);

  // Tab leaves the tab list for the panel: only the selected tab is in the tab order.
  await page.keyboard.press('Shift+Tab');
  assert.notEqual((await focused(page))?.text, 'Cards', 'the unselected tab is not in the tab order');

  // The quiz keeps its state across tab switches.
  await quizTab.click();
  const { fact, options } = await current(page);
  await optionButtons(page).nth(options.indexOf(fact.back)).click();
  await cardsTab.click();
  await quizTab.click();
  assert.equal((await verdict(page).textContent()).trim(), 'Correct', 'the answer is still shown');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('tabs: arrow keys wrap around from the last tab to the first and back', async () => {
  const { page } = await open({ seed: 2021 });
  const quizTab = page.getByRole('tab', { name: 'Quiz' });
  await quizTab.click();
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page))?.text, 'Cards', 'ArrowRight on the last tab goes to the first');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused(page))?.text, 'Quiz', 'ArrowLeft on the first tab goes to the last');
  await page.context().close();
});

// ------------------------------------------------- a returning reader

/** Reloads the page once the widget's pending write is done; waits for it. */
async function reloadQuiz(page) {
  await idle(page);
  await page.reload();
  await page.waitForFunction(() => window.mounted === true);
  await page.locator('#widget [part~="root"]').waitFor();
}

/** What the quiz shows now: the question or the summary, and the score. */
async function quizScreen(page) {
  if (await summary(page).isVisible()) {
    return { summary: true, score: (await page.locator('[part~="score"]').textContent()).trim(), review: await review(page) };
  }
  const p = await progress(page);
  return {
    summary: false,
    position: p.text,
    done: p.value,
    front: (await question(page).textContent()).trim(),
    options: (await optionButtons(page).allTextContents()).map((t) => t.trim()),
    verdict: (await verdict(page).isVisible()) ? (await verdict(page).textContent()).trim() : null,
  };
}

test('a returning reader: a reload restores the quiz in progress, its summary, and a Retry mistakes round', async () => {
  // The default mode (both views) and no seed: the quiz keeps its own.
  const { page, errors } = await open({});
  await page.getByRole('tab', { name: 'Quiz' }).click();
  const played = [];
  played.push(await answerChoice(page, true, { index: 0, total: 10, last: false }));
  await goNext(page, { finished: false });
  played.push(await answerChoice(page, false, { index: 1, total: 10, last: false }));
  await goNext(page, { finished: false });
  const third = await quizScreen(page);
  assert.equal(third.position, 'Question 3 of 10');

  await reloadQuiz(page);
  assert.equal(await page.getByRole('tab', { name: 'Quiz' }).getAttribute('aria-selected'), 'true', 'back on the Quiz tab');
  assert.deepEqual(await quizScreen(page), third, 'question 3, the same options, two done');

  // Answered, not moved on: the feedback comes back with the Next button.
  played.push(await answerChoice(page, false, { index: 2, total: 10, last: false }));
  const answered = await quizScreen(page);
  await reloadQuiz(page);
  assert.deepEqual(await quizScreen(page), answered, 'the answer and its feedback after a reload');
  assert.ok(await nextButton(page).isVisible());
  await goNext(page, { finished: false });
  for (let i = 3; i < 10; i++) {
    played.push(await answerChoice(page, i !== 5, { index: i, total: 10, last: i === 9 }));
    await goNext(page, { finished: i === 9 });
  }
  // The score counts the answers given before each reload.
  await checkSummary(page, played);
  assert.deepEqual((await events(page, 'factcards:complete')).at(-1).detail, { score: 7, total: 10 });
  const done = await quizScreen(page);

  await reloadQuiz(page);
  assert.deepEqual(await quizScreen(page), done, 'the summary after a reload: score, missed, right');
  assert.equal((await page.locator('[part~="best"]').textContent()).trim(), 'Best so far: 7 / 10');

  // Retry mistakes from the restored summary: the three missed, one answered.
  const missed = played.filter((p) => !p.correct);
  await retryMistakes(page).click();
  assert.equal((await progress(page)).text, `Question 1 of ${missed.length}`);
  const retried = [await answerChoice(page, false, { index: 0, total: missed.length, last: false })];
  await goNext(page, { finished: false });
  const retry2 = await quizScreen(page);
  assert.equal(retry2.position, `Question 2 of ${missed.length}`);
  await reloadQuiz(page);
  assert.deepEqual(await quizScreen(page), retry2, 'the Retry mistakes round, at its question 2');
  for (let i = 1; i < missed.length; i++) {
    retried.push(await answerChoice(page, true, { index: i, total: missed.length, last: i === missed.length - 1 }));
    await goNext(page, { finished: i === missed.length - 1 });
  }
  await checkSummary(page, retried);
  assert.deepEqual(
    retried.map((p) => p.fact.id).sort(),
    missed.map((p) => p.fact.id).sort(),
    'the restored retry asks the missed questions',
  );
  await reloadQuiz(page);
  assert.equal((await quizScreen(page)).score, `${missed.length - 1} / ${missed.length}`, "the retry's summary after a reload");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a returning reader: stale or foreign saved quizzes are ignored, never a dead end', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 3 });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await answerChoice(page, true, { index: 0, total: 10, last: false });
  await goNext(page, { finished: false });
  await idle(page);
  const [key, record] = await page.evaluate(() => [localStorage.key(0), localStorage.getItem(localStorage.key(0))]);
  assert.match(record, /^fc3\|/, `a record of the current format: ${record}`);
  assert.match(record, /\|q\|3;1;1;/, 'the quiz part: seed 3, round 1, at question 2');

  // Another seed from the page: a new quiz, the study part kept.
  await gotoQuiz(page, { mode: 'quiz', seed: 4 });
  assert.equal((await progress(page)).text, 'Question 1 of 10');
  // A quiz record naming a fact the deck lacks, one with an option no
  // question has, and one whose option's text is not that option's (the
  // deck's distractors changed): a fresh quiz, with a warning for the
  // unreadable one.
  assert.match(record, /;c\d+=[^,;|]+$/, 'the pick is kept with its text');
  for (const [bad, warned] of [
    [record.replace(/\|q\|3;1;1;\d+/, '|q|3;1;1;999'), true],
    [record.replace(/;c\d+=[^,;|]+$/, ';c9'), false],
    [record.replace(/(;c\d+=)[^,;|]+$/, '$1Not an option'), false],
  ]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, bad]);
    await gotoQuiz(page, { mode: 'quiz', seed: 3 });
    assert.equal((await progress(page)).text, 'Question 1 of 10', `a fresh quiz for ${bad}`);
    assert.ok(await optionButtons(page).first().isEnabled(), 'its first question can be answered');
    if (warned) assert.ok(warnings.some((w) => /ignoring unreadable saved progress/.test(w)), warnings.join('\n'));
  }
  // A record of the previous format (no quiz) still restores the study.
  const n = DECK.facts.length;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, `fc2|1|0|${'l'.repeat(n)}|4/10||${'r'.repeat(n)}`]);
  await gotoQuiz(page, { mode: 'quiz', seed: 3 });
  assert.equal((await progress(page)).text, 'Question 1 of 10');
  await answerChoice(page, true, { index: 0, total: 10, last: false });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the summary is compact at 360 px: a round of 10 with 3 missed takes at most 500 px', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 2021 }, { width: 360, height: 800 });
  const played = await playRound(page, 10, new Set([1, 4, 8]));
  await checkSummary(page, played);
  const [widget, own] = await page.locator('#widget [part~="root"]').evaluate((el) => [
    el.getBoundingClientRect().height,
    el.querySelector('.summary').getBoundingClientRect().height,
  ]);
  await shot(page, 'quiz-summary-10-360-light');
  console.log(`summary at 360 px: ${own} px; the widget with its title and credit: ${widget} px`);
  // The summary's own share; the title, the tabs and the credit around it
  // are the shared chrome's.
  assert.ok(own <= 500, `the summary is ${own} px tall (the widget ${widget} px)`);
  // Opening the disclosure shows the right answers; it is a real control.
  const toggle = page.locator('.rights > summary');
  const box = await toggle.boundingBox();
  assert.ok(box.height >= 44, `the disclosure is ${box.height} px tall`);
  await toggle.click();
  assert.ok(await page.locator('.rights li').first().isVisible());
  assert.deepEqual(errors, []);
  await page.context().close();
});

// ------------------------------------------- axe and screenshots, 4 views

const VIEWS = [
  { width: 360, height: 800, colorScheme: 'light' },
  { width: 360, height: 800, colorScheme: 'dark' },
  { width: 1024, height: 800, colorScheme: 'light' },
  { width: 1024, height: 800, colorScheme: 'dark' },
];

for (const view of VIEWS) {
  const tag = `${view.width}-${view.colorScheme}`;
  test(`axe (WCAG 2.2 A/AA) and screenshots: question, feedback right and wrong, summary at ${tag}`, async () => {
    const { page, errors } = await open({ mode: 'quiz', seed: 2021, questions: 3 }, view);
    const check = async (state) => {
      const violations = await axe(page);
      assert.deepEqual(violations.map((v) => v.id), [], `${state} at ${tag}:\n${formatViolations(violations)}`);
      await shot(page, `quiz-${state}-${tag}`);
    };
    await check('question');

    let q = await current(page);
    await optionButtons(page).nth(q.options.findIndex((o) => o !== q.fact.back)).click();
    await verdict(page).waitFor();
    await check('feedback-wrong');
    await nextButton(page).click();

    q = await current(page);
    await optionButtons(page).nth(q.options.indexOf(q.fact.back)).click();
    await verdict(page).waitFor();
    await check('feedback-right');
    await nextButton(page).click();

    q = await current(page);
    await optionButtons(page).nth(q.options.indexOf(q.fact.back)).click();
    await nextButton(page).click();
    await summary(page).waitFor();
    await check('summary');

    // Typed mode, answered wrong.
    await gotoQuiz(page, { mode: 'quiz', seed: 2021, questions: 3, answer: 'typed' });
    await check('typed');
    await page.getByRole('textbox', { name: 'Your answer' }).fill('no idea');
    await page.keyboard.press('Enter');
    await verdict(page).waitFor();
    await check('typed-wrong');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('validateDeck: errors and warnings carry a severity; a deck with only warnings mounts', async () => {
  const { page, errors } = await open({ mode: 'quiz', seed: 1 });
  const r = await page.evaluate(async () => {
    const { validateDeck, mount } = await import('./pkg/factcards.js');
    const lone = { version: 1, title: 'W', facts: [{ id: 'nelson', front: 'Who?', back: 'Charles Michel', kind: 'money' }] };
    const warnings = validateDeck(lone);
    const errors = validateDeck({ version: 1, title: 'E', facts: [{ id: 'nelson', front: 'Who?' }] });
    const host = document.createElement('div');
    document.body.append(host);
    let mounted = true;
    try {
      mount(host, lone, { mode: 'quiz' });
    } catch {
      mounted = false;
    }
    let thrown = null;
    try {
      mount(document.createElement('div'), { version: 1, title: 'E', facts: [{ id: 'nelson', front: 'Who?' }] });
    } catch (e) {
      thrown = e.message;
    }
    return { warnings, errors, mounted, thrown };
  });
  assert.deepEqual(r.errors, [{ path: 'facts[0].back', message: 'is required', severity: 'error' }]);
  assert.deepEqual(r.warnings.map((w) => [w.path, w.severity]), [
    ['facts[0].kind', 'warning'],
    ['facts[0].back', 'warning'],
    ['facts[0].kind', 'warning'],
  ]);
  assert.equal(r.warnings[0].message, 'is "money", but the answer has no amount');
  assert.ok(r.mounted, 'warnings never block a mount');
  assert.equal(r.thrown, 'invalid deck: facts[0] (id "nelson").back: is required');
  assert.deepEqual(errors, []);
  await page.context().close();
});

for (const view of VIEWS) {
  const tag = `${view.width}-${view.colorScheme}`;
  test(`axe (WCAG 2.2 A/AA) and a screenshot of a near-miss typed answer at ${tag}`, async () => {
    const { page, errors } = await open({ mode: 'quiz', seed: 3, answer: 'typed', questions: 31 }, view);
    const input = page.getByRole('textbox', { name: 'Your answer' });
    let typo = null;
    for (let i = 0; i < 31 && !typo; i++) {
      const { fact } = await current(page);
      typo = ['number', 'money', 'date'].includes(fact.kind) ? null : swapped(fact.back);
      await input.fill(typo ?? fact.back);
      await input.press('Enter');
      if (typo) await verdict(page).filter({ hasText: `Almost — ${fact.back}` }).waitFor();
      else {
        await verdict(page).filter({ hasText: 'Correct' }).waitFor();
        await nextButton(page).click();
      }
    }
    assert.ok(typo, 'the deck has a fact to misspell');
    const violations = await axe(page);
    assert.deepEqual(violations.map((v) => v.id), [], `near miss at ${tag}:\n${formatViolations(violations)}`);
    await shot(page, `quiz-near-miss-${tag}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

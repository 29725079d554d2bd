// The deck editor: an article in, facts tied to its sentences, a deck out.
// The widget (the preview) comes from pkg/, the reader's package; the
// suggestion engine, the full article check (validateDeck with { article }:
// quotes with the closest passage, and numbers) and the static HTML renderer
// come from pkg-editor/, built with the `editor` cargo feature, so a reader's
// page never downloads them. No inline script or style: it runs under the strict
// CSP the server sends for this page.
import init, { mount } from "./pkg/factcards.js";
import initEditor, {
  validateDeck,
  suggestFacts,
  renderFallback,
  articleText,
  decodeArticle,
  findQuote,
  htmlText,
  titleGuess,
} from "./pkg-editor/factcards_editor.js";

const STORE = "factcards-editor:v1";
const KINDS = ["other", "person", "organization", "place", "date", "number", "money", "event", "document"];
const META = [
  ["deck-title-input", "title"],
  ["deck-language", "language"],
  ["deck-description", "description"],
  ["deck-publisher", "publisher"],
  ["deck-headline", "headline"],
  ["deck-url", "url"],
  ["deck-published", "published"],
];

const $ = (id) => document.getElementById(id);
const els = {
  app: $("app"),
  loading: $("loading"),
  article: $("article"),
  file: $("article-file"),
  useQuote: $("use-quote"),
  suggest: $("suggest"),
  articleStatus: $("article-status"),
  draftsSection: $("drafts-section"),
  drafts: $("drafts"),
  facts: $("facts"),
  factCount: $("fact-count"),
  addFact: $("add-fact"),
  verdict: $("verdict"),
  issues: $("issues"),
  preview: $("preview"),
  stale: $("stale"),
  exportStatus: $("export-status"),
  exportConfirm: $("export-confirm"),
  exportConfirmText: $("export-confirm-text"),
  copyBox: $("copy-box"),
  copyText: $("copy-text"),
};
const factTemplate = $("fact-template");
const draftTemplate = $("draft-template");

/** The work in progress; what localStorage keeps. */
let state = emptyState();
/** Index of the fact last focused or edited: "Use as quote" fills it. */
let current = -1;
let widget = null;
let shownJson = "";
let timer = 0;
let uid = 0;

function emptyState() {
  return {
    article: "",
    meta: { title: "", language: "en", description: "", publisher: "", headline: "", url: "", published: "" },
    facts: [],
    drafts: [],
    // The suggestions discarded (see `origin`): asking again does not bring them back.
    dismissed: [],
  };
}

/** What a suggestion was when the engine made it: its answer and sentence, kept through edits. */
const origin = (d) => `${d.back}\u0000${d.quote}`;

function blankFact() {
  return {
    uid: ++uid,
    id: "",
    front: "",
    back: "",
    kind: "other",
    topic: "",
    detail: "",
    quote: "",
    accept: "",
    distractors: "",
    imageSrc: "",
    imageAlt: "",
  };
}

// ---------------------------------------------------------------------------
// The deck as the widget reads it

const lines = (text) =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

/** `1 fact`, `2 facts`: a count with its noun, plural when it is not 1. */
const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A character of an id: a Latin letter without its accent (`é` → `e`),
 * lower-cased; any other letter or digit as it is (ids may be any text, so
 * a Cyrillic or Arabic title keeps its words).
 */
const idChar = (c) => {
  const bare = c.normalize("NFKD").replace(/\p{M}+/gu, "");
  return /^[\x20-\x7e]+$/.test(bare) ? bare : c;
};

/** A short hash of `text` (FNV-1a, base 36): ids of different titles differ. */
function shortHash(text) {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
  return h.toString(36).slice(0, 6);
}

/**
 * An id made from `text`: its letters and digits, in any script, lower-cased,
 * words joined by `-`, at most 48 characters. A text with none (only
 * punctuation or symbols) gives `fallback` with a hash of the text, so
 * that two such titles do not share an id (or a file name).
 */
function slug(text, fallback = "fact") {
  const words = Array.from(text.toLowerCase().normalize("NFC"), idChar)
    .join("")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = Array.from(words).slice(0, 48).join("").replace(/-+$/, "");
  if (cut) return cut;
  return text.trim() ? `${fallback}-${shortHash(text.trim())}` : fallback;
}

/** A unique id for every fact: its own, else one made from its answer. */
function ids(facts) {
  const seen = new Set();
  return facts.map((f) => {
    const base = f.id || slug(f.back || f.front);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}

/** The deck of the form: optional fields only when they are filled. */
function buildDeck(facts = state.facts) {
  const m = state.meta;
  const deck = { version: 1, title: m.title.trim() };
  if (m.title.trim()) deck.id = slug(m.title, "deck");
  if (m.language.trim()) deck.language = m.language.trim();
  if (m.description.trim()) deck.description = m.description.trim();
  const source = {};
  for (const key of ["publisher", "headline", "url", "published"]) {
    if (m[key].trim()) source[key] = m[key].trim();
  }
  if (Object.keys(source).length) deck.source = source;
  const factIds = ids(facts);
  deck.facts = facts.map((f, i) => {
    const out = { id: factIds[i], front: f.front.trim(), back: f.back.trim(), kind: f.kind };
    if (f.topic.trim()) out.topic = f.topic.trim();
    if (f.detail.trim()) out.detail = f.detail.trim();
    if (f.quote.trim()) out.quote = f.quote.trim();
    if (lines(f.accept).length) out.accept = lines(f.accept);
    if (lines(f.distractors).length) out.distractors = lines(f.distractors);
    if (f.imageSrc.trim() || f.imageAlt.trim()) out.image = { src: f.imageSrc.trim(), alt: f.imageAlt.trim() };
    return out;
  });
  return deck;
}

/**
 * The deck for the suggestion engine, which reads only the facts' answers
 * (back and accept): those answers under placeholder fields, so that no
 * draft repeats a fact, however unfinished the rest of the deck is (no
 * title, a bad URL, a front too long). A fact whose answers are not valid
 * keeps only its back; one whose back is not valid either is left out.
 */
function deckForSuggest() {
  const answered = state.facts.filter((f) => f.back.trim());
  const fact = (f, i, withAccept) => {
    const out = { id: `f${i + 1}`, front: "?", back: f.back.trim() };
    if (withAccept && lines(f.accept).length) out.accept = lines(f.accept);
    return out;
  };
  let facts = answered.map((f, i) => fact(f, i, true));
  for (let pass = 0; pass < 2 && facts.length; pass++) {
    const deck = { version: 1, title: "Draft", facts };
    const bad = new Set();
    for (const issue of validateDeck(deck)) {
      const at = /^facts\[(\d+)\]/.exec(issue.path ?? "");
      if (issue.severity === "error" && at) bad.add(Number(at[1]));
    }
    if (!bad.size) return deck;
    // First pass: the bad facts without their accept lists; second: without them.
    facts = pass === 0 ? facts.map((f, i) => (bad.has(i) ? fact(answered[i], i, false) : f)) : facts.filter((_, i) => !bad.has(i));
  }
  return facts.length ? { version: 1, title: "Draft", facts } : null;
}

// ---------------------------------------------------------------------------
// Rendering the form

function fillKinds(select) {
  for (const k of KINDS) select.add(new Option(k, k));
}

function wire(root, prefix, values) {
  for (const label of root.querySelectorAll("label[data-for]")) {
    const key = label.dataset.for;
    const field = root.querySelector(`[data-key="${key}"]`);
    const id = `${prefix}-${key}`;
    field.id = id;
    label.htmlFor = id;
    if (field.tagName === "SELECT") fillKinds(field);
    field.value = values[key] ?? "";
  }
}

function renderFacts() {
  const focusedKey = document.activeElement?.dataset?.key;
  const focusedUid = document.activeElement?.closest?.(".ed-fact")?.dataset.uid;
  els.facts.replaceChildren();
  state.facts.forEach((f, i) => {
    const li = factTemplate.content.firstElementChild.cloneNode(true);
    li.dataset.uid = String(f.uid);
    li.dataset.index = String(i);
    const legend = li.querySelector("legend");
    legend.id = `fact-${f.uid}-legend`;
    legend.textContent = `Fact ${i + 1}`;
    wire(li, `fact-${f.uid}`, f);
    for (const [key, path] of [
      ["front", "front"],
      ["back", "back"],
      ["kind", "kind"],
      ["topic", "topic"],
      ["quote", "quote"],
      ["detail", "detail"],
      ["accept", "accept"],
      ["distractors", "distractors"],
      ["imageSrc", "image.src"],
      ["imageAlt", "image.alt"],
    ]) {
      li.querySelector(`[data-key="${key}"]`).dataset.path = `facts[${i}].${path}`;
    }
    for (const button of li.querySelectorAll("button")) button.setAttribute("aria-describedby", legend.id);
    li.querySelector('[data-act="up"]').disabled = i === 0;
    li.querySelector('[data-act="down"]').disabled = i === state.facts.length - 1;
    if (f.detail || f.accept || f.distractors || f.imageSrc || f.imageAlt) li.querySelector("details").open = true;
    els.facts.append(li);
    updateQuoteState(li, f);
  });
  els.factCount.textContent = state.facts.length ? `(${state.facts.length})` : "";
  if (focusedUid && focusedKey) {
    els.facts.querySelector(`.ed-fact[data-uid="${focusedUid}"] [data-key="${focusedKey}"]`)?.focus();
  }
}

function updateQuoteState(li, f) {
  const found = li.querySelector(".ed-found");
  const show = li.querySelector('[data-act="show"]');
  const quote = f.quote.trim();
  let text = "";
  let cls = "";
  if (!quote) {
    text = "No quote";
  } else if (!state.article.trim()) {
    text = "No article to check the quote against";
  } else if (findQuote(state.article, quote)) {
    text = "✓ Found in the article";
    cls = "is-found";
  } else {
    text = "✗ Not found in the article";
    cls = "is-missing";
  }
  found.textContent = text;
  found.className = `ed-found ${cls}`;
  show.hidden = cls !== "is-found";
}

function renderDrafts() {
  els.drafts.replaceChildren();
  els.draftsSection.hidden = state.drafts.length === 0;
  state.drafts.forEach((d, i) => {
    const li = draftTemplate.content.firstElementChild.cloneNode(true);
    li.dataset.index = String(i);
    const legend = li.querySelector("legend");
    legend.id = `draft-${d.uid}-legend`;
    legend.textContent = `Suggestion ${i + 1}`;
    wire(li, `draft-${d.uid}`, d);
    li.querySelector('q[data-key="quote"]').textContent = d.quote;
    for (const button of li.querySelectorAll("button")) button.setAttribute("aria-describedby", legend.id);
    els.drafts.append(li);
  });
}

function renderMeta() {
  for (const [id, key] of META) $(id).value = state.meta[key] ?? "";
  els.article.value = state.article;
}

// ---------------------------------------------------------------------------
// Checking, preview, saving: once per burst of edits

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 200);
}

/** The article text refresh() last read, and the script most of its letters are in. */
let readArticle = { text: null, script: null };

function refresh() {
  clearTimeout(timer);
  // What the article's text gives is worked out again only when it changed
  // (most edits are of the deck).
  if (state.article !== readArticle.text) {
    if (hasMarkup(state.article)) reduceHtml();
    readArticle = { text: state.article, script: articleScript(state.article) };
  }
  save();
  const deck = buildDeck();
  // The deck's own errors decide the preview; with the article, a valid
  // deck's quotes and numbers are checked against it too.
  const errors = validateDeck(deck).filter((i) => i.severity === "error");
  showIssues([...(errors.length ? errors : validateDeck(deck, articleOption())), ...languageHints()]);
  // An edit since the warning: the next export checks again.
  if (pendingExport && exportKey(deck) !== pendingKey) hideConfirm();
  // An edit since the text was put in the copy box: it is out of date.
  if (!els.copyBox.hidden && JSON.stringify(deck) !== copiedDeck) hideCopyBox();
  state.facts.forEach((f, i) => {
    const li = els.facts.children[i];
    if (li) updateQuoteState(li, f);
  });
  if (!errors.length) {
    const json = JSON.stringify(deck);
    if (json !== shownJson) {
      widget?.destroy();
      widget = mount(els.preview, deck, { seed: 1, storage: false });
      shownJson = json;
    }
  }
  // With errors, the preview is the last valid deck, or there is none yet.
  els.stale.hidden = !errors.length;
  els.stale.textContent = widget
    ? "The deck has errors: this is the last valid version."
    : "The preview shows once the deck has no errors (see Checks).";
  els.preview.classList.toggle("is-stale", Boolean(errors.length && widget));
}

/** The scripts whose articles are not in English, with language codes to suggest. */
const SCRIPTS = [
  ["Cyrillic", '"ru", "uk", "kk" or "bg"'],
  ["Greek", '"el"'],
  ["Arabic", '"ar", "fa" or "ur"'],
  ["Hebrew", '"he" or "yi"'],
  ["Armenian", '"hy"'],
  ["Georgian", '"ka"'],
  ["Devanagari", '"hi", "mr" or "ne"'],
  ["Bengali", '"bn"'],
  ["Thai", '"th"'],
  ["Hangul", '"ko"'],
  ["Hiragana", '"ja"'],
  ["Katakana", '"ja"'],
  ["Han", '"zh" or "ja"'],
];

/** The script most of the article's letters are in, when it is one of SCRIPTS. */
function articleScript(text) {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  for (const [name, codes] of SCRIPTS) {
    const n = sample.match(new RegExp(`\\p{Script=${name}}`, "gu"))?.length ?? 0;
    if (n * 2 > letters) return { name, codes };
  }
  return null;
}

/**
 * A warning for the Checks list when the article is plainly not in English
 * (most of its letters Cyrillic, Arabic, …) while the language is still
 * "en": the widget would speak English and compare answers as English. The
 * language is the editor's to set, so it is not changed.
 */
function languageHints() {
  const language = state.meta.language.trim().toLowerCase();
  if (language && language !== "en") return [];
  const { script } = readArticle;
  if (!script) return [];
  return [
    {
      severity: "warning",
      path: "language",
      message: `the article is written in ${script.name} script but the language is "en" (English); set the deck's language, for example ${script.codes}`,
    },
  ];
}

function showIssues(issues) {
  els.issues.replaceChildren();
  const nErr = issues.filter((i) => i.severity === "error").length;
  const nWarn = issues.length - nErr;
  if (!state.facts.length) {
    els.verdict.textContent = "Add a fact, or suggest some from the article.";
    els.verdict.className = "ed-verdict";
  } else if (!nErr) {
    // Warnings (a number the article lacks, a fact left out of choice
    // quizzes) never make the deck invalid.
    const warned = nWarn ? ` ${count(nWarn, "warning")}.` : "";
    const n = count(state.facts.length, "fact");
    els.verdict.textContent = state.article.trim()
      ? `Valid deck, ${n}; every quote is in the article.${warned}`
      : `Valid deck, ${n}. Paste the article to check the quotes.${warned}`;
    els.verdict.className = nWarn ? "ed-verdict warn" : "ed-verdict good";
  } else {
    const parts = [];
    if (nErr) parts.push(count(nErr, "error"));
    if (nWarn) parts.push(count(nWarn, "warning"));
    els.verdict.textContent = parts.join(", ");
    els.verdict.className = `ed-verdict ${nErr ? "bad" : "warn"}`;
  }
  for (const issue of issues) {
    const li = document.createElement("li");
    li.className = issue.severity === "error" ? "is-error" : "is-warning";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ed-issue";
    const sev = document.createElement("span");
    sev.className = "ed-sev";
    sev.textContent = issue.severity === "error" ? "Error" : "Warning";
    const where = document.createElement("code");
    where.textContent = issue.path || "deck";
    button.append(sev, " ", where, ": ", issue.message);
    button.addEventListener("click", () => focusPath(issue.path));
    li.append(button);
    els.issues.append(li);
  }
}

/** Moves focus to the field of a validator path such as `facts[2].accept[1]`. */
function focusPath(path) {
  let target = null;
  // facts[2].accept[1] → facts[2].accept → facts[2] (its Front) → facts (Add fact)
  for (let p = path; p && !target; ) {
    target = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
    const fact = /^facts\[(\d+)\]$/.exec(p);
    if (!target && fact) target = document.querySelector(`[data-path="facts[${fact[1]}].front"]`);
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
  if (!target && path.startsWith("source")) target = $("deck-publisher");
  target ??= $("deck-title-input");
  target.closest("details")?.setAttribute("open", "");
  target.focus();
  target.scrollIntoView({ block: "center" });
}

// A closing, reloading or hidden tab may never run the refresh that a burst
// of edits is waiting for: the work in progress is saved at once.
addEventListener("pagehide", save);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") save();
});

function save() {
  try {
    // With the fact last worked on, which "Use as quote" fills after a reload too.
    localStorage.setItem(STORE, JSON.stringify({ ...state, current }));
  } catch {
    els.exportStatus.textContent = "Could not save the work in progress in this browser.";
  }
}

function load() {
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(STORE) ?? "null");
  } catch {
    saved = null;
  }
  if (!saved || typeof saved !== "object") return;
  const base = emptyState();
  state = {
    article: typeof saved.article === "string" ? saved.article : "",
    meta: { ...base.meta, ...(saved.meta ?? {}) },
    facts: Array.isArray(saved.facts) ? saved.facts.map((f) => ({ ...blankFact(), ...f, uid: ++uid })) : [],
    drafts: Array.isArray(saved.drafts) ? saved.drafts.map((d) => ({ ...d, uid: ++uid })) : [],
    dismissed: Array.isArray(saved.dismissed) ? saved.dismissed.filter((o) => typeof o === "string") : [],
  };
  current = Number.isInteger(saved.current) && saved.current < state.facts.length ? saved.current : -1;
}

// ---------------------------------------------------------------------------
// Actions

function say(el, text) {
  el.textContent = "";
  // A fresh text node each time, so a repeated message is announced again.
  requestAnimationFrame(() => (el.textContent = text));
}

function addFact(fact = blankFact(), { focus = "front" } = {}) {
  state.facts.push(fact);
  current = state.facts.length - 1;
  renderFacts();
  if (focus) els.facts.lastElementChild?.querySelector(`[data-key="${focus}"]`)?.focus();
  refresh();
}

function useAsQuote() {
  const a = els.article;
  const text = a.value.slice(a.selectionStart, a.selectionEnd).replace(/\s+/g, " ").trim();
  if (!text) {
    say(els.articleStatus, "Select a passage of the article first, then choose “Use as quote”.");
    return;
  }
  if (current < 0 || current >= state.facts.length) {
    const f = blankFact();
    f.quote = text;
    addFact(f);
  } else {
    state.facts[current].quote = text;
    const field = els.facts.children[current]?.querySelector('[data-key="quote"]');
    if (field) field.value = text;
    refresh();
  }
  say(els.articleStatus, `Quote set on fact ${current + 1}.`);
}

function showInArticle(index) {
  const range = findQuote(state.article, state.facts[index]?.quote ?? "");
  if (!range) return;
  const [start, end] = range;
  const a = els.article;
  a.scrollIntoView({ block: "nearest" });
  // Focusing a textarea scrolls its caret into view: put the caret at the
  // quote's end first, then select the whole quote.
  a.blur();
  a.setSelectionRange(end, end);
  a.focus();
  a.setSelectionRange(start, end, "forward");
  // The caret's scroll shows the quote's end only: bring its first line to
  // the top of the box (less a line), unless the whole quote is in view.
  const top = textTop(a, start);
  const bottom = textTop(a, end);
  if (top < a.scrollTop || bottom > a.scrollTop + a.clientHeight - 24) a.scrollTop = Math.max(0, top - 24);
  say(els.articleStatus, `Quote of fact ${index + 1} selected in the article.`);
}

/**
 * How far below the top of textarea `a`'s text (in px, as its scrollTop
 * counts) the character at `offset` is: measured on a hidden copy of the
 * box that holds the text before it.
 */
function textTop(a, offset) {
  const style = getComputedStyle(a);
  const mirror = document.createElement("div");
  for (const key of ["padding", "font", "letterSpacing", "lineHeight", "direction", "tabSize"]) mirror.style[key] = style[key];
  // The width the text wraps in: the box less its border and scroll bar.
  Object.assign(mirror.style, { boxSizing: "border-box", width: `${a.clientWidth}px`, position: "absolute", visibility: "hidden", whiteSpace: "pre-wrap", overflowWrap: "break-word", top: "0", left: "-9999px" });
  mirror.textContent = a.value.slice(0, offset);
  const mark = document.createElement("span");
  mark.textContent = "\u200b";
  mirror.append(mark);
  document.body.append(mirror);
  const top = mark.offsetTop - parseFloat(style.paddingTop);
  mirror.remove();
  return top;
}

function suggest() {
  const article = state.article;
  if (!article.trim()) {
    say(els.articleStatus, "Paste the article first.");
    return;
  }
  const t0 = performance.now();
  const suggested = suggestFacts(article, deckForSuggest());
  const ms = Math.round(performance.now() - t0);
  // Asked again (say, after more of the article was pasted): the drafts
  // already offered stay as they are, edits and all, and only new ones are
  // added; a discarded one stays discarded.
  const known = new Set([...state.drafts.map((d) => d.origin ?? origin(d)), ...state.dismissed]);
  const drafts = suggested.filter((d) => !known.has(origin(d)));
  const kept = state.drafts.length;
  state.drafts = state.drafts.concat(drafts.map((d) => ({
    uid: ++uid,
    origin: origin(d),
    kind: d.kind,
    front: d.front,
    back: d.back,
    accept: d.accept.join("\n"),
    quote: d.quote,
    topic: d.topic,
  })));
  if (!state.meta.title.trim()) {
    // The headline, as `factcards suggest` guesses it: not a section label
    // such as "EUROPE" above it.
    const title = titleGuess(article);
    if (title && title.length <= 120) {
      state.meta.title = title;
      if (!state.meta.headline) state.meta.headline = title;
      renderMeta();
    }
  }
  renderDrafts();
  // The title may be new: the checks and the preview follow.
  refresh();
  const before = kept ? ` ${kept} from before kept.` : "";
  say(
    els.articleStatus,
    drafts.length || kept
      ? `${count(drafts.length, "new suggestion")} (${ms} ms).${before} None repeats a fact already in the deck.`
      : "No new facts found in the article.",
  );
}

function acceptDraft(i) {
  const d = state.drafts[i];
  if (!d) return;
  const f = blankFact();
  Object.assign(f, { front: d.front, back: d.back, kind: d.kind, topic: d.topic, quote: d.quote, accept: d.accept });
  state.drafts.splice(i, 1);
  renderDrafts();
  addFact(f, { focus: null });
  focusAfterDraft(i);
  say(els.articleStatus, `Added as fact ${state.facts.length}.`);
}

function discardDraft(i) {
  const [d] = state.drafts.splice(i, 1);
  if (d) state.dismissed.push(d.origin ?? origin(d));
  renderDrafts();
  focusAfterDraft(i);
  save();
}

function focusAfterDraft(i) {
  const next = els.drafts.children[Math.min(i, els.drafts.children.length - 1)];
  (next?.querySelector('[data-act="accept"]') ?? els.suggest).focus();
}

function moveFact(i, by) {
  const j = i + by;
  if (j < 0 || j >= state.facts.length) return;
  [state.facts[i], state.facts[j]] = [state.facts[j], state.facts[i]];
  current = j;
  renderFacts();
  const li = els.facts.children[j];
  const button = li?.querySelector(`[data-act="${by < 0 ? "up" : "down"}"]`);
  (button && !button.disabled ? button : li?.querySelector('[data-key="front"]'))?.focus();
  refresh();
}

function removeFact(i) {
  state.facts.splice(i, 1);
  current = Math.min(i, state.facts.length - 1);
  renderFacts();
  (els.facts.children[current]?.querySelector('[data-key="front"]') ?? els.addFact).focus();
  refresh();
}

/** True for a deck file (`.json`), which opens in the deck form, not as the article. */
const isDeckFile = (file) => /\.json$/i.test(file.name) || file.type === "application/json";

async function readFile(file) {
  // Read as the CLI reads an article file (model/article.rs `decode`).
  const { text, warning } = decodeArticle(new Uint8Array(await file.arrayBuffer()));
  if (isDeckFile(file)) {
    openDeck(file.name, text);
    return;
  }
  const note = warning ? ` It is ${warning}.` : "";
  // articleText reduces HTML to its text and leaves plain text as it is.
  state.article = articleText(text);
  els.article.value = state.article;
  say(els.articleStatus, `Opened ${file.name} (${count(state.article.length, "character")}).${note}`);
  refresh();
}

/** `value` when it is a string, else "" (a deck file's field of another type). */
const str = (value) => (typeof value === "string" ? value : "");
/** An array's strings, one per line (`accept`, `distractors`). */
const strLines = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string").join("\n") : "");

/** A fact of a deck file as the form holds it. */
function formFact(f) {
  const fact = blankFact();
  if (!f || typeof f !== "object") return fact;
  Object.assign(fact, {
    id: str(f.id),
    front: str(f.front),
    back: str(f.back),
    kind: KINDS.includes(f.kind) ? f.kind : "other",
    topic: str(f.topic),
    detail: str(f.detail),
    quote: str(f.quote),
    accept: strLines(f.accept),
    distractors: strLines(f.distractors),
    imageSrc: str(f.image?.src),
    imageAlt: str(f.image?.alt),
  });
  return fact;
}

/**
 * Opens the deck file `name` (its JSON `text`) in the deck form, in place of
 * the deck there (after a confirmation when it has facts); the article and
 * the suggestions stay. Its problems show in Checks; what the form cannot
 * hold (an unknown field, a value of the wrong type) is named in the status
 * line.
 */
function openDeck(name, text) {
  let deck;
  try {
    deck = JSON.parse(text);
  } catch (err) {
    say(els.articleStatus, `${name} is not a deck: it is not valid JSON (${err.message}).`);
    return;
  }
  if (!deck || typeof deck !== "object" || !Array.isArray(deck.facts)) {
    say(els.articleStatus, `${name} is not a deck: it has no list of facts.`);
    return;
  }
  if (state.facts.length && !confirm(`Replace the deck in the form with ${name}? The article is kept.`)) return;
  const source = deck.source && typeof deck.source === "object" ? deck.source : {};
  state.meta = {
    title: str(deck.title),
    language: str(deck.language) || (deck.language === undefined ? "en" : ""),
    description: str(deck.description),
    publisher: str(source.publisher),
    headline: str(source.headline),
    url: str(source.url),
    published: str(source.published),
  };
  state.facts = deck.facts.map(formFact);
  current = -1;
  renderMeta();
  renderFacts();
  refresh();
  // The file's problems that the form left behind (the form's own are in Checks).
  const kept = new Set(validateDeck(buildDeck()).map((i) => `${i.path}\u0000${i.message}`));
  const lost = validateDeck(text).filter((i) => !kept.has(`${i.path}\u0000${i.message}`));
  const note = lost.length
    ? ` Not kept by the form: ${lost[0].path || "deck"}: ${lost[0].message}${lost.length > 1 ? ` (and ${count(lost.length - 1, "other problem")})` : ""}.`
    : "";
  say(
    els.articleStatus,
    `Opened the deck ${name}: ${count(state.facts.length, "fact")} in the deck form; the article is kept.${note}`,
  );
}

/**
 * True when `text` holds HTML markup: a tag of a page or of its text
 * (`<p>`, `<div class="x">`, `<html`, `<body`, `<article`, `<!doctype`), or
 * any end tag (`</span>`). "a < b" or "<3" is no markup.
 */
const hasMarkup = (text) =>
  /<(?:!doctype|html|head|body|article|main|section|div|p|h[1-6]|br|span|a|b|i|em|strong|ul|ol|li|table|script|style)(?:\s[^<>]*)?\/?>|<\/[a-z][a-z0-9-]*\s*>/i.test(
    text,
  );

/** The article's HTML (pasted, dropped or typed) reduced to its text, as an opened .html file is. */
function reduceHtml() {
  state.article = htmlText(state.article);
  els.article.value = state.article;
  say(els.articleStatus, `The article was HTML: reduced to its text (${count(state.article.length, "character")}).`);
}

// ---------------------------------------------------------------------------
// Export

/** `{ article }` for validateDeck, or nothing while no article is pasted. */
const articleOption = () => (state.article.trim() ? { article: state.article } : undefined);

/** The export waiting for "Export anyway", and what it was warned about. */
let pendingExport = null;
let pendingKey = "";
const exportKey = (deck) => `${JSON.stringify(deck)}\u0000${state.article}`;

function hideConfirm() {
  pendingExport = null;
  els.exportConfirm.hidden = true;
}

/**
 * Runs `action(deck)` for a valid deck. A deck with errors is not exported.
 * A deck whose quotes are not in the article (the article check's errors) is
 * exported only after "Export anyway": a misquote must not slip out.
 */
function exportDeck(action) {
  hideConfirm();
  const deck = buildDeck();
  const errors = validateDeck(deck).filter((i) => i.severity === "error");
  if (errors.length) {
    say(els.exportStatus, `The deck has ${errors.length === 1 ? "an error" : `${errors.length} errors`}: see Checks.`);
    return;
  }
  const misquotes = validateDeck(deck, articleOption()).filter((i) => i.severity === "error");
  if (!misquotes.length) {
    action(deck);
    return;
  }
  const n = misquotes.length;
  const quotes = n === 1 ? "1 quote is" : `${n} quotes are`;
  const where = misquotes.map((i) => i.path).join(", ");
  els.exportConfirmText.textContent =
    `${quotes} not in the article (${where}). ` +
    "A deck that misquotes its article should not be published. Fix the quotes (see Checks), or export anyway.";
  pendingExport = action;
  pendingKey = exportKey(deck);
  els.exportConfirm.hidden = false;
  say(els.exportStatus, "Not exported yet: the quotes do not match the article.");
  $("export-cancel").focus();
}

const deckJson = (deck) => JSON.stringify(deck, null, 2) + "\n";
const fileName = (deck) => `${slug(deck.title, "deck")}.json`;

function download(deck) {
  const url = URL.createObjectURL(new Blob([deckJson(deck)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName(deck);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say(els.exportStatus, `Downloaded ${a.download}.`);
}

/** The deck (its JSON) whose export is in the copy box. */
let copiedDeck = "";

/** Empties and hides the copy box: an edit or Clear makes its text out of date. */
function hideCopyBox() {
  els.copyBox.hidden = true;
  els.copyText.value = "";
  copiedDeck = "";
}

async function copy(text, what, deck) {
  els.copyText.value = text;
  copiedDeck = JSON.stringify(deck);
  try {
    await navigator.clipboard.writeText(text);
    els.copyBox.hidden = true;
    say(els.exportStatus, `Copied ${what}.`);
  } catch {
    // No clipboard access: show the text, selected, to copy by hand.
    els.copyBox.hidden = false;
    els.copyText.focus();
    els.copyText.select();
    say(els.exportStatus, `Copy ${what} from the box below.`);
  }
}

const INIT = '<script type="module">import init from "./pkg/factcards.js"; init();</script>';

/** `<fact-cards src>` with the static HTML inside, for readers without script. */
function embedSrc(deck) {
  return `<fact-cards src="decks/${fileName(deck)}">\n${renderFallback(deck).trim()}\n</fact-cards>\n${INIT}\n`;
}

function embedInline(deck) {
  const json = JSON.stringify(deck, null, 2).replace(/</g, "\\u003c");
  return `<fact-cards>\n<script type="application/json">\n${json}\n</script>\n</fact-cards>\n${INIT}\n`;
}

function clearAll() {
  if (!confirm("Clear the article, the suggestions and the deck? This cannot be undone.")) return;
  localStorage.removeItem(STORE);
  state = emptyState();
  current = -1;
  widget?.destroy();
  widget = null;
  shownJson = "";
  hideConfirm();
  hideCopyBox();
  renderMeta();
  renderFacts();
  renderDrafts();
  refresh();
  els.article.focus();
  say(els.exportStatus, "Cleared.");
}

// ---------------------------------------------------------------------------
// Events: one listener per list (delegation), not one per field

function factIndex(el) {
  const li = el.closest(".ed-fact");
  return li ? Number(li.dataset.index) : -1;
}

function bind() {
  els.article.addEventListener("input", (e) => {
    state.article = els.article.value;
    // Pasted or dropped HTML is reduced at once; typed markup once the
    // typing pauses (refresh), not at its first tag.
    if (e.inputType?.startsWith("insertFrom") && hasMarkup(state.article)) reduceHtml();
    schedule();
  });
  els.file.addEventListener("change", () => {
    const file = els.file.files?.[0];
    // Emptied, so that choosing the same file again (after edits) reads it again.
    els.file.value = "";
    if (file) readFile(file);
  });
  for (const [id, key] of META) {
    $(id).addEventListener("input", (e) => {
      state.meta[key] = e.target.value;
      schedule();
    });
  }
  els.facts.addEventListener("focusin", (e) => {
    const i = factIndex(e.target);
    if (i >= 0) current = i;
  });
  const onFactField = (e) => {
    const key = e.target.dataset.key;
    const i = factIndex(e.target);
    if (!key || i < 0) return;
    state.facts[i][key] = e.target.value;
    current = i;
    schedule();
  };
  els.facts.addEventListener("input", onFactField);
  els.facts.addEventListener("change", onFactField);
  els.facts.addEventListener("click", (e) => {
    const act = e.target.closest("button")?.dataset.act;
    const i = factIndex(e.target);
    if (!act || i < 0) return;
    if (act === "up") moveFact(i, -1);
    else if (act === "down") moveFact(i, 1);
    else if (act === "remove") removeFact(i);
    else if (act === "show") showInArticle(i);
  });
  const onDraftField = (e) => {
    const key = e.target.dataset.key;
    const li = e.target.closest(".ed-draft");
    if (!key || !li) return;
    state.drafts[Number(li.dataset.index)][key] = e.target.value;
    schedule();
  };
  els.drafts.addEventListener("input", onDraftField);
  els.drafts.addEventListener("change", onDraftField);
  els.drafts.addEventListener("click", (e) => {
    const act = e.target.closest("button")?.dataset.act;
    const li = e.target.closest(".ed-draft");
    if (!act || !li) return;
    if (act === "accept") acceptDraft(Number(li.dataset.index));
    else if (act === "discard") discardDraft(Number(li.dataset.index));
  });
  els.addFact.addEventListener("click", () => addFact());
  els.useQuote.addEventListener("click", useAsQuote);
  els.suggest.addEventListener("click", suggest);
  $("download").addEventListener("click", () => exportDeck(download));
  $("copy-json").addEventListener("click", () => exportDeck((deck) => copy(deckJson(deck), "the deck JSON", deck)));
  $("copy-embed-src").addEventListener("click", () =>
    exportDeck((deck) => copy(embedSrc(deck), "the embed snippet", deck)),
  );
  $("copy-embed-inline").addEventListener("click", () =>
    exportDeck((deck) => copy(embedInline(deck), "the embed snippet with the deck inline", deck)),
  );
  $("copy-fallback").addEventListener("click", () =>
    exportDeck((deck) => copy(renderFallback(deck), "the static HTML", deck)),
  );
  $("export-anyway").addEventListener("click", () => {
    const action = pendingExport;
    hideConfirm();
    if (action) action(buildDeck());
  });
  $("export-cancel").addEventListener("click", () => {
    hideConfirm();
    say(els.exportStatus, "Not exported.");
  });
  $("clear").addEventListener("click", clearAll);
}

await init();
await initEditor();
load();
renderMeta();
renderFacts();
renderDrafts();
bind();
refresh();
els.loading.hidden = true;
els.app.hidden = false;
document.documentElement.dataset.ready = "true";

// factcards, hand-written in plain JavaScript: the baseline the benchmark
// (bench/run.mjs) measures the Rust/WebAssembly widget against.
//
// It does what the bench times, the way a careful JS developer would, and
// nothing else:
//
// - read and validate a deck (`validateDeck`, and the first step of
//   `mount`): every rule of src/model/validate.rs and the JS-value walk of
//   src/dom/js_value.rs, so a deck is refused for the same errors, at the
//   same paths; a valid deck gets the same warnings (facts that cannot get
//   wrong options, answers unlike their kind), which the widget's
//   validateDeck computes too. Messages are plain (the bench never formats
//   one: its decks are valid).
// - mount: the same template (src/dom/template.rs) cloned into an open
//   shadow root that adopts the same style sheet (both given by bench/run.mjs
//   in bench/results/gen/shared.js, checked to be the text inside the built
//   wasm), filled the same way; the same start-up state: the storage key and
//   the saved-progress read, the topic list, the study round, the seeded quiz
//   with the wrong-option count of every fact and the first question made.
// - "Next", turning a card, answering a multiple-choice question, "Next
//   question": the same state changes, the same DOM writes, focus moves,
//   live-region text and factcards:* events; progress is written to
//   localStorage once the browser is idle, as the widget does.
//
// bench/run.mjs checks it: the same errors and warnings (by path) on
// tests/fixtures, and the same shadow DOM, focus and events after the timed
// steps. Not here, because the bench does not time them: the quiz's summary
// and retries, typed answers, restoring saved progress, marks, shuffle, the
// filter, keyboard and swipe, undo and the menu, "Show in article", error
// panels, French and Russian, the <fact-cards> element, and the full
// wrong-option generator for numbers and dates of src/model/variants.rs (a
// smaller one stands in; it only runs for a number, money or date fact with
// fewer than three other options, which the bench's synthetic decks never
// have).

import { MARKUP, CSS, BUILTIN_DECK_JSON } from '../results/gen/shared.js';

// ---------------------------------------------------------------------------
// Text (src/model/text.rs)

// Rust's char::is_whitespace (the Unicode White_Space property).
const WS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// Blank: white space and zero-width characters only.
const BLANK = new RegExp(`^[${WS}\\u200b-\\u200d\\u2060\\ufeff]*$`);
const WS_RUN = new RegExp(`[${WS}]+`);
// Most text starts with a visible ASCII character: no need for the regex then.
const isBlank = (s) => {
  const c = s.charCodeAt(0);
  return !(c > 0x20 && c < 0x7f) && BLANK.test(s);
};
const words = (s) => s.split(WS_RUN).filter((w) => w !== '');

// [first, last, delta] as in FOLDS of src/model/text.rs.
const FOLDS = [[0xc0,0xd6,32],[0xd8,0xde,32],[0x100,0x12f,1],[0x130,0x130,-199],[0x132,0x137,1],[0x139,0x148,1],[0x14a,0x177,1],[0x178,0x178,-121],[0x179,0x17e,1],[0x1c4,0x1c4,2],[0x1c5,0x1c5,1],[0x1c7,0x1c7,2],[0x1c8,0x1c8,1],[0x1ca,0x1ca,2],[0x1cb,0x1dc,1],[0x1de,0x1ef,1],[0x1f1,0x1f1,2],[0x1f2,0x1f4,1],[0x1f8,0x21f,1],[0x222,0x233,1],[0x246,0x24f,1],[0x370,0x373,1],[0x376,0x376,1],[0x37f,0x37f,116],[0x386,0x386,38],[0x388,0x38a,37],[0x38c,0x38c,64],[0x38e,0x38f,63],[0x391,0x3a1,32],[0x3a3,0x3ab,32],[0x3cf,0x3cf,8],[0x3d8,0x3ef,1],[0x3f7,0x3f7,1],[0x3fa,0x3fa,1],[0x400,0x40f,80],[0x410,0x42f,32],[0x460,0x481,1],[0x48a,0x4bf,1],[0x4c0,0x4c0,15],[0x4c1,0x4ce,1],[0x4d0,0x52f,1],[0x531,0x556,48],[0x10a0,0x10c5,7264],[0x10c7,0x10c7,7264],[0x10cd,0x10cd,7264],[0x1c90,0x1cba,-3008],[0x1cbd,0x1cbf,-3008],[0x1e00,0x1e95,1],[0x1e9e,0x1e9e,-7615],[0x1ea0,0x1eff,1],[0x2160,0x216f,16],[0x24b6,0x24cf,26],[0x2c00,0x2c2f,48],[0x2c80,0x2ce3,1],[0xa640,0xa66d,1],[0xa680,0xa69b,1],[0xff21,0xff3a,32]];

/** One character (a code point, as a string) in lower case, as fold_char. */
function foldChar(c) {
  const u = c.codePointAt(0);
  if (u < 0x80) return u >= 65 && u <= 90 ? String.fromCharCode(u + 32) : c;
  for (const [first, last, delta] of FOLDS) {
    if (u < first || u > last) continue;
    if (delta === 1 && (u - first) % 2 === 1) return c;
    return String.fromCodePoint(u + delta);
  }
  return c;
}

/** Lower case with foldChar, white space runs as one space, trimmed (fold_case_space). */
function foldCaseSpace(s) {
  // The common case: printable ASCII words with single spaces between them.
  if (/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const word of words(s)) {
    if (out !== '') out += ' ';
    out += /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : Array.from(word, foldChar).join('');
  }
  return out;
}

// Base letters of Latin-1 and Latin Extended-A (the tables of text.rs for
// Latin Extended-B and Additional and Greek are not ported:
// the bench's decks are English).
const LATIN1 = 'aaaaaa_ceeeeiiiidnooooo_ouuuuy_y';
const LATIN_EXT_A =
  'aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkklllllll' +
  'lllnnnnnnnnnoooooo__rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs';
const ALNUM = /^[\p{Alphabetic}\p{N}]$/u;
const DIGIT = /^[0-9]$/;

function pushFolded(c) {
  switch (c) {
    case 'ß': return 'ss';
    case 'æ': return 'ae';
    case 'œ': case 'Œ': return 'oe';
    case 'þ': return 'th';
    case 'ĳ': case 'Ĳ': return 'ij';
    case 'ё': return 'е';
    case 'ς': return 'σ';
  }
  const u = c.codePointAt(0);
  let b = '_';
  if (u >= 0xe0 && u <= 0xff) b = LATIN1[u - 0xe0];
  else if (u >= 0x100 && u <= 0x17f) b = LATIN_EXT_A[u - 0x100];
  return b >= 'a' && b <= 'z' ? b : c;
}

// Cyrillic letters that a combining mark turns into a letter of their own
// (и + ◌̆ is й): [base, mark, letter] as CYRILLIC_MARKED of text.rs.
const CYRILLIC_MARKED = ['и\u0306й', 'е\u0300ѐ', 'е\u0308ё', 'г\u0301ѓ', 'і\u0308ї', 'к\u0301ќ', 'и\u0300ѝ', 'у\u0306ў', 'ѵ\u030fѷ', 'ж\u0306ӂ', 'а\u0306ӑ', 'а\u0308ӓ', 'е\u0306ӗ', 'ә\u0308ӛ', 'ж\u0308ӝ', 'з\u0308ӟ', 'и\u0304ӣ', 'и\u0308ӥ', 'о\u0308ӧ', 'ө\u0308ӫ', 'э\u0308ӭ', 'у\u0304ӯ', 'у\u0308ӱ', 'у\u030bӳ', 'ч\u0308ӵ', 'ы\u0308ӹ'];
const isMark = (c) => c >= '\u0300' && c <= '\u036f';
const BELOW_MARK = /^[\u0316-\u0319\u031b-\u033c\u0347-\u0349\u034d\u034e\u0353-\u0356\u0359\u035a]$/;

/** The folded characters of s, a marked Cyrillic letter composed (the first pass of normalize_answer). */
function composed(s) {
  const chars = [];
  let letter = -1;
  let blocked = false;
  for (const c of Array.from(s, foldChar)) {
    if (!isMark(c)) {
      letter = chars.length;
      blocked = false;
    } else if (letter >= 0 && !blocked) {
      const pair = CYRILLIC_MARKED.find((t) => t[0] === chars[letter] && t[1] === c);
      if (pair) {
        chars[letter] = pair[2];
        continue;
      }
      blocked = !BELOW_MARK.test(c);
    }
    chars.push(c);
  }
  return chars;
}

const isNumberToken = (t) => isDigitAt(t, 0) && /^[0-9.]*$/.test(t);
const CURRENCY = new Set(['dollar', 'dollars', 'usd', 'us', 'eur', 'euro', 'euros', 'gbp', 'pound', 'pounds', 'kzt', 'tenge', 'rub', 'ruble', 'rubles', 'rouble', 'roubles']);
const SCALES = new Set(['thousand', 'million', 'billion', 'trillion']);

const isDigitAt = (s, i) => {
  const c = s.charCodeAt(i); // NaN out of range
  return c >= 48 && c <= 57;
};

/** One character of printable ASCII that is not a letter, digit or space, at i of the lower-cased text s. */
function asciiMark(ch, i, s) {
  const between = isDigitAt(s, i - 1) && isDigitAt(s, i + 1);
  if (ch === '.') return between ? '.' : '';
  if (ch === ',' && between && isDigitAt(s, i + 2) && isDigitAt(s, i + 3) && !isDigitAt(s, i + 4)) return ''; // thousands separator
  if (ch === "'" || ch === '`') return '';
  if (ch === '-' && startsNumber(s, i + 1) && !/[a-z0-9]/.test(s[i - 1] ?? '')) return ' minus ';
  return ch === '%' ? ' percent ' : ' ';
}

/** Whether s (a string or an array of characters) has a digit at i, or a currency sign and a digit (starts_number of text.rs). */
const startsNumber = (s, i) => DIGIT.test(s[i] ?? '') || ('$€£¥₸₽'.includes(s[i] || '#') && DIGIT.test(s[i + 1] ?? ''));

/** The letters and digits of s, folded, the rest as the first pass of normalize_answer leaves it. */
function flatten(s) {
  // The common case, printable ASCII: one replace over what is not a letter or a digit.
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase().replace(/[^a-z0-9 ]/g, asciiMark);
  const chars = /[\u0300-\u036f]/.test(s) ? composed(s) : Array.from(s, foldChar);
  const digit = (j) => j >= 0 && j < chars.length && DIGIT.test(chars[j]);
  let flat = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const between = digit(i - 1) && digit(i + 1);
    if (isMark(c)) continue;
    if (ALNUM.test(c)) flat += pushFolded(c);
    else if (c === '.' && between) flat += '.';
    else if ((c === ',' || c === '\u00a0' || c === '\u2009' || c === '\u202f') && between &&
      digit(i + 2) && digit(i + 3) && !digit(i + 4)) { /* thousands separator */ }
    else if ((c === '-' || c === '\u2212') && startsNumber(chars, i + 1) && !(i > 0 && ALNUM.test(chars[i - 1]))) flat += ' minus ';
    else if ("'\u2018\u2019\u02bc\u00b4`\u2032\u1fef\u1ffd.".includes(c)) { /* dropped */ }
    else if (c === '\u00ad' || (c >= '\u200b' && c <= '\u200d') || c === '\u2060' || c === '\ufeff') { /* invisible */ }
    else if (c === '%') flat += ' percent ';
    else flat += ' ';
  }
  return flat;
}

/** normalize_answer of src/model/text.rs: the matcher's key of a text. */
function normalizeAnswer(s) {
  const flat = flatten(s);
  // Printable ASCII (the common case) leaves only spaces between words.
  const parts = /^[\x20-\x7e]*$/.test(flat) ? flat.split(' ') : words(flat);
  // Without a digit, only "per cent" would change: most answers are done here.
  if (!/[0-9]/.test(flat)) {
    const joined = parts.filter((t) => t !== '').join(' ');
    if (!joined.includes('per cent')) return joined;
  }
  const tokens = [];
  for (const t of parts) {
    if (t === '') continue;
    const m = isDigitAt(t, 0) ? /[^0-9.]/.exec(t) : null;
    if (m) {
      // A number with letters after it: "25th", "3bn".
      tokens.push(t.slice(0, m.index));
      const rest = t.slice(m.index);
      if (rest !== 'st' && rest !== 'nd' && rest !== 'rd' && rest !== 'th') tokens.push(rest);
    } else tokens.push(t);
  }
  const out = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i++];
    const last = out.length ? out[out.length - 1] : null;
    const afterNumber = last !== null && isNumberToken(last);
    const afterAmount = last !== null && (afterNumber || SCALES.has(last));
    const beforeNumber = i < tokens.length && isNumberToken(tokens[i]);
    let word = t;
    if (t === 'per' && tokens[i] === 'cent') { i++; word = 'percent'; }
    else if (t === 'k' && afterNumber) word = 'thousand';
    else if ((t === 'm' || t === 'mn' || t === 'mln') && afterNumber) word = 'million';
    else if ((t === 'b' || t === 'bn' || t === 'bln') && afterNumber) word = 'billion';
    else if ((t === 'tn' || t === 'trn') && afterNumber) word = 'trillion';
    else if (CURRENCY.has(t) && (afterAmount || beforeNumber)) continue;
    out.push(word);
  }
  return out.join(' ');
}

/** AnswerKey: two texts are the same answer when either key is equal. */
const answerKey = (text) => [normalizeAnswer(text), foldCaseSpace(text)];
const sameAnswer = (a, b) => a[0] === b[0] || a[1] === b[1];

// ---------------------------------------------------------------------------
// Validation (src/model/validate.rs, src/dom/js_value.rs)

const FORMAT_VERSION = 1;
const MAX_FACTS = 10000;
const MAX_TITLE = 300;
const MAX_SIDE = 1000;
const MAX_LONG_TEXT = 5000;
const MAX_ID = 200;
const MAX_TOPIC = 100;
const MAX_LANGUAGE = 100;
const MAX_SOURCE_FIELD = 1000;
const MAX_URL = 2000;
const MAX_ALT = 1000;
const MAX_ENTRY = 1000;
const MAX_ENTRIES = 20;
const MAX_DEPTH = 32;
const MAX_KEY_STEP = 60;
const DECK_FIELDS = ['version', 'id', 'title', 'language', 'description', 'source', 'facts'];
const SOURCE_FIELDS = ['publisher', 'headline', 'url', 'published', 'author', 'editor'];
const FACT_FIELDS = ['id', 'front', 'back', 'topic', 'kind', 'detail', 'quote', 'accept', 'distractors', 'image'];
const IMAGE_FIELDS = ['src', 'alt'];
const KINDS = ['person', 'organization', 'place', 'date', 'number', 'money', 'event', 'document', 'other'];

const isNull = (v) => v === null || v === undefined;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeName(v) {
  if (isNull(v)) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return `a ${typeof v}`;
  return Array.isArray(v) ? 'an array' : 'an object';
}

/** Characters (code points) of s. */
function charCount(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xdc00 && u <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

/** A path is null (the deck) or {p: parent, k: key} or {p: parent, i: index}. */
function renderPath(path) {
  const parts = [];
  for (let q = path; q; q = q.p) parts.push(q);
  let out = '';
  for (let j = parts.length - 1; j >= 0; j--) {
    const q = parts[j];
    if (q.k !== undefined) out += (out === '' ? '' : '.') + q.k;
    else out += `[${q.i}]`;
  }
  return out;
}

/** Whether an unknown key can stand as one step of a path (names_a_step). */
const namesAStep = (key) => key !== '' && charCount(key) <= MAX_KEY_STEP && !/[.[\]\p{Cc}]/u.test(key);

function isLanguageTag(tag) {
  const [primary, ...rest] = tag.split('-');
  return /^[A-Za-z]{2,3}$/.test(primary) && rest.every((t) => /^[A-Za-z0-9]{1,8}$/.test(t));
}

// Not a URL character: white space, control characters, backslash, BOM.
const BAD_URL_CHAR = new RegExp(`[${WS}\\u0000-\\u001f\\u007f-\\u009f\\\\\\ufeff]`);

function isHttpUrl(s) {
  const m = /^https?:\/\//i.exec(s);
  if (!m) return false;
  const rest = s.slice(m[0].length);
  const host = rest.split(/[/?#]/)[0].split('@').pop();
  return host !== '' && !host.startsWith(':') && !BAD_URL_CHAR.test(rest);
}

function isRelativePath(s) {
  return !s.startsWith('//') && !s.split(/[/?#]/)[0].includes(':') && !BAD_URL_CHAR.test(s);
}

/** null for a real YYYY-MM-DD date, else what is wrong. */
function dateProblem(s) {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return 'must be a date as YYYY-MM-DD';
  const year = +s.slice(0, 4);
  const month = +s.slice(5, 7);
  const day = +s.slice(8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days ? null : `must be a real calendar date; ${s} does not exist`;
}

/** The js_value.rs walk: null when value is JSON data, else {path, message}. */
function notJson(value) {
  const path = [];
  const walk = (v) => {
    if (v === null || v === undefined) return null;
    const t = typeof v;
    if (t === 'boolean' || t === 'number' || t === 'string') return null;
    if (path.length >= MAX_DEPTH) return 'nested deeper than 32 levels';
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const e = walk(v[i]);
        if (e) return e;
        path.pop();
      }
      return null;
    }
    if (t !== 'object') return 'must be JSON data (not a function, symbol or BigInt)';
    for (const key of Object.keys(v)) {
      let item;
      try {
        item = Reflect.get(v, key);
      } catch {
        return 'could not be read';
      }
      path.push(key);
      const e = walk(item);
      if (e) return e;
      path.pop();
    }
    return null;
  };
  const message = walk(value);
  if (!message) return null;
  const rendered = path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : `${i ? '.' : ''}${seg}`)).join('');
  return { path: rendered, message };
}

/** The keys of an accept list's entries (null for invalid ones); [] for no list. */
function answerKeys(list) {
  if (!Array.isArray(list) || list.length > MAX_ENTRIES) return [];
  return list.map((item) => (typeof item === 'string' && !isBlank(item) ? answerKey(item) : null));
}

/** One walk over a deck value: every rule checked, the deck built, every error kept. */
class Checker {
  constructor() {
    this.issues = [];
  }

  report(path, message) {
    this.issues.push({ path: renderPath(path), message, severity: 'error' });
  }

  walk(obj, fields, path, field) {
    let seen = 0;
    for (const key of Object.keys(obj)) {
      const bit = fields.indexOf(key);
      if (bit < 0) this.report(namesAStep(key) ? { p: path, k: key } : path, `unknown field ${JSON.stringify(key)}`);
      else if (seen & (1 << bit)) this.report(path, `duplicate field "${key}"`);
      else {
        seen |= 1 << bit;
        field(key, obj[key], { p: path, k: key });
      }
    }
    return seen;
  }

  require(seen, fields, required, path) {
    for (const name of required) {
      if (!(seen & (1 << fields.indexOf(name)))) this.report({ p: path, k: name }, 'is required');
    }
  }

  string(v, path, max) {
    if (typeof v !== 'string') return this.report(path, `must be a string, not ${typeName(v)}`), null;
    if (isBlank(v)) return this.report(path, 'must not be blank'), null;
    // A string has at least as many UTF-16 units as characters.
    if (v.length > max && charCount(v) > max) return this.report(path, `must be at most ${max} characters`), null;
    return v;
  }

  required(v, path, max) {
    return isNull(v) ? (this.report(path, 'is required'), null) : this.string(v, path, max);
  }

  optional(v, path, max) {
    return isNull(v) ? null : this.string(v, path, max);
  }

  deck(value) {
    if (!isObject(value)) return this.report(null, `must be an object (a deck), not ${typeName(value)}`), null;
    const deck = { id: null, title: '', language: 'en', description: null, source: null, facts: [] };
    const seen = this.walk(value, DECK_FIELDS, null, (name, v, p) => {
      switch (name) {
        case 'version':
          if (isNull(v)) this.report(p, 'is required');
          else if (typeof v !== 'number') this.report(p, `must be a number, not ${typeName(v)}`);
          else if (v !== FORMAT_VERSION) this.report(p, `unsupported version; expected ${FORMAT_VERSION}`);
          break;
        case 'id': deck.id = this.optional(v, p, MAX_ID); break;
        case 'title': deck.title = this.required(v, p, MAX_TITLE) ?? ''; break;
        case 'language': deck.language = this.language(v, p) ?? 'en'; break;
        case 'description': deck.description = this.optional(v, p, MAX_LONG_TEXT); break;
        case 'source': deck.source = this.source(v, p); break;
        case 'facts': deck.facts = this.facts(v, p); break;
      }
    });
    this.require(seen, DECK_FIELDS, ['version', 'title', 'facts'], null);
    return deck;
  }

  language(v, path) {
    const tag = this.optional(v, path, MAX_LANGUAGE);
    if (tag === null || isLanguageTag(tag)) return tag;
    this.report(path, 'must be a BCP 47 language tag such as "en" or "en-GB"');
    return null;
  }

  source(v, path) {
    if (isNull(v)) return null;
    if (!isObject(v)) return this.report(path, `must be an object (a source), not ${typeName(v)}`), null;
    const s = { publisher: null, headline: null, url: null, published: null, author: null, editor: null };
    this.walk(v, SOURCE_FIELDS, path, (name, x, p) => {
      if (name === 'url') {
        s.url = this.optional(x, p, MAX_URL);
        if (s.url !== null && !isHttpUrl(s.url)) this.report(p, 'must be an http or https URL');
      } else if (name === 'published') {
        s.published = this.optional(x, p, Infinity);
        const problem = s.published === null ? null : dateProblem(s.published);
        if (problem) this.report(p, problem);
      } else s[name] = this.optional(x, p, MAX_SOURCE_FIELD);
    });
    return s;
  }

  facts(v, path) {
    if (isNull(v)) return this.report(path, 'is required'), [];
    if (!Array.isArray(v)) return this.report(path, `must be an array of facts, not ${typeName(v)}`), [];
    if (v.length === 0 || v.length > MAX_FACTS) this.report(path, `must hold 1 to ${MAX_FACTS} facts (has ${v.length})`);
    // Where each id was first used: {index, derived}. (Not over the limit.)
    const ids = v.length > MAX_FACTS ? null : new Map();
    const facts = [];
    for (let index = 0; index < v.length; index++) {
      const fact = this.fact(v[index], { p: path, i: index }, index, ids);
      if (fact) facts.push(fact);
    }
    return facts;
  }

  fact(value, path, index, ids) {
    if (!isObject(value)) return this.report(path, `must be an object (a fact), not ${typeName(value)}`), null;
    const keys = Object.keys(value);
    // The id this fact claims, and where it was used first if before.
    const written = keys.includes('id') ? value.id : undefined;
    let claimed = null;
    if (isNull(written)) claimed = [`fact-${index + 1}`, true];
    else if (typeof written === 'string' && !isBlank(written) && charCount(written) <= MAX_ID) claimed = [written, false];
    let first = null;
    if (claimed !== null && ids !== null) {
      first = ids.get(claimed[0]) ?? null;
      if (first === null) ids.set(claimed[0], { index, derived: claimed[1] });
    }
    // Distractors are compared with the answer and the accepted answers
    // wherever those stand, so key them up front.
    const back0 = keys.includes('back') ? value.back : undefined;
    const backKey = keys.includes('distractors') && typeof back0 === 'string' && !isBlank(back0) ? answerKey(back0) : null;
    const acceptKeys = keys.includes('accept') ? answerKeys(value.accept) : [];

    const fact = { id: null, front: '', back: '', topic: null, kind: 'other', detail: null, quote: null, accept: [], distractors: [], image: null };
    let idGiven = false;
    const seen = this.walk(value, FACT_FIELDS, path, (name, v, p) => {
      switch (name) {
        case 'id':
          idGiven = !isNull(v);
          fact.id = this.optional(v, p, MAX_ID);
          if (fact.id !== null && first) this.report(p, 'duplicate id');
          break;
        case 'front': fact.front = this.required(v, p, MAX_SIDE) ?? ''; break;
        case 'back': fact.back = this.required(v, p, MAX_SIDE) ?? ''; break;
        case 'topic': fact.topic = this.optional(v, p, MAX_TOPIC); break;
        case 'kind': {
          const kind = this.optional(v, p, Infinity);
          if (kind !== null && !KINDS.includes(kind)) this.report(p, `must be one of ${KINDS.join(', ')}`);
          else if (kind !== null) fact.kind = kind;
          break;
        }
        case 'detail': fact.detail = this.optional(v, p, MAX_LONG_TEXT); break;
        case 'quote': fact.quote = this.optional(v, p, MAX_LONG_TEXT); break;
        case 'accept': fact.accept = this.accept(v, p); break;
        case 'distractors': fact.distractors = this.distractors(v, p, backKey, acceptKeys); break;
        case 'image': fact.image = this.image(v, p); break;
      }
    });
    this.require(seen, FACT_FIELDS, ['front', 'back'], path);
    // A fact without an id gets `fact-N`, which may clash with a written one.
    if (!idGiven && first) this.report(path, 'duplicate id (derived from its position)');
    fact.id ??= `fact-${index + 1}`;
    return fact;
  }

  /** The valid string entries of a list; compare(index, text, path) for each when within the limit. */
  entries(v, path, compare) {
    if (isNull(v)) return [];
    if (!Array.isArray(v)) return this.report(path, `must be an array of strings, not ${typeName(v)}`), [];
    const within = v.length <= MAX_ENTRIES;
    if (!within) this.report(path, `must hold at most ${MAX_ENTRIES} entries (has ${v.length})`);
    const valid = [];
    for (let index = 0; index < v.length; index++) {
      const p = { p: path, i: index };
      const text = this.string(v[index], p, MAX_ENTRY);
      if (text === null) continue;
      if (within) compare(index, text, p);
      valid.push(text);
    }
    return valid;
  }

  accept(v, path) {
    const earlier = [];
    return this.entries(v, path, (_index, text, p) => {
      const mine = foldCaseSpace(text);
      if (earlier.includes(mine)) this.report(p, 'must not repeat an earlier entry');
      earlier.push(mine);
    });
  }

  distractors(v, path, back, accept) {
    const earlier = [];
    return this.entries(v, path, (_index, text, p) => {
      const mine = answerKey(text);
      if (back && sameAnswer(back, mine)) this.report(p, 'must not equal the answer (back)');
      else if (accept.some((a) => a && sameAnswer(a, mine))) this.report(p, 'must not equal an accepted answer');
      else if (earlier.some((e) => sameAnswer(e, mine))) this.report(p, 'must not repeat an earlier entry');
      earlier.push(mine);
    });
  }

  image(v, path) {
    if (isNull(v)) return null;
    if (!isObject(v)) return this.report(path, `must be an object (an image), not ${typeName(v)}`), null;
    let src = null;
    let alt = null;
    const seen = this.walk(v, IMAGE_FIELDS, path, (name, x, p) => {
      if (name === 'alt') alt = this.required(x, p, MAX_ALT);
      else {
        src = this.required(x, p, MAX_URL);
        if (src !== null && !isHttpUrl(src) && !isRelativePath(src)) this.report(p, 'must be an http or https URL or a relative path');
      }
    });
    this.require(seen, IMAGE_FIELDS, ['src', 'alt'], path);
    return src !== null && alt !== null ? { src, alt } : null;
  }
}

/** The deck (built-in for null/undefined, JSON text, or an object), or {issues}. */
function readDeck(deck) {
  let value = deck;
  if (isNull(deck)) value = JSON.parse(BUILTIN_DECK_JSON);
  else if (typeof deck === 'string') {
    try {
      value = JSON.parse(deck);
    } catch (e) {
      return { issues: [{ path: '', message: `not valid JSON: ${e.message}`, severity: 'error' }] };
    }
  }
  const bad = notJson(value);
  if (bad) return { issues: [{ ...bad, severity: 'error' }] };
  const checker = new Checker();
  const built = checker.deck(value);
  return checker.issues.length ? { issues: checker.issues } : { deck: built };
}

// Words that make an answer look like its kind (unlike_kind of validate.rs).
const NUMBER_WORDS = new Set('zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion trillion first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth dozen half once twice percent'.split(' '));
const DATE_WORDS = new Set('today yesterday tomorrow spring summer autumn winter century decade year'.split(' '));
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const monthOf = (w) => MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)) || (w === 'sept' && m === 'september'));

function unlikeKind(back, kind) {
  const what = { money: 'amount', date: 'date', number: 'number' }[kind];
  if (!what || /[0-9]/.test(back)) return null;
  const table = kind === 'date' ? DATE_WORDS : NUMBER_WORDS;
  const dated = (w) => kind === 'date' && (monthOf(w) >= 0 || WEEKDAYS.includes(w));
  return normalizeAnswer(back).split(' ').some((w) => table.has(w) || dated(w)) ? null : what;
}

/** The warnings about a valid deck (deck_warnings of validate.rs). */
function deckWarnings(deck) {
  const counts = wrongOptionCounts(deck);
  const out = [];
  const shortKinds = new Set();
  const warn = (path, message) => out.push({ path, message, severity: 'warning' });
  deck.facts.forEach((f, i) => {
    const what = unlikeKind(f.back, f.kind);
    if (what) warn(`facts[${i}].kind`, `is "${f.kind}", but the answer has no ${what}`);
    if (counts[i] < MIN_WRONG) warn(`facts[${i}].back`, 'left out of multiple-choice quizzes');
    if (counts[i] < MAX_OPTIONS - 1 && !shortKinds.has(f.kind)) {
      shortKinds.add(f.kind);
      warn(`facts[${i}].kind`, `kind "${f.kind}" cannot give 3 wrong options to each of its facts`);
    }
  });
  return out;
}

/** Every problem with deck (an object or JSON text) as {path, message, severity}: its errors, or a valid deck's warnings. */
export function validateDeck(deck) {
  if (isNull(deck)) return [{ path: '', message: 'must be a deck object or JSON text, not nothing', severity: 'error' }];
  const read = readDeck(deck);
  return read.issues ?? deckWarnings(read.deck);
}

// ---------------------------------------------------------------------------
// SplitMix64, as src/model/rng.rs (BigInt: the same choices as the widget)

const M64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

function mix(z) {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

const deriveSeed = (seed, salt) => mix((seed + mix((salt + GOLDEN) & M64) + GOLDEN) & M64);

class Rng {
  constructor(seed) {
    this.state = seed & M64;
  }

  next() {
    this.state = (this.state + GOLDEN) & M64;
    return mix(this.state);
  }

  /** Uniform in 0..n (Lemire with rejection); 0 when n is 0. */
  below(n) {
    if (n === 0) return 0;
    const big = BigInt(n);
    const threshold = ((1n << 64n) - big) % big;
    for (;;) {
      const m = this.next() * big;
      if ((m & M64) >= threshold) return Number(m >> 64n);
    }
  }

  shuffle(items) {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = this.below(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
  }
}

// ---------------------------------------------------------------------------
// Study (src/model/study.rs): the round of cards, the card on view, marks

const KNOWN = 'k';

class Study {
  /** topics: one topic number per fact, -1 for none. */
  constructor(topics) {
    this.topics = topics;
    this.marks = new Array(topics.length).fill('-');
    this.order = topics.map((_, i) => i);
    this.pos = 0;
    this.turned = false;
    this.round = 1;
  }

  current() {
    return this.pos < this.order.length ? this.order[this.pos] : null;
  }

  isComplete() {
    return this.order.length === 0;
  }

  /** [known, total]. */
  progress() {
    return [this.marks.filter((m) => m === KNOWN).length, this.marks.length];
  }

  turn() {
    if (this.current() === null) return null;
    this.turned = !this.turned;
    return this.turned;
  }

  /** The next card, or after the last one the next round (the cards not known yet). */
  nextCard() {
    if (this.order.length === 0) return false;
    if (this.pos + 1 < this.order.length) this.pos++;
    else {
      this.order = this.topics.map((_, i) => i).filter((i) => this.marks[i] !== KNOWN);
      this.round++;
      this.pos = 0;
    }
    this.turned = false;
    return true;
  }
}

// ---------------------------------------------------------------------------
// Quiz (src/model/quiz.rs)

const MAX_OPTIONS = 4;
const MIN_WRONG = 2;
const SAMPLE = 12;
const DEFAULT_QUESTIONS = 10;

/**
 * Stand-in for variants::generate: up to six wrong numbers made by moving
 * the first number of a number, money or date answer (a year by 1 to 4, a
 * day of the month by weeks, an amount by about a quarter of itself).
 */
function numberVariants(back, kind) {
  const m = /[0-9]+/.exec(back);
  if (!m) return [];
  const n = Number(m[0]);
  const year = m[0].length === 4 && n >= 1000 && n < 3000 && (kind === 'date' || back.trim() === m[0]);
  const day = !year && n >= 1 && n <= 31 && MONTHS.some((mo) => back.toLowerCase().includes(mo.slice(0, 3)));
  const step = Math.max(1, Math.round(n / 4));
  const moves = year ? [-2, 2, -1, 1, -3, 3, -4, 4] : day ? [-7, 7, -14, 14, -21, 21] : [-1, 1, -2, 2, 3, 4].map((k) => k * step);
  const out = [];
  for (const d of moves) {
    const v = n + d;
    if (out.length < 6 && v > 0 && (!day || v <= 28)) out.push(back.slice(0, m.index) + v + back.slice(m.index + m[0].length));
  }
  return out;
}

/** Collects up to `limit` wrong options for fact f, refusing any that is the same answer as a right one or an option taken. */
class Picker {
  constructor(f, limit) {
    this.taken = [answerKey(f.back), ...f.accept.map(answerKey)];
    this.wrong = [];
    this.limit = limit;
  }

  full() {
    return this.wrong.length >= this.limit;
  }

  offer(text, key) {
    if (this.full() || isBlank(text)) return;
    key ??= answerKey(text);
    if (this.taken.some((t) => sameAnswer(t, key))) return;
    this.taken.push(key);
    this.wrong.push(text);
  }

  /** Offers texts from pool in a random order until full or none is left. */
  draw(pool, rng) {
    while (!this.full() && pool.length > 0) {
      const i = rng.below(pool.length);
      const text = pool[i];
      pool[i] = pool[pool.length - 1];
      pool.pop();
      this.offer(text);
    }
  }

  vary(f) {
    if ((f.kind === 'number' || f.kind === 'money' || f.kind === 'date') && !this.full()) {
      for (const v of numberVariants(f.back, f.kind)) this.offer(v);
    }
  }
}

/** Up to 12 facts of each kind with different backs, and 12 different distractors, with their keys (kind_samples). */
function kindSamples(deck) {
  const samples = KINDS.map(() => ({ backs: [], distractors: [] }));
  deck.facts.forEach((f, i) => {
    const s = samples[KINDS.indexOf(f.kind)];
    if (s.backs.length < SAMPLE) {
      const key = answerKey(f.back);
      if (!s.backs.some(([, k]) => sameAnswer(k, key))) s.backs.push([i, key]);
    }
    for (const d of f.distractors) {
      if (s.distractors.length >= SAMPLE) break;
      const key = answerKey(d);
      if (!s.distractors.some(([, , k]) => sameAnswer(k, key))) s.distractors.push([i, d, key]);
    }
  });
  return samples;
}

/** Wrong options for fact f in a fixed order: its distractors, its kind's sample, variants (counted_options). */
function countedOptions(deck, fact, f, sample, limit) {
  const picker = new Picker(f, limit);
  for (const d of f.distractors) picker.offer(d);
  for (const [i, key] of sample.backs) if (i !== fact) picker.offer(deck.facts[i].back, key);
  for (const [i, text, key] of sample.distractors) if (i !== fact) picker.offer(text, key);
  picker.vary(f);
  return picker.wrong;
}

/** How many wrong options (at most 3) each fact can get. */
function wrongOptionCounts(deck) {
  const samples = kindSamples(deck);
  return deck.facts.map((f, i) => countedOptions(deck, i, f, samples[KINDS.indexOf(f.kind)], MAX_OPTIONS - 1).length);
}

/** Wrong options for fact f drawn at random: its distractors, backs of its kind (same topic first), their distractors, variants. */
function wrongOptions(deck, fact, f, sameKind, limit, rng) {
  const picker = new Picker(f, limit);
  picker.draw(f.distractors.slice(), rng);
  const others = sameKind.filter((i) => i !== fact).map((i) => deck.facts[i]);
  picker.draw(others.filter((g) => g.topic === f.topic).map((g) => g.back), rng);
  picker.draw(others.filter((g) => g.topic !== f.topic).map((g) => g.back), rng);
  if (!picker.full()) picker.draw(others.flatMap((g) => g.distractors), rng);
  picker.vary(f);
  return picker.wrong;
}

class Quiz {
  constructor(deck, { seed, questions, answer }) {
    this.typed = answer === 'typed';
    this.wrong = MAX_OPTIONS - 1;
    let pool = deck.facts.map((_, i) => i);
    if (!this.typed) {
      // Facts that cannot get two wrong options are left out.
      const counts = wrongOptionCounts(deck);
      const fit = pool.filter((i) => counts[i] >= MIN_WRONG);
      if (fit.length === 0) this.typed = true;
      else {
        for (const i of fit) this.wrong = Math.min(this.wrong, counts[i]);
        pool = fit;
      }
    }
    const n = pool.length;
    const len = Math.min(questions > 0 ? questions : DEFAULT_QUESTIONS, n);
    const rng = new Rng(seed);
    for (let i = 0; i < len; i++) {
      const j = i + rng.below(n - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    pool.length = len;
    this.seed = seed;
    this.round = 1;
    this.order = pool;
    this.questions = new Array(len).fill(null);
    this.answers = [];
    this.pos = 0;
    this.byKind = null;
  }

  get length() {
    return this.order.length;
  }

  isFinished() {
    return this.pos >= this.order.length;
  }

  /** The current question, made on first access. */
  question(deck) {
    if (this.isFinished()) return null;
    this.questions[this.pos] ??= this.make(deck, this.order[this.pos]);
    return this.questions[this.pos];
  }

  currentAnswer() {
    return this.answers[this.pos] ?? null;
  }

  answerChoice(deck, option) {
    if (this.currentAnswer()) return null;
    const q = this.question(deck);
    if (!q || !q.options || option >= q.options.length) return null;
    const answer = { fact: q.fact, given: q.options[option], expected: deck.facts[q.fact].back, correct: option === q.correct, choice: option };
    this.answers.push(answer);
    return answer;
  }

  next() {
    if (this.pos < this.order.length && this.answers.length > this.pos) {
      this.pos++;
      return true;
    }
    return false;
  }

  score() {
    return this.answers.filter((a) => a.correct).length;
  }

  make(deck, fact) {
    const typed = { fact, options: null, correct: -1 };
    const f = deck.facts[fact];
    if (this.typed) return typed;
    if (this.byKind === null) {
      this.byKind = KINDS.map(() => []);
      deck.facts.forEach((g, i) => this.byKind[KINDS.indexOf(g.kind)].push(i));
    }
    const kind = KINDS.indexOf(f.kind);
    const rng = new Rng(deriveSeed(deriveSeed(this.seed, BigInt(this.round)), BigInt(fact)));
    let options = wrongOptions(deck, fact, f, this.byKind[kind], this.wrong, rng);
    // The random draw can block itself; the fixed order that counted them cannot.
    if (options.length < this.wrong) options = countedOptions(deck, fact, f, kindSamples(deck)[kind], this.wrong);
    if (options.length < Math.min(MIN_WRONG, this.wrong) || options.length === 0) return typed;
    rng.shuffle(options);
    const correct = rng.below(options.length + 1);
    options.splice(correct, 0, f.back);
    return { fact, options, correct };
  }
}

// ---------------------------------------------------------------------------
// App: state and messages (src/model/app.rs)

const D = { MODE: 1, CARD: 2, TURN: 4, STUDY: 8, FILTER: 16, QUESTION: 32, ANSWER: 64, SUMMARY: 128, ROUND: 256, SAVE: 512 };

class App {
  constructor(deck, settings) {
    this.deck = deck;
    this.settings = settings;
    this.topics = []; // [name, count]
    const byName = new Map();
    const factTopics = deck.facts.map((fact) => {
      if (fact.topic === null) return -1;
      let t = byName.get(fact.topic);
      if (t === undefined) {
        t = this.topics.length;
        byName.set(fact.topic, t);
        this.topics.push([fact.topic, 0]);
      }
      this.topics[t][1]++;
      return t;
    });
    this.study = new Study(factTopics);
    this.quiz = new Quiz(deck, settings);
    this.mode = settings.modes === 'quiz' ? 'quiz' : 'cards';
    this.quiz.question(deck);
  }

  /** The record saved to localStorage: round, card on view, a mark per fact. */
  progress() {
    return `fcv|${this.study.round}|${this.study.current() ?? ''}|${this.study.marks.join('')}`;
  }

  /** Applies msg ({t: name, ...}); returns {dirty, event}. */
  update(msg) {
    const study = this.study;
    let dirty = 0;
    let event = null;
    switch (msg.t) {
      case 'turn': {
        const fact = study.current();
        const turned = study.turn();
        if (turned !== null) {
          dirty = D.TURN;
          event = { t: 'flip', fact, turned };
        }
        break;
      }
      case 'next': {
        const round = study.round;
        if (study.nextCard()) dirty = D.CARD | D.TURN | D.SAVE | (study.round !== round ? D.STUDY | D.ROUND : 0);
        break;
      }
      case 'choose': {
        const a = this.quiz.answerChoice(this.deck, msg.i);
        if (a) {
          event = { t: 'answer', ...a };
          dirty = D.ANSWER | D.SAVE;
        }
        break;
      }
      case 'qnext':
        if (this.quiz.next()) {
          if (this.quiz.isFinished()) {
            dirty = D.SUMMARY | D.SAVE;
            event = { t: 'complete', score: this.quiz.score(), total: this.quiz.length };
          } else dirty = D.QUESTION | D.SAVE;
        }
        break;
    }
    if (dirty & D.QUESTION) this.quiz.question(this.deck);
    return { dirty, event };
  }
}

// ---------------------------------------------------------------------------
// Remembered progress (src/model/progress.rs, src/dom/storage.rs)

/**
 * The deck's localStorage key: FNV-1a 64 over the UTF-8 bytes of the title
 * and each fact's id, front and back, with a 0xff after each. The hash is
 * kept in four 16-bit limbs, so the arithmetic stays in small integers:
 * h * 0x100000001b3 is h * 435 + (h << 40), modulo 2^64.
 */
function storageKey(deck) {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const mixByte = (byte) => {
    h0 ^= byte;
    const t0 = h0 * 435;
    const t1 = h1 * 435 + (t0 >>> 16);
    const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 435 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
    h1 = t1 & 0xffff;
    h0 = t0 & 0xffff;
  };
  const part = (s) => {
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) mixByte(c);
      else if (c < 0x800) {
        mixByte(0xc0 | (c >> 6));
        mixByte(0x80 | (c & 63));
      } else {
        const d = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          mixByte(0xf0 | (c >> 18));
          mixByte(0x80 | ((c >> 12) & 63));
        } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate, as Rust receives it
        if (c < 0x10000) mixByte(0xe0 | (c >> 12));
        mixByte(0x80 | ((c >> 6) & 63));
        mixByte(0x80 | (c & 63));
      }
    }
    mixByte(0xff);
  };
  part(deck.title);
  for (const f of deck.facts) {
    part(f.id);
    part(f.front);
    part(f.back);
  }
  const hex = (n) => n.toString(16).padStart(4, '0');
  return `factcards:${deck.id ?? 'deck'}:${hex(h3)}${hex(h2)}${hex(h1)}${hex(h0)}`;
}

/** The widget's slot in localStorage; writes wait for the browser to be idle. */
class Store {
  constructor(key, enabled) {
    this.key = key;
    this.storage = null;
    this.pending = null;
    try {
      if (enabled) this.storage = window.localStorage;
    } catch {
      // No storage: the widget works without memory.
    }
  }

  /**
   * The saved record, read at mount as the widget reads it. (Restoring it is
   * not timed, every timed page starting with empty storage, so it is not
   * ported.)
   */
  load() {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  /** Writes progress() once the browser is idle (at the latest after a second). */
  changed(progress) {
    if (!this.storage || this.pending !== null) return;
    this.pending = requestIdleCallback(() => {
      this.pending = null;
      try {
        this.storage.setItem(this.key, progress());
      } catch {
        // Full or denied: progress is not remembered.
      }
    }, { timeout: 1000 });
  }
}

// ---------------------------------------------------------------------------
// UI strings (src/model/locale.rs, English)

const EN = {
  cards: 'Cards', quiz: 'Quiz', modes: 'Study mode', prev: 'Previous', next: 'Next',
  turnHint: 'Tap or press Enter to turn', known: 'Got it', learning: 'Still learning',
  shuffle: 'Shuffle', restart: 'Restart', topic: 'Topic', allTopics: 'All topics',
  position: '{n} / {total}', cardOf: 'Card {n} of {total}', round: 'Round {n}: {total} left',
  progressLabel: 'Cards known', knownOf: '{n} of {total} known', complete: 'You know every card.',
  studyAgain: 'Study again', takeQuiz: 'Take the quiz', more: 'More', cleared: 'Progress cleared.', undo: 'Undo',
  questionOf: 'Question {n} of {total}', correct: 'Correct', incorrect: 'Incorrect — the answer is {answer}',
  yourAnswer: 'Your answer', rightAnswer: 'Right answer', check: 'Check', nextQuestion: 'Next question',
  seeScore: 'See your score', scoreTitle: 'Your score', score: '{n} / {total}', retryMistakes: 'Retry mistakes',
  retryAll: 'Retry all', labelEnd: ':', source: 'Source', edited: '(ed. {name})', headline: '“{name}”',
  resetProgress: 'Reset progress', showInArticle: 'Show in article',
};
const UI_LANG = 'en';

const fill = (key, values) => EN[key].replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
const count = (key, n, total) => fill(key, { n, total });

// ---------------------------------------------------------------------------
// DOM helpers (src/dom/template.rs)

let sheet = null;
let template = null;

function cloneMarkup() {
  if (!template) {
    template = document.createElement('template');
    template.innerHTML = MARKUP; // the widget's own fixed markup, never deck text
  }
  return template.content.cloneNode(true);
}

function find(root, selector) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`factcards: template lacks ${selector}`);
  return el;
}

const setText = (el, text) => {
  el.textContent = text;
};
const setFlag = (el, name, on) => (on ? el.setAttribute(name, '') : el.removeAttribute(name));
const setHidden = (el, hidden) => setFlag(el, 'hidden', hidden);
const setBool = (el, name, value) => el.setAttribute(name, value ? 'true' : 'false');

function emit(host, name, detail) {
  host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

const quoteCredit = (deck) => (deck.source?.publisher ? `— ${deck.source.publisher}` : null);

// ---------------------------------------------------------------------------
// Cards view (src/dom/cards_view.rs)

class CardsView {
  constructor(root, app) {
    const f = (sel) => find(root, sel);
    for (const name of ['panel:#p-cards', 'filter:[part=filter]', 'progress:.s-progress', 'knownOf:.known-of', 'studyEl:.study',
      'position:[part=position]', 'card:[part=card]', 'front:[part=front]', 'back:[part=back]', 'topic:.front .topic',
      'image:[part=image]', 'prompt:.prompt', 'answer:.answer', 'detail:.back .detail', 'quote:.back .quote',
      'quoteText:.back blockquote', 'quoteCredit:.back figcaption', 'inArticle:.c-in-article', 'prev:[part=prev]',
      'next:[part=next][data-msg=next]', 'known:[part=known]', 'learning:[part=learning]', 'hint:.hint', 'undo:.undo',
      'done:[part=complete]', 'doneText:.done-text', 'takeQuiz:[part=take-quiz]', 'again:[part=again]']) {
      const at = name.indexOf(':');
      this[name.slice(0, at)] = f(name.slice(at + 1));
    }
    for (const [sel, key] of [['.l-topic', 'topic'], ['[part=shuffle]', 'shuffle'], ['[part=restart]', 'restart'], ['.hint', 'turnHint'],
      ['[part=more]', 'more'], ['.u-text', 'cleared'], ['[part=undo]', 'undo'], ['[part=take-quiz]', 'takeQuiz'],
      ['[part=reset-all]', 'resetProgress'], ['.c-in-article button', 'showInArticle'], ['[part=prev]', 'prev'],
      ['[part=next][data-msg=next]', 'next'], ['[part=known]', 'known'], ['[part=learning]', 'learning'], ['[part=again]', 'studyAgain']]) {
      setText(f(sel), EN[key]);
    }
    this.progress.setAttribute('aria-label', EN.progressLabel);
    for (const el of [this.front, this.back, this.filter]) el.setAttribute('lang', app.deck.language);
    this.fillFilter(app);
    this.filter.firstElementChild.setAttribute('lang', UI_LANG);
    setHidden(f('.filter'), app.topics.length < 2);
    setHidden(this.takeQuiz, app.settings.modes !== 'both');
  }

  fillFilter(app) {
    const add = (value, label) => {
      const opt = document.createElement('option');
      opt.setAttribute('value', value);
      opt.textContent = label;
      this.filter.appendChild(opt);
    };
    add('', `${EN.allTopics} (${app.deck.facts.length})`);
    app.topics.forEach(([name, n], i) => add(String(i), `${name} (${n})`));
  }

  render(app, dirty) {
    const study = app.study;
    if (dirty & (D.CARD | D.STUDY)) {
      const complete = study.isComplete();
      setHidden(this.studyEl, complete);
      setHidden(this.done, !complete);
      const [known, total] = study.progress();
      const p = this.progress;
      p.setAttribute('max', String(Math.max(total, 1)));
      p.setAttribute('value', String(known));
      p.setAttribute('aria-valuemin', '0');
      p.setAttribute('aria-valuemax', String(total));
      p.setAttribute('aria-valuenow', String(known));
      const knownOf = count('knownOf', known, total);
      p.setAttribute('aria-valuetext', knownOf);
      setText(this.knownOf, knownOf);
      setHidden(this.position, complete);
      if (complete) setText(this.doneText, count('complete', 0, total));
    }
    const i = study.current();
    const fact = i === null ? undefined : app.deck.facts[i];
    if (dirty & D.CARD && fact) {
      setText(this.position, count('position', study.pos + 1, study.order.length));
      setText(this.topic, fact.topic ?? '');
      setText(this.prompt, fact.front);
      setText(this.answer, fact.back);
      setText(this.detail, fact.detail ?? '');
      setHidden(this.detail, fact.detail === null);
      if (fact.quote !== null) {
        setText(this.quoteText, fact.quote);
        const credit = quoteCredit(app.deck);
        setText(this.quoteCredit, credit ?? '');
        setHidden(this.quoteCredit, credit === null);
        setHidden(this.quote, false);
      } else setHidden(this.quote, true);
      if (fact.image) {
        this.image.setAttribute('src', fact.image.src);
        this.image.setAttribute('alt', fact.image.alt);
        setHidden(this.image, false);
      } else {
        this.image.removeAttribute('src');
        setHidden(this.image, true);
      }
      setFlag(this.prev, 'disabled', study.pos === 0);
    }
    if (dirty & (D.CARD | D.TURN)) {
      const turned = study.turned;
      setBool(this.card, 'aria-pressed', turned);
      this.card.classList.toggle('turned', turned);
      setBool(this.back, 'aria-hidden', !turned);
      setFlag(this.back, 'inert', !turned);
      setBool(this.front, 'aria-hidden', turned);
      setFlag(this.front, 'inert', turned);
      // "Show in article" is not ported: its line and button stay hidden.
      setHidden(this.inArticle, true);
      setHidden(this.inArticle.firstElementChild, true);
      // One slot under the card: the hint before the turn, the judgement after.
      setHidden(this.undo, true);
      setHidden(this.hint, turned);
      setHidden(this.known, !turned);
      setHidden(this.learning, !turned);
    }
    if (dirty & D.FILTER) this.filter.value = '';
  }

  announcement(app, dirty) {
    const study = app.study;
    if (study.isComplete()) return dirty & D.STUDY ? count('complete', 0, study.progress()[1]) : null;
    const card = count('cardOf', study.pos + 1, study.order.length);
    if (dirty & D.ROUND) return `${count('round', study.round, study.order.length)}. ${card}`;
    return dirty & D.CARD ? card : null;
  }
}

// ---------------------------------------------------------------------------
// Quiz view (src/dom/quiz_view.rs)

class QuizView {
  constructor(root, app) {
    const f = (sel) => find(root, sel);
    for (const name of ['panel:#p-quiz', 'asking:.asking', 'qpos:.qpos', 'progress:.q-progress', 'question:[part=question]',
      'form:form.typed', 'input:[part=input]', 'submit:[part=submit]', 'feedback:[part=feedback]', 'verdict:.verdict',
      'detail:.qdetail', 'quote:.qquote', 'quoteText:.qquote blockquote', 'quoteCredit:.qquote figcaption',
      'inArticle:.q-in-article', 'next:.qnext', 'summary:.summary', 'score:[part=score]', 'review:[part=review]',
      'scoreTitle:.score-title']) {
      const at = name.indexOf(':');
      this[name.slice(0, at)] = f(name.slice(at + 1));
    }
    this.options = Array.from(root.querySelectorAll('[part=option]'));
    for (const [sel, key] of [['.l-answer', 'yourAnswer'], ['[part=submit]', 'check'], ['.score-title', 'scoreTitle'],
      ['.q-in-article button', 'showInArticle'], ['[data-msg=retry-mistakes]', 'retryMistakes'], ['[data-msg=retry-all]', 'retryAll']]) {
      setText(f(sel), EN[key]);
    }
    this.progress.setAttribute('aria-label', EN.quiz);
    const lang = app.deck.language;
    for (const el of [this.question, this.form, this.feedback, this.review, ...this.options]) el.setAttribute('lang', lang);
    // The widget's own words inside those keep the UI language.
    for (const el of [f('.l-answer'), this.submit, this.verdict, f('.missed-title'), f('.rights > summary')]) el.setAttribute('lang', UI_LANG);
    for (const o of this.options) o.lastElementChild.setAttribute('lang', UI_LANG);
  }

  render(app, dirty) {
    const quiz = app.quiz;
    const finished = quiz.isFinished();
    if (dirty & (D.SUMMARY | D.QUESTION)) {
      setHidden(this.asking, finished);
      setHidden(this.summary, !finished);
    }
    if (finished) {
      // The summary screen is not ported beyond the score.
      if (dirty & D.SUMMARY) setText(this.score, count('score', quiz.score(), quiz.length));
      return;
    }
    if (dirty & D.QUESTION) {
      const total = quiz.length;
      setText(this.qpos, count('questionOf', quiz.pos + 1, total));
      this.progress.setAttribute('max', String(Math.max(total, 1)));
      this.progress.setAttribute('aria-valuemin', '0');
      this.progress.setAttribute('aria-valuemax', String(total));
      this.setDone(quiz.pos);
      const question = quiz.questions[quiz.pos];
      const options = question.options ?? [];
      this.options.forEach((button, i) => {
        setHidden(button, options[i] === undefined);
        setFlag(button, 'disabled', false);
        button.className = '';
        setText(button.firstElementChild, options[i] ?? '');
        setText(button.lastElementChild, '');
      });
      setHidden(this.form, options.length > 0);
      setFlag(this.input, 'disabled', false);
      setFlag(this.submit, 'disabled', false);
      this.input.value = '';
      setText(this.question, app.deck.facts[question.fact].front);
      setText(this.verdict, '');
      this.feedback.className = 'feedback';
      setText(this.detail, '');
      setHidden(this.quote, true);
      setHidden(this.inArticle, true);
      setHidden(this.next, true);
    }
    if (dirty & D.ANSWER) this.renderAnswer(app);
  }

  renderAnswer(app) {
    const quiz = app.quiz;
    const answer = quiz.currentAnswer();
    if (!answer) return;
    const right = quiz.questions[quiz.pos].correct;
    const fact = app.deck.facts[answer.fact];
    this.options.forEach((button, i) => {
      setFlag(button, 'disabled', true);
      // The mark is words as well as colour.
      const mark = i === right ? ['right', EN.rightAnswer] : i === answer.choice ? ['wrong', EN.yourAnswer] : null;
      if (!mark) return;
      button.className = mark[0];
      setText(button.lastElementChild, mark[1]);
    });
    setFlag(this.input, 'disabled', true);
    setFlag(this.submit, 'disabled', true);
    this.setDone(quiz.pos + 1);
    setText(this.verdict, answer.correct ? EN.correct : fill('incorrect', { answer: answer.expected }));
    this.feedback.classList.toggle('right', answer.correct);
    setText(this.detail, fact.detail ?? '');
    if (fact.quote !== null) {
      setText(this.quoteText, fact.quote);
      setText(this.quoteCredit, quoteCredit(app.deck) ?? '');
      setHidden(this.quote, false);
    } else setHidden(this.quote, true);
    setHidden(this.inArticle, true);
    setText(this.next, EN[quiz.pos + 1 >= quiz.length ? 'seeScore' : 'nextQuestion']);
    setHidden(this.next, false);
  }

  setDone(done) {
    this.progress.setAttribute('value', String(done));
    this.progress.setAttribute('aria-valuenow', String(done));
  }
}

// ---------------------------------------------------------------------------
// The widget (src/dom/widget.rs, src/dom/shell.rs)

const CLICKS = { turn: { t: 'turn' }, next: { t: 'next' }, qnext: { t: 'qnext' } };

class Widget {
  constructor(host, root, app, store) {
    this.host = host;
    this.root = root;
    this.app = app;
    this.store = store;
    const frag = cloneMarkup();
    find(frag, '.fc').setAttribute('lang', UI_LANG);
    const title = find(frag, '.title');
    setText(title, app.deck.title);
    title.setAttribute('lang', app.deck.language);
    const list = find(frag, '[role=tablist]');
    list.setAttribute('aria-label', EN.modes);
    setHidden(list, app.settings.modes !== 'both');
    this.tabs = Array.from(frag.querySelectorAll('[role=tab]'));
    setText(this.tabs[0], EN.cards);
    setText(this.tabs[1], EN.quiz);
    this.buildCredit(frag);
    setText(find(frag, '[part=reset]'), EN.resetProgress);
    this.live = find(frag, '.live');
    this.cards = new CardsView(frag, app);
    this.quiz = new QuizView(frag, app);
    this.render(D.MODE | D.CARD | D.TURN | D.STUDY | D.FILTER | D.QUESTION | D.ANSWER | D.SUMMARY);
    root.appendChild(frag);
    this.onClick = (e) => {
      const el = e.target instanceof Element ? e.target.closest('[data-msg]') : null;
      const action = el?.getAttribute('data-msg');
      const msg = action === 'opt' ? { t: 'choose', i: Number(el.getAttribute('data-i')) } : CLICKS[action];
      if (msg) this.dispatch(msg);
    };
    root.addEventListener('click', this.onClick);
  }

  buildCredit(frag) {
    const { deck } = this.app;
    const source = deck.source;
    const name = source?.publisher ?? source?.url ?? null;
    if (name === null) return;
    setText(find(frag, '.l-source'), `${EN.source}${EN.labelEnd}`);
    const link = find(frag, '.credit a');
    let rest = '';
    if (source.url) {
      setText(link, name);
      link.setAttribute('href', source.url);
    } else {
      setHidden(link, true);
      rest += name;
    }
    if (source.headline) rest += `, ${fill('headline', { name: source.headline })}`;
    if (source.author) rest += `, ${source.author}`;
    if (source.editor) rest += ` ${fill('edited', { name: source.editor })}`;
    setText(find(frag, '.c-text'), rest);
    const credit = find(frag, '.credit');
    credit.setAttribute('lang', deck.language);
    find(frag, '.l-source').setAttribute('lang', UI_LANG);
    setHidden(credit, false);
  }

  render(dirty) {
    const mode = this.app.mode;
    if (dirty & D.MODE) {
      this.tabs.forEach((tab, i) => {
        const on = (i === 0 ? 'cards' : 'quiz') === mode;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.setAttribute('tabindex', on ? '0' : '-1');
      });
      setHidden(this.cards.panel, mode !== 'cards');
      setHidden(this.quiz.panel, mode !== 'quiz');
      if (this.app.settings.modes !== 'both') {
        for (const panel of [this.cards.panel, this.quiz.panel]) {
          panel.removeAttribute('role');
          panel.removeAttribute('aria-labelledby');
        }
      }
    }
    this.cards.render(this.app, dirty);
    this.quiz.render(this.app, dirty);
  }

  /** Where focus goes after msg: the card when the focused control went away, the quiz's next step. */
  focusTarget(msg) {
    const active = this.root.activeElement;
    const lost = !active || active.hasAttribute('disabled') || active.closest('[hidden]') !== null;
    const quiz = this.app.quiz;
    if (msg.t === 'next') return lost ? (this.app.study.isComplete() ? this.cards.again : this.cards.card) : null;
    if (msg.t === 'choose') return this.quiz.next;
    if (msg.t === 'qnext') return quiz.isFinished() ? this.quiz.scoreTitle : this.quiz.question;
    return null;
  }

  dispatch(msg) {
    const { dirty, event } = this.app.update(msg);
    if (!dirty) return;
    this.render(dirty);
    const text = this.cards.announcement(this.app, dirty);
    if (text !== null) setText(this.live, text);
    if (dirty & D.SAVE) this.store.changed(() => this.app.progress());
    this.focusTarget(msg)?.focus();
    if (!event) return;
    const factId = (i) => this.app.deck.facts[i].id;
    if (event.t === 'flip') emit(this.host, 'factcards:flip', { factId: factId(event.fact), side: event.turned ? 'back' : 'front' });
    else if (event.t === 'answer') {
      emit(this.host, 'factcards:answer', { factId: factId(event.fact), correct: event.correct, given: event.given, expected: event.expected });
    } else emit(this.host, 'factcards:complete', { score: event.score, total: event.total });
  }

  destroy() {
    this.root.removeEventListener('click', this.onClick);
    this.root.textContent = null;
  }
}

// ---------------------------------------------------------------------------
// Mounting (src/dom/mount.rs, src/api.rs)

const live = new WeakMap();

/** The options the bench passes: mode, seed, questions, answer, storage. */
function readOptions(options) {
  const out = { modes: 'both', seed: null, questions: null, answer: 'choice', storage: true };
  for (const [key, v] of Object.entries(options ?? {})) {
    if (isNull(v)) continue;
    if (key === 'mode' && ['cards', 'quiz', 'both'].includes(v)) out.modes = v;
    else if (key === 'seed' && Number.isSafeInteger(v) && v >= 0) out.seed = v;
    else if (key === 'questions' && Number.isInteger(v) && v >= 1 && v <= 10000) out.questions = v;
    else if (key === 'answer' && ['choice', 'typed'].includes(v)) out.answer = v;
    else if (key === 'storage' && typeof v === 'boolean') out.storage = v;
    else throw new Error(`invalid options: options.${key}`);
  }
  return out;
}

/** Renders a widget into target's open shadow root; returns {destroy}. */
export function mount(target, deck, options) {
  const host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!(host instanceof Element)) throw new Error('mount: target must be an Element or a CSS selector');
  live.get(host)?.destroy();
  live.delete(host);
  const opts = readOptions(options);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.textContent = null;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
  const read = readDeck(deck);
  if (read.issues) {
    const message = `invalid deck: ${read.issues[0].path}: ${read.issues[0].message}`;
    emit(host, 'factcards:error', { message, path: read.issues[0].path });
    throw new Error(message);
  }
  host.closest('[lang]'); // the widget looks up the page language here; only English is ported
  const store = new Store(storageKey(read.deck), opts.storage);
  store.load();
  const seed = BigInt(opts.seed ?? Math.floor(Math.random() * 9007199254740991));
  const app = new App(read.deck, { modes: opts.modes, seed, questions: opts.questions, answer: opts.answer });
  const widget = new Widget(host, root, app, store);
  live.set(host, widget);
  emit(host, 'factcards:ready', { facts: read.deck.facts.length });
  return {
    destroy() {
      if (live.get(host) === widget) live.delete(host);
      widget.destroy();
    },
  };
}

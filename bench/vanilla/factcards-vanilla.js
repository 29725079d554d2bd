// factcards, hand-written in plain JavaScript: the baseline the benchmark
// (bench/run.mjs) compares the Rust/WebAssembly widget with.
//
// It is meant to be the honest competitor: the same input, the same work and
// the same output as the widget, written the way a careful JS developer would.
//
// - SAME validation: every rule of src/model/validate.rs (types, blank text,
//   lengths, unique ids, kinds, version, URL schemes, dates, language tags,
//   accept/distractor rules, unknown fields with "did you mean") and the
//   JS-value walk of src/dom/js_value.rs (depth cap 32, no functions,
//   symbols or BigInts), giving the same [{path, message}] list. bench/run.mjs
//   checks that on tests/fixtures/*/*.json against the widget's validateDeck.
// - SAME markup: the template string and the style sheet text are taken from
//   src/dom/template.rs and the build's minified src/dom/style.css by
//   bench/run.mjs (bench/results/gen/shared.js), cloned from one <template>
//   into an open shadow root that adopts one shared constructed sheet. Deck
//   text goes in with textContent only.
// - SAME behaviour: the study state (rounds, marks, filter, shuffles), the
//   quiz (the same SplitMix64 seeded choices, the same distractor selection:
//   authored distractors, then backs of the same kind, same topic first,
//   questions made lazily), remembered progress in localStorage under the
//   same key, the live region, focus moves and the factcards:* events.
//   bench/run.mjs checks that the two shadow DOMs, events and saved progress
//   are identical after the same clicks.
//
// Not ported (not exercised by the benchmark): the French and Russian UI
// strings (English only, `labels` overrides work), the <fact-cards> custom
// element, and the full wrong-option generator for numbers and dates of
// src/model/variants.rs (a smaller one stands in; it only runs when a
// number, money or date fact has fewer than three same-kind wrong options).

import { MARKUP, MESSAGE, CSS, BUILTIN_DECK_JSON } from '../results/gen/shared.js';

// ---------------------------------------------------------------------------
// Text: white space, case folding and answer normalisation (src/model/text.rs)

// Rust's char::is_whitespace (the Unicode White_Space property).
const WS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const BLANK = new RegExp(`^[${WS}]*$`);
const WS_RUN = new RegExp(`[${WS}]+`);
// Most text starts with a visible ASCII character: no need for the regex then.
const isBlank = (s) => {
  const c = s.charCodeAt(0);
  return !(c > 0x20 && c < 0x7f) && BLANK.test(s);
};
const words = (s) => s.split(WS_RUN).filter((w) => w !== '');
const trimWs = (s) => s.replace(new RegExp(`^[${WS}]+|[${WS}]+$`, 'g'), '');

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

/** Lower case with foldChar, trimmed, white space runs as one space. */
function foldCaseSpace(s) {
  // The common case: printable ASCII words with single spaces between them.
  if (/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const word of words(s)) {
    if (out !== '') out += ' ';
    // Plain ASCII words are the common case.
    out += /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : Array.from(word, foldChar).join('');
  }
  return out;
}

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
    case 'ș': return 's';
    case 'ț': return 't';
  }
  const u = c.codePointAt(0);
  let b = '_';
  if (u >= 0xe0 && u <= 0xff) b = LATIN1[u - 0xe0];
  else if (u >= 0x100 && u <= 0x17f) b = LATIN_EXT_A[u - 0x100];
  return b >= 'a' && b <= 'z' ? b : c;
}

const isNumberToken = (t) => /^[0-9][0-9.]*$/.test(t);
const CURRENCY = new Set(['dollar', 'dollars', 'usd', 'us', 'eur', 'euro', 'euros', 'gbp', 'pound', 'pounds', 'kzt', 'tenge', 'rub', 'ruble', 'rubles', 'rouble', 'roubles']);
const SCALES = new Set(['thousand', 'million', 'billion', 'trillion']);

/** normalize_answer of src/model/text.rs. */
function normalizeAnswer(s) {
  const chars = Array.from(s, foldChar);
  const digit = (j) => j >= 0 && j < chars.length && DIGIT.test(chars[j]);
  let flat = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const between = digit(i - 1) && digit(i + 1);
    const u = c.codePointAt(0);
    if (u >= 0x300 && u <= 0x36f) continue;
    if (ALNUM.test(c)) flat += pushFolded(c);
    else if (c === '.' && between) flat += '.';
    else if ((c === ',' || c === '\u00a0' || c === '\u2009' || c === '\u202f') && between &&
      digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) { /* thousands separator */ }
    else if (c === "'" || c === '\u2019' || c === '\u02bc' || c === '.') { /* dropped */ }
    else if (c === '%') flat += ' percent ';
    else flat += ' ';
  }
  const tokens = [];
  for (const t of words(flat)) {
    const m = /[^0-9.]/.exec(t);
    const cut = m ? m.index : t.length;
    const num = t.slice(0, cut);
    const rest = t.slice(cut);
    if (isNumberToken(num) && rest !== '') {
      tokens.push(num);
      if (!['st', 'nd', 'rd', 'th'].includes(rest)) tokens.push(rest);
    } else tokens.push(t);
  }
  const out = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i++];
    const last = out.length ? out[out.length - 1] : null;
    const afterNumber = last !== null && isNumberToken(last);
    const afterAmount = last !== null && (isNumberToken(last) || SCALES.has(last));
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

function answersMatch(given, expected) {
  const g = normalizeAnswer(given);
  return g !== '' && g === normalizeAnswer(expected);
}

// ---------------------------------------------------------------------------
// Validation (src/model/validate.rs and src/dom/js_value.rs)

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
const MAX_QUOTED = 60;
const MAX_SUGGEST = 64;
const DECK_FIELDS = ['version', 'id', 'title', 'language', 'description', 'source', 'facts'];
const SOURCE_FIELDS = ['publisher', 'headline', 'url', 'published', 'author', 'editor'];
const FACT_FIELDS = ['id', 'front', 'back', 'topic', 'kind', 'detail', 'quote', 'accept', 'distractors', 'image'];
const IMAGE_FIELDS = ['src', 'alt'];
const KINDS = ['person', 'organization', 'place', 'date', 'number', 'money', 'event', 'document', 'other'];
const KIND_NAMES = KINDS.join(', ');

const isNull = (v) => v === null || v === undefined;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeName(v) {
  if (isNull(v)) return 'null';
  switch (typeof v) {
    case 'boolean': return 'a boolean';
    case 'number': return 'a number';
    case 'string': return 'a string';
  }
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
    if (q.k !== undefined) {
      if (out !== '') out += '.';
      out += q.k;
    } else out += `[${q.i}]`;
  }
  return out;
}

function escapeControl(c) {
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  if (c === '\n') return '\\n';
  return `\\u{${c.codePointAt(0).toString(16)}}`;
}

/** s in double quotes for a message, escaped and cut to 60 characters. */
function quote(s) {
  let out = '"';
  let i = 0;
  for (const c of s) {
    if (i++ === MAX_QUOTED) {
      out += '…';
      break;
    }
    const u = c.codePointAt(0);
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (u <= 0x1f || (u >= 0x7f && u <= 0x9f)) out += escapeControl(c);
    else out += c;
  }
  return out + '"';
}

const typeError = (expected, v) => `must be ${expected}, not ${typeName(v)}`;
const tooLong = (max, chars) => `must be at most ${max} characters (has ${chars})`;
const repeats = (field, first) => `must not repeat an earlier entry (${field}[${first}])`;

function editDistance(a, b) {
  let twoBack = new Array(b.length + 1).fill(0);
  let oneBack = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array(b.length + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    let prevDiag = oneBack[0];
    let left = i + 1;
    row[0] = left;
    for (let j = 0; j < b.length; j++) {
      const up = oneBack[j + 1];
      const cost = a[i] !== b[j] ? 1 : 0;
      let best = Math.min(prevDiag + cost, up + 1, left + 1);
      if (i > 0 && j > 0 && a[i - 1] === b[j] && b[j - 1] === a[i]) best = Math.min(best, twoBack[j - 1] + 1);
      row[j + 1] = best;
      prevDiag = up;
      left = best;
    }
    [twoBack, oneBack, row] = [oneBack, row, twoBack];
  }
  return oneBack[oneBack.length - 1];
}

function suggest(key, fields) {
  const k = Array.from(key, foldChar);
  if (k.length === 0 || k.length > MAX_SUGGEST) return null;
  const allowed = k.length <= 5 ? 1 : 2;
  let best = null;
  for (const field of fields) {
    const d = editDistance(k, Array.from(field));
    if (d <= allowed && (best === null || d < best[0])) best = [d, field];
  }
  return best && best[1];
}

function unknownField(key, fields) {
  const near = suggest(key, fields);
  const head = `unknown field ${quote(key)}`;
  return near !== null ? `${head}; did you mean "${near}"?` : `${head}; known fields are ${fields.join(', ')}`;
}

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
  return rest.split(/[/?#]/)[0] !== '' && !BAD_URL_CHAR.test(rest);
}

function isRelativePath(s) {
  return !s.startsWith('//') && !s.split(/[/?#]/)[0].includes(':') && !BAD_URL_CHAR.test(s);
}

/** 'valid', 'not-a-date' or 'no-such-day'. */
function checkDate(s) {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return 'not-a-date';
  const year = +s.slice(0, 4);
  const month = +s.slice(5, 7);
  const day = +s.slice(8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days ? 'valid' : 'no-such-day';
}

/** A number as Rust's Display writes it, rounded to 15 significant digits (push_number). */
function formatNumber(n) {
  if (Number.isNaN(n)) return 'NaN';
  let out = n < 0 || Object.is(n, -0) ? '-' : '';
  const a = Math.abs(n);
  if (a === Infinity) return out + 'inf';
  if (a === 0) return out + '0';
  let exp = 0;
  let t = a;
  while (t >= 10) { t /= 10; exp++; }
  while (t < 1) { t *= 10; exp--; }
  const LOW = 100000000000000;
  const scale10 = (x, power) => {
    let left = power;
    while (left !== 0) {
      const step = Math.max(-22, Math.min(22, left));
      let factor = 1;
      for (let i = 0; i < Math.abs(step); i++) factor *= 10;
      if (step > 0) x *= factor;
      else x /= factor;
      left -= step;
    }
    return Math.floor(x + 0.5);
  };
  let digits = scale10(a, 14 - exp);
  if (digits >= 10 * LOW) { exp++; digits = scale10(a, 14 - exp); }
  else if (digits < LOW) { exp--; digits = scale10(a, 14 - exp); }
  if (digits >= 10 * LOW) { digits = Math.floor(digits / 10); exp++; }
  let text = String(digits).padStart(15, '0').replace(/0+$/, '');
  if (text === '') text = '0';
  if (exp < 0) return out + '0.' + '0'.repeat(-exp - 1) + text;
  const whole = exp + 1;
  for (let i = 0; i < Math.max(whole, text.length); i++) {
    if (i === whole) out += '.';
    out += i < text.length ? text[i] : '0';
  }
  return out;
}

/** The js_value.rs walk: null when value is JSON data, else {path, message}. */
function notJson(value) {
  const path = [];
  const render = () => {
    let out = '';
    for (const seg of path) {
      if (typeof seg === 'number') out += `[${seg}]`;
      else {
        if (out !== '') out += '.';
        out += seg;
      }
    }
    return out;
  };
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
  return message ? { path: render(), message } : null;
}

/** The own enumerable member `name` of obj whose keys are `keys`. */
const member = (obj, keys, name) => (keys.includes(name) ? obj[name] : undefined);

class Checker {
  constructor(build) {
    this.issues = [];
    this.build = build;
  }

  report(path, message) {
    this.issues.push({ path: renderPath(path), message });
  }

  building() {
    return this.build && this.issues.length === 0;
  }

  walk(obj, keys, fields, path, field) {
    let seen = 0;
    for (const key of keys) {
      const bit = fields.indexOf(key);
      if (bit < 0) this.report(path, unknownField(key, fields));
      else if (seen & (1 << bit)) this.report(path, `duplicate field ${quote(key)}; each field may appear only once`);
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
    if (typeof v !== 'string') {
      this.report(path, typeError('a string', v));
      return null;
    }
    if (isBlank(v)) {
      this.report(path, 'must not be blank');
      return null;
    }
    if (v.length > max) {
      const chars = charCount(v);
      if (chars > max) {
        this.report(path, tooLong(max, chars));
        return null;
      }
    }
    return v;
  }

  required(v, path, max) {
    if (isNull(v)) {
      this.report(path, 'is required');
      return null;
    }
    return this.string(v, path, max);
  }

  optional(v, path, max) {
    return isNull(v) ? null : this.string(v, path, max);
  }

  deck(value) {
    if (!isObject(value)) {
      this.report(null, typeError('an object (a deck)', value));
      return null;
    }
    let id = null, title = null, language = null, description = null, source = null, facts = null;
    const seen = this.walk(value, Object.keys(value), DECK_FIELDS, null, (name, v, p) => {
      switch (name) {
        case 'version': this.version(v, p); break;
        case 'id': id = this.optional(v, p, MAX_ID); break;
        case 'title': title = this.required(v, p, MAX_TITLE); break;
        case 'language': language = this.language(v, p); break;
        case 'description': description = this.optional(v, p, MAX_LONG_TEXT); break;
        case 'source': source = this.source(v, p); break;
        case 'facts': facts = this.facts(v, p); break;
      }
    });
    this.require(seen, DECK_FIELDS, ['version', 'title', 'facts'], null);
    if (!this.building() || title === null || facts === null) return null;
    return { id, title, language: language ?? 'en', description, source, facts };
  }

  version(v, path) {
    if (isNull(v)) this.report(path, 'is required');
    else if (typeof v === 'number') {
      if (v !== FORMAT_VERSION) this.report(path, `unsupported version ${formatNumber(v)}; expected ${FORMAT_VERSION}`);
    } else this.report(path, typeError('a number', v));
  }

  language(v, path) {
    const tag = this.optional(v, path, MAX_LANGUAGE);
    if (tag === null) return null;
    if (isLanguageTag(tag)) return tag;
    this.report(path, `must be a BCP 47 language tag such as "en" or "en-GB"; got ${quote(tag)}`);
    return null;
  }

  source(v, path) {
    if (isNull(v)) return null;
    if (!isObject(v)) {
      this.report(path, typeError('an object (a source)', v));
      return null;
    }
    const s = {};
    this.walk(v, Object.keys(v), SOURCE_FIELDS, path, (name, x, p) => {
      if (name === 'url') s.url = this.httpUrl(x, p);
      else if (name === 'published') s.published = this.date(x, p);
      else s[name] = this.optional(x, p, MAX_SOURCE_FIELD);
    });
    return this.building() ? s : null;
  }

  httpUrl(v, path) {
    const url = this.optional(v, path, MAX_URL);
    if (url === null) return null;
    if (isHttpUrl(url)) return url;
    this.report(path, 'must be an http or https URL');
    return null;
  }

  date(v, path) {
    const date = this.optional(v, path, Infinity);
    if (date === null) return null;
    const check = checkDate(date);
    if (check === 'valid') return date;
    this.report(path, check === 'not-a-date' ? 'must be a date as YYYY-MM-DD' : `must be a real calendar date; ${date} does not exist`);
    return null;
  }

  facts(v, path) {
    if (isNull(v)) {
      this.report(path, 'is required');
      return null;
    }
    if (!Array.isArray(v)) {
      this.report(path, typeError('an array of facts', v));
      return null;
    }
    if (v.length === 0 || v.length > MAX_FACTS) this.report(path, `must hold 1 to ${MAX_FACTS} facts (has ${v.length})`);
    // Where each id was first used: {index, derived}.
    const ids = new Map();
    const facts = [];
    for (let index = 0; index < v.length; index++) {
      const fact = this.fact(v[index], { p: path, i: index }, index, ids);
      if (fact) facts.push(fact);
    }
    return this.building() ? facts : null;
  }

  fact(value, path, index, ids) {
    if (!isObject(value)) {
      this.report(path, typeError('an object (a fact)', value));
      return null;
    }
    const keys = Object.keys(value);
    // The id this fact claims, and where it was used first if before.
    const written = member(value, keys, 'id');
    let claimed = null;
    let derivedClaim = false;
    if (isNull(written)) {
      claimed = `fact-${index + 1}`;
      derivedClaim = true;
    } else if (typeof written === 'string' && !isBlank(written) && charCount(written) <= MAX_ID) claimed = written;
    let first = null;
    if (claimed !== null) {
      first = ids.get(claimed) ?? null;
      if (first === null) ids.set(claimed, { index, derived: derivedClaim });
    }
    // Distractors are compared with the answer and the accepted answers
    // wherever those stand, so fold them up front.
    const back0 = member(value, keys, 'back');
    const backFolded = keys.includes('distractors') && typeof back0 === 'string' && !isBlank(back0) ? foldCaseSpace(back0) : null;
    const acceptFolded = keys.includes('accept') ? foldEntries(value.accept) : [];

    let id = null, idGiven = false, front = null, back = null, topic = null, kind = null;
    let detail = null, quoteText = null, accept = [], distractors = [], image = null;
    const seen = this.walk(value, keys, FACT_FIELDS, path, (name, v, p) => {
      switch (name) {
        case 'id':
          idGiven = !isNull(v);
          id = this.optional(v, p, MAX_ID);
          if (id !== null) this.claimId(first, id, false, p);
          break;
        case 'front': front = this.required(v, p, MAX_SIDE); break;
        case 'back': back = this.required(v, p, MAX_SIDE); break;
        case 'topic': topic = this.optional(v, p, MAX_TOPIC); break;
        case 'kind': kind = this.kind(v, p); break;
        case 'detail': detail = this.optional(v, p, MAX_LONG_TEXT); break;
        case 'quote': quoteText = this.optional(v, p, MAX_LONG_TEXT); break;
        case 'accept': accept = this.accept(v, p, acceptFolded); break;
        case 'distractors': distractors = this.distractors(v, p, backFolded, acceptFolded); break;
        case 'image': image = this.image(v, p); break;
      }
    });
    this.require(seen, FACT_FIELDS, ['front', 'back'], path);
    let derived = null;
    if (!idGiven) {
      derived = `fact-${index + 1}`;
      this.claimId(first, derived, true, path);
    }
    if (!this.building()) return null;
    return {
      id: id ?? derived,
      front,
      back,
      topic,
      kind: kind ?? 'other',
      detail,
      quote: quoteText,
      accept: accept.filter((a) => typeof a === 'string'),
      distractors: distractors.filter((d) => typeof d === 'string'),
      image,
    };
  }

  claimId(first, id, derived, path) {
    if (!first) return;
    const how = derived ? ' (derived from its position)' : '';
    const where = first.derived ? `facts[${first.index}], derived from its position` : `facts[${first.index}].id`;
    this.report(path, `duplicate id ${quote(id)}${how}; ids must be unique (first used at ${where})`);
  }

  kind(v, path) {
    const name = this.optional(v, path, Infinity);
    if (name === null) return null;
    if (KINDS.includes(name)) return name;
    this.report(path, `must be one of ${KIND_NAMES}; got ${quote(name)}`);
    return null;
  }

  entries(v, path, compare) {
    if (isNull(v)) return [];
    if (!Array.isArray(v)) {
      this.report(path, typeError('an array of strings', v));
      return [];
    }
    const within = v.length <= MAX_ENTRIES;
    if (!within) this.report(path, `must hold at most ${MAX_ENTRIES} entries (has ${v.length})`);
    for (let index = 0; index < v.length; index++) {
      const p = { p: path, i: index };
      const text = this.string(v[index], p, MAX_ENTRY);
      if (text !== null && within) compare(index, text, p);
    }
    return v;
  }

  accept(v, path, folded) {
    return this.entries(v, path, (index, _text, p) => {
      const mine = folded[index];
      if (mine === undefined || mine === null) return;
      const earlier = folded.slice(0, index).indexOf(mine);
      if (earlier >= 0) this.report(p, repeats('accept', earlier));
    });
  }

  distractors(v, path, back, accept) {
    const earlier = [];
    return this.entries(v, path, (index, text, p) => {
      const mine = foldCaseSpace(text);
      let i;
      if (back === mine) this.report(p, 'must not equal the answer (back)');
      else if ((i = accept.indexOf(mine)) >= 0) this.report(p, `must not equal an accepted answer (accept[${i}])`);
      else {
        const e = earlier.find((x) => x[1] === mine);
        if (e) this.report(p, repeats('distractors', e[0]));
      }
      earlier.push([index, mine]);
    });
  }

  image(v, path) {
    if (isNull(v)) return null;
    if (!isObject(v)) {
      this.report(path, typeError('an object (an image)', v));
      return null;
    }
    let src = null, alt = null;
    const seen = this.walk(v, Object.keys(v), IMAGE_FIELDS, path, (name, x, p) => {
      if (name === 'src') src = this.imageSrc(x, p);
      else alt = this.required(x, p, MAX_ALT);
    });
    this.require(seen, IMAGE_FIELDS, ['src', 'alt'], path);
    return this.building() && src !== null && alt !== null ? { src, alt } : null;
  }

  imageSrc(v, path) {
    const src = this.required(v, path, MAX_URL);
    if (src === null) return null;
    if (isHttpUrl(src) || isRelativePath(src)) return src;
    this.report(path, 'must be an http or https URL or a relative path');
    return null;
  }
}

/** The entries of an accept list folded, null for invalid ones; [] for no list. */
function foldEntries(list) {
  if (!Array.isArray(list) || list.length > MAX_ENTRIES) return [];
  return list.map((item) => (typeof item === 'string' && !isBlank(item) ? foldCaseSpace(item) : null));
}

/** The deck (built-in for null/undefined, JSON text, or an object), or {issues}. */
function readDeck(deck) {
  let value = deck;
  if (isNull(deck)) value = JSON.parse(BUILTIN_DECK_JSON);
  else if (typeof deck === 'string') {
    try {
      value = JSON.parse(deck);
    } catch (e) {
      return { issues: [{ path: '', message: `not valid JSON: ${e instanceof Error ? e.message : ''}` }] };
    }
  }
  const bad = notJson(value);
  if (bad) return { issues: [bad] };
  const checker = new Checker(true);
  const built = checker.deck(value);
  return checker.issues.length ? { issues: checker.issues } : { deck: built };
}

/** Every problem with deck (an object or JSON text) as {path, message}; [] when valid. */
export function validateDeck(deck) {
  if (isNull(deck)) return [{ path: '', message: 'must be a deck object or JSON text, not nothing' }];
  return readDeck(deck).issues ?? [];
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
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }
}

// ---------------------------------------------------------------------------
// Study state (src/model/study.rs)

const UNSEEN = 45; // '-'
const KNOWN = 107; // 'k'
const LEARNING = 108; // 'l'
const IN = 114; // 'r'
const OUT = 46; // '.'
const ASCII = new TextDecoder('latin1');

class Study {
  /** topics: one topic number per fact, -1 for none. */
  constructor(topics, seed) {
    this.topics = topics;
    this.marks = new Uint8Array(topics.length).fill(UNSEEN); // 'k', 'l' or '-' per fact
    this.filter = null;
    this.pos = 0;
    this.turned = false;
    this.round = 1;
    this.seed = seed;
    this.shuffles = 0n;
    this.shuffled = false;
    this.order = this.inFilter();
  }

  inFilter(skipKnown = false) {
    const out = [];
    const { topics, marks, filter } = this;
    for (let i = 0; i < topics.length; i++) {
      if ((filter === null || topics[i] === filter) && !(skipKnown && marks[i] === KNOWN)) out.push(i);
    }
    return out;
  }

  current() {
    return this.pos < this.order.length ? this.order[this.pos] : null;
  }

  isComplete() {
    return this.order.length === 0;
  }

  /** [known, total] within the filter. */
  progress() {
    let known = 0;
    let total = 0;
    const { topics, marks, filter } = this;
    for (let i = 0; i < topics.length; i++) {
      if (filter === null || topics[i] === filter) {
        total++;
        if (marks[i] === KNOWN) known++;
      }
    }
    return [known, total];
  }

  turn() {
    if (this.current() === null) return null;
    this.turned = !this.turned;
    return this.turned;
  }

  goTo(pos) {
    if (pos >= this.order.length || (pos === this.pos && !this.turned)) return false;
    this.pos = pos;
    this.turned = false;
    return true;
  }

  prevCard() {
    return this.pos > 0 && this.goTo(this.pos - 1);
  }

  nextCard() {
    if (this.order.length === 0) return false;
    if (this.pos + 1 < this.order.length) return this.goTo(this.pos + 1);
    this.nextRound();
    return true;
  }

  first() {
    return this.goTo(0);
  }

  last() {
    return this.goTo(Math.max(this.order.length - 1, 0));
  }

  markCurrent(mark) {
    const fact = this.current();
    if (fact === null || !this.turned) return false;
    this.marks[fact] = mark;
    return this.nextCard();
  }

  nextRound() {
    this.order = this.inFilter(true);
    if (this.shuffled) this.shuffleOrder();
    this.round++;
    this.pos = 0;
    this.turned = false;
  }

  shuffleOrder() {
    this.shuffles++;
    new Rng(deriveSeed(this.seed, this.shuffles)).shuffle(this.order);
  }

  shuffle() {
    this.shuffled = true;
    this.shuffleOrder();
    this.pos = 0;
    this.turned = false;
  }

  setFilter(topic) {
    this.filter = topic;
    this.order = this.inFilter();
    this.shuffles = 0n;
    if (this.shuffled) this.shuffleOrder();
    this.round = 1;
    this.pos = 0;
    this.turned = false;
  }

  restart() {
    this.marks.fill(UNSEEN);
    this.shuffled = false;
    this.shuffles = 0n;
    this.setFilter(this.filter);
  }

  studyAgain() {
    this.marks.fill(UNSEEN);
    this.setFilter(this.filter);
  }

  /** Which facts are in the current round: 'r' (in) or '.' (out) per fact, as bytes. */
  inRound() {
    const flags = new Uint8Array(this.marks.length).fill(OUT);
    for (const i of this.order) flags[i] = IN;
    return flags;
  }

  /** Restores marks, filter, round (number and cards) and the card on screen. */
  restore(marks, filter, round, inRound, current) {
    this.marks.set(marks.subarray(0, this.marks.length));
    const topicsKnown = filter === null || this.topics.includes(filter);
    this.filter = topicsKnown ? filter : null;
    const unknown = () => this.inFilter(true);
    let order = inRound.length === marks.length ? this.inFilter().filter((i) => inRound[i] === IN) : unknown();
    if (order.length === 0) order = unknown();
    this.order = order;
    this.round = Math.max(round, 1);
    const at = current === null ? -1 : this.order.indexOf(current);
    this.pos = at >= 0 ? at : 0;
    this.shuffled = false;
    this.shuffles = 0n;
    this.turned = false;
  }
}

// ---------------------------------------------------------------------------
// Quiz (src/model/quiz.rs)

const MAX_OPTIONS = 4;

/** A few wrong numbers for a number, money or date fact: the first number moved. */
function numberVariants(back, kind) {
  const m = /[0-9]+/.exec(back);
  if (!m) return [];
  const n = Number(m[0]);
  const year = m[0].length === 4 && n >= 1000 && n < 3000 && kind === 'date';
  const step = year ? 1 : Math.max(1, Math.round(n / 4));
  const out = [];
  for (const k of year ? [-2, 2, -1, 1, -3, 3] : [-1, 1, -2, 2, 3, 4]) {
    const v = n + k * step;
    if (v > 0) out.push(back.slice(0, m.index) + v + back.slice(m.index + m[0].length));
  }
  return out;
}

class Picker {
  constructor() {
    this.taken = [];
    this.wrong = [];
  }

  full() {
    return this.wrong.length >= MAX_OPTIONS - 1;
  }

  offer(text) {
    if (this.full() || isBlank(text)) return;
    const n = normalizeAnswer(text);
    const f = foldCaseSpace(text);
    if (this.taken.some((t) => t[0] === n || t[1] === f)) return;
    this.taken.push([n, f]);
    this.wrong.push(text);
  }

  draw(pool, rng) {
    while (!this.full() && pool.length > 0) {
      const i = Math.min(rng.below(pool.length), pool.length - 1);
      const text = pool[i];
      pool[i] = pool[pool.length - 1];
      pool.pop();
      this.offer(text);
    }
  }
}

function wrongOptions(deck, fact, f, sameKind, rng) {
  const picker = new Picker();
  picker.taken.push([normalizeAnswer(f.back), foldCaseSpace(f.back)]);
  for (const a of f.accept) picker.taken.push([normalizeAnswer(a), foldCaseSpace(a)]);
  picker.draw(f.distractors.slice(), rng);
  const sameTopic = [];
  const otherTopic = [];
  for (const i of sameKind) {
    if (i === fact) continue;
    const g = deck.facts[i];
    (g.topic === f.topic ? sameTopic : otherTopic).push(g.back);
  }
  picker.draw(sameTopic, rng);
  picker.draw(otherTopic, rng);
  if ((f.kind === 'number' || f.kind === 'money' || f.kind === 'date') && !picker.full()) {
    for (const v of numberVariants(f.back, f.kind)) picker.offer(v);
  }
  return picker.wrong;
}

class Quiz {
  constructor(deck, { seed, questions, answer }) {
    const n = deck.facts.length;
    const len = Math.min(questions > 0 ? questions : 10, n);
    const rng = new Rng(seed);
    const pool = new Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < len; i++) {
      const j = i + rng.below(n - i);
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    pool.length = len;
    this.seed = seed;
    this.mode = answer;
    this.round = 0;
    this.first = pool.slice();
    this.byKind = null;
    this.start(pool, false);
  }

  start(facts, shuffle) {
    this.round++;
    if (shuffle) new Rng(deriveSeed(this.seed, BigInt(this.round))).shuffle(facts);
    this.questions = new Array(facts.length).fill(null);
    this.order = facts;
    this.answers = [];
    this.pos = 0;
  }

  get length() {
    return this.order.length;
  }

  isFinished() {
    return this.pos >= this.order.length;
  }

  question(deck) {
    if (this.pos >= this.order.length) return null;
    if (this.questions[this.pos] === null) this.questions[this.pos] = this.make(deck, this.order[this.pos]);
    return this.questions[this.pos];
  }

  currentQuestion() {
    return this.questions[this.pos] ?? null;
  }

  currentAnswer() {
    return this.answers[this.pos] ?? null;
  }

  answerChoice(deck, option) {
    if (this.currentAnswer()) return null;
    const q = this.question(deck);
    if (!q || !q.options) return null;
    if (option >= q.options.length) return null;
    return this.record(deck, q.fact, q.options[option], option === q.correct, option);
  }

  answerTyped(deck, text) {
    if (this.currentAnswer()) return null;
    const q = this.question(deck);
    if (!q || q.options) return null;
    const f = deck.facts[q.fact];
    const right = !!f && (answersMatch(text, f.back) || f.accept.some((a) => answersMatch(text, a)));
    return this.record(deck, q.fact, trimWs(text), right, null);
  }

  record(deck, fact, given, correct, choice) {
    const expected = deck.facts[fact]?.back ?? '';
    const answer = { fact, given, expected, correct, choice };
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

  retryMistakes(deck) {
    const wrong = this.answers.filter((a) => !a.correct && a.fact < deck.facts.length).map((a) => a.fact);
    if (wrong.length === 0) return false;
    this.start(wrong, true);
    return true;
  }

  retryAll(deck) {
    this.start(this.first.filter((f) => f < deck.facts.length), true);
  }

  make(deck, fact) {
    const typed = { fact, options: null, correct: -1 };
    const f = deck.facts[fact];
    if (!f || this.mode === 'typed') return typed;
    if (this.byKind === null) {
      this.byKind = KINDS.map(() => []);
      deck.facts.forEach((g, i) => this.byKind[KINDS.indexOf(g.kind)].push(i));
    }
    const rng = new Rng(deriveSeed(deriveSeed(this.seed, BigInt(this.round)), BigInt(fact)));
    const options = wrongOptions(deck, fact, f, this.byKind[KINDS.indexOf(f.kind)], rng);
    if (options.length === 0) return typed;
    rng.shuffle(options);
    const correct = Math.min(rng.below(options.length + 1), options.length);
    options.splice(correct, 0, f.back);
    return { fact, options, correct };
  }
}

// ---------------------------------------------------------------------------
// App: state and messages (src/model/app.rs)

const D = {
  MODE: 1, CARD: 2, TURN: 4, STUDY: 8, FILTER: 16, QUESTION: 32, ANSWER: 64,
  SUMMARY: 128, ROUND: 256, SAVE: 512, RESET: 1024,
};

class App {
  constructor(deck, settings) {
    this.deck = deck;
    this.settings = settings;
    this.topics = [];
    const byName = new Map();
    const factTopics = new Int32Array(deck.facts.length);
    deck.facts.forEach((fact, i) => {
      if (fact.topic === null) {
        factTopics[i] = -1;
        return;
      }
      let t = byName.get(fact.topic);
      if (t === undefined) {
        t = this.topics.length;
        byName.set(fact.topic, t);
        this.topics.push([fact.topic, 0]);
      }
      this.topics[t][1]++;
      factTopics[i] = t;
    });
    this.study = new Study(factTopics, settings.seed);
    this.quiz = new Quiz(deck, settings);
    this.best = null;
    this.mode = settings.modes === 'quiz' ? 'quiz' : 'cards';
  }

  /** The saved progress record (src/model/progress.rs): fc2|round|current|marks|best|filter|in-round. */
  progress() {
    const st = this.study;
    const best = this.best ? `${this.best[0]}/${this.best[1]}` : '';
    const current = st.current() ?? '';
    const filter = st.filter ?? '';
    return `fc2|${st.round}|${current}|${ASCII.decode(st.marks)}|${best}|${filter}|${ASCII.decode(st.inRound())}`;
  }

  restore(saved) {
    this.study.restore(saved.marks, saved.filter, saved.round, saved.inRound, saved.current);
    this.best = saved.best;
  }

  recordBest(score, total) {
    const better = !this.best || score * this.best[1] > this.best[0] * total;
    if (better && total > 0) this.best = [score, total];
  }

  /** Applies msg ({t: name, ...}); returns {dirty, event}. */
  update(msg) {
    const study = this.study;
    const moved = D.CARD | D.TURN;
    let dirty = 0;
    let event = null;
    switch (msg.t) {
      case 'show': {
        const m = this.settings.modes;
        const allowed = m === 'both' || m === msg.mode;
        if (allowed && msg.mode !== this.mode) {
          this.mode = msg.mode;
          dirty = D.MODE;
        }
        break;
      }
      case 'turn': {
        const fact = study.current();
        const turned = study.turn();
        if (fact !== null && turned !== null) {
          dirty = D.TURN;
          event = { t: 'flip', fact, turned };
        }
        break;
      }
      case 'prev': case 'next': case 'first': case 'last': {
        const round = study.round;
        const ok = msg.t === 'prev' ? study.prevCard() : msg.t === 'next' ? study.nextCard() : msg.t === 'first' ? study.first() : study.last();
        if (ok) {
          dirty = moved;
          if (study.round !== round) dirty |= D.STUDY | D.ROUND;
          dirty |= D.SAVE;
        }
        break;
      }
      case 'mark': {
        const round = study.round;
        if (study.markCurrent(msg.mark)) {
          dirty = moved | D.STUDY | D.SAVE;
          if (study.round !== round) dirty |= D.ROUND;
        }
        break;
      }
      case 'shuffle':
        study.shuffle();
        dirty = moved;
        break;
      case 'filter':
        study.setFilter(msg.topic !== null && msg.topic < this.topics.length ? msg.topic : null);
        dirty = moved | D.STUDY | D.FILTER | D.SAVE;
        break;
      case 'restart':
        study.restart();
        dirty = moved | D.STUDY | D.FILTER | D.SAVE;
        break;
      case 'again':
        study.studyAgain();
        dirty = moved | D.STUDY | D.SAVE;
        break;
      case 'reset':
        study.restart();
        this.best = null;
        dirty = moved | D.STUDY | D.FILTER | D.SUMMARY | D.RESET;
        break;
      case 'choose': {
        const a = this.quiz.answerChoice(this.deck, msg.i);
        if (a) {
          event = { t: 'answer', ...a };
          dirty = D.ANSWER;
        }
        break;
      }
      case 'submit': {
        const a = this.quiz.answerTyped(this.deck, msg.text);
        if (a) {
          event = { t: 'answer', ...a };
          dirty = D.ANSWER;
        }
        break;
      }
      case 'qnext':
        if (this.quiz.next()) {
          if (this.quiz.isFinished()) {
            const score = this.quiz.score();
            const total = this.quiz.length;
            this.recordBest(score, total);
            dirty = D.SUMMARY | D.SAVE;
            event = { t: 'complete', score, total };
          } else dirty = D.QUESTION;
        }
        break;
      case 'retry-mistakes':
        if (this.quiz.retryMistakes(this.deck)) dirty = D.QUESTION | D.SUMMARY;
        break;
      case 'retry-all':
        this.quiz.retryAll(this.deck);
        dirty = D.QUESTION | D.SUMMARY;
        break;
    }
    return { dirty, event };
  }
}

// ---------------------------------------------------------------------------
// Remembered progress (src/model/progress.rs, src/dom/storage.rs)

/**
 * FNV-1a 64 over the UTF-8 bytes of each part, with a 0xff separator after
 * each (src/model/progress.rs). The hash is kept in four 16-bit limbs, so all
 * the arithmetic stays in small integers: h * 0x100000001b3 is h * 435 +
 * (h << 40), modulo 2^64.
 */
function storageKey(deck) {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const mixByte = (byte) => {
    h0 ^= byte;
    const t0 = h0 * 435;
    let t1 = h1 * 435 + (t0 >>> 16);
    let t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 435 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
    h1 = t1 & 0xffff;
    h0 = t0 & 0xffff;
  };
  const part = (s) => {
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        h0 ^= c;
        const t0 = h0 * 435;
        const t1 = h1 * 435 + (t0 >>> 16);
        const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
        h3 = (h3 * 435 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
        h2 = t2 & 0xffff;
        h1 = t1 & 0xffff;
        h0 = t0 & 0xffff;
      } else if (c < 0x800) {
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

function decodeProgress(text, facts) {
  const parts = text.split('|');
  if (parts.length !== 7 || parts[0] !== 'fc2') return null;
  const num = (x) => (/^\+?[0-9]+$/.test(x) ? Number(x) : NaN);
  const round = num(parts[1]);
  if (!(round <= 4294967295)) return null;
  let current = null;
  if (parts[2] !== '') {
    current = num(parts[2]);
    if (!(current < facts)) return null;
  }
  if (parts[3].length !== facts || !/^[kl-]*$/.test(parts[3])) return null;
  const marks = new Uint8Array(facts);
  for (let i = 0; i < facts; i++) marks[i] = parts[3].charCodeAt(i);
  let best = null;
  if (parts[4] !== '') {
    const bits = parts[4].split('/');
    if (bits.length !== 2) return null;
    const [sc, t] = bits.map(num);
    if (Number.isNaN(sc) || Number.isNaN(t) || sc > t) return null;
    best = [sc, t];
  }
  let filter = null;
  if (parts[5] !== '') {
    filter = num(parts[5]);
    if (!(filter <= 4294967295)) return null;
  }
  if (parts[6].length !== facts || !/^[r.]*$/.test(parts[6])) return null;
  const inRound = new Uint8Array(facts);
  for (let i = 0; i < facts; i++) inRound[i] = parts[6].charCodeAt(i);
  return { round, current, marks, best, filter, inRound };
}

let warned = false;
function warnOnce(what, err) {
  if (warned) return;
  warned = true;
  const msg = `factcards: ${what}; progress will not be remembered`;
  if (err === undefined) console.warn(msg);
  else console.warn(msg, err);
}

class Store {
  constructor(key, enabled) {
    this.key = key;
    this.storage = null;
    if (!enabled) return;
    try {
      this.storage = window.localStorage;
      if (!this.storage) warnOnce('localStorage is not available');
    } catch (e) {
      warnOnce('localStorage is not available', e);
    }
  }

  load(facts) {
    if (!this.storage) return null;
    let text;
    try {
      text = this.storage.getItem(this.key);
    } catch (e) {
      warnOnce('could not read localStorage', e);
      return null;
    }
    if (text === null) return null;
    const p = decodeProgress(text, facts);
    if (!p) warnOnce(`ignoring unreadable saved progress under ${this.key}`);
    return p;
  }

  save(text) {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, text);
    } catch (e) {
      warnOnce('could not write localStorage (full or denied)', e);
    }
  }

  clear() {
    if (!this.storage) return;
    try {
      this.storage.removeItem(this.key);
    } catch (e) {
      warnOnce('could not clear localStorage', e);
    }
  }
}

// ---------------------------------------------------------------------------
// UI strings (src/model/locale.rs, English)

const EN = {
  cards: 'Cards', quiz: 'Quiz', modes: 'Study mode', prev: 'Previous', next: 'Next',
  turnHint: 'Tap or press Enter to turn', known: 'Got it', learning: 'Still learning',
  shuffle: 'Shuffle', restart: 'Restart', topic: 'Topic', allTopics: 'All topics',
  position: '{n} / {total}', cardOf: 'Card {n} of {total}', round: 'Round {n}: {total} cards to go',
  knownOf: '{n} of {total} known', complete: 'You know all {total} cards.', studyAgain: 'Study again',
  questionOf: 'Question {n} of {total}', correct: 'Correct', incorrect: 'Incorrect — the answer is {answer}',
  yourAnswer: 'Your answer', rightAnswer: 'Right answer', check: 'Check', nextQuestion: 'Next question',
  seeScore: 'See your score', scoreTitle: 'Your score', score: '{n} / {total}',
  best: 'Best so far: {n} / {total}', noAnswer: '(no answer)', retryMistakes: 'Retry mistakes',
  retryAll: 'Retry all', source: 'Source', loading: 'Loading deck…', failed: 'This deck could not be shown.',
  resetProgress: 'Reset progress', progressLabel: 'Cards known', labelEnd: ':', edited: '(ed. {name})',
  headline: '“{name}”',
};

/** The language of the widget's own words (only English is ported). */
const UI_LANG = 'en';

class Strings {
  constructor(labels) {
    this.table = { ...EN, ...labels };
  }

  get(key) {
    return this.table[key];
  }

  count(key, n, total) {
    return this.get(key).replace(/\{n\}|\{total\}/g, (m) => (m === '{n}' ? n : total));
  }

  withAnswer(key, answer) {
    return this.get(key).replace(/\{answer\}/g, () => answer);
  }

  withName(key, name) {
    return this.get(key).replace(/\{name\}/g, () => name);
  }
}

// ---------------------------------------------------------------------------
// Options (src/model/options.rs)

const OPTION_NAMES = ['mode', 'seed', 'questions', 'answer', 'locale', 'labels', 'storage', 'theme'];

class OptionsError extends Error {}

function readOptions(options) {
  const out = { modes: 'both', seed: null, questions: null, answer: 'choice', locale: null, labels: {}, storage: true, theme: 'auto' };
  if (isNull(options)) return out;
  const fail = (name, message) => {
    throw new OptionsError(message, { cause: name ? `options.${name}` : 'options' });
  };
  const bad = notJson(options);
  if (bad) fail(bad.path, bad.message);
  if (!isObject(options)) fail('', `must be an object, not ${typeName(options)}`);
  const oneOf = (name, v, allowed) => {
    const list = allowed.map((a) => `"${a}"`).join(', ');
    if (typeof v !== 'string') fail(name, `must be one of ${list}, not ${typeName(v)}`);
    if (!allowed.includes(v)) fail(name, `must be one of ${list}`);
    return v;
  };
  const integer = (name, v, min, max) => {
    let n = v;
    if (typeof v === 'string') {
      if (!/^\+?[0-9]+$/.test(v.trim())) fail(name, 'must be a whole number');
      n = Number(v.trim());
    } else if (typeof v !== 'number') fail(name, `must be a whole number, not ${typeName(v)}`);
    if (!Number.isInteger(n) || n < min || n > max) fail(name, `must be a whole number from ${min} to ${max}`);
    return n;
  };
  for (const [key, v] of Object.entries(options)) {
    if (isNull(v)) continue;
    switch (key) {
      case 'mode': out.modes = oneOf('mode', v, ['cards', 'quiz', 'both']); break;
      case 'seed': out.seed = integer('seed', v, 0, 9007199254740991); break;
      case 'questions': out.questions = integer('questions', v, 1, 10000); break;
      case 'answer': out.answer = oneOf('answer', v, ['choice', 'typed']); break;
      case 'locale':
        if (typeof v !== 'string') fail('locale', `must be a language tag such as "fr", not ${typeName(v)}`);
        if (!isBlank(v)) out.locale = v.trim();
        break;
      case 'labels':
        if (!isObject(v)) fail('labels', `must be an object of strings, not ${typeName(v)}`);
        for (const [name, text] of Object.entries(v)) {
          if (!(name in EN)) fail(`labels.${name}`, 'is not a label name; see the README for the list');
          if (typeof text !== 'string') fail(`labels.${name}`, `must be a string, not ${typeName(text)}`);
          if (isBlank(text)) fail(`labels.${name}`, 'must not be blank');
          out.labels[name] = text;
        }
        break;
      case 'storage':
        if (typeof v === 'boolean') out.storage = v;
        else if (typeof v === 'string') out.storage = !['off', 'false', 'none'].includes(v);
        else fail('storage', `must be true or false, not ${typeName(v)}`);
        break;
      case 'theme': out.theme = oneOf('theme', v, ['auto', 'light', 'dark']); break;
      default:
        fail(key, key === '' ? 'empty option name' : `unknown option; expected one of ${OPTION_NAMES.join(', ')}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// DOM helpers (src/dom/template.rs)

let sheet = null;
let templates = null;

function makeTemplates() {
  const make = (markup) => {
    const t = document.createElement('template');
    t.innerHTML = markup; // the widget's own fixed markup, never deck text
    return t;
  };
  return [make(MARKUP), make(MESSAGE)];
}

const cloneTemplate = (i) => {
  templates ??= makeTemplates();
  return templates[i].content.cloneNode(true);
};

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
const setAttr = (el, name, value) => el.setAttribute(name, value);

function emit(host, name, detail) {
  host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

// ---------------------------------------------------------------------------
// Cards view (src/dom/cards_view.rs)

const SIZER_MAX_FACTS = 200;

class CardsView {
  constructor(root, app, s) {
    const f = (sel) => find(root, sel);
    this.panel = f('#p-cards');
    this.filter = f('[part=filter]');
    this.progress = f('.s-progress');
    this.knownOf = f('.known-of');
    this.studyEl = f('.study');
    this.position = f('[part=position]');
    this.card = f('[part=card]');
    this.front = f('[part=front]');
    this.back = f('[part=back]');
    this.topic = f('.front .topic');
    this.image = f('[part=image]');
    this.prompt = f('.prompt');
    this.answer = f('.answer');
    this.detail = f('.back .detail');
    this.quote = f('.back .quote');
    this.quoteText = f('.back blockquote');
    this.quoteCredit = f('.back figcaption');
    this.prev = f('[part=prev]');
    this.next = f('[part=next][data-msg=next]');
    this.known = f('[part=known]');
    this.learning = f('[part=learning]');
    this.done = f('[part=complete]');
    this.doneText = f('.done-text');
    this.again = f('[part=again]');
    for (const [sel, key] of [['.l-topic', 'topic'], ['[part=shuffle]', 'shuffle'], ['[part=restart]', 'restart'], ['.hint', 'turnHint']]) {
      setText(f(sel), s.get(key));
    }
    setText(this.prev, s.get('prev'));
    setText(this.next, s.get('next'));
    setText(this.known, s.get('known'));
    setText(this.learning, s.get('learning'));
    setText(this.again, s.get('studyAgain'));
    setAttr(this.progress, 'aria-label', s.get('progressLabel'));
    const lang = app.deck.language;
    for (const el of [this.front, this.back, this.filter]) setAttr(el, 'lang', lang);
    // The widget's own words inside those keep the UI language.
    setAttr(f('[part=front] .hint'), 'lang', UI_LANG);
    this.fillFilter(app, s);
    if (this.filter.firstElementChild) setAttr(this.filter.firstElementChild, 'lang', UI_LANG);
    setHidden(f('.filter'), app.topics.length < 2);
    this.buildSizer(f('[part=card] .inner'), app, s);
  }

  /** Every fact's faces, unseen, so the card is as tall as the tallest face. */
  buildSizer(inner, app, s) {
    if (app.deck.facts.length > SIZER_MAX_FACTS) return;
    const add = (parent, tag, cls, text) => {
      const el = document.createElement(tag);
      if (cls) el.className = cls;
      if (text !== undefined) {
        setText(el, text);
        setAttr(el, 'dir', 'auto');
      }
      parent.appendChild(el);
      return el;
    };
    const sizer = document.createElement('div');
    sizer.className = 'sizer';
    setBool(sizer, 'aria-hidden', true);
    setFlag(sizer, 'inert', true);
    setAttr(sizer, 'lang', app.deck.language);
    const publisher = app.deck.source?.publisher ?? null;
    const credit = publisher !== null ? `— ${publisher}` : null;
    const hint = s.get('turnHint');
    for (const fact of app.deck.facts) {
      const front = add(sizer, 'div', '');
      add(front, 'p', 'topic', fact.topic ?? '');
      if (fact.image) add(front, 'div', 'img-slot');
      add(front, 'p', 'prompt', fact.front);
      add(front, 'p', 'hint', hint);
      const back = add(sizer, 'div', '');
      add(back, 'p', 'answer', fact.back);
      if (fact.detail !== null) add(back, 'p', 'detail', fact.detail);
      if (fact.quote !== null) {
        const figure = add(back, 'figure', 'quote');
        add(figure, 'blockquote', '', fact.quote);
        if (credit !== null) add(figure, 'figcaption', '', credit);
      }
    }
    inner.appendChild(sizer);
  }

  fillFilter(app, s) {
    const add = (value, label) => {
      const opt = document.createElement('option');
      setAttr(opt, 'value', value);
      opt.textContent = label;
      this.filter.appendChild(opt);
    };
    add('', `${s.get('allTopics')} (${app.deck.facts.length})`);
    app.topics.forEach(([name, count], i) => add(String(i), `${name} (${count})`));
  }

  render(app, s, dirty) {
    const study = app.study;
    if (dirty & (D.CARD | D.STUDY)) {
      const complete = study.isComplete();
      setHidden(this.studyEl, complete);
      setHidden(this.done, !complete);
      const [known, total] = study.progress();
      setAttr(this.progress, 'max', String(Math.max(total, 1)));
      setAttr(this.progress, 'value', String(known));
      setAttr(this.progress, 'aria-valuemin', '0');
      setAttr(this.progress, 'aria-valuemax', String(total));
      setAttr(this.progress, 'aria-valuenow', String(known));
      const knownOf = s.count('knownOf', known, total);
      setAttr(this.progress, 'aria-valuetext', knownOf);
      setText(this.knownOf, knownOf);
      if (complete) setText(this.doneText, s.count('complete', 0, total));
    }
    if (dirty & D.CARD) {
      const i = study.current();
      const fact = i === null ? undefined : app.deck.facts[i];
      if (fact) {
        setText(this.position, s.count('position', study.pos + 1, study.order.length));
        setText(this.topic, fact.topic ?? '');
        setText(this.prompt, fact.front);
        setText(this.answer, fact.back);
        setText(this.detail, fact.detail ?? '');
        setHidden(this.detail, fact.detail === null);
        if (fact.quote !== null) {
          setText(this.quoteText, fact.quote);
          const publisher = app.deck.source?.publisher ?? null;
          setText(this.quoteCredit, publisher !== null ? `— ${publisher}` : '');
          setHidden(this.quoteCredit, publisher === null);
          setHidden(this.quote, false);
        } else setHidden(this.quote, true);
        if (fact.image) {
          setAttr(this.image, 'src', fact.image.src);
          setAttr(this.image, 'alt', fact.image.alt);
          setHidden(this.image, false);
        } else {
          this.image.removeAttribute('src');
          setHidden(this.image, true);
        }
        setFlag(this.prev, 'disabled', study.pos === 0);
      }
    }
    if (dirty & (D.CARD | D.TURN)) {
      const turned = study.turned;
      setBool(this.card, 'aria-pressed', turned);
      this.card.classList.toggle('turned', turned);
      setBool(this.back, 'aria-hidden', !turned);
      setFlag(this.back, 'inert', !turned);
      setBool(this.front, 'aria-hidden', turned);
      setFlag(this.front, 'inert', turned);
      setFlag(this.known, 'disabled', !turned);
      setFlag(this.learning, 'disabled', !turned);
    }
    if (dirty & D.FILTER) this.filter.value = study.filter === null ? '' : String(study.filter);
  }

  announcement(app, s, dirty) {
    const study = app.study;
    if (study.isComplete()) return dirty & D.STUDY ? s.count('complete', 0, study.progress()[1]) : null;
    const card = s.count('cardOf', study.pos + 1, study.order.length);
    if (dirty & D.ROUND) return `${s.count('round', study.round, study.order.length)}. ${card}`;
    return dirty & D.CARD ? card : null;
  }

  focusAfter(app, dirty) {
    if (app.study.isComplete()) return dirty & D.STUDY ? this.again : null;
    return dirty & D.STUDY ? this.card : null;
  }
}

// ---------------------------------------------------------------------------
// Quiz view (src/dom/quiz_view.rs)

class QuizView {
  constructor(root, app, s) {
    const f = (sel) => find(root, sel);
    this.panel = f('#p-quiz');
    this.asking = f('.asking');
    this.qpos = f('.qpos');
    this.progress = f('.q-progress');
    this.question = f('[part=question]');
    this.options = Array.from(root.querySelectorAll('[part=option]'));
    this.form = f('form.typed');
    this.input = f('[part=input]');
    this.submit = f('[part=submit]');
    this.feedback = f('[part=feedback]');
    this.verdict = f('.verdict');
    this.detail = f('.qdetail');
    this.quote = f('.qquote');
    this.quoteText = f('.qquote blockquote');
    this.quoteCredit = f('.qquote figcaption');
    this.next = f('.qnext');
    this.summary = f('.summary');
    this.scoreTitle = f('.score-title');
    this.best = f('[part=best]');
    this.score = f('[part=score]');
    this.review = f('[part=review]');
    this.retryMistakes = f('[data-msg=retry-mistakes]');
    setText(f('.l-answer'), s.get('yourAnswer'));
    setText(this.submit, s.get('check'));
    setText(this.scoreTitle, s.get('scoreTitle'));
    setText(this.retryMistakes, s.get('retryMistakes'));
    setText(f('[data-msg=retry-all]'), s.get('retryAll'));
    setAttr(this.progress, 'aria-label', s.get('quiz'));
    const lang = app.deck.language;
    for (const el of [this.question, this.form, this.feedback, this.review]) setAttr(el, 'lang', lang);
    for (const o of this.options) setAttr(o, 'lang', lang);
    for (const el of [f('.l-answer'), this.submit, this.verdict]) setAttr(el, 'lang', UI_LANG);
    for (const o of this.options) if (o.lastElementChild) setAttr(o.lastElementChild, 'lang', UI_LANG);
  }

  render(app, s, dirty) {
    const quiz = app.quiz;
    const finished = quiz.isFinished();
    if (dirty & (D.SUMMARY | D.QUESTION)) {
      setHidden(this.asking, finished);
      setHidden(this.summary, !finished);
    }
    if (finished) {
      if (dirty & D.SUMMARY) this.renderSummary(app, s);
      return;
    }
    const total = quiz.length;
    const pos = quiz.pos;
    if (dirty & D.QUESTION) {
      setText(this.qpos, s.count('questionOf', pos + 1, total));
      setAttr(this.progress, 'max', String(Math.max(total, 1)));
      setAttr(this.progress, 'aria-valuemin', '0');
      setAttr(this.progress, 'aria-valuemax', String(total));
      this.setDone(pos);
      const question = quiz.question(app.deck);
      if (!question) return;
      const options = question.options ?? [];
      this.options.forEach((button, i) => {
        const text = options[i];
        setHidden(button, text === undefined);
        setFlag(button, 'disabled', false);
        button.classList.remove('right', 'wrong');
        if (button.firstElementChild) setText(button.firstElementChild, text ?? '');
        if (button.lastElementChild) setText(button.lastElementChild, '');
      });
      setHidden(this.form, options.length > 0);
      setFlag(this.input, 'disabled', false);
      setFlag(this.submit, 'disabled', false);
      this.input.value = '';
      const f = app.deck.facts[question.fact];
      if (f) setText(this.question, f.front);
      setText(this.verdict, '');
      setText(this.detail, '');
      setHidden(this.quote, true);
      setHidden(this.next, true);
    }
    if (dirty & D.ANSWER) this.renderAnswer(app, s);
  }

  renderAnswer(app, s) {
    const quiz = app.quiz;
    const q = quiz.question(app.deck);
    const right = q && q.options ? q.correct : null;
    const answer = quiz.currentAnswer();
    if (!answer) return;
    const fact = app.deck.facts[answer.fact];
    if (!fact) return;
    this.options.forEach((button, i) => {
      setFlag(button, 'disabled', true);
      let cls;
      let tag;
      if (i === right) [cls, tag] = ['right', s.get('rightAnswer')];
      else if (i === answer.choice) [cls, tag] = ['wrong', s.get('yourAnswer')];
      else return;
      button.classList.add(cls);
      if (button.lastElementChild) setText(button.lastElementChild, tag);
    });
    setFlag(this.input, 'disabled', true);
    setFlag(this.submit, 'disabled', true);
    this.setDone(quiz.pos + 1);
    setText(this.verdict, answer.correct ? s.get('correct') : s.withAnswer('incorrect', answer.expected));
    this.feedback.classList.toggle('right', answer.correct);
    setText(this.detail, fact.detail ?? '');
    if (fact.quote !== null) {
      setText(this.quoteText, fact.quote);
      const publisher = app.deck.source?.publisher ?? null;
      setText(this.quoteCredit, publisher !== null ? `— ${publisher}` : '');
      setHidden(this.quote, false);
    } else setHidden(this.quote, true);
    const last = quiz.pos + 1 >= quiz.length;
    setText(this.next, s.get(last ? 'seeScore' : 'nextQuestion'));
    setHidden(this.next, false);
  }

  setDone(done) {
    setAttr(this.progress, 'value', String(done));
    setAttr(this.progress, 'aria-valuenow', String(done));
  }

  renderSummary(app, s) {
    const quiz = app.quiz;
    setText(this.score, s.count('score', quiz.score(), quiz.length));
    setText(this.best, app.best ? s.count('best', app.best[0], app.best[1]) : '');
    setHidden(this.best, !app.best);
    this.review.textContent = null;
    for (const answer of quiz.answers) {
      const fact = app.deck.facts[answer.fact];
      if (!fact) continue;
      const li = document.createElement('li');
      li.classList.add(answer.correct ? 'right' : 'wrong');
      const q = document.createElement('p');
      q.classList.add('rq');
      setAttr(q, 'dir', 'auto');
      q.textContent = fact.front;
      li.appendChild(q);
      const given = trimWs(answer.given) === '' ? s.get('noAnswer') : answer.given;
      const mark = answer.correct ? '✓ ' : '✗ ';
      for (const [label, text] of [[s.get('yourAnswer'), mark + given], [s.get('rightAnswer'), answer.expected]]) {
        const p = document.createElement('p');
        const b = document.createElement('span');
        b.classList.add('lbl');
        setAttr(b, 'lang', UI_LANG);
        b.textContent = `${label}${s.get('labelEnd')} `;
        const t = document.createElement('span');
        setAttr(t, 'dir', 'auto');
        t.textContent = text;
        p.appendChild(b);
        p.appendChild(t);
        li.appendChild(p);
      }
      this.review.appendChild(li);
    }
    setFlag(this.retryMistakes, 'disabled', quiz.score() === quiz.length);
  }

  focusAfter(app, dirty) {
    if (dirty & D.SUMMARY && app.quiz.isFinished()) return this.scoreTitle;
    if (dirty & D.QUESTION) return this.question;
    if (dirty & D.ANSWER) return this.next;
    return null;
  }
}

// ---------------------------------------------------------------------------
// The widget (src/dom/widget.rs)

const CLICKS = {
  'tab-cards': { t: 'show', mode: 'cards' },
  'tab-quiz': { t: 'show', mode: 'quiz' },
  turn: { t: 'turn' },
  prev: { t: 'prev' },
  next: { t: 'next' },
  known: { t: 'mark', mark: KNOWN },
  learning: { t: 'mark', mark: LEARNING },
  shuffle: { t: 'shuffle' },
  restart: { t: 'restart' },
  again: { t: 'again' },
  qnext: { t: 'qnext' },
  'retry-mistakes': { t: 'retry-mistakes' },
  'retry-all': { t: 'retry-all' },
  reset: { t: 'reset' },
};

class Widget {
  constructor(host, root, app, strings, theme, store) {
    this.host = host;
    this.root = root;
    this.app = app;
    this.strings = strings;
    this.store = store;
    this.swipe = null;
    this.swallowClick = false;
    const s = strings;
    const frag = cloneTemplate(0);
    const top = find(frag, '.fc');
    if (theme !== 'auto') setAttr(top, 'data-theme', theme);
    setAttr(top, 'lang', UI_LANG);
    const title = find(frag, '.title');
    setText(title, app.deck.title);
    setAttr(title, 'lang', app.deck.language);
    // Tabs.
    const list = find(frag, '[role=tablist]');
    setAttr(list, 'aria-label', s.get('modes'));
    setHidden(list, app.settings.modes !== 'both');
    this.tabs = Array.from(frag.querySelectorAll('[role=tab]'));
    setText(this.tabs[0], s.get('cards'));
    setText(this.tabs[1], s.get('quiz'));
    this.buildCredit(frag);
    setText(find(frag, '[part=reset]'), s.get('resetProgress'));
    this.live = find(frag, '.live');
    this.cards = new CardsView(frag, app, s);
    this.quiz = new QuizView(frag, app, s);
    this.render(D.MODE | D.CARD | D.TURN | D.STUDY | D.FILTER | D.QUESTION | D.SUMMARY);
    root.appendChild(frag);
    this.listen();
  }

  buildCredit(frag) {
    const { app, strings: s } = this;
    const credit = find(frag, '.credit');
    const source = app.deck.source;
    if (!source) return;
    const name = source.publisher ?? source.url ?? null;
    if (name === null) return;
    setText(find(frag, '.l-source'), `${s.get('source')}${s.get('labelEnd')}`);
    const link = find(frag, '.credit a');
    let rest = '';
    if (source.url) {
      setText(link, name);
      setAttr(link, 'href', source.url);
    } else {
      setHidden(link, true);
      rest += name;
    }
    if (source.headline) rest += `, ${s.withName('headline', source.headline)}`;
    if (source.author) rest += `, ${source.author}`;
    if (source.editor) rest += ` ${s.withName('edited', source.editor)}`;
    setText(find(frag, '.c-text'), rest);
    setAttr(credit, 'lang', app.deck.language);
    setAttr(find(frag, '.l-source'), 'lang', UI_LANG);
    setHidden(credit, false);
  }

  render(dirty) {
    const mode = this.app.mode;
    if (dirty & D.MODE) {
      const both = this.app.settings.modes === 'both';
      this.tabs.forEach((tab, i) => {
        const on = (i === 0 ? 'cards' : 'quiz') === mode;
        setAttr(tab, 'aria-selected', on ? 'true' : 'false');
        setAttr(tab, 'tabindex', on ? '0' : '-1');
      });
      setHidden(this.cards.panel, mode !== 'cards');
      setHidden(this.quiz.panel, mode !== 'quiz');
      if (!both) {
        for (const panel of [this.cards.panel, this.quiz.panel]) {
          panel.removeAttribute('role');
          panel.removeAttribute('aria-labelledby');
        }
      }
    }
    this.cards.render(this.app, this.strings, dirty);
    this.quiz.render(this.app, this.strings, dirty);
  }

  focusTarget(msg, active) {
    const lost = !active || active.hasAttribute('disabled') || active.closest('[hidden]') !== null;
    switch (msg.t) {
      case 'mark': case 'again':
        return this.cards.focusAfter(this.app, D.STUDY);
      case 'prev': case 'next': case 'first': case 'last':
        return lost ? this.cards.focusAfter(this.app, D.STUDY) : null;
      case 'choose': case 'submit':
        return this.quiz.focusAfter(this.app, D.ANSWER);
      case 'qnext': case 'retry-all': case 'retry-mistakes':
        return this.quiz.focusAfter(this.app, D.QUESTION | D.SUMMARY);
      case 'show':
        return this.tabs[msg.mode === 'cards' ? 0 : 1];
    }
    return null;
  }

  dispatch(msg, focusTabs = false) {
    if (!this.app) return;
    const { dirty, event } = this.app.update(msg);
    if (!dirty) return;
    this.render(dirty);
    const text = this.cards.announcement(this.app, this.strings, dirty);
    if (text !== null) setText(this.live, text);
    if (dirty & D.RESET) this.store.clear();
    else if (dirty & D.SAVE) this.store.save(this.app.progress());
    if (msg.t !== 'show' || focusTabs) this.focusTarget(msg, this.root.activeElement)?.focus();
    if (event) {
      const facts = this.app.deck.facts;
      const factId = (i) => facts[i]?.id ?? null;
      if (event.t === 'flip') emit(this.host, 'factcards:flip', { factId: factId(event.fact), side: event.turned ? 'back' : 'front' });
      else if (event.t === 'answer') {
        emit(this.host, 'factcards:answer', { factId: factId(event.fact), correct: event.correct, given: event.given, expected: event.expected });
      } else emit(this.host, 'factcards:complete', { score: event.score, total: event.total });
    }
  }

  clickMsg(target) {
    const el = target.closest('[data-msg]');
    if (!el) return null;
    const action = el.getAttribute('data-msg');
    if (action === 'opt') {
      const i = Number.parseInt(el.getAttribute('data-i'), 10);
      return Number.isNaN(i) ? null : { t: 'choose', i };
    }
    return CLICKS[action] ?? null;
  }

  keyMsg(e, target) {
    if (e.altKey || e.ctrlKey || e.metaKey) return null;
    const key = e.key;
    if (target.getAttribute('role') === 'tab') {
      const onCards = target.id === 't-cards';
      let mode;
      if (key === 'ArrowLeft' || key === 'ArrowRight') mode = onCards ? 'quiz' : 'cards';
      else if (key === 'Home') mode = 'cards';
      else if (key === 'End') mode = 'quiz';
      else return null;
      return [{ t: 'show', mode }, true];
    }
    if (target.getAttribute('data-msg') === 'turn' && (key === 'Enter' || key === ' ')) return [{ t: 'turn' }, false];
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return null;
    if (!this.app || this.app.mode !== 'cards') return null;
    const t = { ArrowLeft: 'prev', ArrowRight: 'next', Home: 'first', End: 'last' }[key];
    return t ? [{ t }, false] : null;
  }

  listen() {
    const on = (type, f) => {
      this.root.addEventListener(type, f);
      this.listeners.push([type, f]);
    };
    this.listeners = [];
    const el = (e) => (e.target instanceof Element ? e.target : null);
    on('click', (e) => {
      if (this.swallowClick) {
        this.swallowClick = false;
        return;
      }
      const t = el(e);
      const msg = t && this.clickMsg(t);
      if (msg) this.dispatch(msg);
    });
    on('keydown', (e) => {
      const t = el(e);
      const r = t && this.keyMsg(e, t);
      if (r) {
        e.preventDefault();
        this.dispatch(r[0], r[1]);
      }
    });
    on('change', (e) => {
      const t = el(e);
      if (t && t.getAttribute('part') === 'filter') {
        const v = t.value;
        this.dispatch({ t: 'filter', topic: /^\+?[0-9]+$/.test(v) ? Number(v) : null });
      }
    });
    on('submit', (e) => {
      e.preventDefault();
      this.dispatch({ t: 'submit', text: this.quiz.input.value });
    });
    on('pointerdown', (e) => {
      // A touch swipe is followed by no click, so a pending swallow must not eat the next tap.
      this.swallowClick = false;
      const t = el(e);
      const onCard = !!t && t.closest('[data-msg=turn]') !== null;
      this.swipe = onCard ? [e.pointerId, e.clientX, e.clientY] : null;
    });
    on('pointerup', (e) => {
      const swipe = this.swipe;
      this.swipe = null;
      if (!swipe) return;
      const dx = e.clientX - swipe[1];
      const dy = e.clientY - swipe[2];
      if (swipe[0] === e.pointerId && Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
        this.swallowClick = true;
        this.dispatch({ t: dx < 0 ? 'next' : 'prev' });
      }
    });
    on('pointercancel', () => {
      this.swipe = null;
    });
  }

  destroy() {
    for (const [type, f] of this.listeners ?? []) this.root.removeEventListener(type, f);
    this.listeners = [];
    this.app = null;
    this.root.textContent = null;
  }
}

// ---------------------------------------------------------------------------
// Mounting (src/dom/mount.rs, src/api.rs)

const live = new WeakMap();

function shadowRootOf(host) {
  let root = host.shadowRoot;
  if (!root) {
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      return null;
    }
  }
  root.textContent = null;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
  return root;
}

function showMessage(host, kind, title, lines) {
  const root = shadowRootOf(host);
  if (!root) {
    host.textContent = `${title} ${lines.join('; ')}`;
    return;
  }
  const frag = cloneTemplate(1);
  const panel = find(frag, '.msg');
  if (kind === 'error') setAttr(panel, 'role', 'alert');
  else {
    setAttr(panel, 'role', 'status');
    setAttr(panel, 'aria-busy', 'true');
  }
  setText(find(frag, '.m-title'), title);
  const list = find(frag, '.m-list');
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line;
    list.appendChild(li);
  }
  root.appendChild(frag);
}

const issueLine = (i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`);

function resolveTarget(target) {
  if (target instanceof Element) return target;
  if (typeof target === 'string') {
    const found = document.querySelector(target);
    if (!found) throw new Error(`mount: no element matches "${target}"`);
    return found;
  }
  const what = target === null ? 'null' : target === undefined ? 'undefined' : 'not an element';
  throw new Error(`mount: target must be an Element or a CSS selector, got ${what}`);
}

/** Renders a widget into target's open shadow root; returns {show, destroy}. */
export function mount(target, deck, options) {
  const host = resolveTarget(target);
  live.get(host)?.destroy();
  live.delete(host);
  let opts;
  let message;
  let path;
  let lines;
  try {
    opts = readOptions(options);
  } catch (e) {
    if (!(e instanceof OptionsError)) throw e;
    message = `invalid options: ${e.cause}: ${e.message}`;
    path = e.cause;
    lines = [message];
  }
  let root = null;
  if (!message) {
    root = shadowRootOf(host);
    if (!root) {
      message = `mount: cannot render into <${host.tagName.toLowerCase()}>; use a <div> or <fact-cards>`;
      path = null;
      lines = [message];
    }
  }
  let read;
  if (!message) {
    read = readDeck(deck);
    if (read.issues) {
      const issues = read.issues;
      message = `invalid deck: ${issueLine(issues[0])}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
      path = issues[0].path;
      lines = issues.slice(0, 50).map(issueLine);
    }
  }
  if (message) {
    const strings = new Strings(opts?.labels ?? {});
    showMessage(host, 'error', strings.get('failed'), lines);
    emit(host, 'factcards:error', { message, path: path ?? null });
    throw new Error(message);
  }
  host.closest('[lang]'); // the widget looks up the page language here; only English is ported
  const strings = new Strings(opts.labels);
  const seed = BigInt(opts.seed ?? Math.floor(Math.random() * 9007199254740991));
  const builtDeck = read.deck;
  const store = new Store(storageKey(builtDeck), opts.storage);
  const app = new App(builtDeck, { modes: opts.modes, seed, questions: opts.questions, answer: opts.answer });
  const saved = store.load(builtDeck.facts.length);
  if (saved) app.restore(saved);
  const widget = new Widget(host, root, app, strings, opts.theme, store);
  live.set(host, widget);
  emit(host, 'factcards:ready', { facts: builtDeck.facts.length });
  return {
    show(mode) {
      if (mode !== 'cards' && mode !== 'quiz') throw new Error('show: expected "cards" or "quiz"');
      if (widget.app) widget.dispatch({ t: 'show', mode });
    },
    destroy() {
      if (live.get(host) === widget) live.delete(host);
      widget.destroy();
    },
  };
}

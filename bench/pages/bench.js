// The measuring side of the benchmark, driven by bench/run.mjs through
// page.evaluate. bench.html?impl=widget loads the wasm widget from /pkg/,
// bench.html?impl=vanilla the hand-written one from /vanilla/; both get the
// same decks, options and clicks, and expose the same window.B.
import { makeDeck } from './decks.js';
import { BUILTIN_DECK_JSON } from '../results/gen/shared.js';

const impl = new URLSearchParams(location.search).get('impl');
let lib;
let wasmExports = null;
if (impl === 'widget') {
  lib = await import('/pkg/factcards.js');
  wasmExports = await lib.default();
} else if (impl === 'vanilla') {
  lib = await import('/vanilla/factcards-vanilla.js');
} else {
  throw new Error(`bench.html: impl must be "widget" or "vanilla", got ${impl}`);
}

const host = document.getElementById('host');
const now = () => performance.now();
const $ = (selector) => host.shadowRoot.querySelector(selector);
let deck = null;
let handle = null;

window.events = [];
for (const name of ['ready', 'error', 'flip', 'answer', 'complete']) {
  document.addEventListener(`factcards:${name}`, (e) => {
    window.events.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
  });
}

/**
 * Waits for the next frame: `raf` is when its requestAnimationFrame callback
 * runs, `after` when a task posted from that callback runs, once the frame's
 * style, layout and paint are done. `after - raf` is the frame's rendering
 * work; the idle wait for the frame (up to 16.7 ms) is `raf - start`.
 */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const raf = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ raf, after: now() });
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Times f() and the rendering work of the frame after it. The marks fc-start
 * and fc-end show in a trace, where bench/run.mjs adds up the main thread's
 * CPU time between them.
 */
async function timed(f) {
  performance.mark('fc-start');
  const t0 = now();
  f();
  const t1 = now();
  const { raf, after } = await nextFrame();
  performance.mark('fc-end');
  return { call: t1 - t0, frame: after - raf, total: t1 - t0 + (after - raf), wall: after - t0 };
}

/** Canonical text of a DOM subtree: attributes sorted, form values included. */
function serialize(node) {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
  const inner = Array.from(node.childNodes, serialize).join('');
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return inner;
  const attrs = Array.from(node.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
  const value = 'value' in node && (node.localName === 'select' || node.localName === 'input') ? ` :value=${JSON.stringify(node.value)}` : '';
  return `<${node.localName} ${attrs}${value}>${inner}</${node.localName}>`;
}

function describe(el) {
  if (!el) return null;
  return `${el.localName}[part=${el.getAttribute('part')}][data-msg=${el.getAttribute('data-msg')}].${el.className}`;
}

window.B = {
  impl,

  /**
   * Makes the synthetic deck of n facts; n = 0: the article deck (the
   * widget's built-in one, given to both as an object, as the start-up pages
   * give it).
   */
  makeDeck(n) {
    deck = n > 0 ? makeDeck(n) : JSON.parse(BUILTIN_DECK_JSON);
    return deck.facts.length;
  },

  /** Forgets the page's own reference to the deck (for the heap measurement). */
  dropDeck() {
    deck = null;
  },

  /** mount() of the deck with these options, and the frame after it. */
  async mount(options) {
    return timed(() => {
      handle = lib.mount(host, deck, options);
    });
  },

  /** validateDeck() of the deck (a breakdown of the mount cost). */
  validate() {
    performance.mark('fc-start');
    const t0 = now();
    const issues = lib.validateDeck(deck);
    const ms = now() - t0;
    performance.mark('fc-end');
    return { ms, issues: issues.length };
  },

  /** k clicks on "Next", each timed, then the frame after them. */
  async next(k) {
    const button = $('[part=next][data-msg=next]');
    const each = [];
    performance.mark('fc-start');
    const t0 = now();
    for (let i = 0; i < k; i++) {
      const a = now();
      button.click();
      each.push(now() - a);
    }
    const t1 = now();
    const { raf, after } = await nextFrame();
    performance.mark('fc-end');
    const sorted = [...each].sort((a, b) => a - b);
    return {
      total: t1 - t0,
      avg: (t1 - t0) / k,
      p95: sorted[Math.ceil(0.95 * k) - 1],
      max: sorted[k - 1],
      first: each[0],
      frame: after - raf,
      position: $('[part=position]').textContent,
    };
  },

  /** One click on the card (turn it), and the frame after it. */
  turn() {
    return timed(() => $('[part=card]').click());
  },

  /** One click on the first quiz option, and the frame after it. */
  answer() {
    return timed(() => $('[part=option][data-i="0"]').click());
  },

  /** One click on "Next question" (the next question is made then), and the frame. */
  nextQuestion() {
    return timed(() => $('.qnext').click());
  },

  /** Linear memory of the wasm instance, in bytes (0 for vanilla). */
  wasmMemory() {
    return wasmExports ? wasmExports.memory.buffer.byteLength : 0;
  },

  /**
   * validateDeck of each text, given as parsed JSON and as the text itself:
   * where each issue is and how bad (the rules a deck is held to; the
   * wording of a message is not compared).
   */
  validateAll(texts) {
    const plain = (issues) => Array.from(issues, (i) => ({ path: i.path, severity: i.severity }));
    return texts.map((text) => {
      let object;
      try {
        object = plain(lib.validateDeck(JSON.parse(text)));
      } catch (e) {
        object = `throws: ${e}`;
      }
      return { object, text: plain(lib.validateDeck(text)) };
    });
  },

  /** validateDeck of JS values that JSON cannot express (made here). */
  validateOddValues() {
    const deep = {};
    let at = deep;
    for (let i = 0; i < 40; i++) at = at.x = {};
    const cases = {
      nothing: undefined,
      null: null,
      number: 7,
      array: [],
      fn: () => 1,
      deepUnknown: { version: 1, title: 't', facts: [{ front: 'f', back: 'b' }], deep },
      functionInFact: { version: 1, title: 't', facts: [{ front: 'f', back: () => 'b' }] },
      symbolTitle: { version: 1, title: Symbol('t'), facts: [{ front: 'f', back: 'b' }] },
      bigintVersion: { version: 1n, title: 't', facts: [{ front: 'f', back: 'b' }] },
      undefinedBack: { version: 1, title: 't', facts: [{ front: 'f', back: undefined }] },
      holes: { version: 1, title: 't', facts: [, { front: 'f', back: 'b' }] }, // eslint-disable-line no-sparse-arrays
      boxedString: { version: 1, title: new String('t'), facts: [{ front: 'f', back: 'b' }] }, // eslint-disable-line no-new-wrappers
      negativeZero: { version: -0, title: 't', facts: [{ front: 'f', back: 'b' }] },
      bigVersion: { version: 1e21, title: 't', facts: [{ front: 'f', back: 'b' }] },
      tinyVersion: { version: 0.000123456789, title: 't', facts: [{ front: 'f', back: 'b' }] },
      controlInKey: { version: 1, title: 't', facts: [{ front: 'f', back: 'b', 'fr\u0001ont\u007f': 1 }] },
      longKey: { version: 1, title: 't', facts: [{ front: 'f', back: 'b', ['Ｆｒｏｎｔ'.repeat(20)]: 1 }] },
      foldedKey: { version: 1, title: 't', facts: [{ front: 'f', back: 'b', ФRONT: 1, FRONT: 2, Kінд: 3 }] },
      nel: { version: 1, title: '\u0085', facts: [{ front: '\ufeff', back: 'b' }] },
      emoji: { version: 1, title: '😀'.repeat(301), facts: [{ front: 'f', back: 'b', id: 'x'.repeat(199) + '😀' }] },
      manyIds: { version: 1, title: 't', facts: [{ front: 'f', back: 'b', id: 'fact-3' }, { front: 'f', back: 'b' }, { front: 'f', back: 'b' }, { front: 'f', back: 'b', id: 'fact-2' }] },
    };
    const out = {};
    for (const [name, value] of Object.entries(cases)) {
      try {
        out[name] = Array.from(lib.validateDeck(value), (i) => ({ path: i.path, severity: i.severity }));
      } catch (e) {
        out[name] = `throws: ${e}`;
      }
    }
    return out;
  },

  /**
   * A picture of the widget for the parity check. (Not the saved progress:
   * both write it once the browser is idle, outside every timed step, each
   * in its own format.)
   */
  snapshot() {
    const root = host.shadowRoot;
    return {
      dom: root ? serialize(root) : null,
      focus: root ? describe(root.activeElement) : null,
      sheets: root ? Array.from(root.adoptedStyleSheets, (s) => Array.from(s.cssRules, (r) => r.cssText).join('\n')) : [],
      events: window.events.splice(0),
    };
  },

  /**
   * Runs the timed steps on the widget and snapshots after each. A step is
   * [action, argument]: mount (options), or click (a selector), as the
   * timings click: element.click().
   */
  scenario(steps) {
    const shots = [];
    for (const [action, arg] of steps) {
      let error = null;
      try {
        if (action === 'mount') handle = lib.mount(host, deck, arg);
        else if (action === 'click') $(arg).click();
        else throw new Error(`scenario: unknown step ${action}`);
      } catch (e) {
        error = String(e && e.message);
      }
      shots.push({ step: `${action} ${typeof arg === 'string' ? arg : JSON.stringify(arg)}`, error, ...window.B.snapshot() });
    }
    return shots;
  },
};
window.benchReady = true;

// Test page for tests/e2e/hardening.test.mjs, lifecycle.test.mjs and
// faults.test.mjs. Loads the module and exposes, as window.H:
//
//   H.fc            the module (mount, validateDeck, …)
//   H.wasm          what init() resolved to: the wasm exports, with `memory`
//   H.wasmBytes()   the wasm memory size in bytes
//   H.watch(host, ctx)  watches host's shadow root (attaching an open one when
//                   it has none, so the very first render is seen) and the
//                   light DOM: every element, attribute and node the widget
//                   adds is checked against ctx (allowed tags and attribute
//                   names, deck payloads that must not reach an attribute)
//   H.check(host)   takes the pending records, scans the whole shadow root
//                   and returns every violation found since the last call
//   H.checkText(host, deck)  deck text shown exactly, as text
//   H.click / H.filter / H.typeAnswer / H.key   drive the widget
//
// window.events records every factcards:* event; window.__xss counts
// payloads that ran (they do `window.__xss++`); #host-btn counts clicks in
// #host-clicks, to show the host page keeps working.
//
// ?auto=1 mounts the built-in deck into #widget after init (the sandboxed
// iframe test), and sets window.autoMounted (or window.autoError).
import init, * as fc from "./pkg/factcards.js";

window.__xss ??= 0;
window.events = [];
for (const name of ["ready", "error", "flip", "answer", "complete"]) {
  document.addEventListener(`factcards:${name}`, (e) => {
    let detail = null;
    try { detail = JSON.parse(JSON.stringify(e.detail ?? null)); } catch { detail = String(e.detail); }
    const t = e.target;
    window.events.push({ type: e.type, detail, target: t.id || t.localName });
  });
}

const clicks = document.getElementById("host-clicks");
document.getElementById("host-btn").addEventListener("click", () => {
  clicks.value = String(Number(clicks.value) + 1);
});

const HTML_NS = "http://www.w3.org/1999/xhtml";

/** Per watched host: its observer and what it found. */
const watches = new Map();
/** Elements added to the light DOM while watching. */
let lightObserver = null;
const lightAdded = [];

function describe(el) {
  const part = el.getAttribute?.("part");
  const cls = el.getAttribute?.("class");
  return `<${el.localName}${part ? ` part="${part}"` : ""}${cls ? ` class="${cls}"` : ""}>`;
}

/** Checks one attribute of `el`; pushes problems to `out`. */
function inspectAttr(el, name, value, ctx, out) {
  if (value === null) return;
  if (/^on/i.test(name)) out.push(`event handler attribute ${name}="${value}" on ${describe(el)}`);
  if (!ctx.attrs.has(name)) out.push(`attribute ${name} not set by the widget on ${describe(el)}`);
  const tag = el.localName;
  const textPath = (tag === "img" && (name === "src" || name === "alt")) || (tag === "a" && name === "href") || name === "lang";
  if (textPath) {
    // The known paths that carry deck values: only the deck's exact values.
    const allowed = ctx.allowed?.[name === "lang" ? "lang" : `${tag}.${name}`];
    if (allowed && !allowed.includes(value)) out.push(`${tag}[${name}]="${value}" is not a deck value for it`);
    if ((name === "src" || name === "href") && /^\s*(javascript|data|vbscript):/i.test(value)) {
      out.push(`${tag}[${name}] is a ${value.split(":")[0]}: URL`);
    }
    if (tag === "a" && name === "href") {
      if (!/^https?:\/\//i.test(value)) out.push(`a[href]="${value}" is not http(s)`);
      if (el.getAttribute("rel") !== "noopener noreferrer") out.push(`a[href] without rel="noopener noreferrer"`);
    }
    return;
  }
  for (const p of ctx.payloads) {
    if (value.includes(p)) {
      out.push(`deck payload in ${describe(el)}[${name}]: ${JSON.stringify(value).slice(0, 120)}`);
      break;
    }
  }
}

/** Checks an element (not its children). */
function inspectElement(el, ctx, out) {
  if (el.namespaceURI !== HTML_NS) out.push(`foreign element <${el.localName}> in ${el.namespaceURI}`);
  if (!ctx.tags.has(el.localName)) out.push(`element ${describe(el)} is not one the widget makes`);
  for (const a of el.attributes) inspectAttr(el, a.name, a.value, ctx, out);
}

/** Checks a node and everything under it. */
function inspectTree(node, ctx, out) {
  if (node.nodeType === Node.TEXT_NODE) return;
  if (node.nodeType !== Node.ELEMENT_NODE) {
    out.push(`node of type ${node.nodeType} (${node.nodeName}) ${JSON.stringify(String(node.nodeValue)).slice(0, 80)}`);
    return;
  }
  inspectElement(node, ctx, out);
  if (node.localName === "template") inspectTree(node.content, ctx, out);
  for (const child of node.childNodes) inspectTree(child, ctx, out);
}

function takeRecords(w) {
  for (const r of w.observer.takeRecords()) handleRecord(r, w);
}

function handleRecord(r, w) {
  if (r.type === "childList") {
    for (const n of r.addedNodes) inspectTree(n, w.ctx, w.found);
  } else if (r.type === "attributes") {
    if (r.target.nodeType === Node.ELEMENT_NODE) {
      inspectAttr(r.target, r.attributeName, r.target.getAttribute(r.attributeName), w.ctx, w.found);
    }
  }
}

export const H = {
  fc,
  wasm: null,
  wasmBytes() {
    return H.wasm.memory.buffer.byteLength;
  },

  /**
   * ctx: { tags: string[], attrs: string[], payloads: string[],
   *        allowed?: {"img.src": [], "img.alt": [], "a.href": [], lang: []} }
   */
  watch(host, ctx) {
    const c = {
      tags: new Set(ctx.tags),
      attrs: new Set(ctx.attrs),
      payloads: ctx.payloads ?? [],
      allowed: ctx.allowed ?? null,
    };
    const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    let w = watches.get(host);
    if (w) {
      takeRecords(w);
      w.ctx = c;
    } else {
      w = { ctx: c, found: [], observer: null };
      w.observer = new MutationObserver((records) => records.forEach((r) => handleRecord(r, w)));
      w.observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: false });
      watches.set(host, w);
    }
    if (!lightObserver) {
      lightObserver = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) lightAdded.push(n.nodeName);
      });
      lightObserver.observe(document.documentElement, { subtree: true, childList: true });
    }
    return true;
  },

  /** Sets the deck values the known text paths may carry. */
  allow(host, allowed) {
    const w = watches.get(host);
    takeRecords(w);
    w.ctx.allowed = allowed;
  },

  /** Every violation since the last call, plus a full scan of the shadow root now. */
  check(host) {
    const w = watches.get(host);
    takeRecords(w);
    const found = w.found.splice(0);
    const now = [];
    for (const child of host.shadowRoot.childNodes) inspectTree(child, w.ctx, now);
    if (lightObserver) for (const r of lightObserver.takeRecords()) for (const n of r.addedNodes) lightAdded.push(n.nodeName);
    const light = lightAdded.splice(0);
    return {
      found,
      now,
      light,
      xss: window.__xss,
      links: [...document.querySelectorAll("a,iframe,object,embed,base,meta,script:not([type=module])")].length,
    };
  },

  stopWatching(host) {
    const w = watches.get(host);
    if (w) {
      w.observer.disconnect();
      watches.delete(host);
    }
  },

  /** Deck text that must be on screen, shown exactly: mismatches. */
  checkText(host, deck) {
    const root = host.shadowRoot;
    const bad = [];
    const text = (sel) => root.querySelector(sel)?.textContent;
    const eq = (what, got, want) => {
      if (got !== want) bad.push(`${what}: ${JSON.stringify(got)?.slice(0, 100)} ≠ ${JSON.stringify(want)?.slice(0, 100)}`);
    };
    eq("title", text(".title"), deck.title);
    const cards = root.querySelector("#p-cards");
    if (cards && !cards.hidden && !root.querySelector(".study").hidden) {
      const front = text(".front .prompt");
      const fact = deck.facts.find((f) => f.front === front);
      if (!fact) bad.push(`card front ${JSON.stringify(front)} is no fact's front`);
      else {
        eq("back", text(".back .answer"), fact.back);
        eq("topic", text(".front .topic"), fact.topic ?? "");
        eq("detail", text(".back .detail"), fact.detail ?? "");
        if (fact.quote) eq("quote", text(".back blockquote"), fact.quote);
        const img = root.querySelector("[part=image]");
        if (fact.image) {
          eq("image.alt", img.getAttribute("alt"), fact.image.alt);
          eq("image.src", img.getAttribute("src"), fact.image.src);
        }
      }
    }
    const quiz = root.querySelector("#p-quiz");
    if (quiz && !quiz.hidden && !root.querySelector(".asking").hidden) {
      const q = text("[part=question]");
      const fact = deck.facts.find((f) => f.front === q);
      if (!fact) bad.push(`question ${JSON.stringify(q)} is no fact's front`);
      const known = new Set(deck.facts.flatMap((f) => [f.back, ...(f.distractors ?? [])]));
      for (const o of root.querySelectorAll("[part=option]:not([hidden]) .t")) {
        if (!known.has(o.textContent)) bad.push(`option ${JSON.stringify(o.textContent).slice(0, 100)} is no deck text`);
      }
    }
    const src = deck.source;
    if (src?.publisher) {
      const link = root.querySelector(".credit a");
      if (src.url) {
        eq("credit link", link.textContent, src.publisher);
        eq("credit href", link.getAttribute("href"), src.url);
      }
      const rest = text(".credit .c-text");
      for (const part of [src.headline, src.author, src.editor]) {
        if (part && !rest.includes(part)) bad.push(`credit lacks ${JSON.stringify(part).slice(0, 80)}`);
      }
    }
    return bad;
  },

  /** Clicks the first element matching `sel` that is shown and enabled. */
  click(host, sel) {
    const el = [...host.shadowRoot.querySelectorAll(sel)].find((e) => !e.disabled && !e.closest("[hidden]"));
    if (!el) return false;
    el.click();
    return true;
  },

  /** Picks topic option `value` ("" for all) in the filter. */
  filter(host, value) {
    const select = host.shadowRoot.querySelector("[part=filter]");
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    return select.value === value;
  },

  /** Types `text` into the quiz's answer field and submits it. */
  typeAnswer(host, text) {
    const input = host.shadowRoot.querySelector("[part=input]");
    if (!input || input.disabled || input.closest("[hidden]")) return false;
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return H.click(host, "[part=submit]");
  },

  /** A key press on the element matching `sel`. */
  key(host, sel, key) {
    const el = host.shadowRoot.querySelector(sel);
    if (!el) return false;
    el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true, cancelable: true }));
    return true;
  },

  /** Whether the widget shows the summary / the card is complete, etc. */
  state(host) {
    const root = host.shadowRoot;
    const shown = (sel) => {
      const el = root.querySelector(sel);
      return !!el && !el.closest("[hidden]");
    };
    return {
      cards: shown("#p-cards"),
      quiz: shown("#p-quiz"),
      complete: shown("[part=complete]"),
      asking: shown(".asking"),
      summary: shown(".summary"),
      answered: shown(".qnext"),
      typed: shown("form.typed"),
      alert: root.querySelector("[role=alert]")?.textContent ?? null,
      status: root.querySelector("[role=status][aria-busy]")?.textContent ?? null,
      nodes: root.querySelectorAll("*").length,
    };
  },
};
window.H = H;

H.wasm = await init();
window.ready = true;

if (new URLSearchParams(location.search).has("auto")) {
  // The page's first mount of the built-in deck fetches it: "autoMounted"
  // once it has mounted (or "autoError" with why it failed).
  const host = document.getElementById("widget");
  host.addEventListener("factcards:ready", () => { window.autoMounted = true; }, { once: true });
  host.addEventListener("factcards:error", (e) => { window.autoError = e.detail.message; }, { once: true });
  try {
    window.widget = fc.mount(host, null, { seed: 1 });
  } catch (e) {
    window.autoError = String(e?.message ?? e);
  }
}

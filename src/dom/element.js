// The <fact-cards> custom element. It is defined as soon as the package's
// module loads (this snippet is one of the glue's imports), before the wasm:
// each element shows its fallback content or a loading state and fetches its
// `src` at once, while the wasm loads, and mounts through the Rust `mount`
// once both are there. Rendering, validation and the styled panels are
// Rust's; until the wasm has started this file draws a plain panel itself.
//
// The wasm: the page's `init()` loads it. An element that needs it also
// calls the package's default `init()` (wasm-bindgen's: concurrent calls
// share one load), once the page's own module scripts have run (at
// DOMContentLoaded), so a page that calls `init(...)` itself at the top of its
// module decides where the wasm comes from. `loading="lazy"`: the element
// does nothing more until it nears the viewport (IntersectionObserver).
// When the wasm cannot load, one console warning says why, and every waiting
// element sends `factcards:error` and keeps its fallback (or shows the alert).
//
// The built-in deck (the deck of an element, or of the wasm's `mount`,
// without one) is a file of the package, next to this one (wasm-bindgen
// copies it: src/dom/builtin.rs): fetched once, and only when a mount needs it.
//
// Life cycle: connected -> (one microtask later, so that a burst of attribute
// changes gives one mount) start; any observed attribute change, or a change
// of the inline deck, starts again; disconnected -> abort a pending fetch,
// destroy the widget and empty the shadow root.
// The wasm asks the same of a host (src/dom/shadow.rs); the shipped copy.
import { hasFallback } from "./host.min.js";

const ATTRS = ["mode", "seed", "questions", "answer", "locale", "labels", "storage", "theme", "article"];
const DEFAULT_TIMEOUT_MS = 15000;
// The "loading" and "failed" strings of src/model/locale.rs, for the panels
// drawn before the wasm is there (tests/element.rs checks that they agree).
const WORDS = {
  en: ["Loading deck…", "This deck could not be shown."],
  fr: ["Chargement du jeu…", "Ce jeu ne peut pas être affiché."],
  ru: ["Загрузка…", "Не удалось показать карточки."],
};
/** The built-in deck's URL: pkg/snippets/<crate>-<hash>/www/decks/…, from this file's place (…/src/dom/element.min.js). */
const BUILTIN = new URL("../../www/decks/tokayev-brussels-2021.json", import.meta.url).href;
const WAKE = Symbol("wake");
const GO = Symbol("go");

/** `{mount, show}` from the wasm once it has started, else null. */
let wasm = null;
/** The built-in deck once fetched (undefined until then), and the fetch under way. */
let builtinValue;
let builtinLoad = null;
/** The wasm's callback while its `mount` waits for the built-in deck, else null. */
let builtinWanted = null;
/** The pending `init()` this file asked for. */
let loading = null;
/** Elements waiting for the wasm. */
const waiting = new Set();
/** Watches lazy elements until they near the viewport. */
let near = null;

/**
 * Called by the wasm's start function (src/api.rs): `mount(host, deck,
 * options)` and `show(host, title, url)` (the loading state listing `url`,
 * or with `url` null the failure alert).
 */
export function wasmReady(mount, show) {
  wasm = { mount, show };
  // Outside the wasm's start function, which is still running.
  queueMicrotask(() => wake(null));
}

function wake(failure) {
  const elements = [...waiting];
  waiting.clear();
  for (const el of elements) el[WAKE](failure);
}

/** Loads the wasm through the package's default init(), unless under way. */
function load() {
  if (wasm || loading) return;
  // The glue, from this file's place in the package
  // (pkg/snippets/<crate>-<hash>/src/dom/element.min.js).
  loading = import("../../../../factcards.js")
    .then((glue) => glue.default())
    .catch((e) => {
      if (wasm) return;
      const message = `could not load the WebAssembly module: ${e?.message || e}`;
      console.warn(`factcards: ${message}`);
      wake(message);
    })
    .finally(() => {
      loading = null;
    });
}

/**
 * Loads the wasm at DOMContentLoaded, or at once if that has come. The
 * page's module scripts run after parsing ends (readyState "interactive")
 * and before it, so the navigation entry tells whether it has come.
 */
function loadSoon() {
  const nav = performance.getEntriesByType("navigation")[0];
  if (nav ? !nav.domContentLoadedEventStart : document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load, { once: true });
  } else load();
}

/**
 * Fetches the deck at `url` (credentials same-origin) and parses it. Rejects
 * with the reason as an Error: the HTTP status, a wrong content type, not
 * JSON, a network error, no answer within `ms`, or `abort`'s signal.
 */
function fetchDeck(url, ms, abort = new AbortController()) {
  const timer = setTimeout(() => abort.abort(new DOMException("timed out", "TimeoutError")), ms);
  return fetch(url, { signal: abort.signal, credentials: "same-origin" })
    .then(async (res) => {
      const status = `HTTP ${res.status}${res.statusText ? " " + res.statusText : ""}`;
      if (!res.ok) throw new Error(status);
      const type = res.headers.get("content-type") || "";
      if (type && !/json|text\/plain/i.test(type)) {
        throw new Error(`${status}, but expected JSON, got ${type.split(";")[0]}`);
      }
      const text = await res.text();
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new Error(`${status}, but not valid JSON (${e.message})`);
      }
    })
    .catch((e) => {
      if (abort.signal.aborted) throw new Error(`no answer within ${ms / 1000} s`);
      if (e instanceof TypeError) throw new Error(`network error (${e.message})`);
      throw e instanceof Error ? e : new Error(String(e));
    })
    .finally(() => clearTimeout(timer));
}

/** The built-in deck: a promise of it, fetched once (and again after a failure). */
function loadBuiltin() {
  return (builtinLoad ??= fetchDeck(BUILTIN, DEFAULT_TIMEOUT_MS).then(
    (deck) => {
      builtinValue = deck;
      tellWasm(deck);
      return deck;
    },
    (e) => {
      builtinLoad = null;
      const message = `could not load the built-in deck (${BUILTIN}): ${e.message}`;
      tellWasm(message);
      throw new Error(message);
    },
  ));
}

function tellWasm(value) {
  const arrived = builtinWanted;
  builtinWanted = null;
  arrived?.(value);
}

/**
 * For the wasm's `mount` without a deck (src/dom/builtin.rs): the built-in
 * deck once fetched; else undefined, and `arrived` gets the deck, or why it
 * could not be loaded, when the fetch ends.
 */
export function builtinDeck(arrived) {
  if (builtinValue !== undefined) return builtinValue;
  builtinWanted = arrived;
  loadBuiltin().catch(() => {});
  return undefined;
}

if (typeof customElements !== "undefined" && !customElements.get("fact-cards")) {
  class FactCardsElement extends HTMLElement {
    static get observedAttributes() { return ["src", "timeout", "loading", ...ATTRS]; }
    #widget = null;
    #abort = null;
    #queued = false;
    #observer = null;
    /** `{value}` once the deck is at hand (fetched, inline, or the built-in deck). */
    #deck = null;
    #options = null;
    #failed = false;
    /** The deck's URL while it loads. */
    #url = "";
    /** The inline deck's text, as last mounted (null: none). */
    #inline = null;
    /** The view `show()` asked for before the widget mounted. */
    #view = null;
    connectedCallback() {
      // An inline deck may arrive after the element (the parser streams
      // children in, or a script fills it in later), or be edited: mount
      // again when it does. Edits of the fallback content leave the widget be.
      this.#observer ??= new MutationObserver(() => {
        const text = this.#inlineDeck()?.textContent ?? null;
        if (!this.hasAttribute("src") && text !== this.#inline) this.#schedule();
      });
      this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
      this.#schedule();
    }
    disconnectedCallback() {
      this.#observer?.disconnect();
      this.#stop();
      // Leave nothing behind: no widget, no loading or error panel.
      this.shadowRoot?.replaceChildren();
    }
    attributeChangedCallback(_name, before, after) {
      if (before !== after && this.isConnected) this.#schedule();
    }
    /** Shows "cards" or "quiz" (before the widget mounts: when it does). Throws on any other name. */
    show(mode) {
      if (this.#widget) return this.#widget.show(mode);
      if (mode !== "cards" && mode !== "quiz") throw new Error('show: expected "cards" or "quiz"');
      this.#view = mode;
    }
    #inlineDeck() { return this.querySelector(":scope > script[type='application/json']"); }
    #schedule() {
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        if (this.isConnected) this.#start();
      });
    }
    #stop() {
      this.#abort?.abort();
      this.#abort = null;
      this.#url = "";
      this.#deck = null;
      waiting.delete(this);
      near?.unobserve(this);
      if (this.#widget) {
        // destroy() removes the widget's listeners and everything it
        // rendered; free() releases the handle itself.
        this.#widget.destroy();
        this.#widget.free();
        this.#widget = null;
      }
    }
    #readOptions() {
      const options = {};
      for (const name of ATTRS) {
        const value = this.getAttribute(name);
        if (value === null) continue;
        if (name === "labels") {
          // Not JSON: passed on as text, which `mount` reports as options.labels.
          try { options.labels = JSON.parse(value); } catch { options.labels = value; }
        } else options[name] = value;
      }
      return options;
    }
    /** Draws the loading state (kind 0, with the deck's URL) or the failure alert (1), or the fallback content. */
    #panel(kind, url = "") {
      const name = kind ? "failed" : "loading";
      const label = this.#options?.labels?.[name];
      const lang = (this.getAttribute("locale") ?? this.closest("[lang]")?.getAttribute("lang") ?? "").split(/[-_]/)[0].toLowerCase();
      const title = typeof label === "string" ? label : (WORDS[lang] ?? WORDS.en)[kind];
      if (wasm) return wasm.show(this, title, kind ? null : url);
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      if (hasFallback(this)) return root.replaceChildren(document.createElement("slot"));
      // The wasm's panel (src/dom/template.rs, message_markup), unstyled until it is there.
      const panel = document.createElement("div");
      const head = document.createElement("p");
      panel.className = "fc msg";
      panel.setAttribute("part", "root");
      panel.setAttribute("role", kind ? "alert" : "status");
      if (!kind) panel.setAttribute("aria-busy", "true");
      head.className = "m-title";
      head.textContent = title;
      panel.append(head);
      if (url) {
        const list = document.createElement("ul");
        list.className = "m-list";
        list.append(document.createElement("li"));
        list.firstChild.textContent = url;
        panel.append(list);
      }
      root.replaceChildren(panel);
    }
    /** Tells of a failure: the alert or the fallback, one console warning (unless told already), factcards:error. */
    #fail(message, warn = true) {
      this.#failed = true;
      this.#abort?.abort();
      this.#abort = null;
      this.#panel(1);
      if (warn) console.warn(`factcards: ${message}`);
      this.dispatchEvent(new CustomEvent("factcards:error", { detail: { message, path: null }, bubbles: true, composed: true }));
    }
    #mount() {
      if (!wasm || !this.#deck || this.#failed) return;
      const { value } = this.#deck;
      this.#deck = null;
      try { this.#widget = wasm.mount(this, value, this.#options); } catch { /* shown in the widget, sent as factcards:error */ }
      // Removed by a factcards:ready listener while it mounted: keep nothing.
      if (!this.isConnected) return this.#stop();
      if (this.#widget && this.#view) this.#widget.show(this.#view);
      this.#view = null;
    }
    /** The wasm has started (failure null) or could not load (its message). */
    [WAKE](failure) {
      if (!this.isConnected) return;
      if (failure) {
        if (!this.#failed) this.#fail(failure, false);
      } else if (this.#failed) this.#panel(1);
      else if (this.#deck) this.#mount();
      else this.#panel(0, this.#url);
    }
    #timeout() {
      const ms = Number(this.getAttribute("timeout"));
      // setTimeout fires at once for delays past 2^31 - 1 ms.
      return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 2147483647) : DEFAULT_TIMEOUT_MS;
    }
    #start() {
      this.#stop();
      this.#failed = false;
      this.#options = this.#readOptions();
      if (this.getAttribute("loading") === "lazy" && typeof IntersectionObserver === "function") {
        this.#panel(0);
        // A screen ahead of the reader: about when a lazy <img> loads.
        near ??= new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) {
                near.unobserve(e.target);
                e.target[GO]();
              }
            }
          },
          { rootMargin: "100% 0px" },
        );
        near.observe(this);
      } else this[GO]();
    }
    /** Fetches the deck and asks for the wasm, at the same time. */
    [GO]() {
      if (!this.isConnected) return;
      const src = this.getAttribute("src");
      const inline = src ? null : this.#inlineDeck();
      this.#inline = inline?.textContent ?? null;
      if (!src) {
        if (inline) {
          this.#deck = { value: inline.textContent };
          // With the wasm at hand, it mounts at once.
          if (!wasm) this.#panel(0);
        } else if (builtinValue !== undefined) {
          this.#deck = { value: builtinValue };
          if (!wasm) this.#panel(0);
        } else {
          this.#panel(0);
          this.#await(loadBuiltin());
        }
      } else {
        let url = null;
        try {
          url = new URL(src, document.baseURI).href;
        } catch {
          this.#fail(`could not load ${src}: not a valid URL`);
        }
        if (url) {
          const abort = new AbortController();
          this.#panel(0, url);
          this.#url = url;
          this.#await(
            fetchDeck(url, this.#timeout(), abort).catch((e) => {
              throw new Error(`could not load ${url}: ${e.message}`);
            }),
            abort,
          );
        }
      }
      if (wasm) this.#mount();
      else {
        waiting.add(this);
        loadSoon();
      }
    }
    /** Mounts the deck `pending` brings (`abort` cancels its fetch), or tells why it could not be loaded. */
    #await(pending, abort = new AbortController()) {
      this.#abort = abort;
      pending.then(
        (deck) => {
          if (this.#abort !== abort) return;
          this.#abort = null;
          this.#deck = { value: deck };
          this.#mount();
        },
        (e) => {
          // Cancelled by a re-mount or by removal: nothing to say.
          if (this.#abort === abort) this.#fail(e.message);
        },
      );
    }
  }
  customElements.define("fact-cards", FactCardsElement);
}

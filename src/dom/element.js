// The <fact-cards> custom element. It reads its attributes, fetches `src` or
// reads an inline <script type="application/json"> child, and hands the deck
// to the Rust `mount`. Rendering, validation and error display are Rust's.
const ATTRS = ["mode", "seed", "questions", "answer", "locale", "labels", "storage", "theme"];

export function defineFactCards(mount, showMessage) {
  if (typeof customElements === "undefined" || customElements.get("fact-cards")) return;
  class FactCardsElement extends HTMLElement {
    static get observedAttributes() { return ["src", "timeout", ...ATTRS]; }
    #widget = null;
    #abort = null;
    #queued = false;
    connectedCallback() { this.#schedule(); }
    disconnectedCallback() { this.#stop(); }
    attributeChangedCallback(_name, before, after) {
      if (before !== after && this.isConnected) this.#schedule();
    }
    /** Shows "cards" or "quiz". */
    show(mode) { this.#widget?.show(mode); }
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
      if (this.#widget) {
        this.#widget.free();
        this.#widget = null;
      }
    }
    #options() {
      const options = {};
      for (const name of ATTRS) {
        const value = this.getAttribute(name);
        if (value === null) continue;
        if (name === "labels") {
          try { options.labels = JSON.parse(value); } catch { options.labels = value; }
        } else options[name] = value;
      }
      return options;
    }
    #mount(deck, options) {
      try { this.#widget = mount(this, deck, options); } catch { /* shown in the widget, sent as factcards:error */ }
    }
    #start() {
      this.#stop();
      const options = this.#options();
      const src = this.getAttribute("src");
      if (!src) {
        const inline = this.querySelector(":scope > script[type='application/json']");
        this.#mount(inline ? inline.textContent : null, options);
        return;
      }
      const url = new URL(src, document.baseURI).href;
      const abort = new AbortController();
      this.#abort = abort;
      const ms = Number(this.getAttribute("timeout")) || 15000;
      const timer = setTimeout(() => abort.abort(new DOMException("timed out", "TimeoutError")), ms);
      showMessage(this, "loading", url, "");
      fetch(url, { signal: abort.signal })
        .then(async (res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? " " + res.statusText : ""}`);
          const type = res.headers.get("content-type") || "";
          if (type && !/json|text\/plain/i.test(type)) throw new Error(`expected JSON, got ${type.split(";")[0]}`);
          const text = await res.text();
          try { return JSON.parse(text); } catch (e) { throw new Error(`not valid JSON (${e.message})`); }
        })
        .then((deck) => {
          if (this.#abort === abort) { this.#abort = null; this.#mount(deck, options); }
        })
        .catch((e) => {
          if (this.#abort !== abort) return;
          this.#abort = null;
          const reason = abort.signal.aborted ? `no answer within ${ms / 1000} s` : e?.message || String(e);
          showMessage(this, "error", url, reason);
        })
        .finally(() => clearTimeout(timer));
    }
  }
  customElements.define("fact-cards", FactCardsElement);
}

// The <fact-cards> custom element. It reads its attributes, fetches `src` or
// reads an inline <script type="application/json"> child, and hands the deck
// to the Rust `mount`. Rendering, validation and error display are Rust's.
//
// Life cycle: connected -> (one microtask later, so that a burst of attribute
// changes gives one mount) start; any observed attribute change, or a change
// of the inline deck, starts again; disconnected -> abort a pending fetch,
// destroy the widget and empty the shadow root.
const ATTRS = ["mode", "seed", "questions", "answer", "locale", "labels", "storage", "theme"];
const DEFAULT_TIMEOUT_MS = 15000;

export function defineFactCards(mount, showMessage) {
  if (typeof customElements === "undefined" || customElements.get("fact-cards")) return;
  class FactCardsElement extends HTMLElement {
    static get observedAttributes() { return ["src", "timeout", ...ATTRS]; }
    #widget = null;
    #abort = null;
    #queued = false;
    #observer = null;
    connectedCallback() {
      // An inline deck may arrive after the element (the parser streams
      // children in, or a script fills it in later): mount again when it does.
      this.#observer ??= new MutationObserver(() => {
        if (!this.hasAttribute("src")) this.#schedule();
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
        // destroy() removes the widget's listeners and everything it
        // rendered; free() releases the handle itself.
        this.#widget.destroy();
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
          // Not JSON: passed on as text, which `mount` reports as options.labels.
          try { options.labels = JSON.parse(value); } catch { options.labels = value; }
        } else options[name] = value;
      }
      return options;
    }
    #mount(deck, options) {
      try { this.#widget = mount(this, deck, options); } catch { /* shown in the widget, sent as factcards:error */ }
    }
    #timeout() {
      const ms = Number(this.getAttribute("timeout"));
      // setTimeout fires at once for delays past 2^31 - 1 ms.
      return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 2147483647) : DEFAULT_TIMEOUT_MS;
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
      let url;
      try {
        url = new URL(src, document.baseURI).href;
      } catch {
        showMessage(this, "error", src, "not a valid URL");
        return;
      }
      const abort = new AbortController();
      this.#abort = abort;
      const ms = this.#timeout();
      const timer = setTimeout(() => abort.abort(new DOMException("timed out", "TimeoutError")), ms);
      showMessage(this, "loading", url, "");
      fetch(url, { signal: abort.signal, credentials: "same-origin" })
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
        .then((deck) => {
          if (this.#abort === abort) { this.#abort = null; this.#mount(deck, options); }
        })
        .catch((e) => {
          // Aborted by a re-mount or by removal: nothing to say.
          if (this.#abort !== abort) return;
          this.#abort = null;
          let reason;
          if (abort.signal.aborted) reason = `no answer within ${ms / 1000} s`;
          else if (e instanceof TypeError) reason = `network error (${e.message})`;
          else reason = e?.message || String(e);
          showMessage(this, "error", url, reason);
        })
        .finally(() => clearTimeout(timer));
    }
  }
  customElements.define("fact-cards", FactCardsElement);
}

// The flip-card test page (tests/e2e/cards.test.mjs). Mounts the built-in deck
// into #host; URL parameters choose the options:
//   ?seed=2021&mode=cards|quiz|both&theme=light|dark|auto&locale=fr&width=360
// A test may remount with other decks or options:
//   await page.evaluate(() => window.mountWith(deck, options))
// window.fcReady is true once the first mount has happened.
import init, { mount } from "./pkg/factcards.js";

const host = document.getElementById("host");
let handle = null;

/** Remounts #host with `deck` (null: the built-in deck) and `options`. */
window.mountWith = (deck, options = {}) => {
  handle?.destroy();
  handle = null;
  handle = mount(host, deck ?? null, { storage: false, ...options });
  window.fc = handle;
  return true;
};

const params = new URLSearchParams(location.search);
const options = {};
for (const name of ["mode", "theme", "locale"]) {
  if (params.has(name)) options[name] = params.get(name);
}
options.seed = Number(params.get("seed") ?? 2021);
if (params.has("width")) host.style.maxWidth = `${Number(params.get("width"))}px`;

/** Resolves at the host's next factcards:ready or factcards:error. */
const settled = (host) =>
  new Promise((resolve) => {
    host.addEventListener("factcards:ready", resolve, { once: true });
    host.addEventListener("factcards:error", resolve, { once: true });
  });

await init();
if (!params.has("manual")) {
  // The page's first mount of the built-in deck fetches it: ready once it has.
  const done = settled(host);
  window.mountWith(null, options);
  await done;
}
window.fcReady = true;

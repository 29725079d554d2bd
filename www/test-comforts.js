// Test page for tests/e2e/comforts.test.mjs (remembered progress, languages,
// labels). Mounts a deck into #wrap, through the JS API or as <fact-cards>,
// with everything taken from the URL, and records every factcards:* event in
// window.events.
//
//   test-comforts.html?api=mount&seed=7&locale=fr&labels={"next":"Onwards"}
//   test-comforts.html?api=element&storage=off&lang=ru
//
// api       "mount" (default): mount(#widget, deck, options);
//           "element": a <fact-cards> with the options as attributes.
// deck      absent: the built-in deck (no deck argument / no src, no child);
//           "file": decks/tokayev-brussels-2021.json (fetched; for the
//           element, its src attribute).
// back0     the file's deck with facts[0].back replaced by this text (a
//           changed deck; for the element, given as an inline JSON child).
// language  the file's deck with its "language" replaced (deck text lang).
// lang      a lang attribute on #wrap, the host's parent.
// mode, answer, locale, theme, labels, storage, seed, questions: the
//           options. For mount: seed and questions as numbers, labels parsed
//           as JSON, storage "false"/"true" as booleans, the rest as text.
//           For the element: every one as the attribute's text.
import init, { mount, validateDeck } from "./pkg/factcards.js";

window.events = [];
for (const name of ["ready", "error", "flip", "answer", "complete"]) {
  document.addEventListener(`factcards:${name}`, (e) => {
    window.events.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
  });
}

const params = new URLSearchParams(location.search);
const wrap = document.getElementById("wrap");
if (params.has("lang")) wrap.setAttribute("lang", params.get("lang"));

const OPTION_NAMES = ["mode", "answer", "locale", "theme", "labels", "storage", "seed", "questions"];
const DECK_URL = "decks/tokayev-brussels-2021.json";

async function deckFromParams() {
  const edited = params.has("back0") || params.has("language");
  if (!edited && params.get("deck") !== "file") return { deck: null, edited: false };
  const deck = await (await fetch(DECK_URL)).json();
  if (params.has("back0")) deck.facts[0].back = params.get("back0");
  if (params.has("language")) deck.language = params.get("language");
  return { deck, edited };
}

await init();
window.fc = { mount, validateDeck };
const { deck, edited } = await deckFromParams();

if (params.get("api") === "element") {
  const el = document.createElement("fact-cards");
  el.id = "widget";
  for (const name of OPTION_NAMES) {
    if (params.has(name)) el.setAttribute(name, params.get(name));
  }
  if (edited) {
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = JSON.stringify(deck);
    el.append(script);
  } else if (deck) {
    el.setAttribute("src", DECK_URL);
  }
  const settled = new Promise((resolve) => {
    el.addEventListener("factcards:ready", resolve, { once: true });
    el.addEventListener("factcards:error", resolve, { once: true });
  });
  wrap.append(el);
  await settled;
  window.mounted = true;
} else {
  const host = document.createElement("div");
  host.id = "widget";
  wrap.append(host);
  const options = {};
  for (const name of OPTION_NAMES) {
    if (!params.has(name)) continue;
    const value = params.get(name);
    if (name === "seed" || name === "questions") options[name] = Number(value);
    else if (name === "labels") options[name] = JSON.parse(value);
    else if (name === "storage") options[name] = value === "true" ? true : value === "false" ? false : value;
    else options[name] = value;
  }
  // Without a deck, the page's first mount fetches the built-in deck:
  // "mounted" once it has (or has failed; other mounts settle at once).
  const settled = new Promise((resolve) => {
    host.addEventListener("factcards:ready", resolve, { once: true });
    host.addEventListener("factcards:error", resolve, { once: true });
  });
  try {
    window.widget = mount(host, deck, options);
  } catch (e) {
    window.mountError = String(e?.message ?? e);
  }
  await settled;
  window.mounted = true;
}

// Test page for tests/e2e/quiz.test.mjs: mounts the built-in deck with the
// options given as URL parameters and records every factcards:* event.
//
//   test-quiz.html?mode=quiz&seed=7&questions=10&answer=typed&theme=dark
//
// Numeric parameters (seed, questions) are passed as numbers, the rest as
// strings; parameters that are absent are left out of the options.
import init, { mount } from "./pkg/factcards.js";

window.events = [];
for (const name of ["ready", "error", "flip", "answer", "complete"]) {
  document.addEventListener(`factcards:${name}`, (e) => {
    window.events.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
  });
}

const params = new URLSearchParams(location.search);
const options = {};
for (const name of ["mode", "answer", "locale", "theme"]) {
  if (params.has(name)) options[name] = params.get(name);
}
for (const name of ["seed", "questions"]) {
  if (params.has(name)) options[name] = Number(params.get(name));
}
if (params.has("storage")) options.storage = params.get("storage") !== "false";

/** Resolves at the host's next factcards:ready or factcards:error. */
const settled = (host) =>
  new Promise((resolve) => {
    host.addEventListener("factcards:ready", resolve, { once: true });
    host.addEventListener("factcards:error", resolve, { once: true });
  });

await init();
const host = document.getElementById("widget");
// The page's first mount of the built-in deck fetches it: "mounted" once it has.
const done = settled(host);
window.widget = mount(host, null, options);
await done;
window.mounted = true;

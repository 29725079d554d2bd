// Test page for tests/e2e/fallback.test.mjs. Records every factcards:error
// as window.events and every console warning as window.warnings (collected in
// the page, so engines without console events can read them too), then
// mounts bad input into the two <div> hosts. window.ready is true once
// init() resolved (window.initError holds why it did not).
import init, * as fc from "./pkg/factcards.js";

window.events = [];
window.warnings = [];
document.addEventListener("factcards:error", (e) => {
  window.events.push({ target: e.target.id, message: e.detail.message, path: e.detail.path });
});
const warn = console.warn.bind(console);
console.warn = (...args) => {
  window.warnings.push(args.map(String).join(" "));
  warn(...args);
};

try {
  await init();
  window.thrown = [];
  const tries = [
    ["mdeck", { version: 1, title: "T", facts: [{ front: "Q", back: " " }] }, undefined],
    ["moptions", undefined, { answer: "spoken" }],
  ];
  for (const [id, deck, options] of tries) {
    try {
      fc.mount(document.getElementById(id), deck, options);
    } catch (e) {
      window.thrown.push({ id, message: e.message, path: e.path });
    }
  }
  window.ready = true;
} catch (e) {
  window.initError = String(e?.message ?? e);
}

// Test page for tests/e2e/lazy.test.mjs: imports the package without calling
// init(); the lazy elements load the wasm when they near the viewport.
// Records factcards:ready and factcards:error as window.events.
import "./pkg/factcards.js";

window.events = [];
for (const type of ["factcards:ready", "factcards:error"]) {
  document.addEventListener(type, (e) => window.events.push({ type, target: e.target.id, detail: e.detail }));
}

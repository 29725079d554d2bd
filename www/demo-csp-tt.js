// The Trusted Types page (csp-tt.html): as demo-csp.js, and a deck with no
// facts, whose error panel renders under the same policy.
import init, { mount } from "./pkg/factcards.js";

await init();
mount("#api", null, { mode: "quiz", seed: 7, questions: 3 });
try {
  mount("#bad", { version: 1, title: "No facts", facts: [] });
} catch (e) {
  console.info(`factcards demo: ${e.message}`);
}
window.mounted = true;

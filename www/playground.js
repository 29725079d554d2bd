// The deck playground: the widget's own validator and renderer, live.
import init, { mount, validateDeck } from "./pkg/factcards.js";

await init();
const editor = document.getElementById("deck");
const verdict = document.getElementById("verdict");
const problems = document.getElementById("problems");
const preview = document.getElementById("preview");
const stale = document.getElementById("stale");
let widget = null;
let timer = 0;

function show(issues) {
  problems.replaceChildren();
  for (const { path, message } of issues) {
    const li = document.createElement("li");
    if (path) {
      const code = document.createElement("code");
      code.textContent = path;
      li.append(code, ": ");
    }
    li.append(message);
    problems.append(li);
  }
}

function check() {
  const text = editor.value;
  const issues = validateDeck(text);
  show(issues);
  if (issues.length) {
    verdict.className = "bad";
    verdict.textContent = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    // The last good preview stays, marked as such (when there is one).
    stale.hidden = widget === null;
    preview.classList.toggle("is-stale", widget !== null);
    return;
  }
  stale.hidden = true;
  preview.classList.remove("is-stale");
  verdict.className = "good";
  verdict.textContent = "Valid deck";
  widget?.destroy();
  widget = mount(preview, text, { seed: 1, storage: false });
}

editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(check, 250);
});

const res = await fetch("decks/tokayev-brussels-2021.json");
editor.value = await res.text();
check();

// The deck playground: the widget's own validator and renderer, live.
import init, { mount, validateDeck } from "./pkg/factcards.js";

await init();
const editor = document.getElementById("deck");
const article = document.getElementById("article");
const verdict = document.getElementById("verdict");
const problems = document.getElementById("problems");
const preview = document.getElementById("preview");
const stale = document.getElementById("stale");
let widget = null;
let timer = 0;

function show(issues) {
  problems.replaceChildren();
  for (const { path, message, severity } of issues) {
    const li = document.createElement("li");
    if (severity === "warning") {
      li.className = "warning";
      li.append("warning: ");
    }
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
  // With the article's text, each quote must occur in it (the widget
  // package's check; the editor runs the full one, with numbers).
  const issues = validateDeck(text, article.value.trim() ? { article: article.value } : undefined);
  show(issues);
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  if (errors) {
    verdict.className = "bad";
    verdict.textContent = errors === 1 ? "1 problem" : `${errors} problems`;
    // The last good preview stays, marked as such (when there is one).
    stale.hidden = widget === null;
    preview.classList.toggle("is-stale", widget !== null);
    return;
  }
  stale.hidden = true;
  preview.classList.remove("is-stale");
  verdict.className = "good";
  verdict.textContent = warnings ? `Valid deck, ${warnings === 1 ? "1 warning" : `${warnings} warnings`}` : "Valid deck";
  widget?.destroy();
  widget = mount(preview, text, { seed: 1, storage: false });
}

for (const box of [editor, article]) {
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
}

const res = await fetch("decks/tokayev-brussels-2021.json");
editor.value = await res.text();
check();

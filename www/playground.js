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

// Where JSON text first breaks the grammar (an offset into `s`), or -1: the
// browsers' JSON.parse messages differ, and only some say where. Runs only
// after JSON.parse has failed.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
function syntaxErrorAt(s) {
  let i = 0;
  const fail = () => {
    throw i;
  };
  const ws = () => {
    while (i < s.length && " \t\n\r".includes(s[i])) i++;
  };
  const str = () => {
    i++;
    for (;;) {
      if (i >= s.length || s[i] < " ") fail();
      const c = s[i++];
      if (c === '"') return;
      if (c !== "\\") continue;
      if (s[i] === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) i += 5;
      else if (s[i] !== undefined && '"\\/bfnrt'.includes(s[i])) i++;
      else fail();
    }
  };
  const list = (close, item) => {
    i++;
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (s[i] === close) return void i++;
      if (s[i] !== ",") fail();
      i++;
    }
  };
  const value = () => {
    ws();
    const c = s[i];
    if (c === "{") {
      list("}", () => {
        ws();
        if (s[i] !== '"') fail();
        str();
        ws();
        if (s[i] !== ":") fail();
        i++;
        value();
      });
    } else if (c === "[") list("]", value);
    else if (c === '"') str();
    else {
      const word = ["true", "false", "null"].find((w) => s.startsWith(w, i));
      NUMBER.lastIndex = i;
      const number = word ? null : NUMBER.exec(s);
      if (!word && !number) fail();
      i += word ? word.length : number[0].length;
    }
  };
  try {
    value();
    ws();
    return i < s.length ? i : -1;
  } catch (at) {
    return typeof at === "number" ? at : -1; // a RangeError of deep nesting: no place
  }
}

/** Line and column (from 1) of `offset` in `text`. */
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

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
    const at = message.startsWith("not valid JSON") ? syntaxErrorAt(editor.value) : -1;
    if (at >= 0) {
      // Where, as the CLI says it, and a button that puts the caret there.
      const { line, column } = lineColumn(editor.value, at);
      const go = document.createElement("button");
      go.type = "button";
      go.className = "at";
      go.textContent = `at line ${line} column ${column}`;
      go.addEventListener("click", () => {
        editor.focus();
        editor.setSelectionRange(at, Math.min(at + 1, editor.value.length));
      });
      li.append(" ", go);
    }
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

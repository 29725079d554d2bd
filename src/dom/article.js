// "Show in article": the text of the host page's article (the `article`
// option, a CSS selector) and a highlight on a passage of it, set with the
// CSS Custom Highlight API so the page's DOM is never changed. The quote is
// found in Rust (model/quote.rs); offsets are UTF-16 units of the text below.
//
// The highlight's style must live in the page's document (a shadow root's
// rules do not reach the page's text): a constructed style sheet, adopted
// into the document once, as CSP-safe as the widget's own. Hosts restyle it
// with --fc-article-highlight and --fc-article-highlight-text.
const NAME = "factcards-quote";
let sheet = null;
let undo = null;

/** The text nodes of the article, but none inside the widget's host, <fact-cards> fallback, scripts or styles. */
function textNodes(article, host) {
  const walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      host.contains(n) || n.parentElement?.closest("script,style,noscript,fact-cards")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const out = [];
  for (let n = walk.nextNode(); n; n = walk.nextNode()) out.push(n);
  return out;
}

/** The article's text, or undefined when no element matches; throws on a bad selector. */
export function articleText(selector, host) {
  const article = document.querySelector(selector);
  return article ? textNodes(article, host).map((n) => n.data).join("") : undefined;
}

/** Removes the highlight (or the selection that stands in for it). */
export function clearPassage() {
  undo?.();
  undo = null;
}

/**
 * Scrolls the passage [start, end) of the article's text into view and
 * highlights it until the reader's next click or tap (without the Highlight
 * API, selects it instead), and writes `said` into the widget's live region
 * `live`: the highlight is only seen. Nothing when the passage is not there.
 */
export function showPassage(selector, host, start, end, live, said) {
  clearPassage();
  const article = document.querySelector(selector);
  if (!article) return;
  const range = document.createRange();
  let at = 0;
  let begun = false;
  for (const n of textNodes(article, host)) {
    const len = n.data.length;
    if (!begun && start < at + len) {
      range.setStart(n, start - at);
      begun = true;
    }
    if (begun && end <= at + len) {
      range.setEnd(n, end - at);
      break;
    }
    at += len;
  }
  if (!begun || range.collapsed) return;
  const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
  (range.startContainer.parentElement ?? article).scrollIntoView({
    block: "center",
    behavior: reduce ? "auto" : "smooth",
  });
  let how;
  if (globalThis.CSS?.highlights && typeof Highlight === "function") {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(
        `::highlight(${NAME}){background-color:var(--fc-article-highlight,Mark);color:var(--fc-article-highlight-text,MarkText)}`,
      );
      document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
    }
    CSS.highlights.set(NAME, new Highlight(range));
    how = "highlight";
  } else {
    // No Highlight API: the browser's own selection marks the passage.
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    how = "selection";
  }
  // The click that showed it has happened; the next pointerdown anywhere
  // (or the widget's next action, through clearPassage) removes it.
  const stop = new AbortController();
  addEventListener("pointerdown", clearPassage, { capture: true, signal: stop.signal });
  undo = () => {
    stop.abort();
    if (how === "highlight") CSS.highlights.delete(NAME);
    else if (getSelection()?.rangeCount && getSelection().getRangeAt(0).compareBoundaryPoints(Range.START_TO_START, range) === 0) {
      getSelection().removeAllRanges();
    }
  };
  // The same text written again is not read again by some screen readers:
  // a second "Show in article" in a row alternates a trailing no-break space.
  live.textContent = live.textContent === said ? said + "\xa0" : said;
}

// What the wasm asks of the browser: whether a host element holds content of
// its own, before a widget mounts into it (src/dom/shadow.rs; element.js asks
// too), and which characters are letters and digits (src/model/unicode.rs).
// One copy each, in JS: the wasm's own took three imports (childNodes,
// nodeType, textContent) and a walk, and std's Unicode tables 1.9 KB gzip.
// (One file for both: a snippet file of its own made wasm-bindgen-test's
// page hang in Chromium in about a third of the runs.)

/**
 * Whether `host` holds content of the page's own that a reader sees: text or
 * an element, but not white space, comments, or elements that render
 * nothing (the inline JSON deck and any other script, `<noscript>` with
 * scripting on, `<template>`, `<style>`, `<link>`, `<meta>`).
 */
export const hasFallback = (host) =>
  [...host.childNodes].some((n) =>
    n.nodeType === 1
      ? !["script", "noscript", "template", "style", "link", "meta"].includes(n.localName)
      : n.nodeType === 3 && n.data.trim() !== "",
  );

const ALPHABETIC = /\p{Alphabetic}/u;
const NUMBER = /\p{N}/u;

/** 1 when the code point `c` is alphabetic, 2 when it is a number (and not alphabetic), 0 otherwise. */
export function unicodeClass(c) {
  const s = String.fromCodePoint(c);
  return ALPHABETIC.test(s) ? 1 : NUMBER.test(s) ? 2 : 0;
}

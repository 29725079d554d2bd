// What the wasm asks of the browser: whether a host element holds content of
// its own, before a widget mounts into it (src/dom/shadow.rs; element.js asks
// too), which characters are letters and digits (src/model/unicode.rs), the
// key of a key press and a swipe's way (widget.rs), the message of an
// exception (error.rs), and its own markup as a page enforcing Trusted Types
// takes it (template.rs).
// One copy each, in JS: the wasm's own took three imports (childNodes,
// nodeType, textContent) and a walk, and std's Unicode tables 1.9 KB gzip.
// (One file for all: a snippet file of its own made wasm-bindgen-test's
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

/** The key of the keydown `e`, or "" while Alt, Ctrl or Meta is held (the page's and the browser's shortcuts). */
export const key = (e) => (e.altKey || e.ctrlKey || e.metaKey ? "" : e.key);

/**
 * The swipe from the pointerdown `down` to the pointerup `up` on the card:
 * -1 to the left (on to the next card), 1 to the right (back), 0 for none.
 * A swipe is the same pointer, moved more than 40 px across and mostly
 * across.
 */
export const swipe = (down, up) => {
  const dx = up.clientX - down.clientX;
  return down.pointerId === up.pointerId && Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(up.clientY - down.clientY) ? Math.sign(dx) : 0;
};

/** The message of a thrown value: an Error's (a DOMException is one) "name: message", a string as it is. */
export const errorText = (e) =>
  e instanceof Error ? (e.name ? `${e.name}: ${e.message}` : e.message) : typeof e == "string" ? e : "an unknown error";

// The policy of `html`: made once; 0 where it cannot be.
let policy;

/**
 * The widget's own markup (src/dom/template.rs: constants, never deck text)
 * as a TrustedHTML of the Trusted Types policy "factcards", so that a page
 * enforcing Trusted Types (`require-trusted-types-for 'script'`, with
 * "factcards" in its `trusted-types` directive, if it has one) lets it into
 * `innerHTML`. Where no such policy can be made (no Trusted Types, or a
 * directive that refuses the name), the string as it is.
 */
export const html = (s) => {
  try {
    policy ??= trustedTypes.createPolicy("factcards", { createHTML: (x) => x });
  } catch {
    policy = 0;
  }
  return policy ? policy.createHTML(s) : s;
};

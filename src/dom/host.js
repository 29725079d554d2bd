// What both the wasm (src/dom/shadow.rs) and element.js ask of a host element
// before a widget mounts into it. One copy, in JS: the wasm's own took three
// imports (childNodes, nodeType, textContent) and a walk of its own.

/** Whether `host` holds content of the page's own: anything but the inline JSON deck, white space and comments. */
export const hasFallback = (host) =>
  [...host.childNodes].some((n) =>
    n.nodeType === 1
      ? !(n.localName === "script" && (n.getAttribute("type") || "").trim().toLowerCase() === "application/json")
      : n.nodeType === 3 && n.data.trim() !== "",
  );

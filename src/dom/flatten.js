// Flattens a deck (or options) object into one UTF-8 buffer, so that the wasm
// reads it with a single call instead of one call per field
// (src/dom/js_value.rs).
//
// Each value is a tag and, for some, a body ended by "\0":
//   s<text>\0   a string          i<digits>\0   a safe integer
//   t  f  z     true, false, null (or undefined)
//   a<n>\0 ...  an array of n values
//   o<n>\0 ...  an object of n members, each <key>\0 then its value
// Anything this format cannot carry exactly (a "\0" in text, a fraction, -0, a
// function, a throwing getter, nesting past 32 levels) returns undefined, and
// the wasm reads the value field by field instead, with the precise error.
//
// Text is gathered in short strings and encoded into the buffer every 8 KB:
// measured in Chromium on a 10,000-fact deck, one big string and one encode
// took twice as long (joining megabytes, then encoding them in one go).
const MAX_DEPTH = 32;
const CHUNK = 8192;
const NO = {};

let encoder;
let buf = new Uint8Array(0);
let len = 0;
let pending = "";

export function flatten(value) {
  encoder ??= new TextEncoder();
  len = 0;
  pending = "";
  try {
    put(value, 0);
    flush();
    return buf.subarray(0, len);
  } catch {
    return undefined;
  } finally {
    pending = "";
    // Keep a small buffer for the next call, not the last deck's megabytes.
    if (buf.length > 1 << 16) buf = new Uint8Array(0);
  }
}

function emit(s) {
  pending += s;
  if (pending.length > CHUNK) flush();
}

function flush() {
  // At most three UTF-8 bytes per UTF-16 unit.
  const need = len + pending.length * 3;
  if (need > buf.length) {
    const grown = new Uint8Array(Math.max(need, buf.length * 2, 1 << 16));
    grown.set(buf.subarray(0, len));
    buf = grown;
  }
  len += encoder.encodeInto(pending, buf.subarray(len)).written;
  pending = "";
}

function put(v, depth) {
  switch (typeof v) {
    case "string":
      if (v.indexOf("\0") !== -1) throw NO;
      emit("s" + v + "\0");
      return;
    case "number":
      if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw NO;
      emit("i" + v + "\0");
      return;
    case "boolean":
      emit(v ? "t" : "f");
      return;
    case "undefined":
      emit("z");
      return;
    case "object":
      break;
    default:
      throw NO;
  }
  if (v === null) {
    emit("z");
    return;
  }
  if (depth >= MAX_DEPTH) throw NO;
  if (Array.isArray(v)) {
    const n = v.length;
    emit("a" + n + "\0");
    for (let i = 0; i < n; i++) put(v[i], depth + 1);
    return;
  }
  const keys = Object.keys(v);
  emit("o" + keys.length + "\0");
  for (const k of keys) {
    if (k.indexOf("\0") !== -1) throw NO;
    emit(k + "\0");
    put(v[k], depth + 1);
  }
}

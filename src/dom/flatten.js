// Flattens a deck (or options) value into one UTF-8 buffer, so that the wasm
// reads it with a single call instead of one call per field
// (src/dom/js_value.rs decodes it).
//
// Each value is a tag and, for some, a body ended by "\0":
//   s<text>\0   a string          S<text>\0   a string holding "\0" or "\x01",
//                                             each written "\x01" + "z" or "o"
//   i<digits>\0 a safe integer    d<hex>\0    any other number, its 64 bits
//   t  f  z     true, false, null (or undefined)
//   a<n>\0 ...  an array of n values
//   o<n>\0 ...  an object of n members, each a key (s or S) then its value
//
// A value that is not JSON data (a function, symbol or BigInt, nesting past
// 32 levels, a cycle, a getter or Proxy trap that throws) gives undefined, and
// flattenError() then says where and why: "path\0message".
//
// Text is gathered in short strings and encoded into the buffer every 8 KB:
// measured in Chromium on a 10,000-fact deck, one big string and one encode
// took twice as long (joining megabytes, then encoding them in one go).
const MAX_DEPTH = 32;
const CHUNK = 8192;
const UNREADABLE = "could not be read";

let encoder;
let buf = new Uint8Array(0);
let len = 0;
let pending = "";
let error = "";
const path = [];
const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);

class NotJson {
  constructor(message) {
    this.message = message;
  }
}

export function flatten(value) {
  encoder ??= new TextEncoder();
  len = 0;
  pending = "";
  path.length = 0;
  try {
    put(value);
    flush();
    return buf.subarray(0, len);
  } catch (e) {
    error = renderPath() + "\0" + (e instanceof NotJson ? e.message : UNREADABLE);
    return undefined;
  } finally {
    pending = "";
    // Keep a small buffer for the next call, not the last deck's megabytes.
    if (buf.length > 1 << 16) buf = new Uint8Array(0);
  }
}

/** Why the last flatten() gave undefined: "path\0message". */
export function flattenError() {
  return error;
}

function renderPath() {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += "[" + seg + "]";
    else out += (out === "" ? "" : ".") + seg;
  }
  return out;
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

function text(s) {
  if (s.indexOf("\0") === -1 && s.indexOf("\x01") === -1) emit("s" + s + "\0");
  else emit("S" + s.replace(/[\0\x01]/g, (c) => (c === "\0" ? "\x01z" : "\x01o")) + "\0");
}

function number(n) {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    emit("i" + n + "\0");
  } else {
    bits[0] = n;
    emit("d" + halves[1].toString(16).padStart(8, "0") + halves[0].toString(16).padStart(8, "0") + "\0");
  }
}

// The checks and their order are those of a careful reader: text, numbers,
// booleans and null first; then the depth; then arrays, read through their
// length and indices; anything else that is not an object is not JSON data.
function put(v) {
  switch (typeof v) {
    case "string":
      return text(v);
    case "number":
      return number(v);
    case "boolean":
      return emit(v ? "t" : "f");
    case "undefined":
      return emit("z");
  }
  if (v === null) return emit("z");
  if (path.length >= MAX_DEPTH) throw new NotJson("nested deeper than 32 levels");
  if (Array.isArray(v)) {
    // As Rust's `f64 as u32`: NaN and negatives 0, at most 2^32 - 1.
    let n = v.length;
    n = typeof n === "number" && n > 0 ? Math.min(Math.floor(n), 4294967295) : 0;
    emit("a" + n + "\0");
    for (let i = 0; i < n; i++) {
      path.push(i);
      put(v[i]);
      path.pop();
    }
    return;
  }
  if (typeof v !== "object") throw new NotJson("must be JSON data (not a function, symbol or BigInt)");
  const keys = Object.keys(v);
  emit("o" + keys.length + "\0");
  for (const k of keys) {
    text(k);
    // The key first, so that a getter that throws is reported at its field.
    path.push(k);
    put(v[k]);
    path.pop();
  }
}

// Flattens a deck (or options) value into one UTF-8 buffer, so that the wasm
// reads it with a single call instead of one call per field
// (src/dom/js_value.rs decodes it).
//
// Each value is a tag and, for some, a body ended by "\0":
//   s<text>\0   a string          S<text>\0   a string holding "\0", where "\0"
//                                             and "\x01" are "\x01z" and "\x01o"
//   d<hex>\0    a number: its 64 bits, as 16 hex digits
//   t  f  z     true, false, null (or undefined)
//   a<n>\0 ...  an array of n values
//   o<n>\0 ...  an object of n members, each a key (s or S) then its value
//
// A value that is not JSON data (a function, symbol or BigInt, nesting past
// 32 levels, a cycle, a getter or Proxy trap that throws) gives instead where
// and why, in the same buffer: "!path\0message" (no value starts with "!").
// So does a value of more than MAX_VALUES values in all: a graph that shares
// its children (a = [x, x], x = [y, y], … 32 levels deep) would otherwise be
// walked 2^32 times.
// A deck holds at most about 10,000 facts of some 20 values each.
//
// flatten(text, true) does the same for JSON text, parsed here where the text
// is: the string is never copied into the wasm and back.
//
// Text is gathered in short strings and encoded into the buffer every 8 KB:
// measured in Chromium on a 10,000-fact deck, one big string and one encode
// took twice as long (joining megabytes, then encoding them in one go).
const MAX_DEPTH = 32;
const MAX_VALUES = 1_000_000;
const CHUNK = 8192;
const UNREADABLE = "could not be read";

let encoder;
let buf = new Uint8Array(0);
let len = 0;
let pending = "";
let calls = 0;
let visited = 0;
const bits = new DataView(new ArrayBuffer(8));

// What is not JSON data, and where: the path's segments are added innermost
// first as the error unwinds, so the walk itself keeps no path.
class NotJson {
  constructor(message) {
    this.message = message;
    this.path = [];
  }
}

/** `e` from inside the member or item `seg`, as a NotJson that knows it. */
function within(e, seg) {
  const err = e instanceof NotJson ? e : new NotJson(UNREADABLE);
  err.path.push(seg);
  return err;
}

/**
 * `value` flattened; with `json` true, a string is JSON text, parsed first.
 * What is not JSON data (or text, a syntax error) gives "!path\0message".
 */
export function flatten(value, json) {
  encoder ??= new TextEncoder();
  if (json && typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch (e) {
      return encoder.encode("!\0not valid JSON: " + (e?.message ?? ""));
    }
  }
  // A getter in the value may call back into the widget (validateDeck from
  // inside a deck): that walk gets its own buffer, and this one resumes after.
  const outer = calls++ > 0 ? { buf, len, pending, visited } : null;
  if (outer) buf = new Uint8Array(0);
  len = 0;
  pending = "";
  visited = 0;
  try {
    put(value, 0);
    flush();
    return buf.subarray(0, len);
  } catch (e) {
    const err = e instanceof NotJson ? e : new NotJson(UNREADABLE);
    return encoder.encode("!" + renderPath(err.path.reverse()) + "\0" + err.message);
  } finally {
    calls--;
    pending = "";
    // Keep a small buffer for the next call, not the last deck's megabytes.
    if (buf.length > 1 << 16) buf = new Uint8Array(0);
    if (outer) ({ buf, len, pending, visited } = outer);
  }
}

function renderPath(path) {
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
  if (s.indexOf("\0") === -1) emit("s" + s + "\0");
  else emit("S" + s.replace(/[\0\x01]/g, (c) => (c === "\0" ? "\x01z" : "\x01o")) + "\0");
}

// Every number as its bits, integers too: the decoder then needs one number
// parser (a deck holds few numbers).
function number(n) {
  // Big-endian, as the decoder reads the 16 hex digits.
  bits.setFloat64(0, n);
  emit("d" + bits.getUint32(0).toString(16).padStart(8, "0") + bits.getUint32(4).toString(16).padStart(8, "0") + "\0");
}

// The checks and their order are those of a careful reader: text, numbers,
// booleans and null first; then the depth; then arrays, read through their
// length and indices; anything else that is not an object is not JSON data.
function put(v, depth) {
  if (++visited > MAX_VALUES) throw new NotJson("too many values (more than 1000000 in all)");
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
  if (depth >= MAX_DEPTH) throw new NotJson("nested deeper than 32 levels");
  if (Array.isArray(v)) {
    // As Rust's `f64 as u32`: NaN and negatives 0, at most 2^32 - 1.
    let n = v.length;
    n = typeof n === "number" && n > 0 ? Math.min(Math.floor(n), 4294967295) : 0;
    emit("a" + n + "\0");
    for (let i = 0; i < n; i++) {
      try {
        put(v[i], depth + 1);
      } catch (e) {
        throw within(e, i);
      }
    }
    return;
  }
  if (typeof v !== "object") throw new NotJson("must be JSON data (not a function, symbol or BigInt)");
  const keys = Object.keys(v);
  emit("o" + keys.length + "\0");
  for (const k of keys) {
    text(k);
    // A getter that throws is reported at its field.
    try {
      put(v[k], depth + 1);
    } catch (e) {
      throw within(e, k);
    }
  }
}

//! Reads a JS value (from `JSON.parse` or the host's own object) into the
//! model's [`Value`] tree: no serde code, no JSON parser in the wasm. (The
//! other way, Rust to JS, [`to_js`] uses serde-wasm-bindgen.) Nesting
//! is capped at [`MAX_DEPTH`], which also stops cyclic objects.
//!
//! `flatten.js` walks the value in JS and hands over one UTF-8 buffer (one
//! boundary crossing for a whole deck, where reading field by field took a
//! call per value); [`Flat`] decodes it here. For a value that is not JSON
//! data, the buffer holds the path and the reason instead.

use crate::model::json::{Value, MAX_DEPTH};
use crate::model::text::{parse_int, parse_uint};
use crate::model::validate::Issue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/dom/flatten.min.js")]
extern "C" {
    /// The value in the format that [`Flat`] decodes, as UTF-8; when it is
    /// not JSON data, `!`, the path, a NUL and the message. With `json`, a
    /// string is JSON text, parsed in JS where the text is.
    fn flatten(value: &wasm_bindgen::JsValue, json: bool) -> Vec<u8>;
}

/// `value` as a plain JS value: JSON-compatible (`None` is `null`, maps are
/// objects, every number a `number`). The structs handed over this way
/// serialise as maps ([`serialize_as_map`]).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> wasm_bindgen::JsValue {
    // Plain structs of strings, numbers and booleans always serialise.
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(wasm_bindgen::JsValue::NULL)
}

/// Implements `Serialize` for a struct as a map of the fields named, each
/// under its key: `serialize_as_map!(Ready { "facts": facts });`.
///
/// For [`to_js`], instead of `#[derive(Serialize)]`: serde-wasm-bindgen
/// makes a serialised struct's keys JS strings through a cache (a `HashMap`
/// of field names in a thread-local), a map's without one, and both become
/// the same plain object. Measured: 1.1 KB less gzip without the cache.
macro_rules! serialize_as_map {
    ($ty:ty { $($key:literal: $field:ident),* $(,)? }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                $(map.serialize_entry($key, &self.$field)?;)*
                map.end()
            }
        }
    };
}
pub(crate) use serialize_as_map;

/// An [`Issue`] as `validateDeck` hands it over: `{path, message,
/// severity}`, the severity as its name.
impl serde::Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        // Each entry a `&str`, as the events' strings are: serde-wasm-bindgen
        // has one copy of its value code per type (measured: 101 B gzip less
        // than a `String` and a `str` beside it).
        map.serialize_entry("path", &self.path.as_str())?;
        map.serialize_entry("message", &self.message.as_str())?;
        map.serialize_entry("severity", &self.severity.name())?;
        map.end()
    }
}

/// Why a JS value is not JSON data, and where.
#[derive(Debug, PartialEq)]
pub struct NotJson {
    /// Path to the offending value, e.g. `facts[2].front`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Converts `value` to a [`Value`].
pub fn to_value(value: &wasm_bindgen::JsValue) -> Result<Value, NotJson> {
    decode(flatten(value, false))
}

/// Parses `text`, a JS string of JSON, to a [`Value`] (any other value is
/// converted as by [`to_value`]). The text is parsed in JS; it is never
/// copied into the wasm. A syntax error is a [`NotJson`] at the empty path
/// saying `not valid JSON: ` and the parser's message.
pub fn json_to_value(text: &wasm_bindgen::JsValue) -> Result<Value, NotJson> {
    decode(flatten(text, true))
}

fn decode(bytes: Vec<u8>) -> Result<Value, NotJson> {
    // Only a bug in one of the two halves of the format could fail to decode.
    // (`utf8_chunks`, not `from_utf8`: core's check behind it is smaller.)
    let text = match bytes.utf8_chunks().next() {
        Some(chunk) if chunk.invalid().is_empty() => chunk.valid(),
        None => "",
        Some(_) => return Err(NotJson::at("", UNREADABLE)),
    };
    let Some(error) = text.strip_prefix('!') else {
        return Flat { text, at: 0 }.whole().ok_or_else(|| NotJson::at("", UNREADABLE));
    };
    // The message is the widget's own text; the path may hold a NUL (a key).
    // (A byte loop, not `rsplit_once`: core's `memrchr` is bigger in the wasm.)
    let (path, message) = match error.bytes().rposition(|b| b == 0) {
        Some(nul) => (error.get(..nul).unwrap_or_default(), error.get(nul + 1..).unwrap_or(UNREADABLE)),
        None => ("", UNREADABLE),
    };
    Err(NotJson::at(path, message))
}

const UNREADABLE: &str = "could not be read";

impl NotJson {
    fn at(path: &str, message: &str) -> NotJson {
        NotJson { path: path.to_owned(), message: message.to_owned() }
    }
}

/// A decoder of `flatten.js`'s format (described there). Every method
/// returns `None` on text it does not expect.
struct Flat<'t> {
    text: &'t str,
    at: usize,
}

impl Flat<'_> {
    /// The one value that the whole text holds.
    fn whole(mut self) -> Option<Value> {
        let v = self.value(0)?;
        (self.at == self.text.len()).then_some(v)
    }

    /// The text up to the next NUL, which it skips.
    fn body(&mut self) -> Option<&str> {
        let rest = self.text.get(self.at..)?;
        let len = nul_at(rest.as_bytes())?;
        self.at += len + 1;
        rest.get(..len)
    }

    fn count(&mut self) -> Option<usize> {
        parse_int(self.body()?)
    }

    /// A string value or key, after its tag `tag`.
    fn string(&mut self, tag: u8) -> Option<String> {
        let body = self.body()?;
        if tag == b's' {
            return Some(body.to_owned());
        }
        // `S`: "\x01z" stands for NUL and "\x01o" for "\x01".
        let mut out = String::with_capacity(body.len());
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\x01' {
                out.push(match chars.next()? {
                    'z' => '\0',
                    'o' => '\x01',
                    _ => return None,
                });
            } else {
                out.push(c);
            }
        }
        Some(out)
    }

    fn tag(&mut self) -> Option<u8> {
        let tag = *self.text.as_bytes().get(self.at)?;
        self.at += 1;
        Some(tag)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        let tag = self.tag()?;
        Some(match tag {
            b's' | b'S' => Value::String(self.string(tag)?),
            b'd' => Value::Number(f64::from_bits(parse_uint(self.body()?, 16)?)),
            b't' => Value::Bool(true),
            b'f' => Value::Bool(false),
            b'z' => Value::Null,
            b'a' if depth < MAX_DEPTH => {
                let n = self.count()?;
                let mut items = Vec::with_capacity(n.min(10_001));
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Value::Array(items)
            }
            b'o' if depth < MAX_DEPTH => {
                let n = self.count()?;
                let mut members = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    let key = match self.tag()? {
                        tag @ (b's' | b'S') => self.string(tag)?,
                        _ => return None,
                    };
                    members.push((key, self.value(depth + 1)?));
                }
                Value::Object(members)
            }
            _ => return None,
        })
    }
}

/// The position of the first NUL byte in `bytes`. Eight bytes at a time: a
/// deck is megabytes of text between NULs, and this is most of decoding it.
fn nul_at(bytes: &[u8]) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Non-zero exactly when some byte of `x` is zero.
        if x.wrapping_sub(LOW) & !x & HIGH != 0 {
            break;
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| b == 0).map(|i| at + i)
}

//! Reads a JS value (from `JSON.parse` or the host's own object) into the
//! model's [`Value`] tree: no serde code, no JSON parser in the wasm. Nesting
//! is capped at [`MAX_DEPTH`], which also stops cyclic objects.
//!
//! Two readers give the same tree. The fast one asks `flatten.js` to walk the
//! value in JS and hand over one string (one boundary crossing for the whole
//! deck), then decodes it here. The careful one walks the value field by field
//! with js-sys; it runs when the fast one declines (a value the flat format
//! cannot carry exactly, or one that is not JSON data) and names the path and
//! the reason of any error.

use crate::model::json::{Value, MAX_DEPTH};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, returning what a Proxy's `ownKeys` trap throws.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn try_keys(obj: &JsValue) -> Result<Array, JsValue>;
    /// `Array.isArray`, returning what a revoked Proxy throws.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn try_is_array(value: &JsValue) -> Result<bool, JsValue>;
}

#[wasm_bindgen(module = "/src/dom/flatten.js")]
extern "C" {
    /// The value in the flat format that [`Flat`] decodes, as UTF-8, or
    /// `undefined`.
    fn flatten(value: &JsValue) -> Option<Vec<u8>>;
}

const UNREADABLE: &str = "could not be read";

/// Why a JS value is not JSON data, and where.
pub struct NotJson {
    /// Path to the offending value, e.g. `facts[2].front`.
    pub path: String,
    /// What is wrong.
    pub message: &'static str,
}

/// Converts `value` to a [`Value`].
pub fn to_value(value: &JsValue) -> Result<Value, NotJson> {
    read_flat(value).map_or_else(|| to_value_by_field(value), Ok)
}

/// The fast reader alone: `None` when `flatten.js` declines or its text does
/// not decode whole. Public for the browser tests.
pub fn read_flat(value: &JsValue) -> Option<Value> {
    let text = String::from_utf8(flatten(value)?).ok()?;
    let mut flat = Flat { text: &text, at: 0 };
    let v = flat.value(0)?;
    (flat.at == text.len()).then_some(v)
}

/// Converts `value` to a [`Value`] field by field, without the flat format:
/// the careful reader (see the module documentation). Public for the browser
/// tests, which check that both readers agree.
pub fn to_value_by_field(value: &JsValue) -> Result<Value, NotJson> {
    let mut path = Vec::new();
    walk(value, &mut path).map_err(|message| NotJson { path: render(&path), message })
}

/// A decoder of `flatten.js`'s format. Every method returns `None` on text it
/// does not expect, and the caller falls back to the careful reader.
struct Flat<'t> {
    text: &'t str,
    at: usize,
}

impl Flat<'_> {
    /// The text up to the next NUL, which it skips.
    fn body(&mut self) -> Option<&str> {
        let rest = self.text.get(self.at..)?;
        let len = nul_at(rest.as_bytes())?;
        self.at += len + 1;
        rest.get(..len)
    }

    fn count(&mut self) -> Option<usize> {
        self.body()?.parse().ok()
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        let tag = *self.text.as_bytes().get(self.at)?;
        self.at += 1;
        Some(match tag {
            b's' => Value::String(self.body()?.to_owned()),
            b'i' => Value::Number(self.body()?.parse::<i64>().ok()? as f64),
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
                    let key = self.body()?.to_owned();
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

enum Seg {
    Key(String),
    Index(u32),
}

fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

fn walk(v: &JsValue, path: &mut Vec<Seg>) -> Result<Value, &'static str> {
    // Most of a deck is strings, so that test comes first: every test is a
    // call across the JS boundary.
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if path.len() >= MAX_DEPTH {
        return Err("nested deeper than 32 levels");
    }
    if try_is_array(v).map_err(|_| UNREADABLE)? {
        // Read through Reflect, which catches a throwing Proxy trap.
        let len = Reflect::get(v, &JsValue::from_str("length")).map_err(|_| UNREADABLE)?;
        let len = len.as_f64().unwrap_or(0.0) as u32;
        let mut items = Vec::with_capacity(len.min(10_001) as usize);
        for i in 0..len {
            path.push(Seg::Index(i));
            let item = Reflect::get_u32(v, i).map_err(|_| UNREADABLE)?;
            items.push(walk(&item, path)?);
            path.pop();
        }
        return Ok(Value::Array(items));
    }
    if v.is_function() || !v.is_object() {
        return Err("must be JSON data (not a function, symbol or BigInt)");
    }
    let obj: &Object = v.unchecked_ref();
    let keys = try_keys(v).map_err(|_| UNREADABLE)?;
    let mut members = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        // The key first, so that a getter that throws is reported at its field.
        path.push(Seg::Key(name));
        let item = Reflect::get(obj, &key).map_err(|_| UNREADABLE)?;
        let value = walk(&item, path)?;
        if let Some(Seg::Key(name)) = path.pop() {
            members.push((name, value));
        }
    }
    Ok(Value::Object(members))
}

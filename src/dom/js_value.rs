//! Reads a JS value (from `JSON.parse` or the host's own object) into the
//! model's [`Value`] tree by walking it with js-sys: no serde code, no JSON
//! parser in the wasm. Nesting is capped at [`MAX_DEPTH`], which also stops
//! cyclic objects.

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
    let mut path = Vec::new();
    walk(value, &mut path).map_err(|message| NotJson { path: render(&path), message })
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

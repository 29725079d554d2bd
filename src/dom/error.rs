//! Why a mount failed, and how that reaches JS: an `Error` whose message
//! names the first problem and whose `path` property names its field.

use crate::model::text::{concat, push_uint};
use crate::model::validate::Issue;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Why a mount failed.
#[derive(Debug)]
pub enum MountError {
    /// The deck broke these rules.
    Deck(Vec<Issue>),
    /// An option is wrong.
    Options(Issue),
    /// The target cannot hold a widget.
    Target(String),
    /// The browser refused a DOM call while rendering; its message.
    Dom(String),
}

impl MountError {
    /// A DOM call's failure, keeping the exception's own message.
    pub fn dom(e: &JsValue) -> MountError {
        MountError::Dom(concat(&["mount: could not render (", &js_message(e), ")"]))
    }

    /// The message for the host's `Error`, e.g.
    /// `invalid deck: facts[3].back: must not be blank (and 2 more)`.
    pub fn message(&self) -> String {
        match self {
            MountError::Deck(issues) => {
                let mut m = String::from("invalid deck: ");
                if let Some(first) = issues.first() {
                    m.push_str(&first.line());
                }
                if issues.len() > 1 {
                    m.push_str(" (and ");
                    push_uint(&mut m, (issues.len() - 1) as u64);
                    m.push_str(" more)");
                }
                m
            }
            MountError::Options(issue) => concat(&["invalid options: ", &issue.line()]),
            MountError::Target(m) | MountError::Dom(m) => m.clone(),
        }
    }

    /// The path of the first problem, if it has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            MountError::Deck(issues) => issues.first().map(|i| i.path.as_str()),
            MountError::Options(issue) => Some(issue.path.as_str()),
            MountError::Target(_) | MountError::Dom(_) => None,
        }
    }

    /// The lines a reader sees in the error panel.
    pub fn lines(&self) -> Vec<String> {
        match self {
            MountError::Deck(issues) => issues.iter().take(50).map(Issue::line).collect(),
            other => vec![other.message()],
        }
    }

    /// The JS `Error` that `mount` throws: this message, and `path` (a
    /// string, or `null`) as a property.
    pub fn to_js(&self) -> JsValue {
        // wasm-bindgen's JsError, as `show`'s and serde-wasm-bindgen's
        // errors: one import makes them all.
        let error = JsValue::from(wasm_bindgen::JsError::new(&self.message()));
        let path = self.path().map_or(JsValue::NULL, JsValue::from_str);
        // Setting a data property on a fresh Error cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("path"), &path);
        error
    }
}

#[wasm_bindgen(module = "/src/dom/host.min.js")]
extern "C" {
    /// The message of a thrown JS value: an `Error`'s (a `DOMException` is
    /// one) `name: message`, a string as it is. In JS (host.js).
    #[wasm_bindgen(js_name = errorText)]
    pub fn js_message(e: &JsValue) -> String;
}

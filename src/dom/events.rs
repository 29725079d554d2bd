//! The `factcards:*` events the host element receives. Their `detail`s are
//! plain objects, serialised by serde-wasm-bindgen.

use super::js_value::{serialize_as_map, to_js};
use super::template::object;
use crate::model::app::{App, Event};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, Element};

/// `factcards:flip`.
struct Flip<'a> {
    fact_id: Option<&'a str>,
    side: &'static str,
}

/// `factcards:answer`.
struct Answer<'a> {
    fact_id: Option<&'a str>,
    correct: bool,
    given: &'a str,
    expected: &'a str,
}

// Counts are `u32`, as wide as a `usize` in the wasm: serde serialises a
// `usize` as a `u64`, and serde-wasm-bindgen's `u64` path carries a BigInt
// conversion and an error message that formats a `u64` (0.8 KB gzip).

/// `factcards:complete`.
struct Complete {
    score: u32,
    total: u32,
}

/// `factcards:ready`.
struct Ready {
    facts: u32,
}

/// `factcards:error`.
struct Failure<'a> {
    message: &'a str,
    path: Option<&'a str>,
}

serialize_as_map!(Flip<'_> { "factId": fact_id, "side": side });
serialize_as_map!(Answer<'_> { "factId": fact_id, "correct": correct, "given": given, "expected": expected });
serialize_as_map!(Complete { "score": score, "total": total });
serialize_as_map!(Ready { "facts": facts });
serialize_as_map!(Failure<'_> { "message": message, "path": path });

/// The event name and `detail` object for a model event.
pub fn describe(event: &Event, app: &App) -> (&'static str, JsValue) {
    let fact_id = |fact: &usize| app.deck.facts.get(*fact).map(|f| f.id.as_str());
    match event {
        Event::Flip { fact, turned } => {
            ("factcards:flip", to_js(&Flip { fact_id: fact_id(fact), side: if *turned { "back" } else { "front" } }))
        }
        Event::Answer { fact, correct, given, expected } => {
            ("factcards:answer", to_js(&Answer { fact_id: fact_id(fact), correct: *correct, given, expected }))
        }
        Event::Complete { score, total } => {
            ("factcards:complete", to_js(&Complete { score: *score as u32, total: *total as u32 }))
        }
    }
}

/// `factcards:ready` detail.
pub fn ready(facts: usize) -> JsValue {
    to_js(&Ready { facts: facts as u32 })
}

/// `factcards:error` detail.
pub fn error(message: &str, path: Option<&str>) -> JsValue {
    to_js(&Failure { message, path })
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` on `host`.
pub fn emit(host: &Element, name: &str, detail: &JsValue) {
    let init = object(&[("bubbles", &JsValue::TRUE), ("composed", &JsValue::TRUE), ("detail", detail)]);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, init.unchecked_ref()) {
        let _ = host.dispatch_event(&event);
    }
}

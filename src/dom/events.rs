//! The `factcards:*` events the host element receives.

use crate::model::app::{App, Event};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

fn fact_id(app: &App, fact: usize) -> JsValue {
    app.deck.facts.get(fact).map(|f| JsValue::from_str(&f.id)).unwrap_or(JsValue::NULL)
}

/// The event name and `detail` object for a model event.
pub fn describe(event: &Event, app: &App) -> (&'static str, JsValue) {
    let detail = Object::new();
    let name = match event {
        Event::Flip { fact, turned } => {
            set(&detail, "factId", fact_id(app, *fact));
            set(&detail, "side", if *turned { "back" } else { "front" });
            "factcards:flip"
        }
        Event::Answer { fact, correct, given, expected } => {
            set(&detail, "factId", fact_id(app, *fact));
            set(&detail, "correct", *correct);
            set(&detail, "given", given.as_str());
            set(&detail, "expected", expected.as_str());
            "factcards:answer"
        }
        Event::Complete { score, total } => {
            set(&detail, "score", *score as u32);
            set(&detail, "total", *total as u32);
            "factcards:complete"
        }
    };
    (name, detail.into())
}

/// `factcards:ready` detail.
pub fn ready(facts: usize) -> JsValue {
    let detail = Object::new();
    set(&detail, "facts", facts as u32);
    detail.into()
}

/// `factcards:error` detail.
pub fn error(message: &str, path: Option<&str>) -> JsValue {
    let detail = Object::new();
    set(&detail, "message", message);
    set(&detail, "path", path.map(JsValue::from_str).unwrap_or(JsValue::NULL));
    detail.into()
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` on `host`.
pub fn emit(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

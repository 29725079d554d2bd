//! Browser unit tests: run in headless Chromium by
//! `wasm-pack test --headless --chrome -- --test web` (see scripts/test.sh).
//! Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- harness ---

fn document() -> web_sys::Document {
    web_sys::window().expect("a window").document().expect("a document")
}

/// A new empty `<div>` appended to `<body>`. Remove it at the end of the test
/// with `host.remove()` so tests don't see each other's widgets.
fn fresh_host() -> web_sys::Element {
    let doc = document();
    let host = doc.create_element("div").expect("create a div");
    doc.body().expect("a body").append_child(&host).expect("append the host");
    host
}

/// The host's shadow root (the widget attaches an open one).
fn shadow(host: &web_sys::Element) -> web_sys::ShadowRoot {
    host.shadow_root().expect("the widget attached an open shadow root to its host")
}

/// The first element matching `selector` inside the host's shadow root.
fn find(host: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    shadow(host).query_selector(selector).expect("a valid selector")
}

/// Mount the widget into `host` with `deck` and `options` (`JsValue::UNDEFINED`
/// for the built-in deck / default options); panics with the error's message.
fn mount_with(host: &web_sys::Element, deck: JsValue, options: JsValue) -> factcards::FactCards {
    let some = |v: JsValue| if v.is_undefined() { None } else { Some(v) };
    factcards::mount(host.clone().into(), some(deck), some(options)).unwrap_or_else(|err| {
        let err = JsValue::from(err);
        let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
        panic!("mount failed: {}", message.unwrap_or_else(|| format!("{err:?}")))
    })
}

/// Mount the widget with the built-in deck and default options.
fn mount_default(host: &web_sys::Element) -> factcards::FactCards {
    mount_with(host, JsValue::UNDEFINED, JsValue::UNDEFINED)
}

// ----------------------------------------------------------------- smoke ---

#[wasm_bindgen_test]
fn mount_renders_a_card_into_the_shadow_root() {
    let host = fresh_host();
    let mut widget = mount_default(&host);
    let card = find(&host, r#"[part~="card"]"#);
    assert!(card.is_some(), "a [part~=card] element inside the shadow root");
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn destroy_leaves_the_host_empty() {
    let host = fresh_host();
    let mut widget = mount_default(&host);
    assert!(shadow(&host).child_nodes().length() > 0, "rendered something");
    widget.destroy();
    assert_eq!(host.child_nodes().length(), 0, "no children left in the host");
    let left = host.shadow_root().map(|root| root.child_nodes().length()).unwrap_or(0);
    assert_eq!(left, 0, "nothing left in the shadow root");
    host.remove();
}

#[wasm_bindgen_test]
fn validate_deck_reports_problems_of_an_empty_object() {
    let deck = js_sys::JSON::parse("{}").expect("valid JSON");
    let problems = factcards::validate_deck(deck);
    let problems: js_sys::Array = problems.dyn_into().expect("validate_deck returns a JS array");
    assert!(problems.length() > 0, "{{}} is not a valid deck");
    for problem in problems.iter() {
        for key in ["path", "message"] {
            let value = js_sys::Reflect::get(&problem, &JsValue::from_str(key)).expect("readable property");
            assert!(value.is_string(), "each problem has a string `{key}`");
        }
    }
}

//! The JS surface: `init` (the default export), `mount`, `validateDeck`, the
//! `FactCards` handle and the `<fact-cards>` element.

use crate::dom::mount::{self, Message};
use crate::dom::widget::Widget;
use crate::model::app::Mode;
use crate::model::locale::{Key, Lang, Strings};
use crate::model::validate::Issue;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/dom/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineFactCards)]
    fn define_fact_cards(mount: &JsValue, show_message: &JsValue);
}

/// Runs once when `init()` resolves: defines `<fact-cards>`.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        return;
    }
    // These two closures back the custom element definition, which lives as
    // long as the page; they are created once per page, so forgetting them
    // leaks nothing that would ever be freed.
    let mount_fn = Closure::<dyn Fn(Element, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        |host: Element, deck: JsValue, options: JsValue| mount_element(host, deck, options).map(JsValue::from),
    );
    let message_fn = Closure::<dyn Fn(Element, String, String, String)>::new(
        |host: Element, kind: String, url: String, reason: String| element_message(&host, &kind, &url, &reason),
    );
    define_fact_cards(mount_fn.as_ref(), message_fn.as_ref());
    mount_fn.forget();
    message_fn.forget();
}

fn mount_element(host: Element, deck: JsValue, options: JsValue) -> Result<FactCards, JsValue> {
    mount(host.into(), Some(deck), Some(options)).map_err(JsValue::from)
}

/// Loading and fetch-error panels for `<fact-cards src>`.
fn element_message(host: &Element, kind: &str, url: &str, reason: &str) {
    let lang = host.closest("[lang]").ok().flatten().and_then(|el| el.get_attribute("lang"));
    let locale = host.get_attribute("locale").or(lang);
    let strings = Strings::new(locale.as_deref().map(Lang::from_tag).unwrap_or_default());
    if kind == "loading" {
        mount::release(host);
        mount::show_message(host, Message::Loading, strings.get(Key::Loading), &[url.to_owned()]);
    } else {
        let message = ["could not load ", url, ": ", reason].concat();
        mount::show_message(host, Message::Error, strings.get(Key::Failed), std::slice::from_ref(&message));
        crate::dom::events::emit(host, "factcards:error", &crate::dom::events::error(&message, None).into());
    }
}

/// A mounted widget, returned by `mount`.
#[wasm_bindgen]
pub struct FactCards {
    widget: Rc<RefCell<Option<Widget>>>,
}

#[wasm_bindgen]
impl FactCards {
    /// Removes the widget, its listeners and everything it rendered. Safe to
    /// call twice.
    pub fn destroy(&mut self) {
        if let Ok(mut w) = self.widget.try_borrow_mut() {
            if let Some(mut widget) = w.take() {
                widget.destroy();
            }
        }
    }

    /// Shows `"cards"` or `"quiz"`. Throws on any other name.
    pub fn show(&self, mode: &str) -> Result<(), JsError> {
        let mode = match mode {
            "cards" => Mode::Cards,
            "quiz" => Mode::Quiz,
            _ => return Err(JsError::new(r#"show: expected "cards" or "quiz""#)),
        };
        if let Ok(w) = self.widget.try_borrow() {
            if let Some(widget) = w.as_ref() {
                widget.show(mode);
            }
        }
        Ok(())
    }
}

/// Mounts a widget into `target` (an element, or a CSS selector) with `deck`
/// (an object, JSON text, or nothing for the built-in deck) and `options`.
/// Throws an `Error` naming the first problem of an invalid deck or options;
/// the same problems show inside the widget.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Deck | string | null")] deck: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: Option<JsValue>,
) -> Result<FactCards, JsError> {
    let host = resolve_target(&target)?;
    let deck = deck.unwrap_or(JsValue::UNDEFINED);
    let options = options.unwrap_or(JsValue::UNDEFINED);
    mount::mount(&host, &deck, &options).map(|widget| FactCards { widget }).map_err(|e| JsError::new(&e.message()))
}

fn resolve_target(target: &JsValue) -> Result<Element, JsError> {
    use wasm_bindgen::JsCast;
    if let Some(el) = target.dyn_ref::<Element>() {
        return Ok(el.clone());
    }
    if let Some(selector) = target.as_string() {
        let found = crate::dom::template::document().and_then(|d| d.query_selector(&selector).ok().flatten());
        return found.ok_or_else(|| JsError::new(&["mount: no element matches \"", &selector, "\""].concat()));
    }
    let what = if target.is_null() {
        "null"
    } else if target.is_undefined() {
        "undefined"
    } else {
        "not an element"
    };
    Err(JsError::new(&["mount: target must be an Element or a CSS selector, got ", what].concat()))
}

/// Every problem with `deck` (an object or JSON text) as `{path, message}`;
/// an empty array when it is valid. Never throws.
#[wasm_bindgen(js_name = validateDeck, unchecked_return_type = "DeckIssue[]")]
pub fn validate_deck(#[wasm_bindgen(unchecked_param_type = "unknown")] deck: JsValue) -> JsValue {
    let issues: Vec<Issue> = if deck.is_undefined() || deck.is_null() {
        vec![Issue { path: String::new(), message: "must be a deck object or JSON text, not nothing".into() }]
    } else {
        match mount::read_deck(&deck) {
            Ok(_) => Vec::new(),
            Err(issues) => issues,
        }
    };
    let out = js_sys::Array::new();
    for issue in issues {
        let obj = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&obj, &"path".into(), &issue.path.into());
        let _ = js_sys::Reflect::set(&obj, &"message".into(), &issue.message.into());
        out.push(&obj);
    }
    out.into()
}

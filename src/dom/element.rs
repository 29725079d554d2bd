//! The glue of the `<fact-cards>` element (`element.js`): its definition,
//! and what it shows while its `src` loads and when the fetch fails.

use super::input::lang_for;
use super::mount::report_failure;
use super::registry;
use super::shadow::{show_message, Message};
use crate::model::locale::{Key, Strings};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/dom/element.min.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineFactCards)]
    fn define_fact_cards(mount: &JsValue, show_message: &JsValue);
}

/// Defines `<fact-cards>`, mounting through `mount(host, deck, options)`.
pub fn define(mount: &JsValue) {
    // This closure backs the custom element definition, which lives as long
    // as the page; it is created once per page, so forgetting it leaks
    // nothing that would ever be freed.
    let message_fn = Closure::<dyn Fn(Element, String, String, String)>::new(
        |host: Element, kind: String, url: String, reason: String| message(&host, &kind, &url, &reason),
    );
    define_fact_cards(mount, message_fn.as_ref());
    message_fn.forget();
}

/// The loading state, or a failed fetch of `url` for `reason`.
fn message(host: &Element, kind: &str, url: &str, reason: &str) {
    let strings = Strings::new(lang_for(host, host.get_attribute("locale").as_deref()));
    if kind == "loading" {
        registry::release(host);
        show_message(host, Message::Loading, strings.get(Key::Loading), &[url.to_owned()]);
    } else {
        // The URL and the status are for the page's developer: the console
        // and the event, not the reader's alert.
        let message = ["could not load ", url, ": ", reason].concat();
        report_failure(host, &strings, &message, None, &[]);
    }
}

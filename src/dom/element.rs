//! The wasm's side of the `<fact-cards>` element. The element itself is
//! defined by `element.js` when the package's module loads, before the wasm;
//! it fetches its `src` while the wasm loads. Once the wasm has started, it
//! mounts through `mount` and draws its styled loading and failure panels
//! through `show`.

use super::shadow::{show_message, Message};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/dom/element.min.js")]
extern "C" {
    #[wasm_bindgen(js_name = wasmReady)]
    fn wasm_ready(mount: &JsValue, show: &JsValue);
    /// The built-in deck (parsed) once fetched; else `undefined`, and
    /// element.js fetches it and calls `arrived` when the fetch ends.
    #[wasm_bindgen(js_name = builtinDeck)]
    pub fn builtin_deck(arrived: &JsValue) -> JsValue;
}

/// What JS calls back: `(host, a, b)`, returning a value or throwing. The
/// element's two callbacks, `mount` and `show`, share this one type, so the
/// glue and the wasm carry one closure wrapper for both.
pub type Callback = dyn Fn(Element, JsValue, JsValue) -> Result<JsValue, JsValue>;

/// Tells `<fact-cards>` that the wasm is ready: it mounts through
/// `mount(host, deck, options)` from now on.
pub fn connect(mount: &JsValue) {
    // This closure backs the custom element, which lives as long as the
    // page; it is created once per page, so forgetting it leaks nothing that
    // would ever be freed.
    let show_fn = Closure::<Callback>::new(|host: Element, title: JsValue, url: JsValue| {
        show(&host, &title.as_string().unwrap_or_default(), url.as_string());
        Ok(JsValue::UNDEFINED)
    });
    wasm_ready(mount, show_fn.as_ref());
    show_fn.forget();
}

/// The loading state (`url` a string: the deck's URL, listed unless empty)
/// or the failure alert (`url` `None`), titled `title` (the element picks
/// the reader's words), or the host's fallback content. The element sends
/// the failure's warning and event itself.
fn show(host: &Element, title: &str, url: Option<String>) {
    super::mount::release(host);
    let kind = if url.is_some() { Message::Loading } else { Message::Error };
    let lines: Vec<String> = url.into_iter().filter(|url| !url.is_empty()).collect();
    show_message(host, kind, title, &lines);
}

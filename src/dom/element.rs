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

/// Tells `<fact-cards>` that the wasm is ready: it mounts through
/// `mount(host, deck, options)` from now on.
pub fn connect(mount: &JsValue) {
    // This closure backs the custom element, which lives as long as the
    // page; it is created once per page, so forgetting it leaks nothing that
    // would ever be freed.
    let show_fn =
        Closure::<dyn Fn(Element, u8, String, String)>::new(|host: Element, kind: u8, title: String, url: String| {
            show(&host, kind, &title, url)
        });
    wasm_ready(mount, show_fn.as_ref());
    show_fn.forget();
}

/// The loading state (`kind` 0, listing the deck's `url` if any) or the
/// failure alert (1), titled `title` (the element picks the reader's words),
/// or the host's fallback content. The element sends the failure's warning
/// and event itself.
fn show(host: &Element, kind: u8, title: &str, url: String) {
    super::mount::release(host);
    let kind = if kind == 0 { Message::Loading } else { Message::Error };
    let lines = if url.is_empty() { Vec::new() } else { vec![url] };
    show_message(host, kind, title, &lines);
}

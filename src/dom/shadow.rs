//! The host's shadow root and what it shows before a widget mounts.
//!
//! A host may hold fallback content of the page's own (what `factcards
//! render` writes, or anything but the inline JSON deck). Until a widget
//! mounts, the shadow root holds only a `<slot>`, so that content stays
//! visible and readable in place, through loading and through every failure.
//! Only a mounted widget takes its place. A host without fallback content
//! shows a loading status or an error alert instead.

use super::error::MountError;
use super::template::{document, message_markup, object, set_attr, set_text};
use crate::model::text::concat;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, ShadowRoot};

thread_local! {
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok();
        if let Some(s) = &sheet {
            let _ = s.replace_sync(include_str!(concat!(env!("OUT_DIR"), "/style.min.css")));
        }
        sheet
    };
}

/// The open shadow root of `host` (attached on first use), emptied and
/// styled with the shared constructed sheet.
pub fn shadow_root(host: &Element) -> Result<ShadowRoot, MountError> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&open_init()).map_err(|e| {
            MountError::Target(concat(&[
                "mount: cannot render into <",
                &host.tag_name().to_ascii_lowercase(),
                ">; use a <div> or <fact-cards> (",
                &super::error::js_message(&e),
                ")",
            ]))
        })?,
    };
    root.set_text_content(None);
    let _ = SHEET.try_with(|sheet| {
        if let Some(sheet) = sheet {
            // `new Array` and an index set, as serde-wasm-bindgen makes
            // its arrays: no import of its own (as `Array.of` would be).
            let sheets = js_sys::Array::new();
            sheets.set(0, sheet.into());
            root.set_adopted_style_sheets(&sheets);
        }
    });
    Ok(root)
}

/// `{mode: "open"}`, as a plain object (see [`object`]).
fn open_init() -> web_sys::ShadowRootInit {
    object(&[("mode", &JsValue::from_str("open"))]).unchecked_into()
}

#[wasm_bindgen(module = "/src/dom/host.min.js")]
extern "C" {
    /// Whether `host` holds fallback content: an element other than an
    /// inline `<script type="application/json">` deck, or text that is not
    /// white space. In JS, shared with element.js.
    #[wasm_bindgen(js_name = hasFallback)]
    fn has_fallback(host: &Element) -> bool;
}

/// What a host shows when no widget is mounted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Loading (a polite status); only `<fact-cards>` shows it.
    #[cfg_attr(feature = "editor", allow(dead_code))]
    Loading,
    /// An error (an alert).
    Error,
}

/// Shows the host's fallback content when it has some, else a loading or
/// error panel titled `title` with `lines` under it.
pub fn show_message(host: &Element, kind: Message, title: &str, lines: &[String]) {
    let fallback = has_fallback(host);
    let Ok(root) = shadow_root(host) else {
        // The host cannot hold a shadow root; say it as text in the host
        // itself, unless that would wipe the page's own content.
        if !fallback {
            let mut text = title.to_owned();
            for (i, line) in lines.iter().enumerate() {
                text.push_str(if i == 0 { " " } else { "; " });
                text.push_str(line);
            }
            host.set_text_content(Some(&text));
        }
        return;
    };
    if fallback {
        if let Some(slot) = document().and_then(|d| d.create_element("slot").ok()) {
            let _ = root.append_child(&slot);
        }
        return;
    }
    let Ok([panel, head, list]) = message_markup(&root) else { return };
    match kind {
        Message::Error => set_attr(&panel, "role", "alert"),
        Message::Loading => {
            set_attr(&panel, "role", "status");
            set_attr(&panel, "aria-busy", "true");
        }
    }
    set_text(&head, title);
    if let Some(doc) = document() {
        for line in lines {
            if let Ok(li) = doc.create_element("li") {
                li.set_text_content(Some(line));
                let _ = list.append_child(&li);
            }
        }
    }
}

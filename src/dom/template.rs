//! The widget's fixed markup and the helpers that fill it.
//!
//! The template is the widget's own markup only; deck text never goes into
//! it. Every piece of deck text reaches the DOM through `textContent` or a
//! safe attribute setter (see [`set_text`]).

use crate::model::locale::{Key, Strings};
use core::cell::Cell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment, Element, HtmlElement, HtmlTemplateElement, NodeList, Window};

/// The widget's skeleton, cloned once per mount.
const MARKUP: &str = concat!(
    r#"<div class="fc" part="root">"#,
    r#"<header class="head"><h2 class="title" part="title" dir="auto"></h2>"#,
    r#"<div class="tabs" role="tablist" part="tabs">"#,
    r#"<button type="button" role="tab" part="tab" id="t-cards" aria-controls="p-cards" data-msg="tab-cards"></button>"#,
    r#"<button type="button" role="tab" part="tab" id="t-quiz" aria-controls="p-quiz" data-msg="tab-quiz"></button>"#,
    r#"</div></header>"#,
    // Cards panel: one row of tools (Restart and Reset in a menu), the
    // progress line, the card, and under it one row: previous, the hint (or
    // the judgement once turned, or the offer to undo a reset), next.
    r#"<section class="panel" id="p-cards" role="tabpanel" aria-labelledby="t-cards">"#,
    r#"<div class="tools"><label class="filter"><span class="l-topic"></span><select part="filter"></select></label>"#,
    r#"<button type="button" part="shuffle" data-msg="shuffle"></button>"#,
    r#"<div class="more"><button type="button" part="more" aria-expanded="false" aria-controls="menu"></button><div class="menu" id="menu" hidden>"#,
    r#"<button type="button" part="restart" data-msg="restart"></button>"#,
    r#"<button type="button" part="reset" data-msg="reset"></button></div></div></div>"#,
    r#"<div class="meter"><span class="position" part="position"></span><progress part="progress" class="s-progress"></progress><span class="known-of"></span></div>"#,
    r#"<div class="study">"#,
    r#"<div class="card" part="card" role="button" tabindex="0" aria-pressed="false" data-msg="turn"><div class="inner">"#,
    r#"<div class="face front" part="front"><p class="topic" dir="auto"></p><img class="img" part="image" loading="lazy" decoding="async" hidden><p class="prompt" dir="auto"></p></div>"#,
    r#"<div class="face back" part="back" aria-hidden="true" inert><p class="answer" dir="auto"></p><p class="detail" dir="auto"></p><figure class="quote"><blockquote dir="auto"></blockquote><figcaption dir="auto"></figcaption></figure></div>"#,
    r#"</div></div>"#,
    r#"<p class="in-article c-in-article" hidden><button type="button" part="show-in-article" data-msg="show-article"></button></p>"#,
    r#"<div class="nav"><button type="button" part="prev" data-msg="prev"></button>"#,
    r#"<p class="hint" aria-hidden="true"></p>"#,
    r#"<p class="undo" hidden><span class="u-text"></span> <button type="button" part="undo" data-msg="undo"></button></p>"#,
    r#"<button type="button" part="learning" data-msg="learning" hidden></button>"#,
    r#"<button type="button" part="known" data-msg="known" hidden></button>"#,
    r#"<button type="button" part="next" data-msg="next"></button></div></div>"#,
    r#"<div class="done" part="complete" hidden><p class="done-text" tabindex="-1"></p><div class="steps">"#,
    r#"<button type="button" part="take-quiz" data-msg="take-quiz"></button>"#,
    r#"<button type="button" part="review-learning" data-msg="review"></button>"#,
    r#"<button type="button" part="again" data-msg="again"></button>"#,
    r#"<button type="button" part="reset-all" data-msg="reset"></button></div></div>"#,
    r#"</section>"#,
    // Quiz panel.
    r#"<section class="panel" id="p-quiz" role="tabpanel" aria-labelledby="t-quiz" hidden>"#,
    r#"<div class="asking"><p class="qpos" part="qposition"></p><progress part="progress" class="q-progress"></progress>"#,
    r#"<div class="group" role="group" aria-labelledby="q"><p class="question" part="question" id="q" dir="auto" tabindex="-1"></p>"#,
    r#"<div class="options">"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="0"><span class="t" dir="auto"></span><span class="tag"></span></button>"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="1"><span class="t" dir="auto"></span><span class="tag"></span></button>"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="2"><span class="t" dir="auto"></span><span class="tag"></span></button>"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="3"><span class="t" dir="auto"></span><span class="tag"></span></button>"#,
    r#"</div><form class="typed" hidden><label for="typed-in" class="l-answer"></label>"#,
    r#"<input id="typed-in" part="input" autocomplete="off" autocapitalize="off" spellcheck="false" dir="auto">"#,
    r#"<button part="submit"></button></form></div>"#,
    r#"<div class="status" role="status"><div part="feedback" class="feedback"><p class="verdict"></p>"#,
    r#"<p class="detail qdetail" dir="auto"></p><figure class="quote qquote" hidden><blockquote dir="auto"></blockquote><figcaption dir="auto"></figcaption></figure></div></div>"#,
    r#"<p class="in-article q-in-article" hidden><button type="button" part="show-in-article" data-msg="show-article"></button></p>"#,
    r#"<button type="button" part="next" class="qnext" data-msg="qnext" hidden></button></div>"#,
    r#"<div class="summary" hidden><h3 class="score-title" tabindex="-1"></h3>"#,
    r#"<p class="score-line"><span class="score" part="score"></span><span class="best" part="best" hidden></span></p><p class="band"></p>"#,
    r#"<div class="review" part="review"><h4 class="missed-title"></h4><ol class="missed"></ol>"#,
    r#"<details class="rights"><summary></summary><ol></ol></details></div><div class="nav">"#,
    r#"<button type="button" part="retry" data-msg="retry-mistakes"></button>"#,
    r#"<button type="button" part="retry" data-msg="retry-all"></button></div></div>"#,
    r#"</section>"#,
    r#"<p class="credit" part="credit" hidden><span class="l-source"></span> <a rel="noopener noreferrer" target="_blank"></a><span class="c-text" dir="auto"></span></p>"#,
    r#"<div class="sr live" aria-live="polite"></div>"#,
    r#"</div>"#
);

/// A message panel (loading or error) in place of the widget.
const MESSAGE: &str = r#"<div class="fc msg" part="root"><p class="m-title"></p><ul class="m-list"></ul></div>"#;

thread_local! {
    static TEMPLATES: Option<(HtmlTemplateElement, HtmlTemplateElement)> = make_templates();
}

fn make_templates() -> Option<(HtmlTemplateElement, HtmlTemplateElement)> {
    let doc = document()?;
    let make = |markup: &str| -> Option<HtmlTemplateElement> {
        let t: HtmlTemplateElement = doc.create_element("template").ok()?.unchecked_into();
        // Fixed markup of the widget's own, never deck text.
        t.set_inner_html(markup);
        Some(t)
    };
    Some((make(MARKUP)?, make(MESSAGE)?))
}

fn clone_template(
    pick: fn(&(HtmlTemplateElement, HtmlTemplateElement)) -> &HtmlTemplateElement,
) -> Result<DocumentFragment, JsValue> {
    TEMPLATES.with(|t| {
        let t = t.as_ref().ok_or_else(no_document)?;
        Ok(pick(t).content().clone_node_with_deep(true)?.unchecked_into())
    })
}

/// A fresh copy of the widget's skeleton.
pub fn widget_markup() -> Result<DocumentFragment, JsValue> {
    clone_template(|t| &t.0)
}

/// A fresh copy of the message panel.
pub fn message_markup() -> Result<DocumentFragment, JsValue> {
    clone_template(|t| &t.1)
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis.window`: `undefined` where there is no window (a worker).
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = window)]
    static WINDOW: JsValue;
}

/// The page's window, if there is one. One import, where
/// `web_sys::window()` takes five (js-sys's four ways to find the global
/// object, then an `instanceof Window`).
pub fn window() -> Option<Window> {
    WINDOW.with(|w| (!w.is_undefined()).then(|| w.clone().unchecked_into()))
}

/// The page's document.
pub fn document() -> Option<Document> {
    window()?.document()
}

/// The error of a DOM call made where there is no document (a worker).
pub fn no_document() -> JsValue {
    JsValue::from_str("factcards: no document")
}

/// The page's document, or [`no_document`].
pub fn the_document() -> Result<Document, JsValue> {
    document().ok_or_else(no_document)
}

/// Looks up the widget's elements in a fresh copy of its markup.
///
/// A lookup that finds nothing gives a detached stand-in element instead of
/// an error, so the dozens of lookups of a mount need no error path each;
/// [`Refs::finish`] then names the first selector that missed, and the mount
/// fails with it. (The markup is the constant above, so a miss is a bug the
/// tests catch, not something a page can cause.)
pub struct Refs<'r> {
    root: &'r DocumentFragment,
    spare: Element,
    missed: Cell<Option<&'static str>>,
}

impl<'r> Refs<'r> {
    /// Lookups in `root`.
    pub fn new(root: &'r DocumentFragment) -> Result<Refs<'r>, JsValue> {
        let doc = the_document()?;
        Ok(Refs { root, spare: doc.create_element("div")?, missed: Cell::new(None) })
    }

    /// The first element matching `selector`.
    pub fn find(&self, selector: &'static str) -> Element {
        match self.root.query_selector(selector) {
            Ok(Some(el)) => el,
            _ => {
                self.miss(selector);
                self.spare.clone()
            }
        }
    }

    /// Every element matching `selector`, which must match `N` of them.
    pub fn all<const N: usize>(&self, selector: &'static str) -> [HtmlElement; N] {
        let list = self.root.query_selector_all(selector).ok();
        let found = list.as_ref().map_or(0, NodeList::length);
        if found as usize != N {
            self.miss(selector);
        }
        core::array::from_fn(|i| match list.as_ref().and_then(|l| l.item(i as u32)) {
            Some(node) => node.unchecked_into(),
            None => self.spare.clone().unchecked_into(),
        })
    }

    /// The first element matching each of `selectors`, in order: one loop
    /// over a table instead of a lookup written out per element.
    pub fn finds<const N: usize>(&self, selectors: &[&'static str; N]) -> [Element; N] {
        core::array::from_fn(|i| self.find(selectors[i]))
    }

    /// Writes fixed labels: for each `(selector, attribute, key)`, the UI
    /// string `key` as the text of the element found (`attribute` empty) or
    /// as its `attribute`.
    pub fn label(&self, s: &Strings, labels: &[(&'static str, &'static str, Key)]) {
        for &(selector, attr, key) in labels {
            let el = self.find(selector);
            if attr.is_empty() {
                set_text(&el, s.get(key));
            } else {
                set_attr(&el, attr, s.get(key));
            }
        }
    }

    /// Sets `lang` on every element the selector list `selectors` matches.
    pub fn set_lang(&self, selectors: &str, lang: &str) {
        let Ok(list) = self.root.query_selector_all(selectors) else { return };
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                set_attr(node.unchecked_ref(), "lang", lang);
            }
        }
    }

    fn miss(&self, selector: &'static str) {
        if self.missed.get().is_none() {
            self.missed.set(Some(selector));
        }
    }

    /// An error naming the first selector that found nothing, if any did.
    pub fn finish(&self) -> Result<(), JsValue> {
        match self.missed.get() {
            Some(selector) => Err(JsValue::from_str(&["factcards: template lacks ", selector].concat())),
            None => Ok(()),
        }
    }
}

/// Sets the text of `el`, as text: markup in `text` stays visible characters.
pub fn set_text(el: &Element, text: &str) {
    el.set_text_content(Some(text));
}

/// Shows or hides `el` with the `hidden` attribute.
pub fn set_hidden(el: &Element, hidden: bool) {
    set_flag(el, "hidden", hidden);
}

/// Sets or removes a boolean attribute.
pub fn set_flag(el: &Element, name: &str, on: bool) {
    let _ = if on { el.set_attribute(name, "") } else { el.remove_attribute(name) };
}

/// Sets an attribute to "true" or "false".
pub fn set_bool(el: &Element, name: &str, value: bool) {
    let _ = el.set_attribute(name, if value { "true" } else { "false" });
}

/// The `value` of a form control (the widget's `<select>` or `<input>`),
/// read through Reflect.get: one import for both kinds of control, where
/// web-sys has a getter import per element type.
pub fn value(el: &Element) -> String {
    js_sys::Reflect::get(el, &JsValue::from_str("value")).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// A plain object with these fields, set through Reflect.set: for the
/// dictionaries the widget hands to the DOM (event and shadow-root inits,
/// idle-callback options), one import for all, where web-sys has a setter
/// import per field.
pub fn object(fields: &[(&str, &JsValue)]) -> js_sys::Object {
    let obj = js_sys::Object::new();
    for &(key, value) in fields {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(key), value);
    }
    obj
}

/// Sets the `value` of a form control (see [`value`]).
pub fn set_value(el: &Element, value: &str) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str("value"), &JsValue::from_str(value));
}

/// Sets an attribute.
pub fn set_attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

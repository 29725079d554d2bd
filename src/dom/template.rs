//! The widget's fixed markup and the helpers that fill it.
//!
//! The template is the widget's own markup only; deck text never goes into
//! it. Every piece of deck text reaches the DOM through `textContent` or a
//! safe attribute setter (see [`set_text`]).

use crate::model::locale::{Key, Strings};
use crate::model::text::uint_text;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment, Element, HtmlElement, HtmlTemplateElement, ShadowRoot, Window};

/// The widget's skeleton, written into each mount's shadow root. Every
/// element a view draws into is marked `data-r`; [`Slots`] finds them in one
/// lookup, in document order, which is the order of [`R`]'s variants.
const MARKUP: &str = concat!(
    r#"<div class="fc" part="root" data-r>"#,
    r#"<header class="head"><h2 class="title" part="title" dir="auto" data-r></h2>"#,
    r#"<div class="tabs" role="tablist" part="tabs" data-r>"#,
    r#"<button type="button" role="tab" part="tab" id="t-cards" aria-controls="p-cards" data-msg="tab-cards" data-r></button>"#,
    r#"<button type="button" role="tab" part="tab" id="t-quiz" aria-controls="p-quiz" data-msg="tab-quiz" data-r></button>"#,
    r#"</div></header>"#,
    // Cards panel: one row of tools (Restart and Reset in a menu), the
    // progress line, the card, and under it one row: previous, the hint (or
    // the judgement once turned, or the offer to undo a reset), next.
    r#"<section class="panel" id="p-cards" role="tabpanel" aria-labelledby="t-cards" data-r>"#,
    r#"<div class="tools"><label class="filter" data-r><span class="l-topic" data-r></span><select part="filter" data-r></select></label>"#,
    r#"<button type="button" part="shuffle" data-msg="shuffle" data-r></button>"#,
    r#"<div class="more"><button type="button" part="more" aria-expanded="false" aria-controls="menu" data-r></button><div class="menu" id="menu" hidden data-r>"#,
    r#"<button type="button" part="restart" data-msg="restart" data-r></button>"#,
    r#"<button type="button" part="reset" data-msg="reset" data-r></button></div></div></div>"#,
    r#"<div class="meter"><span class="position" part="position" data-r></span><progress part="progress" class="s-progress" aria-valuemin="0" data-r></progress><span class="known-of" data-r></span></div>"#,
    r#"<div class="study" data-r>"#,
    r#"<div class="card" part="card" role="button" tabindex="0" aria-pressed="false" data-msg="turn" data-r><div class="inner">"#,
    r#"<div class="face front" part="front" data-r><p class="topic" dir="auto" data-r></p><img class="img" part="image" loading="lazy" decoding="async" hidden data-r><p class="prompt" dir="auto" data-r></p></div>"#,
    r#"<div class="face back" part="back" aria-hidden="true" inert data-r><p class="answer" dir="auto" data-r></p><p class="detail" dir="auto" data-r></p><figure class="quote" data-r><blockquote dir="auto" data-r></blockquote><figcaption dir="auto" data-r></figcaption></figure></div>"#,
    r#"</div></div>"#,
    r#"<p class="in-article c-in-article" hidden data-r><button type="button" part="show-in-article" data-msg="show-article" data-r></button></p>"#,
    r#"<div class="nav"><button type="button" part="prev" data-msg="prev" data-r></button>"#,
    r#"<p class="hint" aria-hidden="true" data-r></p>"#,
    r#"<p class="undo" hidden data-r><span class="u-text" data-r></span> <button type="button" part="undo" data-msg="undo" data-r></button></p>"#,
    r#"<button type="button" part="learning" data-msg="learning" hidden data-r></button>"#,
    r#"<button type="button" part="known" data-msg="known" hidden data-r></button>"#,
    r#"<button type="button" part="next" data-msg="next" data-r></button></div></div>"#,
    r#"<div class="done" part="complete" hidden data-r><p class="done-text" tabindex="-1" data-r></p><div class="steps">"#,
    r#"<button type="button" part="take-quiz" data-msg="take-quiz" data-r></button>"#,
    r#"<button type="button" part="review-learning" data-msg="review" data-r></button>"#,
    r#"<button type="button" part="again" data-msg="again" data-r></button>"#,
    r#"<button type="button" part="reset-all" data-msg="reset" data-r></button></div></div>"#,
    r#"</section>"#,
    // Quiz panel.
    r#"<section class="panel" id="p-quiz" role="tabpanel" aria-labelledby="t-quiz" hidden data-r>"#,
    r#"<div class="asking" data-r><p class="qpos" part="qposition" data-r></p><progress part="progress" class="q-progress" aria-valuemin="0" data-r></progress>"#,
    r#"<div class="group" role="group" aria-labelledby="q"><p class="question" part="question" id="q" dir="auto" tabindex="-1" data-r></p>"#,
    r#"<div class="options">"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="0" data-r><span class="t" dir="auto" data-r></span><span class="tag" data-r></span></button>"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="1" data-r><span class="t" dir="auto" data-r></span><span class="tag" data-r></span></button>"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="2" data-r><span class="t" dir="auto" data-r></span><span class="tag" data-r></span></button>"#,
    r#"<button type="button" part="option" data-msg="opt" data-i="3" data-r><span class="t" dir="auto" data-r></span><span class="tag" data-r></span></button>"#,
    r#"</div><form class="typed" hidden data-r><label for="typed-in" class="l-answer" data-r></label>"#,
    r#"<input id="typed-in" part="input" autocomplete="off" autocapitalize="off" spellcheck="false" dir="auto" data-r>"#,
    r#"<button part="submit" data-r></button></form></div>"#,
    r#"<div class="status" role="status"><div part="feedback" class="feedback" data-r><p class="verdict" data-r></p>"#,
    r#"<p class="detail qdetail" dir="auto" data-r></p><figure class="quote qquote" hidden data-r><blockquote dir="auto" data-r></blockquote><figcaption dir="auto" data-r></figcaption></figure></div></div>"#,
    r#"<p class="in-article q-in-article" hidden data-r><button type="button" part="show-in-article" data-msg="show-article" data-r></button></p>"#,
    r#"<button type="button" part="next" class="qnext" data-msg="qnext" hidden data-r></button></div>"#,
    r#"<div class="summary" hidden data-r><h3 class="score-title" tabindex="-1" data-r></h3>"#,
    r#"<p class="score-line"><span class="score" part="score" data-r></span><span class="best" part="best" hidden data-r></span></p><p class="band" data-r></p>"#,
    r#"<div class="review" part="review" data-r><h4 class="missed-title" data-r></h4><ol class="missed" data-r></ol>"#,
    r#"<details class="rights" data-r><summary data-r></summary><ol data-r></ol></details></div><div class="nav">"#,
    r#"<button type="button" part="retry" data-msg="retry-mistakes" data-r></button>"#,
    r#"<button type="button" part="retry" data-msg="retry-all" data-r></button></div></div>"#,
    r#"</section>"#,
    r#"<p class="credit" part="credit" hidden data-r><span class="l-source" data-r></span> <a rel="noopener noreferrer" target="_blank" data-r></a><span class="c-text" dir="auto" data-r></span></p>"#,
    r#"<div class="sr live" aria-live="polite" data-r></div>"#,
    r#"</div>"#
);

/// The elements of [`MARKUP`] marked `data-r`, in document order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum R {
    Root,
    Title,
    Tabs,
    TabCards,
    TabQuiz,
    // Cards panel.
    CardsPanel,
    FilterRow,
    FilterLabel,
    Filter,
    Shuffle,
    More,
    Menu,
    Restart,
    Reset,
    Position,
    CardsProgress,
    KnownOf,
    Study,
    Card,
    Front,
    Topic,
    Image,
    Prompt,
    Back,
    Answer,
    Detail,
    Quote,
    QuoteText,
    QuoteCredit,
    InArticle,
    InArticleButton,
    Prev,
    Hint,
    Undo,
    UndoText,
    UndoButton,
    Learning,
    Known,
    Next,
    Done,
    DoneText,
    TakeQuiz,
    ReviewLearning,
    Again,
    ResetAll,
    // Quiz panel.
    QuizPanel,
    Asking,
    QPos,
    QProgress,
    Question,
    /// Each option, its text and its tag.
    Option0,
    OptionText0,
    OptionTag0,
    Option1,
    OptionText1,
    OptionTag1,
    Option2,
    OptionText2,
    OptionTag2,
    Option3,
    OptionText3,
    OptionTag3,
    Typed,
    TypedLabel,
    Input,
    Submit,
    Feedback,
    Verdict,
    QDetail,
    QQuote,
    QQuoteText,
    QQuoteCredit,
    QInArticle,
    QInArticleButton,
    QNext,
    Summary,
    ScoreTitle,
    Score,
    Best,
    Band,
    Review,
    MissedTitle,
    Missed,
    Rights,
    RightsTitle,
    RightsList,
    RetryMistakes,
    RetryAll,
    // Under the panels.
    Credit,
    SourceLabel,
    SourceLink,
    SourceText,
    Live,
}

/// The number of slots in [`MARKUP`].
const SLOTS: usize = R::Live as usize + 1;

/// Writes the widget's skeleton into the (empty) shadow root `root` and
/// finds its slots. The markup is the widget's own, never deck text. It is
/// parsed in a detached `<template>`, not as the shadow root's
/// `innerHTML`: that parses in the host's context, and for a host inside a
/// `<form>` the HTML parser drops the markup's own `<form>` (its form
/// element pointer).
pub fn widget_markup(root: &ShadowRoot) -> Result<Slots, JsValue> {
    let template: HtmlTemplateElement = the_document()?.create_element("template")?.unchecked_into();
    set_html(&template, MARKUP)?;
    root.append_child(&template.content())?;
    slots(root).map(Slots)
}

/// Writes a message panel (loading or error) in place of the widget into
/// the (empty) shadow root `root`: `<div class="fc msg" part="root">` with a
/// `<p class="m-title">` and a `<ul class="m-list">` in it, which it gives.
/// Built element by element, not from markup, so that it shows even where
/// the page's Trusted Types refuse the widget's markup (element.js draws the
/// same panel before the wasm is there).
pub fn message_markup(root: &ShadowRoot) -> Result<[Element; 3], JsValue> {
    let doc = the_document()?;
    let add = |parent: &Element, tag: &str, class: &str| -> Result<Element, JsValue> {
        let el = doc.create_element(tag)?;
        set_attr(&el, "class", class);
        parent.append_child(&el)?;
        Ok(el)
    };
    let panel = doc.create_element("div")?;
    set_attr(&panel, "class", "fc msg");
    set_attr(&panel, "part", "root");
    let (head, list) = (add(&panel, "p", "m-title")?, add(&panel, "ul", "m-list")?);
    root.append_child(&panel)?;
    Ok([panel, head, list])
}

/// Sets `innerHTML` through Reflect.set (one import for both targets), as
/// the Trusted Types policy "factcards" passes it (see [`trusted_html`]), so
/// that a page whose Trusted Types refuse it gets an error back (and keeps
/// its fallback) instead of an exception out of the wasm.
fn set_html(target: &JsValue, markup: &str) -> Result<(), JsValue> {
    js_sys::Reflect::set(target, &JsValue::from_str("innerHTML"), &trusted_html(markup)).map(drop)
}

#[wasm_bindgen(module = "/src/dom/host.min.js")]
extern "C" {
    /// The widget's own markup as a TrustedHTML of the policy "factcards"
    /// where the page allows one, else as a string. In JS (host.js).
    #[wasm_bindgen(js_name = html)]
    fn trusted_html(markup: &str) -> JsValue;
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

/// The `N` elements marked `data-r` in `frag`, in document order: one
/// lookup for all, instead of a selector each.
fn slots<const N: usize>(frag: &DocumentFragment) -> Result<[Element; N], JsValue> {
    let list = frag.query_selector_all("[data-r]")?;
    let found: Vec<Element> = (0..list.length()).filter_map(|i| list.item(i)).map(JsCast::unchecked_into).collect();
    // The markup is a constant of this file, parsed where the page's
    // context cannot change it, so a miss is a bug the tests catch.
    found.try_into().map_err(|_| JsValue::from_str("factcards: template slots do not match"))
}

/// The widget's elements, indexed by [`R`].
pub struct Slots([Element; SLOTS]);

impl Slots {
    /// The slot `r` as an `HtmlElement` (for `focus`).
    pub fn html(&self, r: R) -> &HtmlElement {
        self[r].unchecked_ref()
    }

    /// Writes fixed labels: for each `(slot, key)`, the UI string `key` as
    /// the slot's text.
    pub fn label(&self, s: &Strings, labels: &[(R, Key)]) {
        for &(r, key) in labels {
            set_text(&self[r], s.get(key));
        }
    }

    /// Sets `lang` on each of `slots`.
    pub fn set_lang(&self, slots: &[R], lang: &str) {
        for &r in slots {
            set_attr(&self[r], "lang", lang);
        }
    }
}

impl core::ops::Index<R> for Slots {
    type Output = Element;
    fn index(&self, r: R) -> &Element {
        &self.0[r as usize]
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

/// Sets (when absent) or removes an attribute: `toggleAttribute`, one
/// import for both.
pub fn set_flag(el: &Element, name: &str, on: bool) {
    let _ = el.toggle_attribute_with_force(name, on);
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

/// Fills a `<progress>` (its `aria-valuemin` is 0 in the markup) to `done`
/// of `total`.
pub fn set_progress(el: &Element, done: usize, total: usize) {
    let (done, total) = (uint_text(done), uint_text(total));
    set_attr(el, "max", if total == "0" { "1" } else { &total });
    set_attr(el, "value", &done);
    set_attr(el, "aria-valuemax", &total);
    set_attr(el, "aria-valuenow", &done);
}

/// Sets an attribute.
pub fn set_attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start tags of `markup` that carry `data-r`, in order.
    fn marked(markup: &str) -> Vec<&str> {
        markup.split('<').filter_map(|t| t.split('>').next()).filter(|t| t.ends_with(" data-r")).collect()
    }

    #[test]
    fn every_slot_is_the_element_its_name_says() {
        let tags = marked(MARKUP);
        assert_eq!(tags.len(), SLOTS);
        // Something that names each slot's element, checked in document order.
        let expect = [
            (R::Root, r#"class="fc""#),
            (R::Title, r#"class="title""#),
            (R::Tabs, "role=\"tablist\""),
            (R::TabCards, r#"id="t-cards""#),
            (R::TabQuiz, r#"id="t-quiz""#),
            (R::CardsPanel, r#"id="p-cards""#),
            (R::FilterRow, r#"class="filter""#),
            (R::FilterLabel, r#"class="l-topic""#),
            (R::Filter, r#"part="filter""#),
            (R::Shuffle, r#"part="shuffle""#),
            (R::More, r#"part="more""#),
            (R::Menu, r#"class="menu""#),
            (R::Restart, r#"part="restart""#),
            (R::Reset, r#"part="reset""#),
            (R::Position, r#"part="position""#),
            (R::CardsProgress, r#"class="s-progress""#),
            (R::KnownOf, r#"class="known-of""#),
            (R::Study, r#"class="study""#),
            (R::Card, r#"part="card""#),
            (R::Front, r#"part="front""#),
            (R::Topic, r#"class="topic""#),
            (R::Image, r#"part="image""#),
            (R::Prompt, r#"class="prompt""#),
            (R::Back, r#"part="back""#),
            (R::Answer, r#"class="answer""#),
            (R::Detail, r#"class="detail""#),
            (R::Quote, r#"class="quote""#),
            (R::QuoteText, "<blockquote"),
            (R::QuoteCredit, "<figcaption"),
            (R::InArticle, "c-in-article"),
            (R::InArticleButton, r#"part="show-in-article""#),
            (R::Prev, r#"part="prev""#),
            (R::Hint, r#"class="hint""#),
            (R::Undo, r#"class="undo""#),
            (R::UndoText, r#"class="u-text""#),
            (R::UndoButton, r#"part="undo""#),
            (R::Learning, r#"part="learning""#),
            (R::Known, r#"part="known""#),
            (R::Next, r#"data-msg="next""#),
            (R::Done, r#"part="complete""#),
            (R::DoneText, r#"class="done-text""#),
            (R::TakeQuiz, r#"part="take-quiz""#),
            (R::ReviewLearning, r#"part="review-learning""#),
            (R::Again, r#"part="again""#),
            (R::ResetAll, r#"part="reset-all""#),
            (R::QuizPanel, r#"id="p-quiz""#),
            (R::Asking, r#"class="asking""#),
            (R::QPos, r#"class="qpos""#),
            (R::QProgress, r#"class="q-progress""#),
            (R::Question, r#"part="question""#),
            (R::Option0, r#"data-i="0""#),
            (R::OptionText0, r#"class="t""#),
            (R::OptionTag0, r#"class="tag""#),
            (R::Option1, r#"data-i="1""#),
            (R::OptionText1, r#"class="t""#),
            (R::OptionTag1, r#"class="tag""#),
            (R::Option2, r#"data-i="2""#),
            (R::OptionText2, r#"class="t""#),
            (R::OptionTag2, r#"class="tag""#),
            (R::Option3, r#"data-i="3""#),
            (R::OptionText3, r#"class="t""#),
            (R::OptionTag3, r#"class="tag""#),
            (R::Typed, r#"class="typed""#),
            (R::TypedLabel, r#"class="l-answer""#),
            (R::Input, r#"part="input""#),
            (R::Submit, r#"part="submit""#),
            (R::Feedback, r#"part="feedback""#),
            (R::Verdict, r#"class="verdict""#),
            (R::QDetail, "qdetail"),
            (R::QQuote, "qquote"),
            (R::QQuoteText, "<blockquote"),
            (R::QQuoteCredit, "<figcaption"),
            (R::QInArticle, "q-in-article"),
            (R::QInArticleButton, r#"part="show-in-article""#),
            (R::QNext, r#"class="qnext""#),
            (R::Summary, r#"class="summary""#),
            (R::ScoreTitle, r#"class="score-title""#),
            (R::Score, r#"part="score""#),
            (R::Best, r#"part="best""#),
            (R::Band, r#"class="band""#),
            (R::Review, r#"part="review""#),
            (R::MissedTitle, r#"class="missed-title""#),
            (R::Missed, r#"class="missed""#),
            (R::Rights, r#"class="rights""#),
            (R::RightsTitle, "<summary"),
            (R::RightsList, "<ol"),
            (R::RetryMistakes, r#"data-msg="retry-mistakes""#),
            (R::RetryAll, r#"data-msg="retry-all""#),
            (R::Credit, r#"class="credit""#),
            (R::SourceLabel, r#"class="l-source""#),
            (R::SourceLink, "<a "),
            (R::SourceText, r#"class="c-text""#),
            (R::Live, r#"class="sr live""#),
        ];
        assert_eq!(expect.len(), SLOTS);
        for (i, (r, needle)) in expect.into_iter().enumerate() {
            assert_eq!(r as usize, i, "{r:?} out of order in the test");
            let tag = ["<", tags[i]].concat();
            assert!(tag.contains(needle), "{r:?} is {tag}, which lacks {needle}");
        }
    }
}

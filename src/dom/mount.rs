//! Mounting: from the page's deck and options to a live widget in a host,
//! and what a host shows and says when that fails.

use super::article::HostArticle;
use super::error::MountError;
use super::events;
use super::input::{read_deck, read_options, strings_for};
use super::registry;
use super::shadow::{shadow_root, show_message, Message};
use super::storage::Store;
use super::widget::{ViewOptions, Widget};
use crate::model::app::{App, Settings};
use crate::model::locale::{Key, Strings};
use crate::model::progress::storage_key;
use crate::model::text::concat;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// A seed from `Math.random`, for mounts without one.
fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// Mounts a widget into `host`: everything `mount()` does except the JS
/// handle. On failure the host keeps its fallback content (or shows the
/// error), and the failure goes to `factcards:error` and the console.
/// `deck` `undefined` is the built-in deck on its way: with good options the
/// host shows the loading state, and `None` is returned.
pub fn mount(host: &Element, deck: &JsValue, options: &JsValue) -> Result<Option<Rc<Widget>>, MountError> {
    release(host);
    match try_mount(host, deck, options) {
        Ok(Some(widget)) => {
            registry::register(&widget);
            events::emit(host, "factcards:ready", &events::ready(widget.fact_count()));
            Ok(Some(widget))
        }
        Ok(None) => Ok(None),
        Err(err) => {
            fail(host, options, &err.message(), err.path(), &err.lines());
            Err(err)
        }
    }
}

/// Destroys the widget in `host`, or cancels the mount waiting there for
/// the built-in deck.
pub fn release(host: &Element) {
    registry::release(host);
    super::builtin::cancel(host);
}

fn try_mount(host: &Element, deck: &JsValue, options: &JsValue) -> Result<Option<Rc<Widget>>, MountError> {
    let opts = read_options(options)?;
    let root = shadow_root(host)?;
    let strings = strings_for(host, &opts);
    if deck.is_undefined() {
        // Bad options throw now, as with a deck at hand.
        if let Some(selector) = &opts.article {
            HostArticle::check(selector, host)?;
        }
        show_message(host, Message::Loading, strings.get(Key::Loading), &[]);
        return Ok(None);
    }
    let deck = read_deck(deck).map_err(MountError::Deck)?;
    let store = Store::open(storage_key(&deck), opts.storage);
    let saved = store.load(deck.facts.len());
    // Without a seed of the page's, a quiz in progress keeps its own, so
    // that the same quiz is made again and can resume.
    let saved_seed = saved.as_ref().and_then(|p| p.quiz.as_ref()).map(|q| q.seed);
    let settings = Settings {
        modes: opts.modes,
        seed: opts.seed.or(saved_seed).unwrap_or_else(random_seed),
        questions: opts.questions,
        answer: opts.answer,
    };
    let mut app = App::new(deck, settings);
    if let Some(saved) = saved {
        app.restore(&saved);
    }
    let article = match &opts.article {
        Some(selector) => Some(HostArticle::open(selector, host, &app.deck)?),
        None => None,
    };
    Widget::mount(host, root, app, ViewOptions { strings, theme: opts.theme, store, article }).map(Some)
}

/// Tells of a failure in `host`, mounted with `options`: the host keeps its
/// fallback content, or shows an alert with `lines` under the reader's
/// "could not be shown"; `message` (and `path`) go to one console warning
/// and to `factcards:error`.
pub fn fail(host: &Element, options: &JsValue, message: &str, path: Option<&str>, lines: &[String]) {
    let strings = strings_for(host, &read_options(options).unwrap_or_default());
    report_failure(host, &strings, message, path, lines);
}

/// Tells of a failure: the host keeps its fallback content, or shows an
/// alert with `lines` under the reader's "could not be shown"; `message`
/// (and `path`) go to one console warning and to `factcards:error`.
fn report_failure(host: &Element, strings: &Strings, message: &str, path: Option<&str>, lines: &[String]) {
    show_message(host, Message::Error, strings.get(Key::Failed), lines);
    web_sys::console::warn_1(&JsValue::from_str(&concat(&["factcards: ", message])));
    events::emit(host, "factcards:error", &events::error(message, path));
}

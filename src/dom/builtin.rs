//! The built-in deck (the article's, `www/decks/tokayev-brussels-2021.json`),
//! the deck of a mount without one. The reader's wasm does not carry it: the
//! package holds it as a file, which `element.js` fetches only when a mount
//! has no deck of its own, once per page.
//!
//! `mount(el)` returns its handle at once. When the deck is not there yet,
//! the host shows its fallback content or the loading state, and mounts
//! (then `factcards:ready`) when the deck arrives; `show()` before that is
//! kept for then, `destroy()` or a new mount into the host cancels it.
//!
//! The editor's package (the `editor` feature) keeps the deck inside its
//! wasm, as [`crate::BUILTIN_DECK_JSON`], so nothing waits there.
#![cfg_attr(feature = "editor", allow(dead_code))]

use super::edit;
use super::mount;
use super::widget::Widget;
use crate::model::app::Mode;
use std::cell::{Cell, OnceCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::Element;

// wasm-bindgen copies every file a `module` attribute names into
// `pkg/snippets/<crate>-<hash>/` (called or not), and the glue imports only
// what the wasm calls. Nothing calls this import: it puts the deck into the
// package, next to `src/dom/element.min.js`, for element.js to fetch
// (`tests/e2e/size.test.mjs` checks the copy, and that nothing imports it).
#[cfg(not(feature = "editor"))]
#[wasm_bindgen(module = "/www/decks/tokayev-brussels-2021.json")]
extern "C" {
    #[allow(dead_code)]
    fn shipped_not_imported();
}

#[cfg(not(feature = "editor"))]
thread_local! {
    /// [`arrived`], for element.js. Made once and kept for the page's life.
    static ARRIVED: Closure<dyn Fn(JsValue)> = Closure::new(arrived);
}

/// The built-in deck, if it is at hand; `None` while it is fetched, and
/// [`arrived`] follows.
pub fn deck() -> Option<JsValue> {
    #[cfg(not(feature = "editor"))]
    let deck = ARRIVED.try_with(|arrived| super::element::builtin_deck(arrived.as_ref())).unwrap_or_default();
    #[cfg(feature = "editor")]
    let deck = JsValue::from_str(crate::BUILTIN_DECK_JSON);
    Some(deck).filter(|d| !d.is_undefined())
}

/// A mount of the built-in deck while the deck is fetched, as its handle
/// sees it.
pub struct Waiting {
    host: Element,
    options: JsValue,
    state: Cell<Stage>,
    /// The widget, once mounted.
    widget: OnceCell<Rc<Widget>>,
    /// The view `show()` asked for before the mount.
    mode: Cell<Option<Mode>>,
}

/// Where a [`Waiting`] mount is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// The deck is on its way.
    Waiting,
    /// The deck arrived, or its fetch failed.
    Tried,
    /// Cancelled, destroyed, or replaced by a new mount into the host.
    Gone,
}

thread_local! {
    /// The mounts made since the fetch started, oldest first, waiting or
    /// not (a cancelled one stays until the fetch ends).
    static LIST: Cell<Vec<Rc<Waiting>>> = const { Cell::new(Vec::new()) };
    /// The mounts whose deck never came (the fetch or the mount failed),
    /// while their handles live: the host shows their alert or fallback
    /// until `destroy()` or a new mount into it.
    static FAILED: Cell<Vec<Weak<Waiting>>> = const { Cell::new(Vec::new()) };
}

/// A mount of the built-in deck into `host` that waits for the deck (the
/// host shows the loading state: [`mount::mount`] without a deck).
pub fn wait(host: &Element, options: JsValue) -> Rc<Waiting> {
    let waiting = Rc::new(Waiting {
        host: host.clone(),
        options,
        state: Cell::new(Stage::Waiting),
        widget: OnceCell::new(),
        mode: Cell::new(None),
    });
    let _ = LIST.try_with(|list| edit(list, |list| list.push(waiting.clone())));
    waiting
}

/// Cancels the mount waiting in `host`, if any, and forgets one that failed
/// there (a new mount replaces either).
pub fn cancel(host: &Element) {
    let _ = LIST.try_with(|list| {
        edit(list, |list| {
            for w in list.iter().filter(|w| &w.host == host && w.state.get() == Stage::Waiting) {
                w.state.set(Stage::Gone);
            }
        })
    });
    forget_failed(|w| &w.host == host);
}

impl Waiting {
    /// `destroy()`: before the deck arrives, cancels the mount and empties
    /// the shadow root; after, destroys the widget. Nothing once the host
    /// was mounted again.
    pub fn destroy(&self) {
        match self.state.replace(Stage::Gone) {
            Stage::Waiting => {
                if let Some(root) = self.host.shadow_root() {
                    root.set_text_content(None);
                }
            }
            Stage::Tried => match self.widget.get() {
                Some(widget) => widget.destroy(),
                // The deck never came, and the host shows this mount's alert
                // or fallback still (a new mount would have made it gone).
                None => {
                    forget_failed(|w| std::ptr::eq(w, self));
                    if let Some(root) = self.host.shadow_root() {
                        root.set_text_content(None);
                    }
                }
            },
            Stage::Gone => {}
        }
    }

    /// `show(mode)`: now, or when the widget mounts.
    pub fn show(&self, mode: Mode) {
        match self.widget.get() {
            Some(widget) => widget.show(mode),
            None => self.mode.set(Some(mode)),
        }
    }
}

/// The fetch ended (element.js calls this): `deck` is the deck, or why it
/// could not be loaded (a string). Mounts, or fails, each mount that was
/// waiting for it and still is, in turn. (A `factcards:ready` or
/// `factcards:error` listener may mount or destroy meanwhile; a mount made
/// after a failure waits for the next fetch.)
pub fn arrived(deck: JsValue) {
    let count = LIST.try_with(|list| edit(list, |list| list.len())).unwrap_or_default();
    for i in 0..count {
        let Some(waiting) = LIST.try_with(|list| edit(list, |list| list.get(i).cloned())).ok().flatten() else { break };
        if waiting.state.get() != Stage::Waiting {
            continue;
        }
        waiting.state.set(Stage::Tried);
        let (host, options) = (&waiting.host, &waiting.options);
        let mounted = match deck.as_string() {
            Some(reason) => {
                mount::fail(host, options, &reason, None, std::slice::from_ref(&reason));
                None
            }
            None => mount::mount(host, &deck, options).ok().flatten(),
        };
        match mounted {
            Some(widget) => {
                let _ = waiting.widget.set(widget.clone());
                // destroy() from a factcards:ready listener came first.
                if waiting.state.get() == Stage::Gone {
                    widget.destroy();
                } else if let Some(mode) = waiting.mode.get() {
                    widget.show(mode);
                }
            }
            None => {
                let _ = FAILED.try_with(|failed| edit(failed, |failed| failed.push(Rc::downgrade(&waiting))));
            }
        }
    }
    let _ = LIST.try_with(|list| edit(list, |list| list.retain(|w| w.state.get() == Stage::Waiting)));
}

/// Marks the failed mounts `which` picks as replaced ([`Stage::Gone`]) and drops
/// them, with those whose handles are gone.
fn forget_failed(which: impl Fn(&Waiting) -> bool) {
    let _ = FAILED.try_with(|failed| {
        edit(failed, |failed| {
            failed.retain(|w| match w.upgrade() {
                Some(w) if which(&w) => {
                    w.state.set(Stage::Gone);
                    false
                }
                Some(_) => true,
                None => false,
            })
        })
    });
}

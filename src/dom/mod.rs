//! The DOM layer: everything that touches web-sys lives here.
//!
//! - [`mount`]: from deck and options to a live widget, and failures;
//!   [`builtin`]: the built-in deck, fetched when a mount has none;
//!   [`input`]: reading the deck and the options (through [`js_value`]);
//!   [`error`]: why a mount failed, as a JS `Error`.
//! - [`widget`]: the mounted widget (one `Rc` holding host, root, state and
//!   listeners), message dispatch; [`registry`]: the live widget of each host.
//! - [`shadow`]: the shadow root, the fallback slot, loading and error panels.
//! - [`cards_view`] and [`quiz_view`]: draw the model into the two panels.
//! - [`shell`]: tabs and source credit; [`template`]: the fixed markup.
//! - [`events`]: the `factcards:*` events; [`listener`]: RAII listeners;
//!   [`storage`]: localStorage and the idle-time progress writer.
//! - [`article`] and `article.js`: "Show in article", a card's quote
//!   highlighted in the host page's article.
//! - [`element`] and `element.js`: the `<fact-cards>` custom element;
//!   `flatten.js`: hands a deck to [`js_value`] as one UTF-8 buffer.

pub mod article;
pub mod builtin;
pub mod cards_view;
#[cfg(not(feature = "editor"))]
pub mod element;
pub mod error;
pub mod events;
pub mod input;
pub mod js_value;
pub mod listener;
pub mod mount;
pub mod quiz_view;
pub mod registry;
pub mod shadow;
pub mod shell;
pub mod storage;
pub mod template;
pub mod widget;

/// Runs `f` on the value in `cell`, taken out and put back. The DOM layer's
/// shared lists are `Cell`s, not `RefCell`s: a `RefCell` borrow's panic
/// path brings core's formatting into the wasm. `f` must not use `cell`.
pub(crate) fn edit<T: Default, R>(cell: &std::cell::Cell<T>, f: impl FnOnce(&mut T) -> R) -> R {
    let mut value = cell.take();
    let out = f(&mut value);
    cell.set(value);
    out
}

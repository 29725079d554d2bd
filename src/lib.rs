//! factcards: flip cards and a quiz from a deck of structured facts, rendered
//! into any web page by a small WebAssembly widget.
//!
//! The crate has two halves:
//! - [`model`] is plain Rust with no web-sys in it: the deck and its
//!   validation, the quiz engine and the study state. It is tested natively.
//! - `dom` is the thin view that renders the model into a shadow root and turns
//!   DOM events into messages; `api` is the JS surface (`mount`,
//!   `validateDeck`, the `<fact-cards>` element).
#![warn(missing_docs)]

pub mod model;

mod api;
mod dom;
#[cfg(feature = "editor")]
mod editor_api;

pub use api::*;

/// The seam through which tests/web.rs checks the reader of JS values
/// directly. Not part of the public API: it exists only in debug builds
/// (what `wasm-pack test` builds), never in the release package.
#[cfg(debug_assertions)]
#[doc(hidden)]
pub mod test_seam {
    pub use crate::dom::js_value::{json_to_value, to_value, NotJson};
}

/// The article's deck, built into the wasm as the default deck.
pub const BUILTIN_DECK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.min.json"));

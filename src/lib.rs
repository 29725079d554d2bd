//! factcards: flip cards and a quiz from a deck of structured facts, rendered
//! into any web page by a small WebAssembly widget.
//!
//! The crate has two halves:
//! - [`model`] is plain Rust with no web-sys in it: the deck and its
//!   validation, the quiz engine and the study state. It is tested natively.
//! - `dom` is the thin view that renders the model into a shadow root and turns
//!   DOM events into messages; `api` is the JS surface (`mount`,
//!   `validateDeck`, the `<fact-cards>` element).
//!
//! # Public surface
//!
//! The product is the wasm's JS API: `init`, `mount`, `validateDeck` and the
//! `<fact-cards>` element, as `docs/api.md` and the d.ts describe them.
//! [`model`] is public only as the native seam: the author CLI
//! (`src/bin/factcards.rs`) and the native tests build on it. It follows the
//! deck format, not semver: its Rust items may change with any release.
#![warn(missing_docs)]

/// The native seam: the model, for the author CLI and the native tests. Not
/// part of the widget's API (see the crate docs).
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

/// The article's deck, the default deck of `mount` and `<fact-cards>`, as
/// minified JSON: for the CLI, the native tests and the editor's package.
/// The reader's wasm does not carry it; it fetches the package's copy of
/// `www/decks/tokayev-brussels-2021.json` when a mount has no deck
/// (`dom::builtin`).
pub const BUILTIN_DECK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.min.json"));

/// The wasm's allocator: talc, smaller than std's dlmalloc (2.7 KB less
/// gzip) and as fast here (measured). Single-threaded wasm only, hence the
/// `atomics` condition (talc's WebAssembly set-up).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

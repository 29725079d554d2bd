//! The model: plain Rust with no web-sys in it, tested natively.
//!
//! - [`deck`]: the deck types; [`json`] and [`validate`] turn JSON into them.
//! - [`quiz`]: the quiz engine (questions, wrong options, judging, scoring).
//! - [`study`]: the flip-card study state (order, position, known and learning).
//! - [`text`]: text normalisation shared by validation and answer matching;
//!   [`unicode`]: which characters are letters and digits (in the wasm,
//!   partly the browser's answer: the model's one call to JS).
//! - [`variants`]: generated wrong options for numbers, money and dates.
//! - [`rng`]: the small seeded PRNG behind every shuffle.
//! - [`app`]: the widget state and the messages that change it.
//! - [`locale`]: every UI string; [`options`]: mount options.
//! - [`progress`]: what is remembered between visits.
//! - [`static_html`]: the no-script fallback HTML of a deck.
//! - [`numbering`]: numbers distinct strings (fact ids, topics) by first use.
//! - [`quote`]: a quote found in an article's text (the widget's "Show in
//!   article" and the article check share it).
//! - [`article`]: a deck checked against its article; [`suggest`]: draft facts
//!   from it, sentence by sentence ([`sentences`]). Authoring only: native
//!   builds (the CLI) and wasm with the `editor` feature. The widget's wasm
//!   leaves them out, since even unused they change how the code it shares
//!   with them is inlined (+990 bytes after wasm-opt, measured).

pub mod app;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod article;
pub mod deck;
pub mod json;
pub mod locale;
pub mod numbering;
pub mod options;
pub mod progress;
pub mod quiz;
pub mod quote;
pub mod rng;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod sentences;
pub mod static_html;
pub mod study;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod suggest;
pub mod text;
pub mod unicode;
pub mod validate;
pub mod variants;

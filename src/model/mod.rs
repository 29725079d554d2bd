//! The model: plain Rust with no web-sys in it, tested natively.
//!
//! - [`deck`]: the deck types; [`json`] and [`validate`] turn JSON into them.
//! - [`quiz`]: the quiz engine (questions, wrong options, judging, scoring).
//! - [`study`]: the flip-card study state (order, position, known and learning).
//! - [`text`]: text normalisation shared by validation and answer matching.
//! - [`rng`]: the small seeded PRNG behind every shuffle.

pub mod app;
pub mod deck;
pub mod json;
pub mod locale;
pub mod options;
pub mod quiz;
pub mod rng;
pub mod study;
pub mod text;
pub mod validate;
pub mod variants;

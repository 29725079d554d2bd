//! Writes minified copies of the files the crate embeds with `include_str!`,
//! so the wasm carries no indentation or comments:
//!
//! - `OUT_DIR/deck.min.json`: the built-in deck,
//!   `www/decks/tokayev-brussels-2021.json`, without the white space between
//!   tokens (the same JSON value; `tests/article_deck.rs` checks it).
//! - `OUT_DIR/style.min.css`: the widget's style sheet, `src/dom/style.css`,
//!   without comments and with white space cut where CSS ignores it.
//!
//! No dependencies: both minifiers (`build/minify.rs`, tested by
//! `tests/minify.rs`) are small state machines that copy strings (and CSS
//! `url(…)`) exactly as written.

use std::env;
use std::fs;
use std::path::Path;

#[path = "build/minify.rs"]
mod minify;
use minify::{minify_css, minify_json};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/minify.rs");
    minify("www/decks/tokayev-brussels-2021.json", "deck.min.json", minify_json);
    minify("src/dom/style.css", "style.min.css", minify_css);
}

/// Writes `minified(file)` to `OUT_DIR/name`, and reruns when `file` changes.
fn minify(file: &str, name: &str, minified: fn(&str) -> String) {
    println!("cargo:rerun-if-changed={file}");
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let text = fs::read_to_string(Path::new(&root).join(file)).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
    let target = Path::new(&out).join(name);
    fs::write(&target, minified(&text)).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

//! Writes minified copies of the files the crate embeds with `include_str!`,
//! so the wasm carries no indentation or comments:
//!
//! - `OUT_DIR/deck.min.json`: the built-in deck,
//!   `www/decks/tokayev-brussels-2021.json`, without the white space between
//!   tokens (the same JSON value; `tests/article_deck.rs` checks it).
//! - `OUT_DIR/style.min.css`: the widget's style sheet, `src/dom/style.css`,
//!   without comments and with white space cut where CSS ignores it.
//!
//! No dependencies: both are small state machines that copy strings (and CSS
//! `url(…)`) exactly as written.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
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

/// JSON without the white space between tokens; strings are kept as written.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// CSS without comments, with each run of white space cut to one space, and
/// none at all at the start and end, around `{`, `}`, `;` and `,`, or after
/// `:` (a space before `:` can matter in a selector: `a :hover`). The `;`
/// before a `}` goes too. Strings and `url(…)` are kept as written.
fn minify_css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut star = false;
            for d in chars.by_ref() {
                if star && d == '/' {
                    break;
                }
                star = d == '*';
            }
            // A comment separates tokens as white space does.
            space = true;
            continue;
        }
        if c.is_ascii_whitespace() {
            space = true;
            continue;
        }
        let after_separator = out.is_empty() || out.ends_with(['{', '}', ';', ',', ':']);
        if space && !after_separator && !matches!(c, '{' | '}' | ';' | ',') {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        let quote = matches!(c, '"' | '\'').then_some(c);
        let url = c == '(' && out.get(out.len().saturating_sub(4)..).is_some_and(|s| s.eq_ignore_ascii_case("url("));
        if quote.is_some() || url {
            // Copy up to the closing quote or parenthesis, escapes included.
            let close = quote.unwrap_or(')');
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    out.extend(chars.next());
                } else if d == close {
                    break;
                }
            }
        }
    }
    out
}

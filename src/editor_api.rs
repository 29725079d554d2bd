//! The deck editor's JS surface (www/editor.html), built only with the
//! `editor` feature into its own package (`pkg-editor/factcards_editor.js`),
//! so the reader's widget in `pkg/` carries none of it: the suggestion
//! engine, the article check and the static HTML renderer.
//!
//! Values go to JS as plain objects through serde-wasm-bindgen
//! ([`to_js`]), as the widget's are. A deck argument is a deck object or
//! JSON text, read by the same validator as `validateDeck`.

use crate::dom::input::read_deck;
use crate::dom::js_value::to_js;
use crate::model::article;
use crate::model::deck::{Deck, Kind};
use crate::model::static_html;
use crate::model::suggest;
use crate::model::validate::Issue;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A draft fact proposed from an article sentence. */
export interface DraftFact {
    kind: string;
    /** The question: "Who is …?", or the sentence with ___ for the answer. */
    front: string;
    back: string;
    accept: string[];
    /** The sentence it came from. */
    quote: string;
    topic: string;
    /** True when front is the sentence with the answer blanked. */
    cloze: boolean;
}

/** An article file's text, as `decodeArticle` read its bytes. */
export interface DecodedArticle {
    text: string;
    /** "utf-8", "utf-16", "windows-1252" (not UTF-8), or "utf-8-stray" (UTF-8 with stray bytes). */
    encoding: "utf-8" | "utf-16" | "windows-1252" | "utf-8-stray";
    /** How many stray byte sequences became U+FFFD ("utf-8-stray" only; else 0). */
    stray: number;
    /** For "windows-1252" and "utf-8-stray": the CLI's warning, e.g. "not UTF-8: read as Windows-1252; …". */
    warning?: string;
}

/** One problem of a deck against its article. */
export interface ArticleIssue {
    severity: "error" | "warning";
    /** Position of the fact in facts. */
    fact: number;
    /** e.g. "quote", "back", "accept[1]". */
    field: string;
    /** e.g. "facts[3].quote". */
    path: string;
    message: string;
    closest?: string;
}
"#;

/// A [`suggest::Draft`] as `DraftFact`: `accept` is always an array here
/// (the CLI's JSON leaves an empty one out).
#[derive(Serialize)]
struct DraftFact<'a> {
    kind: Kind,
    front: &'a str,
    back: &'a str,
    accept: &'a [String],
    quote: &'a str,
    topic: &'a str,
    cloze: bool,
}

/// The deck of `value`, or `None` when it is absent or not a valid deck.
fn optional_deck(value: &JsValue) -> Option<Deck> {
    if value.is_undefined() || value.is_null() {
        return None;
    }
    read_deck(value).ok()
}

/// The first issue as one line: `path: message`.
fn issues_error(issues: &[Issue]) -> JsError {
    let first = issues.first().map(Issue::line);
    JsError::new(&first.unwrap_or_else(|| "not a valid deck".into()))
}

/// Draft facts from `article` (plain text), in the order of its sentences.
/// None repeats a fact of `deck` (the deck being written; ignored when absent
/// or not yet valid).
#[wasm_bindgen(js_name = suggestFacts, unchecked_return_type = "DraftFact[]")]
pub fn suggest_facts(
    article: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Deck | string | null")] deck: Option<JsValue>,
) -> JsValue {
    let existing = deck.as_ref().and_then(optional_deck);
    let drafts = suggest::suggest(article, existing.as_ref());
    let out: Vec<DraftFact> = drafts
        .iter()
        .map(|d| DraftFact {
            kind: d.kind,
            front: &d.front,
            back: &d.back,
            accept: &d.accept,
            quote: &d.quote,
            topic: &d.topic,
            cloze: d.cloze,
        })
        .collect();
    to_js(&out)
}

/// Every quote of `deck` not in `article` (errors) and every number of its
/// answers and details the article lacks (warnings), as `factcards validate
/// --article` finds them. An empty array when the deck is not valid yet
/// (`validateDeck` says why).
#[wasm_bindgen(js_name = checkArticle, unchecked_return_type = "ArticleIssue[]")]
pub fn check_article(#[wasm_bindgen(unchecked_param_type = "Deck | string")] deck: JsValue, article: &str) -> JsValue {
    let Some(deck) = optional_deck(&deck) else { return to_js::<[article::Finding]>(&[]) };
    // `ArticleIssue`: a `Finding` serialised as it is (`closest` only when found).
    to_js(&article::check(&deck, article))
}

/// The static HTML of `deck`, as `factcards render` writes it: put it inside
/// `<fact-cards>` for readers without script. Throws when the deck is not
/// valid, with the first problem.
#[wasm_bindgen(js_name = renderFallback)]
pub fn render_fallback(
    #[wasm_bindgen(unchecked_param_type = "Deck | string")] deck: JsValue,
) -> Result<String, JsError> {
    if deck.is_undefined() || deck.is_null() {
        return Err(JsError::new("renderFallback: no deck given"));
    }
    let deck = read_deck(&deck).map_err(|issues| issues_error(&issues))?;
    Ok(static_html::render(&deck))
}

/// The text of an HTML page (tags, scripts and styles dropped, entities
/// decoded, a blank line between blocks); plain text comes back unchanged.
#[wasm_bindgen(js_name = articleText)]
pub fn article_text(text: &str) -> String {
    if article::looks_like_html(text) {
        article::text_from_html(text)
    } else {
        text.to_string()
    }
}

/// The text of HTML pasted into the editor, whatever it starts with (a
/// fragment such as `Intro <p>More</p>` too), as [`article_text`] reads a
/// page.
#[wasm_bindgen(js_name = htmlText)]
pub fn html_text(html: &str) -> String {
    article::text_from_html(html)
}

/// The article's title as `factcards suggest` guesses it: its first line,
/// among its first three, of three words or more that ends without a period
/// or colon and is no section label, trail of links or copyright line;
/// `undefined` when none is.
#[wasm_bindgen(js_name = titleGuess)]
pub fn title_guess(article: &str) -> Option<String> {
    suggest::title_guess(article)
}

/// The text of an article file's bytes, read as `factcards validate
/// --article` reads them ([`article::decode`]): UTF-8, UTF-16 by its byte
/// order mark, Windows-1252 when they are not UTF-8, or UTF-8 with stray
/// bytes as U+FFFD when most of their non-ASCII text is UTF-8.
#[wasm_bindgen(js_name = decodeArticle, unchecked_return_type = "DecodedArticle")]
pub fn decode_article(bytes: &[u8]) -> JsValue {
    #[derive(Serialize)]
    struct Decoded<'a> {
        text: &'a str,
        encoding: &'static str,
        stray: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        warning: Option<String>,
    }
    let (text, how) = article::decode(bytes);
    let (encoding, stray) = match how {
        article::Encoding::Utf8 => ("utf-8", 0),
        article::Encoding::Utf16 => ("utf-16", 0),
        article::Encoding::Windows1252 => ("windows-1252", 0),
        article::Encoding::Utf8WithStrayBytes(n) => ("utf-8-stray", n),
    };
    to_js(&Decoded { text: &text, encoding, stray, warning: how.warning() })
}

/// Where `quote` occurs in `article`, compared as the quote check compares
/// (white space, quotes and dashes normalised): `[start, end]` in UTF-16
/// code units of `article` (the offsets of a textarea's selection), or
/// `undefined` when it does not occur.
#[wasm_bindgen(js_name = findQuote, unchecked_return_type = "[number, number] | undefined")]
pub fn find_quote(article: &str, quote: &str) -> JsValue {
    match crate::model::quote::QuoteIndex::new(article).find(quote) {
        Some(pair) => to_js(&pair),
        None => JsValue::UNDEFINED,
    }
}

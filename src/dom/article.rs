//! "Show in article": the host page's article (the `article` option) and the
//! passage of it a card quotes, through `article.js`. The quote is found by
//! the model's small matcher ([`QuoteIndex`]); the page's DOM is never
//! changed (the passage is marked with the CSS Custom Highlight API).

use super::error::MountError;
use crate::model::deck::Deck;
use crate::model::quote::QuoteIndex;
use crate::model::text::concat;
use crate::model::validate::Issue;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/dom/article.min.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = articleText)]
    fn article_text(selector: &str, host: &Element) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(js_name = showPassage)]
    fn show_passage(selector: &str, host: &Element, start: u32, end: u32, live: &Element, said: &str);
    #[wasm_bindgen(js_name = clearPassage)]
    fn clear_passage();
}

/// The host page's article of one widget.
pub struct HostArticle {
    selector: String,
    /// Whether each fact's quote is in the article (as it was at mount).
    pub found: Vec<bool>,
}

impl HostArticle {
    /// Reads the element `selector` names and finds each quote of `deck` in
    /// its text. No element: no quote is found (and the console says so). A
    /// selector the browser rejects is an `options.article` error.
    pub fn open(selector: &str, host: &Element, deck: &Deck) -> Result<HostArticle, MountError> {
        let text = text_of(selector, host)?;
        let found = match &text {
            Some(text) => {
                let index = QuoteIndex::new(text);
                deck.facts.iter().map(|f| f.quote.as_deref().and_then(|q| index.find(q)).is_some()).collect()
            }
            None => {
                web_sys::console::warn_1(&JsValue::from_str(&concat(&[
                    "factcards: options.article: no element matches \"",
                    selector,
                    "\"",
                ])));
                Vec::new()
            }
        };
        Ok(HostArticle { selector: selector.to_owned(), found })
    }

    /// Checks that the browser accepts `selector`, as [`HostArticle::open`]
    /// will (for a mount that waits for its deck).
    pub fn check(selector: &str, host: &Element) -> Result<(), MountError> {
        text_of(selector, host).map(drop)
    }

    /// Scrolls to `quote` in the article as it is now and highlights it,
    /// writing `said` into the live region `live`; nothing when the quote is
    /// not there any more.
    pub fn show(&self, host: &Element, quote: &str, live: &Element, said: &str) {
        let Ok(Some(text)) = article_text(&self.selector, host) else { return };
        if let Some((start, end)) = QuoteIndex::new(&text).find(quote) {
            show_passage(&self.selector, host, start, end, live, said);
        }
    }

    /// Removes the highlight, if one is showing.
    pub fn clear(&self) {
        clear_passage();
    }
}

/// The text of the element `selector` names, if any; a selector the browser
/// rejects is an `options.article` error.
fn text_of(selector: &str, host: &Element) -> Result<Option<String>, MountError> {
    article_text(selector, host).map_err(|e| {
        MountError::Options(Issue::error(
            "options.article",
            concat(&["is not a valid CSS selector (", &super::error::js_message(&e), ")"]),
        ))
    })
}

//! Reading what a page hands to `mount`: the deck (an object or JSON text),
//! the options, and the UI strings they pick.
//! Every value goes through [`js_value`](super::js_value).

use super::error::MountError;
use super::js_value::{self, NotJson};
use crate::model::deck::Deck;
use crate::model::json::Value;
use crate::model::locale::{Lang, Strings};
use crate::model::options::MountOptions;
use crate::model::text::concat;
use crate::model::validate::{parse_deck, Issue};
use wasm_bindgen::JsValue;
use web_sys::Element;

fn issues(e: NotJson) -> Vec<Issue> {
    vec![Issue::error(e.path, e.message)]
}

/// Reads a deck given as JSON text (parsed in JS, where it is) or an object.
/// (`mount` without a deck gets the built-in deck from `super::builtin`.)
pub fn read_deck(deck: &JsValue) -> Result<Deck, Vec<Issue>> {
    if deck.is_undefined() || deck.is_null() {
        return Err(vec![Issue::error("", "must be a deck object or JSON text, not nothing")]);
    }
    // A string is JSON text; anything else is read as it is.
    parse_deck(js_value::json_to_value(deck).map_err(issues)?)
}

/// Reads `options`.
pub fn read_options(options: &JsValue) -> Result<MountOptions, MountError> {
    let value = if options.is_undefined() || options.is_null() {
        Value::Null
    } else {
        js_value::to_value(options).map_err(|e| {
            let path = if e.path.is_empty() { "options".to_owned() } else { concat(&["options.", &e.path]) };
            MountError::Options(Issue::error(path, e.message))
        })?
    };
    MountOptions::from_value(&value).map_err(MountError::Options)
}

/// The language of `host`: `locale` if given, else its nearest `lang`
/// attribute, else English.
fn lang_for(host: &Element, locale: Option<&str>) -> Lang {
    let tag = match locale {
        Some(tag) => Some(tag.to_owned()),
        None => host.closest("[lang]").ok().flatten().and_then(|el| el.get_attribute("lang")),
    };
    tag.as_deref().map(Lang::from_tag).unwrap_or_default()
}

/// The UI strings for `host`: the `locale` option, else the nearest `lang`
/// attribute, else English; then the `labels` overrides.
pub fn strings_for(host: &Element, options: &MountOptions) -> Strings {
    let mut strings = Strings::new(lang_for(host, options.locale.as_deref()));
    for (name, text) in &options.labels {
        strings.set_override(name, text);
    }
    strings
}

//! Builds a [`Deck`] from a value that [`super::validate_deck`] found valid,
//! moving its strings into the deck instead of copying them.
//!
//! On a valid deck every field has the type the rules ask for and no field is
//! repeated, so a field of any other type cannot occur; it would be skipped.

use super::{derived_id, DEFAULT_LANGUAGE};
use crate::model::deck::{Deck, Fact, Image, Kind, Source, FORMAT_VERSION};
use crate::model::json::Value;

/// The deck in `value`.
pub(super) fn deck(value: Value) -> Deck {
    let mut deck = Deck {
        version: FORMAT_VERSION,
        id: None,
        title: String::new(),
        language: DEFAULT_LANGUAGE.to_owned(),
        description: None,
        source: None,
        facts: Vec::new(),
    };
    for (name, v) in members(value) {
        match name.as_str() {
            "id" => deck.id = text(v),
            "title" => deck.title = text(v).unwrap_or_default(),
            "language" => deck.language = text(v).unwrap_or(deck.language),
            "description" => deck.description = text(v),
            "source" => deck.source = source(v),
            "facts" => deck.facts = items(v).into_iter().enumerate().map(|(index, f)| fact(index, f)).collect(),
            _ => {}
        }
    }
    deck
}

fn source(value: Value) -> Option<Source> {
    let Value::Object(fields) = value else {
        return None;
    };
    let mut source = Source::default();
    for (name, v) in fields {
        let slot = match name.as_str() {
            "publisher" => &mut source.publisher,
            "headline" => &mut source.headline,
            "url" => &mut source.url,
            "published" => &mut source.published,
            "author" => &mut source.author,
            "editor" => &mut source.editor,
            _ => continue,
        };
        *slot = text(v);
    }
    Some(source)
}

fn fact(index: usize, value: Value) -> Fact {
    let mut fact = Fact {
        id: String::new(),
        front: String::new(),
        back: String::new(),
        topic: None,
        kind: Kind::default(),
        detail: None,
        quote: None,
        accept: Vec::new(),
        distractors: Vec::new(),
        image: None,
    };
    let mut id = None;
    for (name, v) in members(value) {
        match name.as_str() {
            "id" => id = text(v),
            "front" => fact.front = text(v).unwrap_or_default(),
            "back" => fact.back = text(v).unwrap_or_default(),
            "topic" => fact.topic = text(v),
            "kind" => fact.kind = text(v).and_then(|k| Kind::parse(&k)).unwrap_or_default(),
            "detail" => fact.detail = text(v),
            "quote" => fact.quote = text(v),
            "accept" => fact.accept = texts(v),
            "distractors" => fact.distractors = texts(v),
            "image" => fact.image = image(v),
            _ => {}
        }
    }
    fact.id = id.unwrap_or_else(|| derived_id(index));
    fact
}

fn image(value: Value) -> Option<Image> {
    let mut src = None;
    let mut alt = None;
    for (name, v) in members(value) {
        match name.as_str() {
            "src" => src = text(v),
            "alt" => alt = text(v),
            _ => {}
        }
    }
    Some(Image { src: src?, alt: alt? })
}

fn members(value: Value) -> Vec<(String, Value)> {
    match value {
        Value::Object(members) => members,
        _ => Vec::new(),
    }
}

fn items(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        _ => Vec::new(),
    }
}

fn text(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn texts(value: Value) -> Vec<String> {
    items(value).into_iter().filter_map(text).collect()
}

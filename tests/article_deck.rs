#![cfg(not(target_arch = "wasm32"))]
//! The built-in deck against its source article: every quote is verbatim,
//! every number and person on a card comes from the article, and the deck
//! passes the crate's own validator.

use std::collections::BTreeSet;

use serde_json::Value as Json;

const ARTICLE: &str = include_str!("fixtures/article.txt");
const DECK_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/decks/tokayev-brussels-2021.json");

fn deck_text() -> String {
    std::fs::read_to_string(DECK_PATH).expect("read the built-in deck file")
}

fn raw_deck() -> Json {
    serde_json::from_str(&deck_text()).expect("the deck file is JSON")
}

fn raw_facts(deck: &Json) -> &Vec<Json> {
    deck["facts"].as_array().expect("facts is an array")
}

fn fact_id(i: usize, fact: &Json) -> String {
    match fact.get("id").and_then(Json::as_str) {
        Some(id) => format!("facts[{i}] ({id})"),
        None => format!("facts[{i}]"),
    }
}

/// Typographic quotes to ASCII, every run of white space to one space.
fn normalise(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every maximal run of ASCII digits in `s`.
fn digit_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The card texts of a fact that must only carry the article's numbers:
/// (field name, text).
fn card_texts(fact: &Json) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for key in ["front", "back", "detail"] {
        if let Some(s) = fact.get(key).and_then(Json::as_str) {
            out.push((key.to_string(), s.to_string()));
        }
    }
    if let Some(list) = fact.get("accept").and_then(Json::as_array) {
        for (j, a) in list.iter().enumerate() {
            out.push((format!("accept[{j}]"), a.as_str().expect("accept entries are strings").to_string()));
        }
    }
    out
}

#[test]
fn fixture_is_the_article() {
    assert!(ARTICLE.starts_with("EUROPE\nKazakhstan president visits Brussels in effort to deepen relations\n"));
    assert!(ARTICLE.contains("[Edited by Zoran Radosavljevic]"));
    assert!(ARTICLE.contains("Source: Euractiv.com"));
}

#[test]
fn every_quote_is_verbatim_from_the_article() {
    let article = normalise(ARTICLE);
    let deck = raw_deck();
    let mut failures = Vec::new();
    for (i, fact) in raw_facts(&deck).iter().enumerate() {
        let quote = fact.get("quote").and_then(Json::as_str).unwrap_or("");
        if quote.trim().is_empty() || !article.contains(&normalise(quote)) {
            failures.push(format!("{}: quote not found in the article: {quote:?}", fact_id(i, fact)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deck_has_enough_facts_topics_and_explicit_kind_and_quote() {
    let deck = raw_deck();
    let facts = raw_facts(&deck);
    assert!(facts.len() >= 24, "only {} facts", facts.len());

    let topics: BTreeSet<&str> = facts.iter().filter_map(|f| f.get("topic").and_then(Json::as_str)).collect();
    assert!(topics.len() >= 5, "only {} topics: {topics:?}", topics.len());

    let mut failures = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        for key in ["id", "topic", "kind", "quote"] {
            match fact.get(key).and_then(Json::as_str) {
                Some(s) if !s.trim().is_empty() => {}
                _ => failures.push(format!("{}: `{key}` is not set explicitly", fact_id(i, fact))),
            }
        }
        if fact.get("image").is_some() {
            failures.push(format!("{}: the source has no pictures, so no `image`", fact_id(i, fact)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn source_credit_invents_nothing() {
    let deck = raw_deck();
    assert_eq!(deck["id"], "tokayev-brussels-2021");
    assert_eq!(deck["language"], "en");
    let source = &deck["source"];
    assert_eq!(source["publisher"], "Euractiv");
    assert_eq!(source["headline"], "Kazakhstan president visits Brussels in effort to deepen relations");
    assert_eq!(source["editor"], "Zoran Radosavljevic");
    assert!(ARTICLE.contains(source["headline"].as_str().unwrap()));
    // The article gives no URL, no author name and no publication date.
    for key in ["url", "author", "published"] {
        assert!(source.get(key).is_none(), "source.{key} is not in the article and must be omitted");
    }
}

#[test]
fn every_number_on_a_card_is_in_the_article() {
    let article_numbers: BTreeSet<String> = digit_tokens(ARTICLE).into_iter().collect();
    let deck = raw_deck();
    let mut failures = Vec::new();
    for (i, fact) in raw_facts(&deck).iter().enumerate() {
        for (field, text) in card_texts(fact) {
            for n in digit_tokens(&text) {
                if article_numbers.contains(&n) {
                    continue;
                }
                if n == "2021" {
                    // The year is not in the article; it may only appear in
                    // a detail that says it is inferred.
                    if field == "detail" && (text.contains("infer") || text.contains("follows")) {
                        continue;
                    }
                    failures.push(format!(
                        "{}.{field}: 2021 is not in the article; state it only in a detail that says it is inferred",
                        fact_id(i, fact)
                    ));
                } else {
                    failures.push(format!("{}.{field}: number {n} is not in the article", fact_id(i, fact)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_person_on_a_card_is_named_in_the_article() {
    let deck = raw_deck();
    let mut people = BTreeSet::new();
    for fact in raw_facts(&deck) {
        if fact.get("kind").and_then(Json::as_str) == Some("person") {
            people.insert(fact["back"].as_str().expect("back is a string"));
        }
    }
    assert!(!people.is_empty());
    let missing: Vec<_> = people.iter().filter(|p| !ARTICLE.contains(*p)).collect();
    assert!(missing.is_empty(), "people not named in the article: {missing:?}");
}

#[test]
fn deck_passes_the_validator() {
    let text = deck_text();

    let deck = match factcards::model::validate::parse_deck_text(&text) {
        Ok(deck) => deck,
        Err(issues) => panic!("parse_deck_text rejected the deck: {issues:#?}"),
    };
    assert!(deck.facts.len() >= 24);
    let source = deck.source.as_ref().expect("the deck credits its source");
    assert_eq!(source.publisher.as_deref(), Some("Euractiv"));
    assert_eq!(source.editor.as_deref(), Some("Zoran Radosavljevic"));
    assert_eq!(source.url, None);
    assert_eq!(source.author, None);
    assert_eq!(source.published, None);

    let value: factcards::model::json::Value = serde_json::from_str(&text).expect("JSON");
    let again = match factcards::model::validate::parse_deck(value.clone()) {
        Ok(deck) => deck,
        Err(issues) => panic!("parse_deck rejected the deck: {issues:#?}"),
    };
    assert_eq!(again, deck);
    assert!(factcards::model::validate::validate_deck(&value).is_empty());
}

#[test]
fn builtin_deck_is_this_file_and_parses() {
    // build.rs minifies the file: the same JSON value, without the white space
    // (compared as members in order, duplicates kept, too).
    let builtin: Json = serde_json::from_str(factcards::BUILTIN_DECK_JSON).expect("the built-in deck is JSON");
    assert_eq!(builtin, raw_deck());
    let value: factcards::model::json::Value = serde_json::from_str(factcards::BUILTIN_DECK_JSON).expect("JSON");
    let file: factcards::model::json::Value = serde_json::from_str(&deck_text()).expect("JSON");
    assert_eq!(value, file);
    if let Err(issues) = factcards::model::validate::parse_deck(value.clone()) {
        panic!("the built-in deck does not parse: {issues:#?}");
    }
}

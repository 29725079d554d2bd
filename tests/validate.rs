#![cfg(not(target_arch = "wasm32"))]
//! The deck validator against the fixtures in `tests/fixtures/`: every
//! invalid fixture gives exactly the issues listed here, in order; every valid
//! one parses, with its defaults filled in. A property test feeds arbitrary
//! JSON trees and near-decks to the validator.

use factcards::model::deck::{Kind, MAX_FACTS};
use factcards::model::json::Value;
use factcards::model::validate::{parse_deck, parse_deck_text, validate_deck, validate_text, Issue, DEFAULT_LANGUAGE};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Every invalid fixture (file name without `.json`) and the issues it must
/// give, all of them, in order: (path, message).
const INVALID: &[(&str, &[(&str, &str)])] = &[
    ("deck-not-object", &[("", "must be an object (a deck), not an array")]),
    (
        "deck-empty-object",
        &[
            ("version", "is required"),
            ("title", "is required"),
            ("facts", "is required"),
        ],
    ),
    ("version-missing", &[("version", "is required")]),
    ("version-null", &[("version", "is required")]),
    ("version-unsupported", &[("version", "unsupported version 2; expected 1")]),
    ("version-not-number", &[("version", "must be a number, not a string")]),
    ("title-missing", &[("title", "is required")]),
    ("title-null", &[("title", "is required")]),
    ("title-blank", &[("title", "must not be blank")]),
    ("title-too-long", &[("title", "must be at most 300 characters (has 301)")]),
    ("title-not-string", &[("title", "must be a string, not an array")]),
    ("title-next-line-blank", &[("title", "must not be blank")]),
    ("title-zero-width-blank", &[("title", "must not be blank")]),
    ("deck-id-blank", &[("id", "must not be blank")]),
    ("deck-id-too-long", &[("id", "must be at most 200 characters (has 201)")]),
    ("deck-id-not-string", &[("id", "must be a string, not a number")]),
    ("language-not-a-tag", &[("language", "must be a BCP 47 language tag such as \"en\" or \"en-GB\"; got \"English\"")]),
    ("language-underscore", &[("language", "must be a BCP 47 language tag such as \"en\" or \"en-GB\"; got \"en_GB\"")]),
    ("language-blank", &[("language", "must not be blank")]),
    ("language-not-string", &[("language", "must be a string, not a boolean")]),
    ("description-blank", &[("description", "must not be blank")]),
    ("description-too-long", &[("description", "must be at most 5000 characters (has 5001)")]),
    (
        "deck-unknown-field-typo",
        &[
            ("titel", "unknown field \"titel\"; did you mean \"title\"?"),
            ("title", "is required"),
        ],
    ),
    ("deck-unknown-field", &[("author", "unknown field \"author\"; known fields are version, id, title, language, description, source, facts")]),
    ("deck-duplicate-field", &[("", "duplicate field \"title\"; each field may appear only once")]),
    ("facts-missing", &[("facts", "is required")]),
    ("facts-null", &[("facts", "is required")]),
    ("facts-empty", &[("facts", "must hold 1 to 10000 facts (has 0)")]),
    ("facts-too-many", &[("facts", "must hold 1 to 10000 facts (has 10001)")]),
    ("facts-not-array", &[("facts", "must be an array of facts, not an object")]),
    ("source-not-object", &[("source", "must be an object (a source), not a string")]),
    ("source-url-ftp", &[("source.url", "must be an http or https URL")]),
    ("source-url-no-scheme", &[("source.url", "must be an http or https URL")]),
    ("source-url-javascript", &[("source.url", "must be an http or https URL")]),
    ("source-url-no-host", &[("source.url", "must be an http or https URL")]),
    ("source-url-userinfo-no-host", &[("source.url", "must be an http or https URL")]),
    ("source-url-port-no-host", &[("source.url", "must be an http or https URL")]),
    ("source-url-space", &[("source.url", "must be an http or https URL")]),
    ("source-url-too-long", &[("source.url", "must be at most 2000 characters (has 2001)")]),
    ("source-published-format", &[("source.published", "must be a date as YYYY-MM-DD")]),
    ("source-published-no-such-day", &[("source.published", "must be a real calendar date; 2021-02-29 does not exist")]),
    ("source-published-month-13", &[("source.published", "must be a real calendar date; 2021-13-09 does not exist")]),
    ("source-published-not-string", &[("source.published", "must be a string, not a number")]),
    ("source-unknown-field-typo", &[("source.autor", "unknown field \"autor\"; did you mean \"author\"?")]),
    ("source-unknown-field", &[("source.date", "unknown field \"date\"; known fields are publisher, headline, url, published, author, editor")]),
    ("source-field-blank", &[("source.publisher", "must not be blank")]),
    ("source-field-too-long", &[("source.headline", "must be at most 1000 characters (has 1001)")]),
    ("source-field-not-string", &[("source.author", "must be a string, not an array")]),
    ("source-duplicate-field", &[("source", "duplicate field \"url\"; each field may appear only once")]),
    ("fact-not-object", &[("facts[0]", "must be an object (a fact), not a string")]),
    ("fact-front-missing", &[("facts[0].front", "is required")]),
    ("fact-back-missing", &[("facts[0].back", "is required")]),
    ("fact-back-null", &[("facts[0].back", "is required")]),
    ("fact-front-blank", &[("facts[0].front", "must not be blank")]),
    ("fact-back-blank", &[("facts[0].back", "must not be blank")]),
    ("fact-front-too-long", &[("facts[0].front", "must be at most 1000 characters (has 1001)")]),
    ("fact-back-too-long", &[("facts[0].back", "must be at most 1000 characters (has 1001)")]),
    ("fact-back-not-string", &[("facts[0].back", "must be a string, not a number")]),
    ("fact-front-not-string", &[("facts[0].front", "must be a string, not an object")]),
    ("fact-id-blank", &[("facts[0].id", "must not be blank")]),
    ("fact-id-too-long", &[("facts[0].id", "must be at most 200 characters (has 201)")]),
    ("fact-id-not-string", &[("facts[0].id", "must be a string, not a number")]),
    ("fact-id-duplicate", &[("facts[1].id", "duplicate id \"visit\"; ids must be unique (first used at facts[0].id)")]),
    ("fact-id-duplicate-of-derived", &[("facts[1].id", "duplicate id \"fact-1\"; ids must be unique (first used at facts[0], derived from its position)")]),
    ("fact-id-derived-duplicate", &[("facts[1]", "duplicate id \"fact-2\" (derived from its position); ids must be unique (first used at facts[0].id)")]),
    ("fact-topic-blank", &[("facts[0].topic", "must not be blank")]),
    ("fact-topic-too-long", &[("facts[0].topic", "must be at most 100 characters (has 101)")]),
    ("fact-kind-unknown", &[("facts[0].kind", "must be one of person, organization, place, date, number, money, event, document, other; got \"peron\"")]),
    ("fact-kind-capitalised", &[("facts[0].kind", "must be one of person, organization, place, date, number, money, event, document, other; got \"Person\"")]),
    ("fact-kind-blank", &[("facts[0].kind", "must not be blank")]),
    ("fact-kind-not-string", &[("facts[0].kind", "must be a string, not a number")]),
    ("fact-detail-blank", &[("facts[0].detail", "must not be blank")]),
    ("fact-detail-too-long", &[("facts[0].detail", "must be at most 5000 characters (has 5001)")]),
    ("fact-quote-too-long", &[("facts[0].quote", "must be at most 5000 characters (has 5001)")]),
    ("fact-quote-not-string", &[("facts[0].quote", "must be a string, not an array")]),
    ("fact-accept-not-array", &[("facts[0].accept", "must be an array of strings, not a string")]),
    ("fact-accept-entry-blank", &[("facts[0].accept[1]", "must not be blank")]),
    ("fact-accept-entry-not-string", &[("facts[0].accept[1]", "must be a string, not a number")]),
    ("fact-accept-entry-null", &[("facts[0].accept[0]", "must be a string, not null")]),
    ("fact-accept-entry-too-long", &[("facts[0].accept[0]", "must be at most 1000 characters (has 1001)")]),
    ("fact-accept-too-many", &[("facts[0].accept", "must hold at most 20 entries (has 21)")]),
    ("fact-accept-duplicate", &[("facts[0].accept[1]", "must not repeat an earlier entry (accept[0])")]),
    ("fact-accept-duplicate-exact", &[("facts[0].accept[2]", "must not repeat an earlier entry (accept[0])")]),
    ("fact-distractors-not-array", &[("facts[0].distractors", "must be an array of strings, not an object")]),
    ("fact-distractor-blank", &[("facts[0].distractors[1]", "must not be blank")]),
    ("fact-distractor-not-string", &[("facts[0].distractors[0]", "must be a string, not a boolean")]),
    ("fact-distractor-too-long", &[("facts[0].distractors[1]", "must be at most 1000 characters (has 1001)")]),
    ("fact-distractors-too-many", &[("facts[0].distractors", "must hold at most 20 entries (has 21)")]),
    ("fact-distractor-equals-back", &[("facts[0].distractors[1]", "must not equal the answer (back)")]),
    ("fact-distractor-equals-back-written-first", &[("facts[0].distractors[0]", "must not equal the answer (back)")]),
    ("fact-distractor-equals-accept", &[("facts[0].distractors[1]", "must not equal an accepted answer (accept[1])")]),
    ("fact-distractor-matches-back", &[("facts[0].distractors[1]", "must not equal the answer (back)")]),
    ("fact-distractor-decomposed-back", &[("facts[0].distractors[1]", "must not equal the answer (back)")]),
    ("fact-distractor-final-sigma", &[("facts[0].distractors[1]", "must not equal the answer (back)")]),
    (
        "fact-distractor-precomposed-cyrillic",
        &[
            ("facts[0].distractors[1]", "must not equal an accepted answer (accept[0])"),
            ("facts[0].distractors[2]", "must not equal the answer (back)"),
        ],
    ),
    ("fact-distractor-duplicate", &[("facts[0].distractors[2]", "must not repeat an earlier entry (distractors[0])")]),
    (
        "fact-unknown-field-typo",
        &[
            ("facts[0].fornt", "unknown field \"fornt\"; did you mean \"front\"?"),
            ("facts[0].front", "is required"),
        ],
    ),
    ("fact-unknown-field", &[("facts[0].answer", "unknown field \"answer\"; known fields are id, front, back, topic, kind, detail, quote, accept, distractors, image")]),
    ("fact-duplicate-field", &[("facts[0]", "duplicate field \"back\"; each field may appear only once")]),
    ("image-not-object", &[("facts[0].image", "must be an object (an image), not a string")]),
    ("image-src-missing", &[("facts[0].image.src", "is required")]),
    ("image-alt-missing", &[("facts[0].image.alt", "is required")]),
    ("image-alt-null", &[("facts[0].image.alt", "is required")]),
    ("image-alt-blank", &[("facts[0].image.alt", "must not be blank")]),
    ("image-alt-too-long", &[("facts[0].image.alt", "must be at most 1000 characters (has 1001)")]),
    ("image-src-not-string", &[("facts[0].image.src", "must be a string, not an array")]),
    ("image-src-javascript", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-data", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-file", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-ftp", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-protocol-relative", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-backslashes", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-space", &[("facts[0].image.src", "must be an http or https URL or a relative path")]),
    ("image-src-too-long", &[("facts[0].image.src", "must be at most 2000 characters (has 2001)")]),
    (
        "image-unknown-field-typo",
        &[
            ("facts[0].image.atl", "unknown field \"atl\"; did you mean \"alt\"?"),
            ("facts[0].image.alt", "is required"),
        ],
    ),
    ("image-unknown-field", &[("facts[0].image.width", "unknown field \"width\"; known fields are src, alt")]),
    (
        "multiple-errors",
        &[
            ("version", "unsupported version 2; expected 1"),
            ("title", "must not be blank"),
            ("language", "must be a BCP 47 language tag such as \"en\" or \"en-GB\"; got \"English\""),
            ("source.url", "must be an http or https URL"),
            ("source.published", "must be a real calendar date; 2021-02-30 does not exist"),
            ("facts[0].distractors[0]", "must not equal the answer (back)"),
            ("facts[1].id", "duplicate id \"visit\"; ids must be unique (first used at facts[0].id)"),
            ("facts[1].front", "must not be blank"),
            ("facts[1].kind", "must be one of person, organization, place, date, number, money, event, document, other; got \"peron\""),
            ("facts[1].image.src", "must be an http or https URL or a relative path"),
            ("facts[1].image.alt", "must not be blank"),
            ("facts[2]", "must be an object (a fact), not a string"),
            ("facts[3].fornt", "unknown field \"fornt\"; did you mean \"front\"?"),
            ("facts[3].front", "is required"),
            ("facts[3].back", "is required"),
            ("extra", "unknown field \"extra\"; known fields are version, id, title, language, description, source, facts"),
        ],
    ),
];

/// The fixture directory `kind` (`valid` or `invalid`).
fn fixture_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind)
}

/// The names (without `.json`) of the fixtures in `dir`, sorted.
fn fixture_names(kind: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir(kind))
        .expect("fixture directory")
        .map(|e| e.expect("directory entry").file_name().into_string().expect("UTF-8 name"))
        .filter_map(|n| n.strip_suffix(".json").map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// The text of fixture `name` of `kind`.
fn read_fixture(kind: &str, name: &str) -> String {
    let path = fixture_dir(kind).join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Issues as (path, message) pairs, for comparing with the table.
fn pairs(issues: &[Issue]) -> Vec<(&str, &str)> {
    issues.iter().map(|i| (i.path.as_str(), i.message.as_str())).collect()
}

#[test]
fn every_invalid_fixture_gives_exactly_its_issues() {
    let mut failures = Vec::new();
    for (name, expected) in INVALID {
        let text = read_fixture("invalid", name);
        let issues = match parse_deck_text(&text) {
            Ok(deck) => {
                failures.push(format!("{name}: parsed as a deck of {} facts", deck.facts.len()));
                continue;
            }
            Err(issues) => issues,
        };
        if pairs(&issues) != *expected {
            failures.push(format!("{name}:\n  expected {expected:#?}\n  got {:#?}", pairs(&issues)));
        }
        assert_eq!(validate_text(&text), issues, "{name}: validate_text differs from parse_deck_text");
    }
    assert!(failures.is_empty(), "{} fixtures differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_table_lists_every_invalid_fixture_once() {
    let mut listed: Vec<String> = INVALID.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    let before = listed.len();
    listed.dedup();
    assert_eq!(before, listed.len(), "a fixture is listed twice");
    assert_eq!(listed, fixture_names("invalid"), "the table and tests/fixtures/invalid/ differ");
}

#[test]
fn many_errors_are_all_collected_in_document_order() {
    let issues = validate_text(&read_fixture("invalid", "multiple-errors"));
    assert_eq!(issues.len(), 16, "{issues:#?}");
    // One deck, problems at every level, each reported where it stands.
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths.first(), Some(&"version"));
    assert_eq!(paths.last(), Some(&"extra"));
}

#[test]
fn every_valid_fixture_parses() {
    let names = fixture_names("valid");
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let text = read_fixture("valid", &name);
        if let Err(issues) = parse_deck_text(&text) {
            panic!("{name}: {issues:#?}");
        }
        assert_eq!(validate_text(&text), Vec::<Issue>::new(), "{name}");
    }
}

#[test]
fn the_article_deck_parses() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/decks/tokayev-brussels-2021.json"))
            .expect("article deck");
    let deck = parse_deck_text(&text).unwrap_or_else(|issues| panic!("{issues:#?}"));
    assert_eq!(parse_deck_text(factcards::BUILTIN_DECK_JSON), Ok(deck));
}

/// The valid fixture `name`, parsed.
fn valid(name: &str) -> factcards::model::deck::Deck {
    parse_deck_text(&read_fixture("valid", name)).unwrap_or_else(|issues| panic!("{name}: {issues:#?}"))
}

#[test]
fn defaults_are_filled_in() {
    let deck = valid("minimal");
    assert_eq!(deck.version, 1);
    assert_eq!(deck.id, None);
    assert_eq!(deck.language, DEFAULT_LANGUAGE);
    assert_eq!(deck.language, "en");
    assert_eq!(deck.description, None);
    assert_eq!(deck.source, None);
    let fact = &deck.facts[0];
    assert_eq!(fact.id, "fact-1");
    assert_eq!(fact.kind, Kind::Other);
    assert_eq!(fact.topic, None);
    assert!(fact.accept.is_empty() && fact.distractors.is_empty());
    assert_eq!(fact.image, None);
}

#[test]
fn nulls_count_as_absent() {
    let deck = valid("null-optional-fields");
    assert_eq!(deck.id, None);
    assert_eq!(deck.language, "en");
    let source = deck.source.expect("an empty source");
    assert_eq!(source, factcards::model::deck::Source::default());
    let fact = &deck.facts[0];
    assert_eq!(fact.id, "fact-1");
    assert_eq!(fact.kind, Kind::Other);
    assert_eq!((fact.topic.as_deref(), fact.detail.as_deref(), fact.quote.as_deref()), (None, None, None));
    assert!(fact.accept.is_empty() && fact.distractors.is_empty() && fact.image.is_none());
    assert_eq!(valid("no-source").source, None);
}

#[test]
fn ids_are_derived_from_the_position() {
    let ids: Vec<String> = valid("derived-ids").facts.into_iter().map(|f| f.id).collect();
    assert_eq!(ids, ["fact-1", "fact-5", "fact-3", "fact-4"]);
}

#[test]
fn every_field_is_read() {
    let deck = valid("full");
    assert_eq!(deck.id.as_deref(), Some("tokayev-brussels-2021"));
    assert_eq!(deck.language, "en-GB");
    assert!(deck.description.is_some());
    let source = deck.source.as_ref().expect("source");
    assert_eq!(source.publisher.as_deref(), Some("Euractiv"));
    assert_eq!(source.published.as_deref(), Some("2021-12-09"));
    assert!(source.headline.is_some() && source.url.is_some());
    assert!(source.author.is_some() && source.editor.is_some());
    let visit = &deck.facts[0];
    assert_eq!(visit.id, "visit");
    assert_eq!(visit.kind, Kind::Person);
    assert_eq!(visit.topic.as_deref(), Some("The visit"));
    assert_eq!(visit.accept, ["Michel", "President Michel"]);
    assert_eq!(visit.distractors.len(), 3);
    assert!(visit.detail.is_some() && visit.quote.is_some());
    let image = visit.image.as_ref().expect("image");
    assert_eq!(image.src, "https://images.example/michel.jpg");
    assert_eq!(image.alt, "Charles Michel at a lectern");
    let kinds: Vec<Kind> = deck.facts.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, Kind::ALL);
    assert_eq!(deck.facts[1].id, "fact-2");
}

#[test]
fn lengths_count_characters_not_bytes() {
    let deck = valid("combining-marks");
    assert_eq!(deck.title.chars().count(), 300);
    assert!(deck.title.len() > 300);
    assert_eq!(deck.facts[1].back.chars().count(), 1000);
    assert_eq!(deck.facts[1].back.len(), 2000);
    let rtl = valid("rtl");
    assert_eq!(rtl.language, "ar");
    assert_eq!(rtl.facts[0].back, "شارل ميشيل");
}

#[test]
fn text_that_is_not_json_is_one_issue() {
    let issues = validate_text("{\n  \"version\": 1,\n  \"title\": \"x\"\n  \"facts\": []\n}");
    assert_eq!(pairs(&issues), [("", "not valid JSON: expected ',' or '}' at line 4 column 3")]);
    let issues = validate_text("");
    assert_eq!(pairs(&issues), [("", "not valid JSON: EOF while parsing a value at line 1 column 0")]);
    let deep = format!("{{\"version\": 1, \"title\": {}{}}}", "[".repeat(40), "]".repeat(40));
    let issues = validate_text(&deep);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.starts_with("not valid JSON: nested deeper than 32 levels"), "{issues:?}");
    assert_eq!(parse_deck_text("[1, 2"), Err(validate_text("[1, 2")));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", read_fixture("valid", "minimal"));
    assert!(parse_deck_text(&text).is_ok());
}

#[test]
fn the_deck_must_be_an_object() {
    for (value, got) in [
        (Value::Null, "null"),
        (Value::Bool(true), "a boolean"),
        (Value::Number(1.0), "a number"),
        (Value::String("deck".into()), "a string"),
        (Value::Array(vec![]), "an array"),
    ] {
        let issues = validate_deck(&value);
        let message = format!("must be an object (a deck), not {got}");
        assert_eq!(pairs(&issues), [("", message.as_str())]);
    }
}

#[test]
fn a_version_is_named_as_the_number_it_is() {
    for (version, message) in [
        ("2", "unsupported version 2; expected 1"),
        ("-3", "unsupported version -3; expected 1"),
        ("0", "unsupported version 0; expected 1"),
        ("-0", "unsupported version 0; expected 1"),
        ("2.0", "unsupported version 2; expected 1"),
        ("1e1", "unsupported version 10; expected 1"),
        ("9007199254740991", "unsupported version 9007199254740991; expected 1"),
        ("1.0000000000000002", "unsupported version: not a whole number; expected 1"),
        ("0.9999999999999999", "unsupported version: not a whole number; expected 1"),
        ("2.5", "unsupported version: not a whole number; expected 1"),
        ("1e-300", "unsupported version: not a whole number; expected 1"),
        ("9007199254740993", "unsupported version: out of range; expected 1"),
        ("1e300", "unsupported version: out of range; expected 1"),
        ("-1e300", "unsupported version: out of range; expected 1"),
    ] {
        let text = format!(r#"{{"version": {version}, "title": "t", "facts": [{{"front": "q", "back": "a"}}]}}"#);
        assert_eq!(pairs(&validate_text(&text)), [("version", message)], "{version}");
    }
    for (n, message) in [
        (f64::NAN, "unsupported version: not a whole number; expected 1"),
        (f64::INFINITY, "unsupported version: out of range; expected 1"),
        (f64::NEG_INFINITY, "unsupported version: out of range; expected 1"),
    ] {
        let deck =
            Value::Object(vec![("version".into(), Value::Number(n)), ("title".into(), Value::String("t".into()))]);
        assert_eq!(pairs(&validate_deck(&deck)), [("version", message), ("facts", "is required")], "{n}");
    }
}

#[test]
fn an_unknown_field_is_reported_at_its_key_when_the_key_reads_as_a_path() {
    let deck = |key: &str| {
        let key = serde_json::to_string(key).expect("key");
        format!(r#"{{"version": 1, "title": "t", "facts": [{{"front": "q", "back": "a", {key}: 1}}]}}"#)
    };
    let path_of = |key: &str| validate_text(&deck(key)).into_iter().map(|i| i.path).collect::<Vec<_>>();
    assert_eq!(path_of("frnot"), ["facts[0].frnot"]);
    assert_eq!(path_of("__proto__"), ["facts[0].__proto__"]);
    assert_eq!(path_of("a b"), ["facts[0].a b"]);
    assert_eq!(path_of("é"), ["facts[0].é"]);
    assert_eq!(path_of(&"k".repeat(60)), [format!("facts[0].{}", "k".repeat(60))]);
    // Keys that would not read back as one step of a path stay at the object.
    for key in ["", "a.b", "a[0]", "]", "a\nb", "\u{7f}", &"k".repeat(61)] {
        assert_eq!(path_of(key), ["facts[0]"], "{key:?}");
    }
    // A repeated field is still reported at the object, as its path would
    // name the first value, which is fine.
    let repeated = r#"{"version": 1, "title": "t", "title": "u", "facts": [{"front": "q", "back": "a"}]}"#;
    assert_eq!(pairs(&validate_text(repeated)), [("", "duplicate field \"title\"; each field may appear only once")]);
}

/// The XSS payloads of the browser tests go one in every field of a deck,
/// each fact's back, accepted answer and distractors among them: that deck is
/// only valid if no two are the same answer.
#[test]
fn no_two_xss_payloads_are_the_same_answer() {
    use factcards::model::text::AnswerKey;
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-payloads.json"))
        .expect("payloads");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let payloads: Vec<&str> = json["payloads"].as_array().expect("a list").iter().filter_map(|p| p.as_str()).collect();
    assert!(payloads.len() >= 50);
    for (i, a) in payloads.iter().enumerate() {
        for b in &payloads[i + 1..] {
            assert!(!AnswerKey::new(a).same(&AnswerKey::new(b)), "{a:?} and {b:?}");
        }
    }
}

#[test]
fn long_values_are_cut_in_messages() {
    let kind = "x".repeat(10_000);
    let text = format!(r#"{{"version": 1, "title": "t", "facts": [{{"front": "q", "back": "a", "kind": "{kind}"}}]}}"#);
    let issues = validate_text(&text);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.len() < 200, "{}", issues[0].message);
    assert!(issues[0].message.ends_with("…\""), "{}", issues[0].message);
}

/// A deck of `n` facts, each with an id, a topic and three distractors.
fn big_deck(n: usize) -> String {
    let facts: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "f{i}", "front": "Question {i}?", "back": "Answer {i}", "topic": "Topic {t}", "kind": "number", "accept": ["answer {i} "], "distractors": ["Wrong {i}a", "Wrong {i}b", "Wrong {i}c"]}}"#,
                t = i % 7
            )
        })
        .collect();
    format!(r#"{{"version": 1, "title": "Big", "facts": [{}]}}"#, facts.join(",\n"))
}

#[test]
fn a_full_size_deck_is_validated_quickly() {
    let text = big_deck(MAX_FACTS);
    let value: Value = serde_json::from_str(&text).expect("JSON");
    let start = std::time::Instant::now();
    let issues = validate_deck(&value);
    let validate_time = start.elapsed();
    assert!(issues.is_empty(), "{:?}", issues.first());
    let start = std::time::Instant::now();
    let deck = parse_deck(value.clone()).expect("deck");
    let parse_time = start.elapsed();
    assert_eq!(deck.facts.len(), MAX_FACTS);
    eprintln!("{MAX_FACTS} facts: validate_deck {validate_time:?}, parse_deck {parse_time:?}");
    // Generous, for slow debug builds on busy machines; a release build takes
    // a few milliseconds.
    assert!(validate_time.as_secs() < 5 && parse_time.as_secs() < 5);
}

#[test]
fn every_repeat_of_an_id_is_reported() {
    let facts: Vec<String> =
        (0..3000).map(|i| format!(r#"{{"id": "same", "front": "q{i}", "back": "a{i}"}}"#)).collect();
    let text = format!(r#"{{"version": 1, "title": "t", "facts": [{}]}}"#, facts.join(","));
    let issues = validate_text(&text);
    assert_eq!(issues.len(), 2999);
    let last = issues.last().expect("issues");
    assert_eq!(last.path, "facts[2999].id");
    assert_eq!(last.message, r#"duplicate id "same"; ids must be unique (first used at facts[0].id)"#);
}

// --- Property test ---------------------------------------------------------

/// Field names of every level, near misses, and other keys.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "version", "id", "title", "language", "description", "source", "facts",
            "publisher", "headline", "url", "published", "author", "editor",
            "front", "back", "topic", "kind", "detail", "quote", "accept", "distractors",
            "image", "src", "alt", "fornt", "titel", "Front", "", "__proto__",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{0,10}",
    ]
}

/// Strings that hit the rules: blanks, near-duplicates, URLs, dates, kinds,
/// language tags, lengths at and over the limits, and random text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "", " ", "\t\n", "\u{85}", "\u{feff}", "a", "Paris", " paris ", "PARIS", "Charles Michel",
            "charles  michel", "person", "place", "other", "peron", "en", "en-GB", "zh-Hant-TW",
            "english", "http://example.com/a", "https://x", "HTTPS://X/Y", "https://", "//evil",
            "javascript:alert(1)", "data:x", "img/a.png", "/a.png", "a\\b", "2021-12-09",
            "2021-02-29", "2024-02-29", "9 Dec", "fact-1", "fact-2", "visit", "é\u{301}", "שלום",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec![100usize, 101, 200, 201, 300, 301, 1000, 1001, 2000, 2001, 5000, 5001])
            .prop_map(|n| "é".repeat(n)),
        2 => "\\PC{0,12}",
        1 => any::<String>(),
    ]
}

/// Any JSON leaf, with numbers near the version.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![Just(1.0), Just(2.0), Just(-0.0), Just(f64::NAN), any::<f64>()].prop_map(Value::Number),
        text().prop_map(Value::String),
    ]
}

/// Any JSON tree, a few levels deep.
fn any_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(Value::Object),
        ]
    })
}

/// A value that is usually right for a field, sometimes anything.
fn string_or_junk() -> impl Strategy<Value = Value> {
    prop_oneof![4 => text().prop_map(Value::String), 1 => any_value()]
}

/// A list of strings, usually.
fn list() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::collection::vec(string_or_junk(), 0..5).prop_map(Value::Array),
        1 => prop::collection::vec(text().prop_map(Value::String), 19..23).prop_map(Value::Array),
        1 => any_value(),
    ]
}

/// An object from optional members: each present or not, then maybe a stray
/// member, in an order that is sometimes reversed.
fn object(members: Vec<BoxedStrategy<(String, Value)>>) -> impl Strategy<Value = Value> {
    let optional: Vec<_> = members.into_iter().map(|m| prop::option::weighted(0.7, m)).collect();
    (optional, prop::option::weighted(0.15, (key(), any_value())), any::<bool>()).prop_map(
        |(members, stray, reverse)| {
            let mut members: Vec<(String, Value)> = members.into_iter().flatten().collect();
            members.extend(stray);
            if reverse {
                members.reverse();
            }
            Value::Object(members)
        },
    )
}

/// The member `name` with a value from `value`.
fn member<S>(name: &'static str, value: S) -> BoxedStrategy<(String, Value)>
where
    S: Strategy<Value = Value> + 'static,
{
    value.prop_map(move |v| (name.to_owned(), v)).boxed()
}

/// Something close to a fact.
fn near_fact() -> impl Strategy<Value = Value> {
    let image = object(vec![member("src", string_or_junk()), member("alt", string_or_junk())]);
    object(vec![
        member("id", string_or_junk()),
        member("front", string_or_junk()),
        member("back", string_or_junk()),
        member("topic", string_or_junk()),
        member("kind", string_or_junk()),
        member("detail", string_or_junk()),
        member("accept", list()),
        member("distractors", list()),
        member("image", prop_oneof![3 => image, 1 => any_value()]),
    ])
}

/// Something close to a deck.
fn near_deck() -> impl Strategy<Value = Value> {
    let source = object(
        ["publisher", "headline", "url", "published", "author", "editor"]
            .into_iter()
            .map(|name| member(name, string_or_junk()))
            .collect(),
    );
    let version = prop_oneof![4 => Just(Value::Number(1.0)), 1 => leaf()];
    let facts = prop_oneof![
        6 => prop::collection::vec(near_fact(), 0..5).prop_map(Value::Array),
        1 => any_value(),
    ];
    object(vec![
        member("version", version),
        member("id", string_or_junk()),
        member("title", string_or_junk()),
        member("language", string_or_junk()),
        member("description", string_or_junk()),
        member("source", prop_oneof![3 => source, 1 => any_value()]),
        member("facts", facts),
    ])
}

/// A few plain, valid strings: names that repeat across fields, so
/// distractors sometimes equal the answer and ids sometimes collide.
fn good_text() -> impl Strategy<Value = Value> {
    prop::sample::select(vec!["Paris", "paris", "Charles Michel", "Astana", "é\u{301}", "שלום", "fact-2", "x"])
        .prop_map(|s| Value::String(s.to_owned()))
}

/// A list of 0 to 3 plain strings.
fn good_list() -> impl Strategy<Value = Value> {
    prop::collection::vec(good_text(), 0..4).prop_map(Value::Array)
}

/// A deck that is usually valid, or nearly so.
fn plausible_deck() -> impl Strategy<Value = Value> {
    let image = object(vec![
        member(
            "src",
            prop::sample::select(vec!["img/a.png", "https://x.example/a.png", "//x"])
                .prop_map(|s| Value::String(s.into())),
        ),
        member("alt", good_text()),
    ]);
    let kind = prop::sample::select(vec!["person", "place", "other", "peron"]).prop_map(|s| Value::String(s.into()));
    let fact = (
        good_text(),
        good_text(),
        object(vec![
            member("id", prop::sample::select(vec!["visit", "fact-1", "fact-3"]).prop_map(|s| Value::String(s.into()))),
            member("kind", kind),
            member("topic", good_text()),
            member("accept", good_list()),
            member("distractors", good_list()),
            member("image", image),
        ]),
    )
        .prop_map(|(front, back, rest)| {
            let mut members = vec![("front".to_owned(), front), ("back".to_owned(), back)];
            if let Value::Object(rest) = rest {
                // Optional members are rarer here, so more facts are valid.
                members.extend(rest.into_iter().take(2));
            }
            Value::Object(members)
        });
    let source = object(vec![
        member(
            "url",
            prop::sample::select(vec!["https://x.example/", "ftp://x"]).prop_map(|s| Value::String(s.into())),
        ),
        member(
            "published",
            prop::sample::select(vec!["2021-12-09", "2021-02-29"]).prop_map(|s| Value::String(s.into())),
        ),
    ]);
    (
        prop::collection::vec(fact, 1..5),
        good_text(),
        prop::option::weighted(0.3, source),
        prop::option::weighted(0.3, prop::sample::select(vec!["en", "zh-Hant-TW", "english"])),
    )
        .prop_map(|(facts, title, source, language)| {
            let mut members = vec![
                ("version".to_owned(), Value::Number(1.0)),
                ("title".to_owned(), title),
                ("facts".to_owned(), Value::Array(facts)),
            ];
            members.extend(source.map(|s| ("source".to_owned(), s)));
            members.extend(language.map(|l| ("language".to_owned(), Value::String(l.into()))));
            Value::Object(members)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The validator never panics, and `parse_deck` succeeds exactly when
    /// `validate_deck` finds nothing; a parsed deck keeps the invariants.
    #[test]
    fn parse_succeeds_exactly_when_validation_finds_nothing(
        value in prop_oneof![1 => any_value(), 2 => near_deck(), 2 => plausible_deck()]
    ) {
        let issues = validate_deck(&value);
        let parsed = parse_deck(value.clone());
        match &parsed {
            Ok(deck) => {
                prop_assert!(issues.is_empty());
                prop_assert!(!deck.facts.is_empty() && deck.facts.len() <= MAX_FACTS);
                prop_assert!(!deck.language.is_empty());
                let mut ids: Vec<&str> = deck.facts.iter().map(|f| f.id.as_str()).collect();
                ids.sort_unstable();
                ids.dedup();
                prop_assert_eq!(ids.len(), deck.facts.len());
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert_eq!(errors, &issues);
            }
        }
        for issue in &issues {
            prop_assert!(!issue.message.is_empty());
            prop_assert!(!issue.message.ends_with('.'), "{}", issue.message);
        }
    }
}

/// The property test reaches both sides: among a few hundred generated
/// plausible decks, some are valid and some are not.
#[test]
fn the_generator_makes_valid_and_invalid_decks() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = plausible_deck();
    let valid = (0..500)
        .filter(|_| {
            let value = strategy.new_tree(&mut runner).expect("tree").current();
            parse_deck(value.clone()).is_ok()
        })
        .count();
    assert!(valid > 50 && valid < 450, "{valid} of 500 plausible decks are valid");
}

// ------------------------------------------------------------- warnings

#[test]
fn warnings_are_separate_from_errors_and_name_the_fact() {
    use factcards::model::validate::{deck_warnings, Severity};
    let text = r#"{"version": 1, "title": "W", "facts": [
        {"id": "a", "front": "Who?", "back": "Charles Michel", "kind": "money"},
        {"id": "b", "front": "When?", "back": "soon", "kind": "date"},
        {"id": "c", "front": "How many?", "back": "several", "kind": "number"},
        {"id": "d", "front": "How much?", "back": "$24 billion", "kind": "money"},
        {"id": "e", "front": "When?", "back": "Thursday", "kind": "date"},
        {"id": "f", "front": "Which?", "back": "ninth", "kind": "number"},
        {"id": "p1", "front": "Who?", "back": "Ursula von der Leyen", "kind": "person"},
        {"id": "p2", "front": "Who?", "back": "Josep Borrell", "kind": "person"},
        {"id": "p3", "front": "Who?", "back": "Kassym-Jomart Tokayev", "kind": "person"},
        {"id": "p4", "front": "Who?", "back": "Wolfgang Kropp", "kind": "person"},
        {"id": "o", "front": "What?", "back": "QazVac", "kind": "other"}
    ]}"#;
    let deck = parse_deck_text(text).expect("valid: warnings never make a deck invalid");
    let got: Vec<(String, String)> =
        deck_warnings(&deck).iter().map(|w| (w.line(), format!("{:?}", w.severity))).collect();
    let w = |line: &str| (line.to_string(), "Warning".to_string());
    assert_eq!(
        got,
        vec![
            // "a" has only "$24 billion" (d's back) and nothing to vary: 1
            // wrong option. "d" has a's back and variants of its amount.
            w(r#"facts[0] (id "a").kind: is "money", but the answer has no amount"#),
            w(
                r#"facts[0] (id "a").back: left out of multiple-choice quizzes: 1 wrong option (add distractors or facts of the same kind)"#
            ),
            w(r#"facts[0] (id "a").kind: kind "money" cannot give 3 wrong options to each of its facts"#),
            w(r#"facts[1] (id "b").kind: is "date", but the answer has no date"#),
            w(
                r#"facts[1] (id "b").back: left out of multiple-choice quizzes: 1 wrong option (add distractors or facts of the same kind)"#
            ),
            w(r#"facts[1] (id "b").kind: kind "date" cannot give 3 wrong options to each of its facts"#),
            w(r#"facts[2] (id "c").kind: is "number", but the answer has no number"#),
            w(
                r#"facts[2] (id "c").back: left out of multiple-choice quizzes: 1 wrong option (add distractors or facts of the same kind)"#
            ),
            w(r#"facts[2] (id "c").kind: kind "number" cannot give 3 wrong options to each of its facts"#),
            // Four people: 3 wrong options each, no warning.
            w(
                r#"facts[10] (id "o").back: left out of multiple-choice quizzes: no wrong option (add distractors or facts of the same kind)"#
            ),
            w(r#"facts[10] (id "o").kind: kind "other" cannot give 3 wrong options to each of its facts"#),
        ]
    );
    assert!(deck_warnings(&deck).iter().all(|w| w.severity == Severity::Warning && !w.path.contains("(id")));
    // Serialised for validateDeck: the bare path, the message, the severity.
    let json = serde_json::to_value(&deck_warnings(&deck)[0]).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"path": "facts[0].kind", "message": "is \"money\", but the answer has no amount", "severity": "warning"})
    );
}

#[test]
fn number_words_up_to_ninety_and_the_quizs_ordinals_are_numbers() {
    use factcards::model::validate::deck_warnings;
    let facts: Vec<String> = ["fifteen", "seventy", "nineteenth", "ninety-nine", "one hundred", "several"]
        .iter()
        .map(|b| format!(r#"{{"front": "How many?", "back": "{b}", "kind": "number"}}"#))
        .collect();
    let deck =
        parse_deck_text(&format!(r#"{{"version": 1, "title": "N", "facts": [{}]}}"#, facts.join(","))).expect("valid");
    let unlike: Vec<String> =
        deck_warnings(&deck).iter().map(|w| w.line()).filter(|l| l.contains("has no number")).collect();
    assert_eq!(unlike, [r#"facts[5] (id "fact-6").kind: is "number", but the answer has no number"#]);
}

#[test]
fn errors_name_the_fact_in_their_line_not_their_path() {
    use factcards::model::validate::Severity;
    let text = r#"{"version": 1, "title": "E", "facts": [
        {"id": "ok", "front": "Q?", "back": "A"},
        {"id": "nelson", "front": "Q?"},
        {"front": "Q?", "back": " "},
        {"id": "ok", "front": "Q?", "back": "B"}
    ]}"#;
    let issues = parse_deck_text(text).expect_err("invalid");
    let lines: Vec<String> = issues.iter().map(|i| i.line()).collect();
    assert_eq!(
        lines,
        vec![
            r#"facts[1] (id "nelson").back: is required"#.to_string(),
            "facts[2].back: must not be blank".to_string(),
            // Not at the id itself: the message quotes it.
            r#"facts[3].id: duplicate id "ok"; ids must be unique (first used at facts[0].id)"#.to_string(),
        ]
    );
    assert_eq!(issues[0].path, "facts[1].back");
    assert!(issues.iter().all(|i| i.severity == Severity::Error));
    let json = serde_json::to_value(&issues[1]).expect("serialises");
    assert_eq!(json, serde_json::json!({"path": "facts[2].back", "message": "must not be blank", "severity": "error"}));
}

#![cfg(not(target_arch = "wasm32"))]
//! `www/decks/deck.schema.json` against the Rust validator: the schema is a
//! valid draft 2020-12 schema, accepts every valid fixture and the article's
//! deck, and rejects every invalid fixture whose rule JSON Schema can state.
//! The fixtures it cannot reject are listed in [`SCHEMA_CANNOT_CATCH`] with
//! the reason, and the test checks that the schema does accept them, so the
//! list stays honest.

use factcards::model::validate::{parse_deck_text, validate_deck};
use proptest::prelude::*;
use serde_json::{json, Value as Json};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The invalid fixtures whose rule JSON Schema cannot state, and why.
const SCHEMA_CANNOT_CATCH: &[(&str, &str)] = &[
    (
        "title-next-line-blank",
        "U+0085 (next line) is white space to Rust but not to the ECMA-262 \\s of JSON Schema patterns",
    ),
    ("deck-duplicate-field", "a JSON parser keeps one value of a repeated key, so the schema never sees the repeat"),
    ("source-duplicate-field", "a JSON parser keeps one value of a repeated key, so the schema never sees the repeat"),
    ("fact-id-duplicate", "JSON Schema cannot say that a property is unique across the items of an array"),
    ("fact-id-duplicate-of-derived", "ids derived from the position are not in the document"),
    ("fact-id-derived-duplicate", "ids derived from the position are not in the document"),
    ("fact-accept-duplicate", "uniqueItems compares exactly; the format ignores case and white space"),
    ("fact-distractor-equals-back", "JSON Schema cannot compare one property with another"),
    ("fact-distractor-equals-back-written-first", "JSON Schema cannot compare one property with another"),
    ("fact-distractor-equals-accept", "JSON Schema cannot compare one property with another"),
    ("fact-distractor-duplicate", "uniqueItems compares exactly; the format ignores case and white space"),
    ("fact-distractor-matches-back", "JSON Schema cannot compare one property with another"),
    ("fact-distractor-decomposed-back", "JSON Schema cannot compare one property with another"),
    ("fact-distractor-final-sigma", "JSON Schema cannot compare one property with another"),
    ("fact-distractor-precomposed-cyrillic", "JSON Schema cannot compare one property with another"),
    ("fact-duplicate-field", "a JSON parser keeps one value of a repeated key, so the schema never sees the repeat"),
];

/// A path in the crate.
fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The schema, parsed.
fn schema() -> Json {
    let text = std::fs::read_to_string(crate_path("www/decks/deck.schema.json")).expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

/// The compiled schema, compiled once.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| jsonschema::validator_for(&schema()).expect("schema compiles"))
}

/// Every `.json` file in `tests/fixtures/KIND`, sorted, as (name, text).
fn fixtures(kind: &str) -> Vec<(String, String)> {
    let dir = crate_path("tests/fixtures").join(kind);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().expect("name").to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("fixture");
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// The schema's errors for `instance`, one line each.
fn schema_errors(validator: &jsonschema::Validator, instance: &Json) -> Vec<String> {
    validator.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn the_schema_is_a_draft_2020_12_schema() {
    let schema = schema();
    jsonschema::meta::validate(&schema).expect("valid against its meta-schema");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], "https://factcards.invalid/deck.schema.json");
    assert!(schema["title"].is_string());
    let description = schema["description"].as_str().expect("description");
    for rule in ["unique", "distractor", "repeat a key"] {
        assert!(description.contains(rule), "the description should mention {rule:?}");
    }
}

#[test]
fn the_schema_accepts_every_valid_fixture_and_the_article_deck() {
    let validator = validator();
    let mut decks = fixtures("valid");
    let article = std::fs::read_to_string(crate_path("www/decks/tokayev-brussels-2021.json")).expect("article deck");
    decks.push(("www/decks/tokayev-brussels-2021".into(), article));
    for (name, text) in decks {
        let instance: Json = serde_json::from_str(&text).expect("JSON");
        let errors = schema_errors(validator, &instance);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert!(parse_deck_text(&text).is_ok(), "{name}");
    }
}

#[test]
fn the_schema_rejects_the_invalid_fixtures_it_can() {
    let validator = validator();
    let mut wrong = Vec::new();
    for (name, text) in fixtures("invalid") {
        assert!(parse_deck_text(&text).is_err(), "{name} should be invalid");
        let instance: Json = serde_json::from_str(&text).expect("JSON");
        let accepted = validator.is_valid(&instance);
        match SCHEMA_CANNOT_CATCH.iter().find(|(n, _)| *n == name) {
            Some(_) if !accepted => wrong
                .push(format!("{name}: listed as beyond the schema, but the schema rejects it; take it off the list")),
            None if accepted => wrong.push(format!("{name}: the schema accepts it")),
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A validator path such as `facts[0].image` as a JSON pointer,
/// `/facts/0/image`.
fn pointer(path: &str) -> String {
    path.split(['.', '[']).filter(|s| !s.is_empty()).map(|s| ["/", s.trim_end_matches(']')].concat()).collect()
}

#[test]
fn an_unknown_field_is_reported_at_its_key_where_the_schema_finds_it() {
    let validator = validator();
    let mut checked = 0;
    for (name, text) in fixtures("invalid") {
        let issues = parse_deck_text(&text).expect_err("an invalid fixture");
        let instance: Json = serde_json::from_str(&text).expect("JSON");
        for issue in issues.iter().filter(|i| i.message.starts_with("unknown field ")) {
            let key = issue.message.split('"').nth(1).expect("the key, quoted");
            let (parent, last) = issue.path.rsplit_once('.').unwrap_or(("", &issue.path));
            assert_eq!(last, key, "{name}: {issue:?} should name the key");
            let found = validator.iter_errors(&instance).any(|e| {
                e.instance_path().to_string() == pointer(parent)
                    && matches!(e.kind(), jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected }
                        if unexpected.iter().any(|u| u == key))
            });
            assert!(found, "{name}: the schema does not refuse {key:?} at {:?}", pointer(parent));
            checked += 1;
        }
    }
    assert!(checked >= 9, "{checked} unknown fields checked");
}

#[test]
fn the_list_of_what_the_schema_cannot_catch_names_real_fixtures() {
    let names: Vec<String> = fixtures("invalid").into_iter().map(|(n, _)| n).collect();
    for (name, reason) in SCHEMA_CANNOT_CATCH {
        assert!(names.iter().any(|n| n == name), "{name} is not a fixture");
        assert!(!reason.is_empty());
    }
}

/// A minimal deck with `value` put in `field` (a JSON pointer to an
/// existing or new member).
fn deck_with(field: &str, value: &str) -> Json {
    let mut deck = json!({
        "version": 1,
        "title": "t",
        "source": {},
        "facts": [{"front": "q", "back": "a", "image": {"src": "a.png", "alt": "a"}}]
    });
    let (parent, key) = field.rsplit_once('/').expect("pointer");
    deck.pointer_mut(parent).expect("parent")[key] = json!(value);
    deck
}

/// Whether the schema and the Rust validator agree on `value` in `field`.
fn agree(validator: &jsonschema::Validator, field: &str, value: &str) -> Result<(), String> {
    let deck = deck_with(field, value);
    let rust: factcards::model::json::Value = serde_json::from_value(deck.clone()).expect("value");
    let rust_ok = validate_deck(&rust).is_empty();
    let schema_ok = validator.is_valid(&deck);
    if rust_ok == schema_ok {
        Ok(())
    } else {
        Err(format!("{field} = {value:?}: Rust says {rust_ok}, the schema says {schema_ok}"))
    }
}

/// The fields whose strings follow a pattern, as JSON pointers.
const PATTERNED: [&str; 5] = ["/facts/0/image/src", "/source/url", "/source/published", "/language", "/title"];

#[test]
fn the_patterns_agree_with_the_validator_on_tricky_strings() {
    let validator = validator();
    let samples = [
        "a.png",
        "img/a.png",
        "/img/a.png",
        "../a.png",
        "./a:b.png",
        "a:b.png",
        "?x",
        "#x",
        "/",
        "//x",
        "///x",
        "/\\x",
        "\\\\x",
        "a b.png",
        "a\tb",
        "a\u{a0}b",
        "a\u{85}b",
        "a\u{feff}b",
        "a\u{7f}",
        "a\u{9f}",
        "a\u{2028}b",
        "http://x",
        "https://x.example/a?b#c",
        "HTTPS://X",
        "http://",
        "https:///x",
        "http:x",
        "ftp://x",
        "javascript:alert(1)",
        "data:,x",
        "file:///x",
        "mailto:a@b",
        "http://a b",
        "https://@/",
        "https://@",
        "https://a@b.example/",
        "https://a@b@c/",
        "https://a@/x",
        "https://:80/",
        "https://a:80/",
        "http://[::1]:8080/",
        "http://x/\\",
        "2021-12-09",
        "2024-02-29",
        "2000-02-29",
        "1900-02-29",
        "2021-02-29",
        "2021-04-31",
        "2021-13-01",
        "2021-00-10",
        "0000-02-29",
        "9999-12-31",
        "2021-1-9",
        "21-12-09",
        "en",
        "EN",
        "en-GB",
        "zh-Hant-TW",
        "es-419",
        "e",
        "engl",
        "en_GB",
        "en-",
        "-en",
        "en--GB",
        "en-abcdefghi",
        "1en",
        " ",
        "",
        "\u{3000}",
        "\u{2003}x",
        "\u{200b}",
        "\u{2060}",
        "\u{feff}",
        " \u{200c}\u{200d} ",
        "a\u{200b}",
        "é",
        "\u{301}",
    ];
    let mut disagreements = Vec::new();
    for field in PATTERNED {
        for value in samples {
            if let Err(e) = agree(validator, field, value) {
                disagreements.push(e);
            }
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// On random strings made of the characters that matter to the patterns,
    /// the schema and the validator give the same verdict in every patterned
    /// field. (U+0085 is left out: the two disagree on whether it is white
    /// space, as the schema's description says.)
    #[test]
    fn the_patterns_agree_with_the_validator_on_random_strings(
        prefix in prop::sample::select(vec!["", "http://", "https://", "HTTP://", "//", "/", "20", "en-"]),
        body in "[a-zA-Z0-9:/?#\\\\ .%@\t\u{a0}\u{7f}\u{200b}\u{feff}é-]{0,12}",
        field in prop::sample::select(PATTERNED.to_vec()),
    ) {
        let value = format!("{prefix}{body}");
        let verdict = agree(validator(), field, &value);
        prop_assert!(verdict.is_ok(), "{}", verdict.unwrap_err());
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! `model::article::check`: a deck against the article it was made from.
//! The built-in deck against its source article (tests/fixtures/article.txt,
//! the same text tests/article_deck.rs reads), a misquote and an invented
//! quote with their closest passages, numbers the article lacks, the HTML
//! reader, and the speed of the check.

use factcards::model::article::{check, normalise, text_from_html, Finding, Severity};
use factcards::model::deck::Deck;
use factcards::model::validate::parse_deck_text;
use std::time::Instant;

const ARTICLE: &str = include_str!("fixtures/article.txt");
const DECK: &str = include_str!("../www/decks/tokayev-brussels-2021.json");

fn deck(text: &str) -> Deck {
    match parse_deck_text(text) {
        Ok(deck) => deck,
        Err(issues) => panic!("{issues:#?}"),
    }
}

/// A one-fact deck with `back`, `detail` and `quote`.
fn one_fact(back: &str, detail: &str, quote: &str) -> Deck {
    let json = serde_json::json!({
        "version": 1, "title": "t",
        "facts": [{"id": "x", "front": "f", "back": back, "detail": detail, "quote": quote}]
    });
    deck(&json.to_string())
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity == Severity::Error).collect()
}

#[test]
fn the_built_in_deck_quotes_its_article() {
    let deck = deck(DECK);
    let findings = check(&deck, ARTICLE);
    assert!(errors(&findings).is_empty(), "{findings:#?}");
    // The one number the article lacks is the year, which the detail of
    // visit-dates says is inferred.
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].path, "facts[2].detail");
    assert_eq!(findings[0].labelled_path(&deck), "facts[2] (id \"visit-dates\").detail");
    assert_eq!(findings[0].message, "number \"2021\" is not in the article");
}

#[test]
fn a_misquote_names_the_passage_it_misquotes() {
    let deck = one_fact(
        "$160 billion",
        "d",
        "The EU is the biggest investor in Kazakhstan’s economy, with a total investment of $160 billion.",
    );
    let findings = check(&deck, ARTICLE);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!((f.severity, f.path.as_str(), f.field.as_str()), (Severity::Error, "facts[0].quote", "quote"));
    assert_eq!(
        f.closest.as_deref(),
        Some("The EU is the largest investor in Kazakhstan’s economy, with a total investment of $160 billion")
    );
    assert!(f.message.starts_with("not in the article; closest: \"The EU is the largest investor"), "{}", f.message);
}

#[test]
fn quotes_match_across_space_quotes_and_dashes() {
    for quote in [
        "Along with this, President Tokayev touched upon the EU \"green deal\",",
        "its two other immediate neighbours - Russia and China.",
        "its two other immediate neighbours — Russia and China.",
        "The President of Kazakhstan,\n   Kassym-Jomart Tokayev,",
        "the Central Asian country's relations",
    ] {
        let findings = check(&one_fact("b", "d", quote), ARTICLE);
        assert!(findings.is_empty(), "{quote:?}: {findings:#?}");
    }
    // Letters and case are compared as written.
    for quote in
        ["the president of kazakhstan", "Kazakhstan president visits Brussels in effort to deepen relationships"]
    {
        assert_eq!(errors(&check(&one_fact("b", "d", quote), ARTICLE)).len(), 1, "{quote:?}");
    }
}

#[test]
fn numbers_are_checked_with_their_unit_or_currency() {
    let warned = |back: &str, detail: &str| -> Vec<String> {
        check(&one_fact(back, detail, "Source: Euractiv.com"), ARTICLE).into_iter().map(|f| f.message).collect()
    };
    assert!(warned("$160 billion", "With bilateral trade worth $24bn, on 25 November.").is_empty());
    assert!(warned("160 billion dollars", "A post-COVID-19 recovery; the G20.").is_empty());
    assert_eq!(warned("€160 billion", "d"), ["number \"€160 billion\" is not in the article"]);
    assert_eq!(warned("$16 billion", "d"), ["number \"$16 billion\" is not in the article"]);
    assert_eq!(
        warned("b", "On 27 November, and again on 27 November."),
        ["number \"27 November\" is not in the article"]
    );
    assert_eq!(warned("25 December", "d"), ["number \"25 December\" is not in the article"]);
    assert_eq!(warned("9%", "d"), ["number \"9%\" is not in the article"]);
}

#[test]
fn an_html_article_is_read_as_its_text() {
    let html = format!(
        "<!doctype html><html><head><title>x</title><script>var q = \"not text\";</script></head><body><article>{}</article></body></html>",
        ARTICLE
            .split("\n\n")
            .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('’', "&rsquo;").replace('–', "&#8211;")))
            .collect::<String>()
    );
    let text = text_from_html(&html);
    assert_eq!(normalise(&text), normalise(ARTICLE));
    assert!(check(&deck(DECK), &text).iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(errors(&check(&one_fact("b", "d", "not text"), &text)).len(), 1);
}

#[test]
fn checking_thirty_misquotes_against_a_long_article_is_fast() {
    // About 1,000 words, and 30 quotes none of which is in it.
    let article = format!("{ARTICLE}\n\n{ARTICLE}");
    assert!(article.split_whitespace().count() >= 1_000);
    let facts: Vec<serde_json::Value> = (0..30)
        .map(|i| {
            serde_json::json!({"id": format!("f{i}"), "front": "f", "back": "b",
                "quote": format!("Tokayev and Michel discussed the prospects of a strategic partnership number {i} between the two sides")})
        })
        .collect();
    let deck = deck(&serde_json::json!({"version": 1, "title": "t", "facts": facts}).to_string());
    let start = Instant::now();
    let findings = check(&deck, &article);
    let took = start.elapsed();
    assert_eq!(errors(&findings).len(), 30);
    assert!(findings[0]
        .closest
        .as_deref()
        .is_some_and(|c| c.starts_with("Tokayev and Michel discussed the prospects")));
    eprintln!("30 misquotes against {} words: {took:?}", article.split_whitespace().count());
    assert!(took.as_millis() < 200, "{took:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any article and quote: no panic; a quote is found exactly when its
    /// normalised text is in the normalised article as whole words, and the closest passage
    /// is a part of the article.
    #[test]
    fn any_quote_is_found_or_given_its_closest_passage(
        text in "([A-Za-z]{1,6}|[0-9]{1,4}|[ \n\u{a0}]|[.,’'“”\"–—-]|\u{ad}|…|\\$|€|%)*",
        quote in "([A-Za-z]{1,6}|[0-9]{1,4}|[ \n]|[.,’'\"–-]|…)*",
    ) {
        let deck = one_fact("b", "d", if quote.trim().is_empty() { "x" } else { &quote });
        let findings = check(&deck, &text);
        let q = deck.facts[0].quote.clone().unwrap_or_default();
        // Found as whole words: no letter or digit on either side of a
        // match whose own end is one.
        let (t, n) = (normalise(&text), normalise(&q));
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let starts_mid_word = |i: usize| word(n.chars().next()) && word(t[..i].chars().next_back());
        let ends_mid_word = |i: usize| word(n.chars().next_back()) && word(t[i + n.len()..].chars().next());
        let whole = |i: usize| !starts_mid_word(i) && !ends_mid_word(i);
        let found = !n.is_empty() && (0..t.len()).any(|i| t.is_char_boundary(i) && t[i..].starts_with(&n) && whole(i));
        proptest::prop_assert_eq!(errors(&findings).is_empty(), found);
        for f in errors(&findings) {
            if let Some(c) = &f.closest {
                proptest::prop_assert!(normalise(&text).contains(&normalise(c)));
            }
        }
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! The suggestion engine (`model::suggest`) on the seed article and on two
//! made-up news reports: the drafts cover the article's key facts,
//! their answers stand verbatim in their quotes, every quote is in the
//! article, no answer is drafted twice or again when the deck has it, the drafts make
//! a valid deck, and a 1,000-word article takes milliseconds.

use factcards::model::article;
use factcards::model::deck::Kind;
use factcards::model::suggest::{suggest, title_guess, to_deck, Draft, BLANK};
use factcards::model::text::answers_match;
use factcards::model::validate::parse_deck_text;
use serde_json::Value as Json;
use std::time::Instant;

/// The seed article, as tests/article_deck.rs reads it.
const ARTICLE: &str = include_str!("fixtures/article.txt");
const DECK: &str = include_str!("../www/decks/tokayev-brussels-2021.json");

/// The 20 key facts of the seed article: every fact of the built-in deck
/// whose answer is one name, place, date, number or amount (kinds person,
/// organization, document, place, date, number, money; all but the pair
/// "Russia and China"), by id, each with the article's sentence that holds
/// it.
const KEY_FACTS: [(&str, &str); 20] = [
    ("tokayev", S_VISIT),
    ("visit-country", S_VISIT),
    ("visit-dates", S_VISIT),
    ("afghanistan", "The visit took place as the Central Asian country’s relations with the EU are at a high point and amid growing importance of the EU’s engagement with the region in the context of a looming humanitarian crisis in Afghanistan."),
    ("charles-michel", S_MICHEL),
    ("michel-meeting-day", S_MICHEL),
    ("epca", "Tokayev and Michel discussed the prospects of a strategic partnership between Kazakhstan and the EU, with an emphasis on the effective implementation of the Agreement on Enhanced Partnership and Cooperation (EPCA), which entered into force just before the Covid pandemic broke out."),
    ("epca-first", "Kazakhstan is the first Central Asian country to agree an Enhanced Partnership and Cooperation Agreement with the EU."),
    ("eu-investment", "The EU is the largest investor in Kazakhstan’s economy, with a total investment of $160 billion."),
    ("bilateral-trade", "In turn, Kazakhstan is the EU’s leading trade partner in the region, with bilateral trade worth $24 billion."),
    ("water-consortium", "Speaking about the situation with water resources in Central Asia, Tokayev told Michel about the need to create an International Water and Energy Consortium, whose activities would be aimed at balancing the interests of the states of the region in the field of hydropower, irrigation and environmental protection."),
    ("raw-materials-alliance", "Along with this, President Tokayev touched upon the EU “green deal”, expressing Kazakhstan’s readiness to establish a partnership with the European Raw Materials Alliance and the European Battery Alliance by ensuring reliable and sustainable access to raw materials, as well as integrating our country into the battery value chain."),
    ("ninth-resources", "Kazakhstan is the ninth largest country in the world in terms of resources, and has expressed interest in integrating the battery supply chain when it comes to extraction and processing of the materials."),
    ("von-der-leyen", S_BUSINESS),
    ("maurange", S_BUSINESS),
    ("john-cockerill", S_BUSINESS),
    ("kropp", S_BUSINESS),
    ("svevind", S_BUSINESS),
    ("mangistau", "In talks with Kropp, the implementation of the Hyrasia One project in the field of green hydrogen production in the Mangistau region was discussed."),
    ("editor", "[Edited by Zoran Radosavljevic]"),
];
const S_VISIT: &str = "The President of Kazakhstan, Kassym-Jomart Tokayev, paid a rare official visit to Belgium on Thursday and Friday (25-26 November) in an effort to present his country as a reliable partner to the EU and open the door to new opportunities.";
const S_MICHEL: &str = "Few details emerged from the EU side following Tokayev’s meeting with European Council President Charles Michel on Thursday.";
const S_BUSINESS: &str = "Tokayev also met with European Commission President Ursula von der Leyen, and with representatives of European business – the chairman of the board of the Belgian company John Cockerill, Jean-Luc Maurange, and the president of the German group of companies Svevind Group, Wolfgang Kropp.";

/// A made-up news report, not the seed: titles, initials, U.S., D-Calif.,
/// money, dates, percentages and roles.
const REPORT: &str = "\
Senate plan would rebuild California levees

WASHINGTON - Sen. Maria Delgado (D-Calif.) on Tuesday unveiled a $2.4 billion plan to rebuild levees along the Sacramento River, a proposal she said would protect 1.2 million residents.

The bill, known as the Levee Safety Act, would be paid for over 10 years. Rep. Thomas J. Whitfield, R-Texas, called it \"a good start\" but said the U.S. Army Corps of Engineers needed more staff.

Dr. Anita Rao, director of the Center for Water Policy at Stanford University, said the state had lost 38% of its wetlands since 1950. \"We are running out of time,\" she said.

The plan follows the floods of Feb. 14, 2023, which forced 40,000 people from their homes in the Central Valley. Hydrobuild Inc., led by chief executive Paul Mercer, has been hired to draft the designs.

The chairman of the board of the Pacific Flood Trust, Helen Osei, welcomed the announcement.
";

/// A third made-up report, in wire style.
const WIRE: &str = "\
Oil prices jump as producers agree deeper cuts

LONDON, Oct 5 - Oil prices rose more than 2% on Wednesday after the Organization of the Petroleum Exporting Countries and allies agreed to cut output by 2 million barrels per day, the biggest cut since 2020.

\"This is a very aggressive move,\" said Amrita Sen, director of research at Energy Aspects.

Saudi Energy Minister Prince Abdulaziz bin Salman told reporters in Vienna that the group was being proactive. The cuts take effect in November, the group said.

Goldman Sachs, led by chief executive David Solomon, raised its forecast to $110 a barrel for the fourth quarter.
";

fn facts() -> Vec<Json> {
    let deck: Json = serde_json::from_str(DECK).expect("the deck is JSON");
    deck["facts"].as_array().expect("facts").clone()
}

/// The answers a key fact takes: its back and its accepted answers.
fn answers_of(fact: &Json) -> Vec<String> {
    let mut out = vec![fact["back"].as_str().expect("back").to_string()];
    if let Some(list) = fact.get("accept").and_then(Json::as_array) {
        out.extend(list.iter().map(|a| a.as_str().expect("accept entry").to_string()));
    }
    out
}

/// True when `draft` covers a key fact with `answers` held by `sentence`.
fn covers(draft: &Draft, answers: &[String], sentence: &str) -> bool {
    article::normalise(&draft.quote) == article::normalise(sentence)
        && answers.iter().any(|a| answers_match(&draft.back, a))
}

/// The share of drafts whose answer appears verbatim in their quote.
fn verbatim_share(drafts: &[Draft]) -> f64 {
    let n = drafts.iter().filter(|d| d.quote.contains(&d.back)).count();
    n as f64 / drafts.len() as f64
}

#[test]
fn the_key_facts_are_the_decks_and_in_their_sentences() {
    let facts = facts();
    for (id, sentence) in KEY_FACTS {
        let fact = facts.iter().find(|f| f["id"] == id).unwrap_or_else(|| panic!("no fact {id}"));
        assert!(article::quote_in(ARTICLE, sentence), "{id}: the sentence is not in the article");
        let quote = fact["quote"].as_str().expect("quote");
        assert!(
            article::normalise(sentence).contains(&article::normalise(quote)),
            "{id}: its quote is not in the sentence"
        );
    }
}

#[test]
fn drafts_cover_the_key_facts_of_the_seed_article() {
    let drafts = suggest(ARTICLE, None);
    let facts = facts();
    let mut covered = Vec::new();
    let mut missed = Vec::new();
    for (id, sentence) in KEY_FACTS {
        let fact = facts.iter().find(|f| f["id"] == id).expect("key fact");
        let answers = answers_of(fact);
        if drafts.iter().any(|d| covers(d, &answers, sentence)) {
            covered.push(id);
        } else {
            missed.push(id);
        }
    }
    let share = verbatim_share(&drafts);
    eprintln!(
        "seed article: {} drafts; {} of 20 key facts covered (missed: {missed:?}); {:.1}% of answers verbatim in their quote",
        drafts.len(),
        covered.len(),
        share * 100.0
    );
    assert!(covered.len() >= 14, "only {} of 20 key facts covered; missed {missed:?}", covered.len());
    assert!(share >= 0.8, "{share}");
}

#[test]
fn every_draft_is_whole_and_quotes_the_article() {
    for text in [ARTICLE, REPORT, WIRE] {
        let drafts = suggest(text, None);
        assert!(!drafts.is_empty());
        for d in &drafts {
            assert!(article::quote_in(text, &d.quote), "{d:#?}");
            assert!(!d.back.trim().is_empty() && !d.front.trim().is_empty() && !d.topic.is_empty(), "{d:#?}");
            if d.cloze {
                assert_eq!(d.front.matches(BLANK).count(), 1, "{d:#?}");
                assert_eq!(d.front.replacen(BLANK, &d.back, 1), d.quote, "{d:#?}");
            } else {
                assert!(d.front.starts_with("Who is ") && d.front.ends_with('?') && d.kind == Kind::Person, "{d:#?}");
            }
        }
    }
}

/// The drafts of `text` as (kind, answer, question).
fn drafted(text: &str) -> Vec<(Kind, String, String)> {
    suggest(text, None).into_iter().map(|d| (d.kind, d.back, d.front)).collect()
}

#[test]
fn a_second_report_gets_its_values_people_and_roles() {
    let drafts = drafted(REPORT);
    let has = |kind: Kind, back: &str| drafts.iter().any(|d| d.0 == kind && d.1 == back);
    for (kind, back) in [
        (Kind::Person, "Maria Delgado"),
        (Kind::Date, "Tuesday"),
        (Kind::Money, "$2.4 billion"),
        (Kind::Number, "1.2 million"),
        (Kind::Document, "Levee Safety Act"),
        (Kind::Number, "10"),
        (Kind::Person, "Thomas J. Whitfield"),
        (Kind::Person, "Anita Rao"),
        (Kind::Organization, "Center for Water Policy"),
        (Kind::Organization, "Stanford University"),
        (Kind::Number, "38%"),
        (Kind::Date, "1950"),
        (Kind::Date, "Feb. 14, 2023"),
        (Kind::Number, "40,000"),
        (Kind::Place, "Central Valley"),
        (Kind::Organization, "Hydrobuild Inc."),
        (Kind::Person, "Paul Mercer"),
        (Kind::Person, "Helen Osei"),
        (Kind::Organization, "Pacific Flood Trust"),
    ] {
        assert!(has(kind, back), "no {kind:?} draft {back:?}");
    }
    let question = |back: &str| drafts.iter().find(|d| d.1 == back).map(|d| d.2.as_str()).unwrap_or("");
    assert_eq!(question("Anita Rao"), "Who is the director of the Center for Water Policy at Stanford University?");
    assert_eq!(question("Helen Osei"), "Who is the chairman of the board of the Pacific Flood Trust?");
    assert_eq!(
        question("40,000"),
        "The plan follows the floods of Feb. 14, 2023, which forced ___ people from their homes in the Central Valley."
    );
    // Abbreviations do not cut sentences: the quotes are whole.
    let quotes: Vec<String> = suggest(REPORT, None).into_iter().map(|d| d.quote).collect();
    assert!(quotes.iter().any(|q| q.starts_with("WASHINGTON - Sen. Maria Delgado (D-Calif.) on Tuesday")));
    assert!(quotes
        .iter()
        .any(|q| q.starts_with("Rep. Thomas J. Whitfield, R-Texas, called it") && q.ends_with("needed more staff.")));
    assert!(verbatim_share(&suggest(REPORT, None)) >= 0.8);
    assert_eq!(title_guess(REPORT).as_deref(), Some("Senate plan would rebuild California levees"));
}

#[test]
fn a_wire_report_gets_its_people_and_organisations() {
    let drafts = drafted(WIRE);
    let find = |back: &str| drafts.iter().find(|d| d.1 == back).map(|d| (d.0, d.2.as_str()));
    assert_eq!(find("Organization of the Petroleum Exporting Countries").map(|d| d.0), Some(Kind::Organization));
    assert_eq!(find("Amrita Sen"), Some((Kind::Person, "Who is the director of research at Energy Aspects?")));
    assert_eq!(find("Abdulaziz bin Salman"), Some((Kind::Person, "Who is the Saudi Energy Minister?")));
    assert_eq!(find("Goldman Sachs").map(|d| d.0), Some(Kind::Organization));
    assert_eq!(find("David Solomon").map(|d| d.0), Some(Kind::Person));
    for (kind, back) in [
        (Kind::Date, "Oct 5"),
        (Kind::Number, "2%"),
        (Kind::Date, "Wednesday"),
        (Kind::Number, "2 million"),
        (Kind::Date, "2020"),
        (Kind::Place, "Vienna"),
        (Kind::Date, "November"),
        (Kind::Money, "$110"),
    ] {
        assert_eq!(find(back).map(|d| d.0), Some(kind), "{back}");
    }
    // "the fourth quarter" names a period and ranks nothing: no number.
    assert!(find("fourth").is_none());
    // No draft is a bare suffix word or a verb phrase taken for a role.
    assert!(find("Organization").is_none());
    assert!(drafts.iter().all(|d| !d.2.contains("Who is the led")), "{drafts:#?}");
}

#[test]
fn dotted_names_and_numbers_in_names_are_read_whole() {
    let drafts = drafted(
        "The U.S. Senate passed the bill on Tuesday. U.S. President Joe Biden signed it at 4 p.m. in Washington. \
         About 3,000 people protested in St. Louis. The S&P 500 dropped 0.8%. Shares of Boeing rose after the Boeing 737 flew.",
    );
    let backs: Vec<&str> = drafts.iter().map(|d| d.1.as_str()).collect();
    let find = |back: &str| drafts.iter().find(|d| d.1 == back).map(|d| d.2.as_str());
    assert_eq!(find("U.S. Senate"), Some("The ___ passed the bill on Tuesday."));
    assert_eq!(find("Joe Biden"), Some("Who is the U.S. President?"));
    assert!(backs.contains(&"St. Louis") && backs.contains(&"3,000") && backs.contains(&"0.8%"), "{backs:?}");
    // Not a number fact: an index's name, a model's, a time of day.
    for not in ["S", "St", "500", "737", "4"] {
        assert!(!backs.contains(&not), "{not:?} in {backs:?}");
    }
}

#[test]
fn facts_already_in_the_deck_are_not_drafted() {
    let deck = parse_deck_text(DECK).expect("the built-in deck");
    let all = suggest(ARTICLE, None);
    let new = suggest(ARTICLE, Some(&deck));
    assert!(new.len() < all.len());
    for d in &new {
        let repeated = deck.facts.iter().any(|f| {
            let deck_answers: Vec<&String> = std::iter::once(&f.back).chain(&f.accept).collect();
            std::iter::once(&d.back).chain(&d.accept).any(|x| deck_answers.iter().any(|a| answers_match(x, a)))
        });
        assert!(!repeated, "{d:#?} repeats a fact of the deck");
    }
    assert!(all.iter().any(|d| d.back == "$160 billion"));
    assert!(!new.iter().any(|d| d.back == "$160 billion" || d.back == "Kassym-Jomart Tokayev"));
    // The same answer in another sentence is the same fact: not drafted again.
    let other = "Tokayev praised the $160 billion figure again.";
    assert!(!suggest(other, Some(&deck)).iter().any(|d| answers_match(&d.back, "$160 billion")));
    // And so is the same amount written in digits.
    let digits = "Tokayev said the EU had invested $160,000,000,000 in Kazakhstan.";
    assert!(suggest(digits, None).iter().any(|d| d.back == "$160,000,000,000"));
    assert!(!suggest(digits, Some(&deck)).iter().any(|d| d.back == "$160,000,000,000"));
}

#[test]
fn a_name_written_in_another_order_is_the_same_fact() {
    let drafts = suggest(ARTICLE, None);
    let epca: Vec<&Draft> = drafts.iter().filter(|d| d.kind == Kind::Document).collect();
    assert_eq!(epca.len(), 1, "{epca:#?}");
    assert_eq!(epca[0].back, "Agreement on Enhanced Partnership and Cooperation");
    assert_eq!(epca[0].accept, ["EPCA", "Enhanced Partnership and Cooperation Agreement"]);
    // With the deck, which has the agreement, neither order is drafted,
    // whatever the kind of the deck's fact.
    let mut deck = parse_deck_text(DECK).expect("the built-in deck");
    for f in deck.facts.iter_mut() {
        f.kind = Kind::Other;
    }
    let text = "The Cooperation and Enhanced Partnership Agreement was signed in Astana.";
    assert!(suggest(text, None).iter().any(|d| d.kind == Kind::Document));
    assert!(!suggest(text, Some(&deck)).iter().any(|d| d.kind == Kind::Document), "{:#?}", suggest(text, Some(&deck)));
    // Only documents: scores and other names keep their order.
    let drafts = drafted("The team won 3-1 on Monday. They lost 1-3 on Friday.");
    assert!(drafts.iter().any(|d| d.1 == "3-1") && drafts.iter().any(|d| d.1 == "1-3"), "{drafts:#?}");
    let drafts = drafted("The Party for Freedom won in the Netherlands. The Freedom Party won in Austria.");
    assert!(drafts.iter().any(|d| d.1 == "Party for Freedom"), "{drafts:#?}");
    assert!(drafts.iter().any(|d| d.1 == "Freedom Party"), "{drafts:#?}");
}

#[test]
fn credit_lines_ask_who_wrote_or_edited_the_article() {
    let drafts = drafted(ARTICLE);
    let editor = drafts.iter().find(|d| d.1 == "Zoran Radosavljevic").expect("the editor's draft");
    assert_eq!(editor.2, "Who is the editor of the article?");
    let wire = "Oil prices rose on Wednesday.\n\n(Reporting by Jane Roe; Editing by John Doe)\n";
    let drafts = drafted(wire);
    let question = |back: &str| drafts.iter().find(|d| d.1 == back).map(|d| d.2.clone());
    assert_eq!(question("Jane Roe").as_deref(), Some("Who is the reporter of the article?"), "{drafts:#?}");
    assert_eq!(question("John Doe").as_deref(), Some("Who is the editor of the article?"), "{drafts:#?}");
    // Names joined by "and", and a place after the name, in a bracketed line.
    let drafts =
        drafted("Oil rose.\n\n(Reporting by Jane Roe and John Smith in London; Editing by John Doe and Mark Potter)\n");
    for (back, role) in
        [("Jane Roe", "reporter"), ("John Smith", "reporter"), ("John Doe", "editor"), ("Mark Potter", "editor")]
    {
        let question = drafts.iter().find(|d| d.1 == back).map(|d| d.2.clone());
        assert_eq!(question, Some(format!("Who is the {role} of the article?")), "{back}: {drafts:#?}");
    }
    assert!(!drafts.iter().any(|d| d.1 == "London"), "a credit line gives people only: {drafts:#?}");
    // "edited by" in a sentence that goes on is no credit line.
    for text in [
        "The report, edited by Jane Roe, came out on Monday.",
        "Edited by Jane Roe, the report came out on Monday.",
        "Written by Jane Roe, the play opened in London on Monday.",
    ] {
        let drafts = drafted(text);
        assert!(drafts.iter().any(|d| d.1 == "Jane Roe" && d.2.contains(BLANK)), "{text}: {drafts:#?}");
        assert!(drafts.iter().any(|d| d.1 == "Monday"), "{text}: {drafts:#?}");
    }
    // Without brackets, a list of names, and a long wire credit.
    let drafts = drafted("Oil rose.\n\nReporting by Jane Roe, John Smith and Mark Potter\n");
    assert_eq!(drafts.iter().filter(|d| d.2 == "Who is the reporter of the article?").count(), 3, "{drafts:#?}");
    let drafts = drafted(
        "Oil rose.\n\nReporting by Andrea Shalal and David Lawder; Additional reporting by Jane Roe in London; \
         Editing by Chizu Nomiyama and Mark Potter\n",
    );
    let credited: Vec<&str> =
        drafts.iter().filter(|d| d.2.ends_with(" of the article?")).map(|d| d.1.as_str()).collect();
    assert_eq!(credited, ["Andrea Shalal", "David Lawder", "Jane Roe", "Chizu Nomiyama", "Mark Potter"], "{drafts:#?}");
    assert!(!drafts.iter().any(|d| d.1 == "London"), "{drafts:#?}");
    // A bracketed credit with the site's next line right under it.
    let drafts = drafted(
        "Oil rose.\n(Reporting by Jane Roe in London; Editing by Mark Potter)\nOur Standards: The Trust Principles.",
    );
    let credited: Vec<&str> =
        drafts.iter().filter(|d| d.2.ends_with(" of the article?")).map(|d| d.1.as_str()).collect();
    assert_eq!(credited, ["Jane Roe", "Mark Potter"], "{drafts:#?}");
    // A sentence that goes on after the names is no credit line.
    let drafts = drafted("The anthology sold well. Edited by Jane Roe and published by Penguin in 2019.");
    assert!(drafts.iter().any(|d| d.1 == "2019"), "{drafts:#?}");
    assert!(!drafts.iter().any(|d| d.2.ends_with(" of the article?")), "{drafts:#?}");
}

/// An article of the editor's tests: a value in its headline and again in
/// its body.
const BRIDGE: &str = include_str!("fixtures/article/harbour-bridge.txt");

#[test]
fn a_deck_fact_is_not_drafted_again_from_another_sentence() {
    let all = suggest(BRIDGE, None);
    let money: Vec<&Draft> = all.iter().filter(|d| answers_match(&d.back, "€240 million")).collect();
    assert_eq!(money.len(), 1, "{money:#?}");
    // The deck quotes "€240 million" from one sentence; no sentence drafts it
    // again, whichever the deck's is.
    let body =
        all.iter().find(|d| d.back == "€90 million").map(|d| d.quote.clone()).expect("the sentence with the cost");
    assert!(body.starts_with("The bridge will cost €240 million"), "{body}");
    for quote in [money[0].quote.clone(), body] {
        let mut fact = money[0].clone();
        fact.quote = quote.clone();
        let deck = to_deck(&[fact], "Bridge", None);
        let again = suggest(BRIDGE, Some(&deck));
        assert!(
            !again.iter().any(|d| answers_match(&d.back, "€240 million")),
            "deck quotes {quote:?}; drafted again: {:#?}",
            again.iter().filter(|d| answers_match(&d.back, "€240 million")).collect::<Vec<_>>()
        );
        assert_eq!(again.len(), all.len() - 1);
    }
}

#[test]
fn two_drafts_never_share_an_answer() {
    // "Nordbygg" reads as a place in one sentence and a company in the next.
    let text = "The steel came from Nordbygg. Trucks were sent by the company Nordbygg, a Swedish firm.";
    let drafts = suggest(text, None);
    let n = drafts.iter().filter(|d| d.back == "Nordbygg").count();
    assert_eq!(n, 1, "{drafts:#?}");
    for text in [ARTICLE, REPORT, WIRE, BRIDGE] {
        let drafts = suggest(text, None);
        for (i, a) in drafts.iter().enumerate() {
            for b in &drafts[..i] {
                let earlier: Vec<&String> = std::iter::once(&b.back).chain(&b.accept).collect();
                assert!(
                    !std::iter::once(&a.back).chain(&a.accept).any(|x| earlier.iter().any(|e| answers_match(x, e))),
                    "{a:#?} repeats {b:#?}"
                );
            }
        }
    }
}

#[test]
fn drafts_make_a_valid_deck_that_passes_the_article_check() {
    for text in [ARTICLE, REPORT, WIRE] {
        let drafts = suggest(text, None);
        let deck = to_deck(&drafts, &title_guess(text).unwrap_or_else(|| "Drafts".into()), None);
        let json = serde_json::to_string(&deck).expect("JSON");
        let parsed = match parse_deck_text(&json) {
            Ok(d) => d,
            Err(issues) => panic!("{issues:#?}"),
        };
        assert_eq!(parsed.facts.len(), drafts.len());
        let errors: Vec<_> =
            article::check(&parsed, text).into_iter().filter(|f| f.severity == article::Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn suggestions_for_a_thousand_words_take_milliseconds() {
    let text = format!("{ARTICLE}\n\n{REPORT}\n\n{ARTICLE}");
    let words = text.split_whitespace().count();
    assert!(words >= 1_000, "{words}");
    let start = Instant::now();
    let runs = 20;
    let mut n = 0;
    for _ in 0..runs {
        n = suggest(&text, None).len();
    }
    let each = start.elapsed() / runs;
    eprintln!("suggest: {words} words, {n} drafts, {each:?} a run");
    assert!(n > 0);
    assert!(each.as_millis() < 500, "{each:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]

    /// Any text: no panic, and every draft quotes the text and blanks its answer.
    #[test]
    fn any_text_gives_sound_drafts(
        text in "([A-Z][a-z]{0,6}|[a-z]{1,6}|[0-9]{1,5}|[.,;:$€%()\"“”’'–-]|\u{a0}| |\n|Sen\\.|U\\.S\\.|Mr\\.|Nov\\.|the|of|and|in|President|director of|led by|Group|Agreement|region|billion|January|Monday|first|two)*"
    ) {
        for d in suggest(&text, None) {
            proptest::prop_assert!(article::quote_in(&text, &d.quote), "{:?}", d);
            if d.cloze {
                proptest::prop_assert_eq!(d.front.replacen(BLANK, &d.back, 1), d.quote.clone());
            }
        }
        let _ = article::text_from_html(&text);
    }

    /// Any markup-like text: the HTML reader and the number reader do not panic.
    #[test]
    fn any_markup_is_read(text in "(<[a-zA-Z/!?]{0,8}|>|&[a-z#x0-9]{0,8};?|[a-z ]{0,5}|\"|'|<!--|-->|[0-9.,$€£%-]{0,6})*") {
        let plain = article::text_from_html(&text);
        let _ = article::quantities(&plain);
        let _ = article::quantities(&text);
        let _ = suggest(&plain, None);
    }
}

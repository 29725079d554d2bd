#![cfg(not(target_arch = "wasm32"))]
//! www/fallback.html carries the static HTML that `factcards render` writes
//! for the article's deck; this keeps the two from drifting apart.

use factcards::model::static_html::render;
use factcards::model::validate::parse_deck_text;

#[test]
fn the_fallback_page_holds_the_current_render_of_the_deck() {
    let page = std::fs::read_to_string("www/fallback.html").unwrap();
    let start = "<!-- factcards:fallback:start -->\n";
    let end = "<!-- factcards:fallback:end -->";
    let from = page.find(start).expect("start marker") + start.len();
    let to = page.find(end).expect("end marker");
    let deck = parse_deck_text(&std::fs::read_to_string("www/decks/tokayev-brussels-2021.json").unwrap()).unwrap();
    assert_eq!(
        &page[from..to],
        render(&deck),
        "regenerate with: cargo run --bin factcards -- render www/decks/tokayev-brussels-2021.json"
    );
}

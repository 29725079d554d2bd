//! Static HTML of a deck, for pages read without script: search engines,
//! reader modes, slow phones. Put it inside `<fact-cards>`; the widget replaces
//! it when it starts (its shadow root has no slot, so the fallback is no longer
//! shown or read), and without script the reader still has every fact.
//!
//! Every piece of deck text goes through [`escape`], the same rule the widget
//! gets from `textContent`: text stays text.

use super::deck::{Deck, Source};
use super::locale::{Key, Lang, Strings};
use super::text::concat;

/// Escapes text for HTML content and double- or single-quoted attributes.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn element(out: &mut String, tag: &str, attrs: &[(&str, &str)], text: &str) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(value, out);
        out.push('"');
    }
    out.push('>');
    escape(text, out);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// A semantic HTML fragment of `deck`: a heading, a `<dl>` of fronts and
/// backs with their details and quotes, and the source credit.
pub fn render(deck: &Deck) -> String {
    let mut out = String::with_capacity(256 + deck.facts.len() * 256);
    out.push_str("<section class=\"factcards-fallback\" lang=\"");
    escape(&deck.language, &mut out);
    out.push_str("\">\n");
    element(&mut out, "h2", &[], &deck.title);
    out.push('\n');
    if let Some(d) = &deck.description {
        element(&mut out, "p", &[], d);
        out.push('\n');
    }
    out.push_str("<dl>\n");
    for fact in &deck.facts {
        // An HTML id has no white space: "visit dates" is `fact-visit-dates`.
        let id: Vec<&str> = fact.id.split_whitespace().collect();
        element(&mut out, "dt", &[("id", &concat(&["fact-", &id.join("-")]))], &fact.front);
        out.push_str("\n<dd>");
        element(&mut out, "strong", &[], &fact.back);
        if let Some(d) = &fact.detail {
            out.push(' ');
            element(&mut out, "span", &[], d);
        }
        if let Some(q) = &fact.quote {
            out.push_str("<blockquote>");
            element(&mut out, "p", &[], q);
            out.push_str("</blockquote>");
        }
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n");
    // A credit needs a publisher, URL, headline or author.
    let credited = |s: &&Source| s.publisher.is_some() || s.url.is_some() || s.headline.is_some() || s.author.is_some();
    if let Some(src) = deck.source.as_ref().filter(credited) {
        // The widget's own words in the deck's language, when built in.
        let words = Strings::new(Lang::from_tag(&deck.language));
        out.push_str("<p>");
        escape(&concat(&[words.get(Key::Source), words.get(Key::LabelEnd), " "]), &mut out);
        let name = src.publisher.as_deref().or(src.url.as_deref()).unwrap_or("");
        match &src.url {
            // Validated as http(s) before it gets here.
            Some(url) => element(&mut out, "a", &[("href", url), ("rel", "noopener noreferrer")], name),
            None => escape(name, &mut out),
        }
        let mut any = !name.is_empty();
        if let Some(h) = &src.headline {
            if any {
                out.push_str(", ");
            }
            element(&mut out, "cite", &[], h);
            any = true;
        }
        if let Some(a) = &src.author {
            if any {
                out.push_str(", ");
            }
            escape(a, &mut out);
        }
        if let Some(e) = &src.editor {
            out.push(' ');
            escape(&words.with_name(Key::Edited, e), &mut out);
        }
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_credit_is_in_the_deck_language() {
        let deck = |language: &str| {
            let text = [
                r#"{"version":1,"title":"T","language":""#,
                language,
                r#"","source":{"publisher":"P","editor":"E"},"facts":[{"front":"F","back":"B"}]}"#,
            ]
            .concat();
            crate::model::validate::parse_deck_text(&text).expect("a valid deck")
        };
        assert!(render(&deck("en")).contains("<p>Source: P (ed. E)</p>"));
        assert!(render(&deck("fr-BE")).contains("<p>Source : P (éd. E)</p>"));
        assert!(render(&deck("ru")).contains("<p>Источник: P (ред. E)</p>"));
        assert!(render(&deck("kk")).contains("<p>Source: P (ed. E)</p>"), "English for other languages");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_credit_joins_the_parts_the_source_gives() {
        let credit = |source: &str| {
            let text =
                [r#"{"version":1,"title":"T","source":"#, source, r#","facts":[{"front":"F","back":"B"}]}"#].concat();
            let html = render(&crate::model::validate::parse_deck_text(&text).expect("a valid deck"));
            html.split_once("<p>Source: ").map(|(_, p)| p.split("</p>").next().unwrap_or_default().to_owned())
        };
        assert_eq!(credit(r#"{"headline":"H","author":"A"}"#).as_deref(), Some("<cite>H</cite>, A"));
        assert_eq!(credit(r#"{"author":"A"}"#).as_deref(), Some("A"));
        assert_eq!(credit(r#"{"publisher":"P","author":"A"}"#).as_deref(), Some("P, A"));
        assert_eq!(credit(r#"{"published":"2021-11-25"}"#), None, "nothing to credit");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn fact_ids_become_html_ids_without_white_space() {
        let text = r#"{"version":1,"title":"T","facts":[{"id":"visit dates","front":"F","back":"B"},{"id":"a&b","front":"F","back":"B"}]}"#;
        let html = render(&crate::model::validate::parse_deck_text(text).expect("a valid deck"));
        assert!(html.contains(r#"<dt id="fact-visit-dates">"#) && html.contains(r#"<dt id="fact-a&amp;b">"#), "{html}");
    }

    #[test]
    fn escapes_every_special_character() {
        let mut out = String::new();
        escape(r#"<img src=x onerror="a('b')">&"#, &mut out);
        assert_eq!(out, "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
    }
}

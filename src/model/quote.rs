//! Finding a quote in an article's text, as the quote check compares them:
//! white space, typographic quotes and apostrophes, and dashes are each
//! folded to one form; letters and case are compared as written.
//!
//! Small on purpose: it is the only part of the article check the reader's
//! widget carries ("Show in article"). The full check, with the closest
//! passage and the numbers, is [`article`](super::article) (authoring
//! builds only).

use super::deck::Deck;
use super::text::push_uint;
use super::unicode::is_alphanumeric;
use super::validate::Issue;

/// The character `c` stands for when quotes are compared: `None` drops it
/// (soft hyphens, zero-width characters); white space is `' '`.
fn normal_char(c: char) -> Option<char> {
    Some(match c {
        c if c.is_whitespace() => ' ',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        c => c,
    })
}

/// Pushes the normal form of `c` onto `out` (nothing for a dropped
/// character, one space for a run of white space, none at the start).
fn push_normal(out: &mut String, c: char) {
    match normal_char(c) {
        Some(' ') if !out.is_empty() && !out.ends_with(' ') => out.push(' '),
        Some(' ') | None => {}
        Some('\u{2026}') => out.push_str("..."),
        Some(c) => out.push(c),
    }
}

/// `s` as quotes are compared: every run of white space one space (none at
/// the ends), typographic quotes and apostrophes ASCII ones, every dash a
/// hyphen, `…` three dots, soft hyphens and zero-width characters dropped.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_normal(&mut out, c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Where `want` first occurs in `text` as whole words: a match that starts
/// with a letter or digit must not follow one, and one that ends with a
/// letter or digit must not precede one ("50 people" is not in "150
/// people"). Both are already [`normalise`]d; `want` is not empty.
pub(crate) fn find_whole(text: &str, want: &str) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(is_alphanumeric);
    let (first, last) = (word(want.chars().next()), word(want.chars().next_back()));
    // A scan of bytes, not `str::find`: its searcher's panic path would
    // bring core's `{:?}` and Unicode tables into the widget's wasm. A
    // match of UTF-8 in UTF-8 starts and ends on character boundaries.
    text.as_bytes().windows(want.len()).enumerate().position(|(i, w)| {
        w == want.as_bytes()
            && !(first && word(text.get(..i).and_then(|t| t.chars().next_back())))
            && !(last && word(text.get(i + want.len()..).and_then(|t| t.chars().next())))
    })
}

/// An article's text after [`normalise`], with where each of its bytes came
/// from, so a quote found in it maps back to the text as given.
pub struct QuoteIndex {
    text: String,
    /// For each byte of `text`: the UTF-16 offsets in the article of the
    /// character it came from and of the one after it.
    from: Vec<(u32, u32)>,
}

impl QuoteIndex {
    /// Indexes `article`.
    pub fn new(article: &str) -> QuoteIndex {
        let mut text = String::with_capacity(article.len());
        let mut from = Vec::with_capacity(article.len());
        let mut at = 0u32;
        for c in article.chars() {
            let next = at + c.len_utf16() as u32;
            let before = text.len();
            push_normal(&mut text, c);
            from.extend(std::iter::repeat_n((at, next), text.len() - before));
            at = next;
        }
        QuoteIndex { text, from }
    }

    /// Where `quote` first occurs, compared after [`normalise`]: `[start,
    /// end)` in UTF-16 code units of the article (the offsets of a DOM text
    /// or a textarea's selection). `None` when it does not occur or is blank.
    pub fn find(&self, quote: &str) -> Option<(u32, u32)> {
        let want = normalise(quote);
        if want.is_empty() {
            return None;
        }
        let start = find_whole(&self.text, &want)?;
        let (a, _) = *self.from.get(start)?;
        let (_, b) = *self.from.get(start + want.len() - 1)?;
        Some((a, b))
    }
}

/// The quote check of the widget's `validateDeck(deck, { article })`: an
/// error `not in the article` at `facts[i].quote` for every quote of `deck`
/// that `article` does not contain. The authoring builds run the full check
/// instead ([`article::issues`](super::article::issues): the closest passage
/// and the numbers too).
pub fn missing_quotes(deck: &Deck, article: &str) -> Vec<Issue> {
    let index = QuoteIndex::new(article);
    let mut out = Vec::new();
    for (i, fact) in deck.facts.iter().enumerate() {
        if let Some(quote) = &fact.quote {
            if index.find(quote).is_none() {
                let mut path = String::from("facts[");
                push_uint(&mut path, i as u64);
                path.push_str("].quote");
                out.push(Issue { fact_id: Some(fact.id.clone()), ..Issue::error(path, "not in the article") });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn normalises_space_quotes_and_dashes() {
        assert_eq!(normalise("  “Green  deal”\n– it’s\u{a0}25–26 …"), "\"Green deal\" - it's 25-26 ...");
        assert_eq!(normalise("co\u{ad}operation"), "cooperation");
    }

    #[test]
    fn a_quote_is_found_across_line_breaks_and_typographic_quotes() {
        let article = "Intro.\n\nThe mayor said \u{201C}we will\n  build it\u{201D} on Monday.";
        let (a, b) = QuoteIndex::new(article).find("said \"we will build it\"").expect("found");
        let units = utf16(article);
        assert_eq!(
            String::from_utf16_lossy(&units[a as usize..b as usize]),
            "said \u{201C}we will\n  build it\u{201D}"
        );
    }

    #[test]
    fn offsets_are_utf16_units_after_wide_characters() {
        let article = "\u{1F600} Caf\u{e9} \u{2014} open";
        assert_eq!(QuoteIndex::new(article).find("Caf\u{e9} - open"), Some((3, 14)));
    }

    #[test]
    fn leading_space_and_ellipsis_map_back() {
        let article = "  \n Wait\u{2026} what";
        let (a, b) = QuoteIndex::new(article).find("Wait... what").expect("found");
        assert_eq!((a, b), (4, 14));
        assert_eq!(QuoteIndex::new(article).find("..."), Some((8, 9)));
    }

    // parse_deck_text is native only (serde_json); the wasm tests skip this one.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn missing_quotes_names_each_quote_not_in_the_article() {
        let deck = crate::model::validate::parse_deck_text(
            r#"{"version":1,"title":"T","facts":[
                {"id":"a","front":"F","back":"B","quote":"it’s here"},
                {"front":"F2","back":"B2"},
                {"id":"c","front":"F3","back":"B3","quote":"not here"}]}"#,
        )
        .expect("valid deck");
        let issues = missing_quotes(&deck, "Intro. It's here (case counts).");
        let issues: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.message.as_str(), i.line())).collect();
        assert_eq!(
            issues,
            [
                ("facts[0].quote", "not in the article", r#"facts[0] (id "a").quote: not in the article"#.to_string()),
                ("facts[2].quote", "not in the article", r#"facts[2] (id "c").quote: not in the article"#.to_string()),
            ]
        );
        assert!(missing_quotes(&deck, "it's here; not here").is_empty());
    }

    #[test]
    fn a_quote_starts_and_ends_on_word_boundaries() {
        let index = QuoteIndex::new("About 150 people were hurt, she said. He said 50.");
        assert_eq!(index.find("50 people were hurt"), None);
        assert_eq!(index.find("about 150"), None);
        assert_eq!(index.find("150 people were hur"), None);
        // "he said." in "she said." is skipped; the later "He" differs in case.
        assert_eq!(index.find("he said."), None);
        assert_eq!(index.find("said 50"), Some((41, 48)));
        // A quote that starts or ends with punctuation may touch a word.
        assert_eq!(index.find(", she"), Some((26, 31)));
        assert_eq!(QuoteIndex::new("Caf\u{e9}s open").find("\u{e9}s open"), None);
        // The first whole-word match is taken, past a partial one.
        assert_eq!(QuoteIndex::new("x150 people, 50 people").find("50 people"), Some((13, 22)));
        assert_eq!(QuoteIndex::new("$160 billion").find("$16"), None);
    }

    #[test]
    fn a_missing_or_blank_quote_or_other_case_is_not_found() {
        let index = QuoteIndex::new("He said one two");
        assert_eq!(index.find("three"), None);
        assert_eq!(index.find("  "), None);
        assert_eq!(index.find("he said"), None);
        assert_eq!(QuoteIndex::new("").find("x"), None);
    }
}

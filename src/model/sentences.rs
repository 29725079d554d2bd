//! Splitting news text into sentences.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets after it) followed by white space and a capital, a digit or an
//! opening quote. A period does not end one after:
//!
//! - a title or a month (`Mr.`, `Sen.`, `Reps.`, `Gov.`, `Dr.`, `Feb.`,
//!   `Sept.`), or `No.` before a number;
//! - an initial (`J. R. Smith`, `John F. Kennedy`);
//! - an abbreviation that may also end a sentence (`U.S.`, `D-Calif.`,
//!   `Inc.`, `a.m.`, `Jr.`; written with a capital but for `etc.` and `et
//!   al.`, so "fell ill." ends one), unless the next word is one that
//!   commonly starts a sentence (`The`, `He`, `In`, …).
//!
//! A blank line always ends a sentence, and so does the end of a short line
//! with no closing punctuation (a heading); other line breaks are white space.

use std::ops::Range;

/// Titles and months: a period after them never ends a sentence.
const TITLES: [&str; 49] = [
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt", "col",
    "sgt", "capt", "cpl", "maj", "adm", "cmdr", "cdr", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "cf", "approx", "dept",
    "gens",
];
/// Abbreviations that may also end a sentence: US states as the press writes
/// them (`D-Calif.`), company suffixes, `Jr.`, `etc.`.
const ABBREVIATIONS: [&str; 48] = [
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "ala", "ariz", "ark", "calif", "colo", "conn",
    "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
    "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo", "al", "univ", "assn", "intl",
];
/// Words that commonly start a sentence: after an abbreviation that may end
/// one, such a word starts a new sentence.
const STARTERS: [&str; 52] = [
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "meanwhile",
    "however",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "according",
    "some",
    "many",
    "most",
    "other",
    "still",
    "yet",
    "so",
    "also",
    "for",
    "since",
    "last",
    "earlier",
    "later",
    "now",
    "then",
    "what",
    "why",
];
/// Lines shorter than this with no closing punctuation stand alone (headings).
const HEADING_MAX: usize = 60;

/// The sentences of `text`, as byte ranges of it, trimmed, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        split_block(text, block, &mut out);
    }
    out
}

/// The runs of lines of `text` that sentences may span: paragraphs, with
/// headings and a run's last line in brackets apart.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let from = at;
            at += l.len();
            (from, l)
        })
        .collect();
    for (k, &(from, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if start.is_none() {
            start = Some(from + lead);
        }
        end = from + line.trim_end().len();
        let closed = trimmed.ends_with(['.', '!', '?', '…', '"', '”', '’', ')', ':', ';', ',']);
        let next_lower =
            lines.get(k + 1).and_then(|(_, l)| l.trim_start().chars().next()).is_some_and(|c| c.is_lowercase());
        // A line in brackets ends its block: `(Reporting by …)` is no part
        // of the line after it.
        let bracketed = (trimmed.starts_with('(') && trimmed.ends_with(')'))
            || (trimmed.starts_with('[') && trimmed.ends_with(']'));
        if bracketed || (!closed && trimmed.chars().count() < HEADING_MAX && !next_lower) {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        }
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// Pushes the sentences of `text[block]` onto `out`.
fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(block.clone()) else {
        return;
    };
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        // The run of closing punctuation: "?!", "...", `."`, `.)`.
        let mut j = k + 1;
        while chars.get(j).is_some_and(|&(_, c)| matches!(c, '.' | '!' | '?' | '…')) {
            j += 1;
        }
        while chars.get(j).is_some_and(|&(_, c)| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')) {
            j += 1;
        }
        let end = chars.get(j).map_or(s.len(), |&(i, _)| i);
        let spaced = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
        let mut n = j;
        while chars.get(n).is_some_and(|&(_, c)| c.is_whitespace()) {
            n += 1;
        }
        let next = chars.get(n).map(|&(i, _)| i);
        let next_word = next.map_or("", |i| word_at(s, i));
        let opens = chars.get(n).is_some_and(|&(_, c)| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
        });
        let ends = spaced && opens && (c != '.' || j > k + 1 || period_ends(s, at, next_word));
        if ends {
            push(block.start, s, start..end, out);
            start = next.unwrap_or(s.len());
        }
        k = j.max(k + 1);
    }
    push(block.start, s, start..s.len(), out);
}

/// Pushes `s[r]`, trimmed and offset by `base`, unless it is blank.
fn push(base: usize, s: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(part) = s.get(r.clone()) else {
        return;
    };
    let lead = part.len() - part.trim_start().len();
    let trimmed = part.trim();
    if !trimmed.is_empty() {
        let from = base + r.start + lead;
        out.push(from..from + trimmed.len());
    }
}

/// The word (letters only) at byte `i` of `s`.
fn word_at(s: &str, i: usize) -> &str {
    let rest = s.get(i..).unwrap_or("");
    let rest = rest.trim_start_matches(['"', '\'', '“', '‘', '(', '[', '«']);
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    rest.get(..len).unwrap_or("")
}

/// True when the period at byte `at` of `s` ends a sentence whose next word
/// is `next`: it does unless it closes a title, an initial or an
/// abbreviation (and then only before a common sentence starter).
fn period_ends(s: &str, at: usize, next: &str) -> bool {
    let before = s.get(..at).unwrap_or("");
    let token_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '/'))
        .map_or(0, |i| i + before.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8));
    let token = before.get(token_start..).unwrap_or("");
    // The last part of "D-Calif" or "al-Assad" is what is abbreviated.
    let last = token.rsplit('-').next().unwrap_or(token);
    let lower = last.to_ascii_lowercase();
    let starter = STARTERS.iter().any(|w| w.eq_ignore_ascii_case(next));
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if (lower == "no" || lower == "nos") && next.is_empty() {
        // "No. 1": the next word is a number, which `word_at` reads as empty.
        return false;
    }
    let mut cs = last.chars();
    let initial = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
    if initial {
        return false;
    }
    // Letters with periods between them: "U.S", "D.C", "a.m", "e.g".
    let dotted =
        last.contains('.') && last.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    // Written with a capital, but for "etc." and "et al.": "He fell ill."
    // ends a sentence.
    let capital = last.starts_with(char::is_uppercase) || matches!(last, "etc" | "al");
    if dotted || capital && ABBREVIATIONS.contains(&lower.as_str()) {
        return starter;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Sen. Dianne Feinstein (D-Calif.) said on Feb. 3 that the U.S. Senate would vote. \
                 Reps. Adam Smith and J. R. Jones disagreed."
            ),
            [
                "Sen. Dianne Feinstein (D-Calif.) said on Feb. 3 that the U.S. Senate would vote.",
                "Reps. Adam Smith and J. R. Jones disagreed."
            ]
        );
        assert_eq!(
            sentences("John F. Kennedy met Dr. Jane Roe, Mr. Lee and Gov. Ann Doe."),
            ["John F. Kennedy met Dr. Jane Roe, Mr. Lee and Gov. Ann Doe."]
        );
        assert_eq!(sentences("It ranks No. 1 in Sept. 2020 polls."), ["It ranks No. 1 in Sept. 2020 polls."]);
        assert_eq!(
            sentences("Rep. Adam Schiff, D-Calif., said so. It ended at 4 p.m. Tuesday. Shares of Acme Inc. rose 5%."),
            ["Rep. Adam Schiff, D-Calif., said so.", "It ended at 4 p.m. Tuesday.", "Shares of Acme Inc. rose 5%."]
        );
    }

    #[test]
    fn an_abbreviation_before_a_sentence_starter_ends_it() {
        assert_eq!(
            sentences("He moved to the U.S. The next year he left."),
            ["He moved to the U.S.", "The next year he left."]
        );
        assert_eq!(
            sentences("The deal went to Acme Inc. In March it closed."),
            ["The deal went to Acme Inc.", "In March it closed."]
        );
    }

    #[test]
    fn a_lower_case_word_is_no_abbreviation() {
        assert_eq!(
            sentences("He fell ill. Doctors treated him. It was a miss. Crowds came to La. Co. Smith sued."),
            ["He fell ill.", "Doctors treated him.", "It was a miss.", "Crowds came to La. Co. Smith sued."]
        );
        assert_eq!(sentences("Pens, paper etc. The rest came later."), ["Pens, paper etc.", "The rest came later."]);
        assert_eq!(sentences("Pens, paper etc. Smith said."), ["Pens, paper etc. Smith said."]);
    }

    #[test]
    fn quotes_questions_and_numbers() {
        assert_eq!(
            sentences("“We will win,” he said. “Then we rest.” Fine."),
            ["“We will win,” he said.", "“Then we rest.”", "Fine."]
        );
        assert_eq!(
            sentences("What now? Nobody knows! It rose 3.5 percent... Then 2.1%."),
            ["What now?", "Nobody knows!", "It rose 3.5 percent...", "Then 2.1%."]
        );
        assert_eq!(sentences("Prices rose in 2020. 2021 was worse."), ["Prices rose in 2020.", "2021 was worse."]);
        assert_eq!(
            sentences("It is e.g. fine and ok. lower case goes on."),
            ["It is e.g. fine and ok. lower case goes on."]
        );
    }

    #[test]
    fn headings_and_paragraphs_stand_apart() {
        let text = "EUROPE\nKazakhstan president visits Brussels\n\nThe visit took place as\nrelations are good. More\nfollowed.\n\n[Edited by Zoran Radosavljevic]\n\nSource: Euractiv.com";
        assert_eq!(
            sentences(text),
            [
                "EUROPE",
                "Kazakhstan president visits Brussels",
                "The visit took place as\nrelations are good.",
                "More\nfollowed.",
                "[Edited by Zoran Radosavljevic]",
                "Source: Euractiv.com"
            ]
        );
        assert_eq!(
            sentences(
                "Oil rose.\n(Reporting by Jane Roe; Editing by Mark Potter)\nOur Standards: The Trust Principles."
            ),
            ["Oil rose.", "(Reporting by Jane Roe; Editing by Mark Potter)", "Our Standards: The Trust Principles."]
        );
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n \t").is_empty());
        assert_eq!(sentences("No end"), ["No end"]);
        assert_eq!(sentences("."), ["."]);
    }
}

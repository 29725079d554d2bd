//! Draft facts from an article's sentences.
//!
//! [`suggest`] reads each sentence ([`super::sentences`]) for values worth a
//! question:
//!
//! - **money, numbers, percentages and days of a month**, read with
//!   [`super::article::quantities`]; years after `in`, `since`, … and
//!   weekdays (`on Thursday`) are dates; number words before a noun are
//!   numbers; an ordinal is a date's day (`1st of May`, `the first of May`)
//!   or a rank (`the ninth largest`, `the first country to agree`), and
//!   otherwise no answer (`the first piles`, `the 25th anniversary`);
//! - **people**, from capitalised spans with a cue: a title before the name
//!   (`European Council President Charles Michel`, `Sen. Jane Roe`), a role
//!   around it (`the chairman of the board of …, Jean-Luc Maurange,`;
//!   `Jane Roe, director of …,`), or a verb (`led by`, `edited by`, `said`);
//!   a credit line, a sentence of credits and names only (`[Edited by Jane
//!   Roe]`, `(Reporting by …; Editing by …)`), asks "Who is the editor of
//!   the article?";
//! - **organisations** (a span ending in `Group`, `Council`, `Alliance`, …,
//!   or after `company`, `firm`, `director of`, …), **documents** (`Agreement
//!   on …`, `… Act`) and **places** (after `in`, `to`, `from`, or before
//!   `region`).
//!
//! Each value becomes a [`Draft`]: its kind follows from the value, its
//! answer is the value as written, its quote is the sentence, and its
//! question is "Who is …?" for a person with a role, else the sentence with
//! the answer blanked (a cloze). An answer is drafted once (from its first
//! sentence), and never when the deck already has a fact with that answer;
//! a document's name with its words in another order (`Agreement on Enhanced
//! Partnership and Cooperation`, `Enhanced Partnership and Cooperation
//! Agreement`) is the same answer, and the first draft accepts the other.
//!
//! The rules are about English news style; they use no list of names.

use super::article::{month_of, quantities, Quantity, Unit};
use super::deck::{Deck, Fact, Kind};
use super::sentences;
use super::text::{concat, fold_case_space, match_form, normalize_answer};
use super::variants::{CARDINALS, ORDINALS};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A draft fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// What sort of answer it is, from the value.
    pub kind: Kind,
    /// The question: "Who is …?", or the sentence with `___` for the answer.
    pub front: String,
    /// The answer, as the sentence writes it.
    pub back: String,
    /// Shorter answers that also count (a surname, an acronym).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// The sentence, white space folded.
    pub quote: String,
    /// A topic, from the kind: "People", "Money", ….
    pub topic: String,
    /// True when `front` is the sentence with the answer blanked.
    pub cloze: bool,
}

/// The blank of a cloze.
pub const BLANK: &str = "___";
/// Longest cloze question, in characters; a longer sentence is cut around
/// the blank.
const MAX_FRONT: usize = 400;
/// Longest sentence drafted from, in characters (the deck's limit for a
/// quote is far above it).
const MAX_SENTENCE: usize = 1_500;

/// Role words: a person's office or job.
const ROLES: [&str; 64] = [
    "president",
    "vice-president",
    "minister",
    "chancellor",
    "premier",
    "secretary",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ambassador",
    "envoy",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "ceo",
    "director",
    "head",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "judge",
    "justice",
    "general",
    "gen",
    "colonel",
    "admiral",
    "professor",
    "prof",
    "dr",
    "mr",
    "mrs",
    "ms",
    "founder",
    "executive",
    "officer",
    "manager",
    "editor",
    "economist",
    "analyst",
    "deputy",
    "speaker",
    "mp",
    "mep",
    "coach",
    "owner",
    "chief",
    "researcher",
    "scientist",
    "lawyer",
    "attorney",
];
/// Titles of address, which name no office: `Prince`, `Dr`.
const HONORIFICS: [&str; 14] =
    ["mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "prince", "princess", "king", "queen", "sheikh"];
/// Last words of an organisation's name.
const ORG_SUFFIXES: [&str; 58] = [
    "group",
    "council",
    "commission",
    "alliance",
    "consortium",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "plc",
    "llc",
    "bank",
    "agency",
    "association",
    "ministry",
    "party",
    "union",
    "committee",
    "university",
    "institute",
    "fund",
    "foundation",
    "organisation",
    "organization",
    "authority",
    "board",
    "court",
    "parliament",
    "department",
    "office",
    "service",
    "partners",
    "holdings",
    "airlines",
    "airways",
    "motors",
    "technologies",
    "systems",
    "network",
    "federation",
    "assembly",
    "senate",
    "congress",
    "cabinet",
    "centre",
    "center",
    "society",
    "trust",
    "club",
    "forum",
    "police",
    "army",
    "navy",
    "reserve",
    "exchange",
    "college",
    "school",
];
/// First or last words of a document's name.
const DOC_WORDS: [&str; 18] = [
    "agreement",
    "treaty",
    "act",
    "accord",
    "convention",
    "protocol",
    "charter",
    "directive",
    "regulation",
    "bill",
    "law",
    "pact",
    "declaration",
    "resolution",
    "constitution",
    "memorandum",
    "framework",
    "strategy",
];
/// Nouns after which a capitalised name is an organisation's.
const ORG_CUES: [&str; 36] = [
    "company",
    "companies",
    "firm",
    "group",
    "bank",
    "carmaker",
    "automaker",
    "airline",
    "insurer",
    "broadcaster",
    "agency",
    "regulator",
    "charity",
    "party",
    "startup",
    "start-up",
    "conglomerate",
    "manufacturer",
    "retailer",
    "operator",
    "lender",
    "utility",
    "producer",
    "developer",
    "maker",
    "giant",
    "watchdog",
    "newspaper",
    "network",
    "organisation",
    "organization",
    "union",
    "club",
    "team",
    "broker",
    "chain",
];
/// Nouns after a capitalised name that make it a place.
const PLACE_NOUNS: [&str; 12] = [
    "region",
    "province",
    "city",
    "state",
    "county",
    "district",
    "oblast",
    "republic",
    "valley",
    "island",
    "basin",
    "peninsula",
];
/// Nouns after (or in an appositive of) a name that make it the name of a
/// thing: a project, a vaccine, ….
const THING_NOUNS: [&str; 16] = [
    "project",
    "programme",
    "program",
    "initiative",
    "mission",
    "scheme",
    "vaccine",
    "drug",
    "satellite",
    "rocket",
    "app",
    "platform",
    "system",
    "brand",
    "product",
    "model",
];
/// Prepositions before a place.
const PLACE_CUES: [&str; 8] = ["in", "to", "from", "across", "near", "throughout", "around", "visits"];
/// Lower-case words that may stand inside a name: `Bank of England`,
/// `Ursula von der Leyen`.
const CONNECTORS: [&str; 4] = ["of", "on", "for", "and"];
/// Name particles, always kept inside a name.
const PARTICLES: [&str; 14] =
    ["de", "du", "da", "di", "von", "van", "der", "den", "la", "le", "del", "della", "bin", "ibn"];
/// Capitalised function words at the start of a sentence that start no name.
const STOP: [&str; 64] = [
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "as",
    "for",
    "with",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "unlike",
    "according",
    "along",
    "few",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "its",
    "their",
    "our",
    "there",
    "here",
    "what",
    "who",
    "which",
    "why",
    "how",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "no",
    "yet",
    "so",
    "also",
    "then",
    "now",
    "since",
    "until",
    "during",
    "despite",
    "although",
    "by",
    "from",
    "to",
];
/// Words before a year that make it a date.
const YEAR_CUES: [&str; 14] =
    ["in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "early", "late", "mid", "end"];
/// Verbs after a name that make it a person's (`Jane Roe said`).
const SAID: [&str; 8] = ["said", "says", "told", "added", "wrote", "argued", "warned", "announced"];
/// Words before a name that make it a person's (`led by Jane Roe`).
const BY: [&str; 5] = ["led by", "edited by", "written by", "according to", "said"];
/// The cues of an article's credit line (`[Edited by Jane Roe]`,
/// `(Reporting by Jane Roe; Editing by John Doe)`) and the role each names.
const CREDITS: [(&str, &str); 7] = [
    ("edited by", "editor"),
    ("editing by", "editor"),
    ("reporting by", "reporter"),
    ("additional reporting by", "reporter"),
    ("written by", "author"),
    ("writing by", "author"),
    ("compiled by", "compiler"),
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Draft facts from `article` (plain text), best first within each
/// sentence, in the order of the sentences. No draft repeats a fact of
/// `existing` (the deck being written, if any) or an earlier draft: a draft
/// is dropped when its answer or one of its accepted answers matches, by the
/// quiz's answer matching, an answer (`back` or `accept`) of a deck fact or
/// of an earlier draft, whatever the sentences.
pub fn suggest(article: &str, existing: Option<&Deck>) -> Vec<Draft> {
    let sentences: Vec<String> = sentences::split(article)
        .into_iter()
        .filter_map(|r| article.get(r))
        .map(fold_space)
        .filter(|s| !is_copyright(s))
        .flat_map(|s| pieces(&s, MAX_SENTENCE))
        .collect();
    let lower_words: HashSet<String> = super::article::word_spans(article)
        .into_iter()
        .filter_map(|(a, b)| article.get(a..b))
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .map(str::to_string)
        .collect();
    let mut ctx = Context { lower_words, people: HashSet::new() };
    ctx.people = people_everywhere(&sentences, &ctx);

    let mut out: Vec<Draft> = Vec::new();
    // The answers (normalised as the quiz compares them) of the deck's facts
    // and of the drafts so far: a draft that matches one is a repeat.
    let mut answers: HashSet<String> = existing
        .map(|deck| {
            deck.facts
                .iter()
                .flat_map(|f| std::iter::once(&f.back).chain(&f.accept))
                .map(|a| match_form(a))
                .filter(|a| !a.is_empty())
                .collect()
        })
        .unwrap_or_default();
    // Documents' names in any word order, for one written two ways ("the
    // Agreement on Enhanced Partnership and Cooperation", "an Enhanced
    // Partnership and Cooperation Agreement"): the draft (if any) each
    // belongs to.
    let mut word_keys: HashMap<String, Option<usize>> = existing
        .map(|deck| {
            deck.facts
                .iter()
                .flat_map(|f| std::iter::once(&f.back).chain(&f.accept))
                .filter_map(|a| word_key(a))
                .map(|k| (k, None))
                .collect()
        })
        .unwrap_or_default();
    for sentence in &sentences {
        let mut found = candidates(sentence, &ctx);
        // Overlapping values: the first found (the stronger cue) wins.
        let mut taken: Vec<(usize, usize)> = Vec::new();
        found.retain(|c| {
            let free = taken.iter().all(|&(a, b)| c.end <= a || c.start >= b);
            if free {
                taken.push((c.start, c.end));
            }
            free
        });
        found.sort_by_key(|c| c.start);
        for c in found {
            let Some(back) = sentence.get(c.start..c.end).map(str::to_string) else { continue };
            let key = match_form(&back);
            if key.is_empty() || answers.contains(&key) {
                continue;
            }
            let words = if c.kind == Kind::Document { word_key(&back) } else { None };
            if let Some(seen) = words.as_ref().and_then(|w| word_keys.get(w)) {
                // The same name in another order: an answer the earlier
                // draft also takes.
                if let Some(d) = seen.and_then(|i| out.get_mut(i)) {
                    d.accept.push(back);
                }
                answers.insert(key);
                continue;
            }
            let draft = make_draft(sentence, &c, back);
            let accept: Vec<String> = draft.accept.iter().map(|a| match_form(a)).filter(|a| !a.is_empty()).collect();
            if accept.iter().any(|a| answers.contains(a)) {
                continue;
            }
            answers.insert(key);
            answers.extend(accept);
            if let Some(w) = words {
                word_keys.insert(w, Some(out.len()));
            }
            out.push(draft);
        }
    }
    out
}

/// `sentence` in pieces of at most `max` characters, each a passage of it
/// (the quote of its drafts): a longer sentence is cut after the last
/// semicolon, comma, colon or dash that keeps a piece short enough, else
/// after its last space, else within a word.
fn pieces(sentence: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = sentence.trim();
    while rest.chars().count() > max {
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let head = &rest[..limit];
        let cut = head
            .rfind([';', ',', ':', '–', '—'])
            .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
            .filter(|&i| i > limit / 4)
            .or_else(|| head.rfind(' ').filter(|&i| i > 0))
            .unwrap_or(limit);
        out.push(rest[..cut].trim().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// The words of a document's name of two or more, connectors and articles
/// left out, normalised as the quiz compares answers and sorted: one key for
/// every order of the same words (`Agreement on Enhanced Partnership and
/// Cooperation`, `Enhanced Partnership and Cooperation Agreement`). None for
/// a name with a digit (`Resolution 1441`).
fn word_key(answer: &str) -> Option<String> {
    if answer.contains(|c: char| c.is_numeric()) {
        return None;
    }
    let normal = normalize_answer(answer);
    let mut words: Vec<&str> = normal
        .split(' ')
        .filter(|w| !w.is_empty() && !CONNECTORS.contains(w) && !["the", "a", "an"].contains(w))
        .collect();
    words.sort_unstable();
    (words.len() >= 2).then(|| words.join(" "))
}

/// The title of an article: its first line of three words or more that ends
/// without a period or colon, among its first three lines. A section label
/// (`EUROPE`) has too few words; a trail of links (`Home | World | Europe`)
/// and a copyright line are no title either.
pub fn title_guess(article: &str) -> Option<String> {
    article.lines().map(str::trim).filter(|l| !l.is_empty()).take(3).find(|l| is_title(l)).map(str::to_string)
}

/// True when `line` can be an article's title (see [`title_guess`]).
fn is_title(line: &str) -> bool {
    let words = line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    words >= 3
        && !line.ends_with(['.', ':'])
        && line.chars().count() <= 300
        && !line.contains(['|', '›'])
        && !line.contains(" > ")
        && !is_copyright(line)
}

/// True for a copyright line (`© 2021 Euractiv`, `Copyright 2021 Reuters.
/// All rights reserved.`): no facts of the article in it.
fn is_copyright(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright ")
        || lower.contains("all rights reserved")
}

/// The drafts as a deck of format v1 titled `title`, with ids made from the
/// answers (unique, and apart from the ids of `existing`).
pub fn to_deck(drafts: &[Draft], title: &str, existing: Option<&Deck>) -> Deck {
    let mut ids: HashSet<String> = existing.map(|d| d.facts.iter().map(|f| f.id.clone()).collect()).unwrap_or_default();
    let facts = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut base: String = normalize_answer(&d.back)
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            base.truncate(60);
            let base = if base.trim_matches('-').is_empty() { format!("draft-{}", i + 1) } else { base };
            let mut id = base.trim_matches('-').to_string();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{}-{n}", base.trim_matches('-'));
                n += 1;
            }
            ids.insert(id.clone());
            Fact {
                id,
                front: d.front.clone(),
                back: d.back.clone(),
                topic: Some(d.topic.clone()),
                kind: d.kind,
                detail: None,
                quote: Some(d.quote.clone()),
                accept: d.accept.clone(),
                distractors: Vec::new(),
                image: None,
            }
        })
        .collect();
    Deck {
        version: super::deck::FORMAT_VERSION,
        id: None,
        title: title.to_string(),
        language: "en".into(),
        description: None,
        source: None,
        facts,
    }
}

/// What the rules know about the whole article.
struct Context {
    /// Words the article writes in lower case somewhere.
    lower_words: HashSet<String>,
    /// Names found as people anywhere, and their last words.
    people: HashSet<String>,
}

/// A value found in a sentence.
#[derive(Debug, Clone)]
struct Candidate {
    kind: Kind,
    /// Byte span of the answer in the sentence.
    start: usize,
    end: usize,
    /// For a person: the role that makes a "Who is …?" question.
    role: Option<String>,
    /// Other answers that count.
    accept: Vec<String>,
}

impl Candidate {
    fn new(kind: Kind, start: usize, end: usize) -> Candidate {
        Candidate { kind, start, end, role: None, accept: Vec::new() }
    }
}

/// A word of a sentence.
#[derive(Debug, Clone)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
}

impl Tok<'_> {
    fn cap(&self) -> bool {
        self.text.starts_with(|c: char| c.is_uppercase())
    }
}

/// `s` with every run of white space one space, trimmed.
fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of `s`, a possessive `'s` cut off, and letters with periods
/// between them one word ("U.S", "D.C").
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::new();
    for (a, mut b) in super::article::word_spans(s) {
        let Some(w) = s.get(a..b) else { continue };
        for poss in ["'s", "’s"] {
            if w.len() > poss.len() && w.ends_with(poss) {
                b -= poss.len();
            }
        }
        let letter = |t: &str| t.chars().count() == 1 && t.chars().all(char::is_alphabetic);
        let mut start = a;
        if let Some(prev) = out.last() {
            if s.get(prev.end..a) == Some(".") && prev.text.split('.').all(letter) && s.get(a..b).is_some_and(letter) {
                start = prev.start;
                out.pop();
            }
        }
        let Some(text) = s.get(start..b) else { continue };
        out.push(Tok { start, end: b, text, lower: text.to_lowercase() });
    }
    out
}

/// True when only white space (or `. ` after a title or an initial) stands
/// between words `a` and `b` of `s`.
fn adjacent(s: &str, a: &Tok, b: &Tok) -> bool {
    let gap = s.get(a.end..b.start).unwrap_or("x");
    if gap == " " {
        return true;
    }
    // An initial, dotted letters ("U.S. Senate"), or "St. Louis".
    let short = (a.text.chars().count() == 1 || a.text.contains('.')) && a.cap();
    gap == ". " && (short || ROLES.contains(&a.lower.as_str()) || matches!(a.lower.as_str(), "st" | "mt" | "ft"))
}

/// True when word `i` of the sentence can be part of a name.
fn name_word(toks: &[Tok], i: usize, ctx: &Context) -> bool {
    let t = &toks[i];
    if !t.cap() || month_of(t.text).is_some() || WEEKDAYS.contains(&t.lower.as_str()) {
        return false;
    }
    if i == 0 {
        return !STOP.contains(&t.lower.as_str()) && !ctx.lower_words.contains(&t.lower);
    }
    true
}

/// The capitalised spans of a sentence, as word ranges: names with their
/// connectors and particles, split at `of`, `on`, `for`, `and` unless the
/// name starts with a head word (`Bank of …`, `Agreement on …`) or ends with
/// an organisation's or document's word (`… Water and Energy Consortium`).
fn spans(s: &str, toks: &[Tok], ctx: &Context) -> Vec<(usize, usize)> {
    let mut raw = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(toks, i, ctx) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < toks.len() && name_word(toks, end, ctx) && adjacent(s, &toks[end - 1], &toks[end]) {
                end += 1;
                continue;
            }
            // A run of connectors and particles followed by a name word; "of
            // the" too after a head word ("Organization of the Petroleum …").
            let head =
                ORG_SUFFIXES.contains(&toks[start].lower.as_str()) || DOC_WORDS.contains(&toks[start].lower.as_str());
            let mut j = end;
            while j < toks.len()
                && (CONNECTORS.contains(&toks[j].lower.as_str())
                    || PARTICLES.contains(&toks[j].lower.as_str())
                    || (head && toks[j].lower == "the" && CONNECTORS.contains(&toks[j - 1].lower.as_str())))
                && adjacent(s, &toks[j - 1], &toks[j])
                && !toks[j].cap()
            {
                j += 1;
            }
            if j > end && j < toks.len() && name_word(toks, j, ctx) && adjacent(s, &toks[j - 1], &toks[j]) {
                end = j + 1;
                continue;
            }
            break;
        }
        raw.push((start, end));
        i = end;
    }
    let mut out = Vec::new();
    for (a, b) in raw {
        split_span(toks, a, b, &mut out);
    }
    out
}

/// Pushes the span `a..b`, split at connectors that do not belong to a name.
fn split_span(toks: &[Tok], a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let head = |i: usize| {
        let w = toks[i].lower.as_str();
        ORG_SUFFIXES.contains(&w) || DOC_WORDS.contains(&w)
    };
    if head(a) || head(b - 1) {
        out.push((a, b));
        return;
    }
    match (a..b).find(|&i| CONNECTORS.contains(&toks[i].lower.as_str())) {
        Some(c) => {
            out.push((a, c));
            split_span(toks, c + 1, b, out);
        }
        None => out.push((a, b)),
    }
}

/// Every name found as a person's in any sentence, with its last word.
fn people_everywhere(sentences: &[String], ctx: &Context) -> HashSet<String> {
    let mut people = HashSet::new();
    for s in sentences {
        let toks = tokens(s);
        for c in people_in(s, &toks, &spans(s, &toks, ctx), ctx, is_credit_line(s)) {
            if let Some(name) = s.get(c.start..c.end) {
                people.insert(name.to_string());
                people.extend(c.accept);
            }
        }
    }
    people
}

/// The text of word span `a..b`.
fn span_text<'a>(s: &'a str, toks: &[Tok], (a, b): (usize, usize)) -> &'a str {
    s.get(toks[a].start..toks[b - 1].end).unwrap_or("")
}

/// True when `word` is a role word (`president`, `Sen`, `chief`).
fn is_role(word: &str) -> bool {
    ROLES.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// The last name of a person's name, with its particles: `Tokayev`, `von der
/// Leyen`; `None` for a one-word name.
fn surname(toks: &[Tok], (a, b): (usize, usize)) -> Option<(usize, usize)> {
    if b - a < 2 {
        return None;
    }
    let mut first = b - 1;
    while first > a + 1 && PARTICLES.contains(&toks[first - 1].lower.as_str()) {
        first -= 1;
    }
    Some((first, b))
}

/// Where the clause around byte `at` of `s` begins and ends: at commas,
/// semicolons, colons, dashes and brackets.
fn clause_bounds(s: &str, start: usize, end: usize) -> (usize, usize) {
    let stop = |c: char| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')' | '[' | ']');
    let before = s.get(..start).unwrap_or("");
    let from = before.rfind(stop).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let after = s.get(end..).unwrap_or("");
    let to = after.find(stop).map_or(s.len(), |i| end + i);
    (from, to)
}

/// A role phrase: the words of a clause that name an office (`the President
/// of Kazakhstan`, `director of the Institute for Fiscal Studies`), trimmed,
/// without a leading `and`; `None` if no role word stands in its first four
/// words, or it is longer than sixteen words.
fn role_phrase(clause: &str) -> Option<String> {
    let mut c = clause.trim().trim_end_matches('.');
    for lead in ["and ", "or ", "with ", "- "] {
        c = c.strip_prefix(lead).unwrap_or(c).trim_start();
    }
    let words: Vec<&str> = c.split_whitespace().collect();
    if words.is_empty() || words.len() > 16 {
        return None;
    }
    let lead =
        words.iter().take(4).position(|w| is_role(w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-')))?;
    // Only an article, names and a few modifiers stand before the role word:
    // not a verb ("led by chief executive …") nor a possessive ("its chief").
    let modifier = |w: &&str| {
        w.starts_with(|ch: char| ch.is_uppercase())
            || ["the", "a", "an", "former", "acting", "deputy", "senior", "interim", "managing", "then", "vice"]
                .contains(&w.to_lowercase().as_str())
    };
    if !words[..lead].iter().all(modifier) {
        return None;
    }
    Some(c.to_string())
}

/// The role phrase of the clause after a name that ends at byte `end`:
/// `, director of the Institute for Fiscal Studies,`.
fn role_after(s: &str, end: usize) -> Option<String> {
    if !s.get(end..)?.starts_with(',') {
        return None;
    }
    let (_, next) = clause_bounds(s, end + 1, end + 1);
    role_phrase(s.get(end + 1..next)?)
}

/// People in a sentence, by the cues of the module's description
/// (`credit_line`: the sentence is one, [`is_credit_line`]).
fn people_in(s: &str, toks: &[Tok], spans: &[(usize, usize)], ctx: &Context, credit_line: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    for &(a, b) in spans {
        // A title before the name, inside the span: "European Council
        // President Charles Michel", "Sen. Jane Roe".
        if let Some(r) = (a..b - 1).rev().find(|&i| is_role(toks[i].text)) {
            let name = (r + 1, b);
            if !is_role(toks[r + 1].text) && !ends_like_org(toks, name) && b - r - 1 <= 4 {
                // "Saudi Energy Minister Prince Abdulaziz": the office is
                // "Saudi Energy Minister".
                let office = if r > a && HONORIFICS.contains(&toks[r].lower.as_str()) { r } else { r + 1 };
                let role = role_after(s, toks[b - 1].end)
                    .or_else(|| (office > a + 1).then(|| span_text(s, toks, (a, office)).to_string()))
                    .filter(|role| role.split_whitespace().any(is_role));
                out.push(person(s, toks, name, role));
                continue;
            }
        }
        let text = span_text(s, toks, (a, b));
        let known = ctx.people.contains(text);
        if ends_like_org(toks, (a, b)) || (b - a < 2 && !known) || b - a > 5 {
            continue;
        }
        // A lower-case role word right before: "economist Jane Roe".
        if a > 0 && !toks[a - 1].cap() && is_role(toks[a - 1].text) && adjacent(s, &toks[a - 1], &toks[a]) {
            out.push(person(s, toks, (a, b), None));
            continue;
        }
        let (from, to) = clause_bounds(s, toks[a].start, toks[b - 1].end);
        let alone = s.get(from..to).is_some_and(|c| c.trim().trim_end_matches('.') == text);
        if alone {
            // A role in the clause before: "The President of Kazakhstan,
            // Kassym-Jomart Tokayev,".
            if from > 0 {
                let (pf, _) = clause_bounds(s, from - 1, from - 1);
                if let Some(role) = s.get(pf..from - 1).and_then(role_phrase) {
                    out.push(person(s, toks, (a, b), Some(role)));
                    continue;
                }
            }
            // A role in the clause after: "Jane Roe, director of …,".
            if let Some(role) = role_after(s, to) {
                out.push(person(s, toks, (a, b), Some(role)));
                continue;
            }
        }
        // A verb: "led by Jane Roe", "Jane Roe said".
        let before = s.get(..toks[a].start).unwrap_or("").trim_end().to_lowercase();
        if let Some(role) = credit_line.then(|| credit_role(&before)).flatten() {
            out.push(person(s, toks, (a, b), Some(format!("{role} of the article"))));
            continue;
        }
        let after = toks.get(b).map(|t| t.lower.as_str()).unwrap_or("");
        let gap = s.get(toks[b - 1].end..toks.get(b).map_or(s.len(), |t| t.start)).unwrap_or("");
        if BY.iter().any(|cue| before.ends_with(cue))
            || (SAID.contains(&after) && gap.trim().is_empty() && !gap.is_empty())
        {
            // "said Amrita Sen, director of research at Energy Aspects".
            out.push(person(s, toks, (a, b), role_after(s, toks[b - 1].end)));
        }
    }
    out
}

/// The role a credit line ([`is_credit_line`]) gives a name: "editor" for
/// Jane Roe in `[Edited by Jane Roe]`, "reporter" and "editor" in
/// `(Reporting by Jane Roe in London; Editing by John Doe and Mark Potter)`.
/// `before` is the credit line up to the name (lower-cased).
fn credit_role(before: &str) -> Option<&'static str> {
    let opened = before.trim_start_matches(['[', '(', ' ']);
    // The clause of this name: after the last `;`, its cue, then nothing or
    // names joined by "and".
    let clause = opened.rsplit(';').next()?.trim();
    let (cue, role) = CREDITS.iter().find(|(c, _)| clause.starts_with(c))?;
    let rest = clause[cue.len()..].trim();
    (rest.is_empty() || rest.ends_with(" and") || rest.ends_with(',')).then_some(*role)
}

/// True when the sentence `s` is a credit line: in brackets or not, one or
/// more parts split by `;`, each a credit's cue and then only names, commas,
/// `and`, and places after `in` (`(Reporting by Jane Roe, John Smith and
/// Mark Potter in London; Editing by Ann Lee)`). `Edited by Jane Roe and
/// published in 2019` is none.
fn is_credit_line(s: &str) -> bool {
    let s = s.trim().trim_end_matches('.');
    let inner = s.strip_prefix(['[', '(']).map_or(s, |x| x.trim_end_matches([']', ')']));
    inner.split(';').map(str::trim).filter(|p| !p.is_empty()).all(|part| {
        let Some((cue, _)) =
            CREDITS.iter().find(|(c, _)| part.get(..c.len()).is_some_and(|p| p.eq_ignore_ascii_case(c)))
        else {
            return false;
        };
        part.get(cue.len()..)
            .unwrap_or("")
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(char::is_uppercase) || ["and", "in", "from"].contains(&w) || PARTICLES.contains(&w))
    })
}

/// A person candidate for the name `span`, with its surname as an accepted
/// answer and the role that makes its question.
fn person(s: &str, toks: &[Tok], span: (usize, usize), role: Option<String>) -> Candidate {
    let mut c = Candidate::new(Kind::Person, toks[span.0].start, toks[span.1 - 1].end);
    if let Some(last) = surname(toks, span) {
        c.accept.push(span_text(s, toks, last).to_string());
    }
    c.role = role;
    c
}

/// True when the span's last word is an organisation's or a document's.
fn ends_like_org(toks: &[Tok], (_, b): (usize, usize)) -> bool {
    let w = toks[b - 1].lower.as_str();
    ORG_SUFFIXES.contains(&w) || DOC_WORDS.contains(&w)
}

/// Every value found in a sentence, strongest cues first.
fn candidates(s: &str, ctx: &Context) -> Vec<Candidate> {
    let toks = tokens(s);
    let spans = spans(s, &toks, ctx);
    let credit_line = is_credit_line(s);
    let mut out = people_in(s, &toks, &spans, ctx, credit_line);
    // A credit line names the article's people, and no fact of the story
    // (`(Reporting by Jane Roe in London)`).
    if credit_line {
        return out;
    }
    names(s, &toks, &spans, ctx, &mut out);
    numbers(s, &toks, &mut out);
    out
}

/// Organisations, documents and places in a sentence.
fn names(s: &str, toks: &[Tok], spans: &[(usize, usize)], ctx: &Context, out: &mut Vec<Candidate>) {
    for &(a, mut b) in spans {
        // Of "European Council President Charles Michel", the part before the
        // title.
        if let Some(r) = (a..b).find(|&i| is_role(toks[i].text)) {
            if r == a {
                continue;
            }
            b = r;
        }
        let text = span_text(s, toks, (a, b));
        let acronym = toks[a].text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let bare_suffix = b - a == 1 && ORG_SUFFIXES.contains(&toks[a].lower.as_str());
        if ctx.people.contains(text) || (b - a == 1 && acronym) || bare_suffix {
            continue;
        }
        let first = toks[a].lower.as_str();
        let last = toks[b - 1].lower.as_str();
        let prev = a.checked_sub(1).map(|i| toks[i].lower.as_str()).unwrap_or("");
        // The word before, past an article: "director of (the) Acme".
        let before_the = if prev == "the" && a >= 2 { a - 1 } else { a };
        let prev_word = before_the.checked_sub(1).map(|i| toks[i].lower.as_str()).unwrap_or("");
        let next = toks.get(b).map(|t| t.lower.as_str()).unwrap_or("");
        let gap_after = s.get(toks[b - 1].end..toks.get(b).map_or(s.len(), |t| t.start)).unwrap_or("");
        let kind = if DOC_WORDS.contains(&first) || DOC_WORDS.contains(&last) {
            Kind::Document
        } else if ORG_SUFFIXES.contains(&last)
            || (ORG_SUFFIXES.contains(&first) && b - a >= 3)
            || s.get(toks[b - 1].end..).is_some_and(|r| r.starts_with(", led by "))
            || (ORG_CUES.contains(&prev) && !toks[a - 1].cap())
        {
            Kind::Organization
        } else if PLACE_NOUNS.contains(&next) && gap_after == " " {
            Kind::Place
        } else if a > 0 && PLACE_CUES.contains(&prev) && !toks[a - 1].cap()
            || (b - a >= 2 && before_the < a && PLACE_CUES.contains(&prev_word))
        {
            // "to Belgium", "in the Central Valley".
            Kind::Place
        } else if prev_word == "of"
            && role_before(toks, before_the)
            && !(ORG_CUES.contains(&next) || PLACE_NOUNS.contains(&next))
        {
            // "director of Acme": an organisation, unless the article puts
            // the name after "in" or "to" elsewhere (a country).
            Kind::Organization
        } else if THING_NOUNS.contains(&next) && gap_after == " " || appositive(s, toks[b - 1].end) {
            // "the Hyrasia One project"; "QazVac, its own vaccine".
            Kind::Other
        } else {
            continue;
        };
        let mut c = Candidate::new(kind, toks[a].start, toks[b - 1].end);
        // "Hydrobuild Inc.": the period is part of the name.
        if ["inc", "corp", "ltd", "co", "bros"].contains(&last) && s.get(c.end..).is_some_and(|r| r.starts_with('.')) {
            c.end += 1;
        }
        // "Agreement on … (EPCA)": the acronym counts too.
        if let Some(acr) = s.get(c.end..).and_then(|r| r.strip_prefix(" (")).and_then(|r| r.split_once(')')) {
            if acr.0.len() >= 2 && acr.0.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit()) {
                c.accept.push(acr.0.to_string());
            }
        }
        // "Svevind Group": "Svevind" counts too.
        if kind == Kind::Organization
            && b - a >= 2
            && ["group", "inc", "corp", "ltd", "plc", "holdings"].contains(&last)
        {
            c.accept.push(span_text(s, toks, (a, b - 1)).to_string());
        }
        out.push(c);
    }
}

/// True when an appositive that names what the thing before is follows byte
/// `end` of `s`: `, its own COVID-19 vaccine.`, `, a new satellite,`.
fn appositive(s: &str, end: usize) -> bool {
    let Some(rest) = s.get(end..).and_then(|r| r.strip_prefix(", ")) else {
        return false;
    };
    let clause = rest.split([',', ';', '.']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    let after = rest.get(clause.len()..).unwrap_or("");
    matches!(words.first(), Some(&("its" | "their" | "a" | "an")))
        && words.len() <= 5
        && words.last().is_some_and(|w| THING_NOUNS.contains(&w.to_lowercase().as_str()))
        && (after.is_empty() || after.starts_with(['.', ',']))
}

/// True when the number at byte `at` of `s` is part of a name: right after
/// "&" or a capitalised word that does not start the sentence ("the S&P
/// 500", "a Boeing 737").
fn in_name(s: &str, toks: &[Tok], at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    let prev = toks.iter().rposition(|t| t.end <= at);
    before.trim_end().ends_with('&')
        || prev.is_some_and(|i| i > 0 && toks[i].cap() && s.get(toks[i].end..at) == Some(" "))
}

/// True when the number ending at byte `end` of `s` is a time of day ("4
/// p.m.", "10am").
fn clock_time(s: &str, end: usize) -> bool {
    let after = s.get(end..).unwrap_or("").trim_start();
    let after = after.as_bytes();
    after.len() >= 2
        && matches!(after[0].to_ascii_lowercase(), b'a' | b'p')
        && (after[1] == b'.'
            || after[1].eq_ignore_ascii_case(&b'm') && !after.get(2).is_some_and(u8::is_ascii_alphabetic))
}

/// True when a role word stands within the three words before `of` at word
/// `a - 1` ("chairman of the board of", "director of").
fn role_before(toks: &[Tok], a: usize) -> bool {
    (a.saturating_sub(6)..a.saturating_sub(1)).any(|i| is_role(toks[i].text) && !toks[i].cap())
}

/// Money, numbers, percentages, dates and number words in a sentence.
fn numbers(s: &str, toks: &[Tok], out: &mut Vec<Candidate>) {
    let qs = quantities(s);
    // A month and its year go before the year alone.
    let first_number = out.len();
    for (k, q) in qs.iter().enumerate() {
        let (kind, start, mut end) = match &q.unit {
            _ if q.currency.is_some() => (Kind::Money, q.start, q.end),
            Some(Unit::Month(_)) => (Kind::Date, q.start, q.end),
            Some(Unit::Percent) => (Kind::Number, q.start, q.end),
            // "1st of May"; "the 25th anniversary" is no number fact.
            None if q.ordinal => match day_of_month(s, q.count_end) {
                Some(e) => (Kind::Date, q.start, e),
                None if ranking(s, q.count_end) => (Kind::Number, q.start, q.count_end),
                None => continue,
            },
            _ if is_year(s, q) => (Kind::Date, q.start, q.count_end),
            _ if in_name(s, toks, q.start) || clock_time(s, q.count_end) => continue,
            _ => (Kind::Number, q.start, q.count_end),
        };
        // "25 November 2021", "November 25, 2021": the year is part of it.
        if q.is_day() {
            if let Some(y) = qs.get(k + 1) {
                let gap = s.get(q.end..y.start).unwrap_or("x");
                if (gap == " " || gap == ", ") && y.unit.is_none() && y.currency.is_none() && four_digits(s, y) {
                    end = y.end;
                }
            }
        }
        out.push(Candidate::new(kind, start, end));
    }
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| toks[j].lower.as_str()).unwrap_or("");
        let next = toks.get(i + 1);
        let w = t.lower.as_str();
        if WEEKDAYS.contains(&w) && t.cap() {
            // "on Thursday", "Thursday and Friday".
            let mut end = t.end;
            if let (Some(and), Some(day)) = (toks.get(i + 1), toks.get(i + 2)) {
                if and.lower == "and"
                    && WEEKDAYS.contains(&day.lower.as_str())
                    && s.get(t.end..day.start) == Some(" and ")
                {
                    end = day.end;
                }
            }
            if !(prev == "and" && i >= 2 && WEEKDAYS.contains(&toks[i - 2].lower.as_str())) {
                out.push(Candidate::new(Kind::Date, t.start, end));
            }
        } else if month_of(t.text).is_some() && t.cap() && (t.text.len() > 3 || w == "may") {
            // "in November", "since March 2020" (a month without a day).
            let year = next.filter(|n| n.text.len() == 4 && n.text.bytes().all(|b| b.is_ascii_digit()));
            // "25 November", "25th November", "1st of May", "the first of
            // May": the day's own candidate holds the month.
            let day = |j: usize| toks[j].text.starts_with(|c: char| c.is_ascii_digit());
            let after_day = i > 0
                && (day(i - 1)
                    || (prev == "of" && i >= 2 && (day(i - 2) || ORDINALS.contains(&toks[i - 2].lower.as_str()))));
            match year {
                _ if after_day => {}
                Some(y) if s.get(t.end..y.start) == Some(" ") => {
                    out.insert(first_number, Candidate::new(Kind::Date, t.start, y.end));
                }
                _ if YEAR_CUES.contains(&prev) => out.push(Candidate::new(Kind::Date, t.start, t.end)),
                _ => {}
            }
        } else if ORDINALS.contains(&w) && prev == "the" {
            // "the first of May" is a date; "the ninth largest", "the first
            // country to agree" a rank; "the first piles" neither.
            if let Some(e) = day_of_month(s, t.end) {
                out.push(Candidate::new(Kind::Date, t.start, e));
            } else if ranking(s, t.end) {
                out.push(Candidate::new(Kind::Number, t.start, t.end));
            }
        } else if CARDINALS[1..].contains(&w)
            && !t.cap()
            && next.is_some_and(|n| !n.cap() && !["of", "or", "and", "to"].contains(&n.lower.as_str()))
        {
            out.push(Candidate::new(Kind::Number, t.start, t.end));
        }
    }
}

/// Where a date ends when an ordinal that ends at byte `end` of `s` is its
/// day: ` of May`, ` of May 2024`, ` of May, 2024` (the month capitalised).
fn day_of_month(s: &str, end: usize) -> Option<usize> {
    let rest = s.get(end..)?.strip_prefix(" of ")?;
    let month = rest.split(|c: char| !c.is_alphabetic()).next()?;
    month_of(month).filter(|_| month.len() >= 3 && month.starts_with(|c: char| c.is_uppercase()))?;
    let mut e = s.len() - rest.len() + month.len();
    let after = s.get(e..).unwrap_or("");
    for gap in [" ", ", "] {
        let year = after.strip_prefix(gap).and_then(|r| r.get(..4)).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
        let whole = after.get(gap.len() + 4..).is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()));
        if year.is_some() && whole {
            e += gap.len() + 4;
            break;
        }
    }
    Some(e)
}

/// True when an ordinal that ends at byte `end` of `s` ranks something: a
/// superlative follows (`ninth largest`, `second most`), or, within the
/// clause, `to` and a verb (`the first Central Asian country to agree`).
fn ranking(s: &str, end: usize) -> bool {
    let rest = s.get(end..).unwrap_or("");
    let clause = rest.split([',', ';', ':', '.', '(', '\u{2013}', '\u{2014}']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(6).collect();
    let superlative = words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        ["most", "least", "best", "worst"].contains(&w.as_str())
            || (w.len() >= 6 && w.ends_with("est") && !NOT_SUPERLATIVE.contains(&w.as_str()))
    });
    let to_verb = words
        .windows(2)
        .any(|p| p[0] == "to" && p[1].starts_with(|c: char| c.is_lowercase()) && !["the", "a", "an"].contains(&p[1]));
    superlative || to_verb
}

/// Words ending in `est` that are no superlatives.
const NOT_SUPERLATIVE: [&str; 10] =
    ["forest", "harvest", "interest", "request", "protest", "contest", "conquest", "arrest", "suggest", "digest"];

/// True when `q` is four digits and nothing else.
fn four_digits(s: &str, q: &Quantity) -> bool {
    let t = s.get(q.start..q.count_end).unwrap_or("");
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// True when `q` is a year: four digits from 1800 to 2100, after `in`,
/// `since`, … or a month, or alone before punctuation.
fn is_year(s: &str, q: &Quantity) -> bool {
    if !four_digits(s, q) || q.unit.is_some() || q.values.len() != 1 {
        return false;
    }
    let value = q.values[0].whole().unwrap_or(0);
    if !(1800..=2100).contains(&value) {
        return false;
    }
    let before = s.get(..q.start).unwrap_or("").trim_end().trim_end_matches(',');
    let prev = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    YEAR_CUES.contains(&prev.as_str()) || month_of(&prev).is_some()
}

/// The draft for candidate `c` of sentence `s`, whose answer is `back`.
fn make_draft(s: &str, c: &Candidate, back: String) -> Draft {
    let question = c.role.as_ref().and_then(|role| {
        let mut words = role.split_whitespace();
        let first = words.next()?;
        let lower = first.to_lowercase();
        let rest = words.collect::<Vec<_>>().join(" ");
        let phrase = match lower.as_str() {
            "the" | "a" | "an" => format!("the {rest}"),
            _ => format!("the {role}"),
        };
        (phrase.split_whitespace().count() >= 3).then(|| format!("Who is {}?", phrase.trim_end_matches(',')))
    });
    let (front, cloze) = match question {
        Some(q) => (q, false),
        None => (cloze_of(s, c.start, c.end), true),
    };
    let accept: Vec<String> =
        c.accept.iter().filter(|a| fold_case_space(a) != fold_case_space(&back)).cloned().collect();
    Draft { kind: c.kind, front, back, accept, quote: s.to_string(), topic: topic(c.kind).to_string(), cloze }
}

/// The sentence with bytes `start..end` blanked, cut around the blank to at
/// most [`MAX_FRONT`] characters.
fn cloze_of(s: &str, start: usize, end: usize) -> String {
    let full = concat(&[s.get(..start).unwrap_or(""), BLANK, s.get(end..).unwrap_or("")]);
    if full.chars().count() <= MAX_FRONT {
        return full;
    }
    let (from, to) = clause_bounds(s, start, end);
    let part = concat(&[s.get(from..start).unwrap_or(""), BLANK, s.get(end..to).unwrap_or("")]);
    let part: String = part.trim().chars().take(MAX_FRONT - 2).collect();
    format!("…{part}…")
}

/// The topic a draft of `kind` gets.
fn topic(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "People",
        Kind::Organization => "Organisations",
        Kind::Place => "Places",
        Kind::Date => "Dates",
        Kind::Number => "Numbers",
        Kind::Money => "Money",
        Kind::Event => "Events",
        Kind::Document => "Documents",
        Kind::Other => "Other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(text: &str) -> Vec<(Kind, String)> {
        suggest(text, None).into_iter().map(|d| (d.kind, d.back)).collect()
    }

    #[test]
    fn values_get_their_kinds() {
        let got = answers("Acme said on Feb. 3 that sales rose 12% to $4.5 billion in 2023, the third rise in a row.");
        assert_eq!(
            got,
            [
                (Kind::Date, "Feb. 3".to_string()),
                (Kind::Number, "12%".into()),
                (Kind::Money, "$4.5 billion".into()),
                (Kind::Date, "2023".into()),
            ]
        );
    }

    #[test]
    fn ordinals_are_days_or_ranks_never_bare_numbers() {
        // The editor's report: "the first piles" was drafted as a number.
        assert_eq!(
            answers("The mayor said the first piles would be driven in September 2024."),
            [(Kind::Date, "September 2024".to_string())]
        );
        assert!(answers("It is the third rise in a row.").is_empty());
        assert!(answers("They marked the 25th anniversary of the fund.").is_empty());
        // A date's day.
        assert_eq!(answers("Voting ends on the first of May."), [(Kind::Date, "first of May".to_string())]);
        assert_eq!(answers("It opens on 1st of May 2025, as planned."), [(Kind::Date, "1st of May 2025".to_string())]);
        assert_eq!(answers("It opens on 25th November 2025."), [(Kind::Date, "25th November 2025".to_string())]);
        // A rank.
        assert_eq!(answers("Kazakhstan is the ninth largest country."), [(Kind::Number, "ninth".to_string())]);
        assert_eq!(answers("It was the 2nd biggest sale."), [(Kind::Number, "2nd".to_string())]);
        assert_eq!(answers("It is the first country to agree a deal."), [(Kind::Number, "first".to_string())]);
        assert!(answers("It is the first train to the airport.").is_empty());
    }

    #[test]
    fn people_come_with_roles_and_cues() {
        let d = suggest("The company is led by Jane Roe, its founder. Bob Smith, director of the Institute for Fiscal Studies, said it was fine.", None);
        let people: Vec<(&str, &str)> =
            d.iter().filter(|d| d.kind == Kind::Person).map(|d| (d.back.as_str(), d.front.as_str())).collect();
        assert_eq!(
            people,
            [
                ("Jane Roe", "The company is led by ___, its founder."),
                ("Bob Smith", "Who is the director of the Institute for Fiscal Studies?")
            ]
        );
        let orgs: Vec<&str> = d.iter().filter(|d| d.kind == Kind::Organization).map(|d| d.back.as_str()).collect();
        assert_eq!(orgs, ["Institute for Fiscal Studies"]);
    }

    #[test]
    fn months_and_years_are_dates() {
        assert_eq!(
            answers("It opened in March 2020 and closed on 25 November 2021, in May."),
            [
                (Kind::Date, "March 2020".to_string()),
                (Kind::Date, "25 November 2021".into()),
                (Kind::Date, "May".into())
            ]
        );
        assert_eq!(
            answers("Since 1999, it rose. It sold 2000 cars."),
            [(Kind::Date, "1999".to_string()), (Kind::Number, "2000".into())]
        );
    }

    #[test]
    fn cloze_blanks_the_answer() {
        let d = suggest("Trade was worth $24 billion.", None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].front, "Trade was worth ___.");
        assert!(d[0].cloze);
        assert_eq!(d[0].quote, "Trade was worth $24 billion.");
        assert_eq!(d[0].topic, "Money");
    }

    #[test]
    fn titles_are_not_section_labels_trails_or_copyright_lines() {
        let seed = "EUROPE\nKazakhstan president visits Brussels in effort to deepen relations\n\nThe President spoke.";
        assert_eq!(
            title_guess(seed).as_deref(),
            Some("Kazakhstan president visits Brussels in effort to deepen relations")
        );
        assert_eq!(
            title_guess("Home | World | Europe\n\nBridge vote passes in Valmere\n").as_deref(),
            Some("Bridge vote passes in Valmere")
        );
        assert_eq!(title_guess("© 2021 Euractiv Media Network\nNews › Europe › Politics"), None);
    }

    #[test]
    fn copyright_lines_give_no_drafts() {
        assert!(suggest("© 2021 Euractiv\n\nCopyright 2020 Reuters. All rights reserved.", None).is_empty());
    }

    #[test]
    fn a_sentence_too_long_is_drafted_from_its_pieces() {
        let filler = "and the committee met again, ".repeat(60);
        let sentence = format!("Trade was worth $24 billion, {filler}before the vote on 12 March 2021.");
        assert!(sentence.chars().count() > MAX_SENTENCE);
        let drafts = suggest(&sentence, None);
        let backs: Vec<&str> = drafts.iter().map(|d| d.back.as_str()).collect();
        assert!(backs.contains(&"$24 billion") && backs.iter().any(|b| b.contains("12 March 2021")), "{backs:?}");
        for d in &drafts {
            assert!(d.quote.chars().count() <= MAX_SENTENCE && sentence.contains(&d.quote), "{}", d.quote);
        }
        let words = "x".repeat(MAX_SENTENCE * 2 + 5);
        assert_eq!(pieces(&words, MAX_SENTENCE).concat(), words);
        assert_eq!(pieces("a, b c d", 3), ["a,", "b", "c d"]);
    }
}

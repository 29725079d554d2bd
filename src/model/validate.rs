//! Deck validation: every rule of format v1, every error reported by path.
//!
//! [`parse_deck`] walks a [`Value`] once: it checks every rule and builds the
//! typed [`Deck`] as it goes, moving the value's strings into it, and returns
//! the deck or, if anything is wrong, every [`Issue`] it found.
//! [`validate_deck`] is the same walk over a copy, for callers that keep the
//! value. The walk is linear in the size of the deck: repeated ids are found
//! by numbering the ids as they come ([`Numbering`]). The checks that compare
//! the entries of one fact with each other only run on lists within
//! [`MAX_ENTRIES`].
//!
//! # Order of the issues
//!
//! Issues come in document order: the members of each object are checked in
//! the order they are written, so an unknown or repeated field is reported
//! where it stands. Required fields that are missing are reported when the
//! object ends, after the problems inside it. Checks between fields (a
//! distractor equal to the answer) are reported at the entry at fault,
//! wherever the other field stands.
//!
//! # Paths
//!
//! A path names the value at fault: `version`, `source.url`, `facts[3].back`,
//! `facts[0].accept[1]`, `facts[2].image.alt`. The empty path is the deck
//! itself. An unknown field is reported at its key (`facts[1].frnot`), so an
//! editor can underline it, unless the key would not read back as one step
//! of a path (empty, over 60 characters, or holding `.`, `[`, `]` or a control
//! character); then, like a repeated field, it is reported at the object.
//! Either way the message quotes the key.
//!
//! # Limits
//!
//! Lengths are counted in characters (Unicode scalar values), as JSON Schema's
//! `maxLength` counts them. The limits of the format are the constants of
//! [`crate::model::deck`] and of this module; `www/decks/deck.schema.json`
//! states the same ones.

use super::deck::{Deck, Fact, Image, Kind, Source, FORMAT_VERSION, MAX_FACTS, MAX_LONG_TEXT, MAX_SIDE, MAX_TITLE};
use super::json::Value;
use super::numbering::Numbering;
use super::text::{char_distance as edit_distance, chars, fold_case_space, fold_char, is_blank, AnswerKey};
use super::variants;
use serde::Serialize;
use std::borrow::Cow;

/// Longest deck or fact `id`, in characters.
pub const MAX_ID: usize = 200;
/// Longest `topic`, in characters.
pub const MAX_TOPIC: usize = 100;
/// Longest deck `description`, in characters.
pub const MAX_DESCRIPTION: usize = MAX_LONG_TEXT;
/// Longest `language` tag, in characters.
pub const MAX_LANGUAGE: usize = 100;
/// Longest `source.publisher`, `headline`, `author` or `editor`, in characters.
pub const MAX_SOURCE_FIELD: usize = 1_000;
/// Longest `source.url` or `image.src`, in characters.
pub const MAX_URL: usize = 2_000;
/// Longest `image.alt`, in characters.
pub const MAX_ALT: usize = 1_000;
/// Longest entry of `accept` or `distractors`, in characters.
pub const MAX_ENTRY: usize = 1_000;
/// Most entries in `accept` or in `distractors`.
pub const MAX_ENTRIES: usize = 20;
/// The language of a deck that names none.
pub const DEFAULT_LANGUAGE: &str = "en";

/// The fields of a deck, in the order the format lists them.
const DECK_FIELDS: &[&str] = &["version", "id", "title", "language", "description", "source", "facts"];
/// The fields of `source`.
const SOURCE_FIELDS: &[&str] = &["publisher", "headline", "url", "published", "author", "editor"];
/// The fields of a fact.
const FACT_FIELDS: &[&str] =
    &["id", "front", "back", "topic", "kind", "detail", "quote", "accept", "distractors", "image"];
/// The fields of an image.
const IMAGE_FIELDS: &[&str] = &["src", "alt"];
/// The names of [`Kind::ALL`], as the message for an unknown kind lists them.
const KIND_NAMES: &str = "person, organization, place, date, number, money, event, document, other";
/// Longest quoted excerpt of a value in a message, in characters.
const MAX_QUOTED: usize = 60;
/// Longest unknown key for which a near known field is looked for.
const MAX_SUGGEST: usize = 64;

/// How bad an [`Issue`] (or an article finding) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The deck cannot be used: it is invalid (or misquotes its article).
    Error,
    /// Worth a look; the deck still passes and mounts.
    Warning,
}

/// One validation problem: where it is and what is wrong.
/// (Serialised by `dom::js_value`, as a map.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Path such as `facts[3].back`; empty for the deck itself.
    pub path: String,
    /// What is wrong and what is expected, e.g. `must not be blank`.
    pub message: String,
    /// An error makes the deck invalid; a warning ([`deck_warnings`]) never
    /// does.
    pub severity: Severity,
    /// The id of the fact the path is in, when it has one, for
    /// [`Issue::line`]; not serialised (the path stays bare).
    pub fact_id: Option<String>,
}

impl Issue {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue { path: path.into(), message: message.into(), severity: Severity::Error, fact_id: None }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue { severity: Severity::Warning, ..Issue::error(path, message) }
    }

    /// The issue as one line: `path: message` with the fact's id after its
    /// index (`facts[11] (id "nelson").back: is required`), or the message
    /// alone for the deck itself, as the CLI prints it and `mount` throws it.
    pub fn line(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            [labelled_path(&self.path, self.fact_id.as_deref()).as_str(), ": ", self.message.as_str()].concat()
        }
    }
}

/// `path` with the fact's `id` after its index: `facts[11] (id "nelson").back`.
/// `path` as it is when it is not inside a fact or there is no id. The one
/// way issues and article findings name a fact.
pub fn labelled_path(path: &str, id: Option<&str>) -> String {
    match (id, in_fact(path)) {
        (Some(id), Some((index, tail))) => {
            ["facts[", index, "] (id ", &quote_up_to(id, usize::MAX), ")", tail].concat()
        }
        _ => path.to_string(),
    }
}

/// A path inside a fact split after its index: `("11", ".back")` for
/// `facts[11].back`. (Checked slicing only: a slicing panic would bring
/// core's `{:?}` and its Unicode tables into the wasm.)
fn in_fact(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("facts[")?;
    let close = rest.find(']')?;
    Some((rest.get(..close)?, rest.get(close + 1..)?))
}

/// The index of the fact `path` is in: 11 for `facts[11].back`.
fn fact_index(path: &str) -> Option<usize> {
    in_fact(path)?.0.parse().ok()
}

/// The string id of each fact of `value`, by position (`None` for a fact
/// without one).
fn fact_ids(value: &Value) -> Vec<Option<String>> {
    let Some(Value::Array(facts)) = value.get("facts") else { return Vec::new() };
    let mut ids = Vec::with_capacity(facts.len());
    for f in facts {
        ids.push(f.get("id").and_then(Value::as_str).filter(|id| !is_blank(id)).map(str::to_string));
    }
    ids
}

/// Fills in [`Issue::fact_id`] from `ids`, the facts' ids by position.
fn name_facts(issues: &mut [Issue], ids: &[Option<String>]) {
    for issue in issues {
        // Not for the id itself: the message quotes it, or it is unusable.
        let at_id = in_fact(&issue.path).is_some_and(|(_, tail)| tail.starts_with(".id"));
        let id = fact_index(&issue.path).and_then(|i| ids.get(i)).and_then(Option::as_ref).filter(|_| !at_id);
        issue.fact_id = id.cloned();
    }
}

/// Warnings about a valid deck: never a reason to refuse it, always worth a
/// look. In fact order, by path:
/// - a fact whose `kind` its answer does not look like: `money` without an
///   amount, `date` without a date, `number` without a number;
/// - a fact left out of choice quizzes: it cannot get 2 wrong options;
/// - a kind (reported at its first fact's `kind`) whose facts cannot all get
///   3 wrong options, so choice questions offer 3 options, not 4.
pub fn deck_warnings(deck: &Deck) -> Vec<Issue> {
    let counts = super::quiz::wrong_option_counts(deck);
    let mut out = Vec::new();
    let mut short_kinds: Vec<Kind> = Vec::new();
    for (i, f) in deck.facts.iter().enumerate() {
        let at = |field: &str| ["facts[", &i.to_string(), "].", field].concat();
        let mut push = |issue: Issue| out.push(Issue { fact_id: Some(f.id.clone()), ..issue });
        if let Some(what) = unlike_kind(&f.back, f.kind) {
            push(Issue::warning(at("kind"), ["is \"", f.kind.as_str(), "\", but the answer has no ", what].concat()));
        }
        let n = counts.get(i).copied().unwrap_or(0);
        if n < super::quiz::MIN_WRONG {
            let got = if n == 1 { "1 wrong option" } else { "no wrong option" };
            push(Issue::warning(
                at("back"),
                ["left out of multiple-choice quizzes: ", got, " (add distractors or facts of the same kind)"].concat(),
            ));
        }
        if n < super::quiz::MAX_OPTIONS - 1 && !short_kinds.contains(&f.kind) {
            short_kinds.push(f.kind);
            push(Issue::warning(
                at("kind"),
                ["kind \"", f.kind.as_str(), "\" cannot give 3 wrong options to each of its facts"].concat(),
            ));
        }
    }
    out
}

/// What `back` lacks to look like `kind`: `"amount"`, `"date"` or `"number"`.
fn unlike_kind(back: &str, kind: Kind) -> Option<&'static str> {
    const NUMBER_WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "trillion", "first",
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "dozen", "half", "once", "twice", "percent",
    ];
    // Months and weekdays come from the quiz's own tables (variants.rs).
    const DATE_WORDS: &[&str] =
        &["today", "yesterday", "tomorrow", "spring", "summer", "autumn", "winter", "century", "decade", "year"];
    let (words, what) = match kind {
        Kind::Money => (NUMBER_WORDS, "amount"),
        Kind::Date => (DATE_WORDS, "date"),
        Kind::Number => (NUMBER_WORDS, "number"),
        _ => return None,
    };
    let dated = |w: &str| kind == Kind::Date && (variants::month(w).is_some() || variants::WEEKDAYS.contains(&w));
    let looks = back.chars().any(|c| c.is_ascii_digit())
        || super::text::normalize_answer(back).split(' ').any(|w| words.contains(&w) || dated(w));
    (!looks).then_some(what)
}

/// Checks `value` against every rule and builds the deck, in one walk, or
/// returns every problem found, in document order. The deck takes its text
/// from `value` without copying it.
///
/// The deck built has its defaults filled in: `language` is
/// [`DEFAULT_LANGUAGE`] when absent, a fact's `kind` is [`Kind::Other`], and a
/// fact without an `id` gets `fact-N`, N its 1-based position. A `null`
/// optional field counts as absent.
pub fn parse_deck(value: Value) -> Result<Deck, Vec<Issue>> {
    // The walk consumes the value; keep the fact ids an issue may name.
    let ids = fact_ids(&value);
    let mut checker = Checker { issues: Vec::new() };
    match checker.deck(value) {
        Some(deck) if checker.issues.is_empty() => Ok(deck),
        _ => {
            name_facts(&mut checker.issues, &ids);
            Err(checker.issues)
        }
    }
}

/// Every problem with `value` as a deck, in document order; empty when it is
/// valid: [`parse_deck`] on a copy of `value`, for callers that keep it.
pub fn validate_deck(value: &Value) -> Vec<Issue> {
    parse_deck(value.clone()).err().unwrap_or_default()
}

/// Parses `text` as JSON and then as a deck with [`parse_deck`]. Text that is
/// not JSON (or nests deeper than [`super::json::MAX_DEPTH`]) gives one issue
/// at the empty path, e.g. `not valid JSON: expected ',' or '}' at line 3
/// column 5`. A leading byte order mark is skipped, as browsers skip it.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_deck_text(text: &str) -> Result<Deck, Vec<Issue>> {
    parse_deck(parse_json(text)?)
}

/// Every problem with `text` as a deck: a JSON syntax error, or what
/// [`validate_deck`] finds. Empty when the text is a valid deck.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_text(text: &str) -> Vec<Issue> {
    parse_deck_text(text).err().unwrap_or_default()
}

/// The JSON value in `text`, or the one issue saying why it is not JSON.
#[cfg(not(target_arch = "wasm32"))]
fn parse_json(text: &str) -> Result<Value, Vec<Issue>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Value>(text).map_err(|e| {
        // serde_json quotes tokens with backticks; plain quotes read better.
        let reason = e.to_string().replace('`', "'");
        vec![Issue::error("", ["not valid JSON: ", &reason].concat())]
    })
}

/// Where a value stands in the deck. Rendered to text only when an issue is
/// reported, so a valid deck costs no path strings.
enum Path<'p> {
    /// The deck itself.
    Root,
    /// A field of the object at the parent path.
    Key(&'p Path<'p>, &'p str),
    /// An entry of the array at the parent path.
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// Appends the path as text, e.g. `facts[0].accept[1]`.
    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }

    /// The path as text.
    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Where an id was first used, for the duplicate id message.
#[derive(Clone, Copy)]
struct Origin {
    /// Position of the fact in `facts`.
    index: usize,
    /// True when the id was derived from the position, not written.
    derived: bool,
}

impl Origin {
    /// Says where the id was first used, e.g. `facts[0].id`.
    fn describe(self) -> String {
        let facts = Path::Key(&Path::Root, "facts");
        let fact = Path::Index(&facts, self.index);
        if self.derived {
            [fact.render().as_str(), ", derived from its position"].concat()
        } else {
            Path::Key(&fact, "id").render()
        }
    }
}

/// The id `fact-N` of the fact at `index` that has none written.
fn derived_id(index: usize) -> String {
    ["fact-", &(index + 1).to_string()].concat()
}

/// For the fact at each position of `items`, where its id was first used
/// when an earlier fact has the same one; `None` when its id is new, or it
/// has no valid id, or it is not an object. A fact's id is the one the walk
/// claims: its first `id` member when that is a valid id, or `fact-N` when
/// it has no `id` or a `null` one.
///
/// One pass, numbering the ids as they come ([`Numbering`]): O(n) for n
/// facts.
fn first_uses(items: &[Value]) -> Vec<Option<Origin>> {
    let mut firsts = Vec::with_capacity(items.len());
    for _ in items {
        firsts.push(None);
    }
    // A deck over the limit is already an error; its ids are not compared.
    if items.len() > MAX_FACTS {
        return firsts;
    }
    // Each fact's id, by position: the written one when valid, or the
    // derived `fact-N` (made here, as the numbering borrows every id).
    let mut ids: Vec<Option<(Cow<'_, str>, bool)>> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        ids.push(match (item, item.get("id")) {
            (Value::Object(_), None | Some(Value::Null)) => Some((Cow::Owned(derived_id(index)), true)),
            (_, Some(Value::String(id))) if !is_blank(id) && char_count(id) <= MAX_ID => {
                Some((Cow::Borrowed(id.as_str()), false))
            }
            _ => None,
        });
    }
    let mut numbers = Numbering::with_capacity(items.len());
    // Where each distinct id was first used, by its number.
    let mut origins: Vec<Origin> = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        let Some((id, derived)) = id else {
            continue;
        };
        let (n, new) = numbers.number(id);
        if new {
            origins.push(Origin { index, derived: *derived });
        } else if let (Some(slot), Some(first)) = (firsts.get_mut(index), origins.get(n)) {
            *slot = Some(*first);
        }
    }
    firsts
}

/// One walk over a deck value: checks it, collecting issues, and builds the
/// deck from it as it goes, moving its strings in. Once an issue is found the
/// deck is only kept until the walk ends, then dropped.
struct Checker {
    /// Every problem found so far, in document order.
    issues: Vec<Issue>,
}

impl Checker {
    /// Records a problem at `path`.
    fn report(&mut self, path: &Path, message: String) {
        self.issues.push(Issue::error(path.render(), message));
    }

    /// Walks the members of an object in document order. An unknown field is
    /// reported at its key (at `path` when the key would not read back as one
    /// step of a path, see [`names_a_step`]), a repeated one at `path`; the
    /// first value of each known field is handed to `field` with its name and
    /// path. Returns the fields seen, one bit per position in `fields` (at
    /// most 32 of them).
    fn walk(
        &mut self,
        members: Vec<(String, Value)>,
        fields: &'static [&'static str],
        path: &Path,
        field: &mut dyn FnMut(&mut Self, &'static str, Value, &Path),
    ) -> u32 {
        let mut seen = 0u32;
        for (key, value) in members {
            match fields.iter().enumerate().find(|(_, name)| **name == key) {
                None if names_a_step(&key) => self.report(&Path::Key(path, &key), unknown_field(&key, fields)),
                None => self.report(path, unknown_field(&key, fields)),
                Some((bit, name)) => {
                    if seen & (1 << bit) != 0 {
                        let message = ["duplicate field ", &quote(&key), "; each field may appear only once"];
                        self.report(path, message.concat());
                    } else {
                        seen |= 1 << bit;
                        field(self, name, value, &Path::Key(path, name));
                    }
                }
            }
        }
        seen
    }

    /// Reports each of `required` that `seen` (from [`Checker::walk`]) lacks.
    fn require(&mut self, seen: u32, fields: &[&str], required: &[&'static str], path: &Path) {
        for &name in required {
            let present = fields.iter().position(|f| *f == name).is_some_and(|bit| seen & (1 << bit) != 0);
            if !present {
                self.report(&Path::Key(path, name), "is required".into());
            }
        }
    }

    /// A string that is not blank and has at most `max` characters. Anything
    /// else, `null` included, is reported.
    fn string(&mut self, value: Value, path: &Path, max: usize) -> Option<String> {
        let Value::String(s) = value else {
            self.report(path, type_error("a string", &value));
            return None;
        };
        if is_blank(&s) {
            self.report(path, "must not be blank".into());
            return None;
        }
        // A string has at least as many bytes as characters.
        if s.len() > max {
            let chars = char_count(&s);
            if chars > max {
                self.report(path, too_long(max, chars));
                return None;
            }
        }
        Some(s)
    }

    /// A required string field: `null` is reported as missing.
    fn required(&mut self, value: Value, path: &Path, max: usize) -> Option<String> {
        if let Value::Null = value {
            self.report(path, "is required".into());
            return None;
        }
        self.string(value, path, max)
    }

    /// An optional string field: `null` counts as absent.
    fn optional(&mut self, value: Value, path: &Path, max: usize) -> Option<String> {
        match value {
            Value::Null => None,
            _ => self.string(value, path, max),
        }
    }

    /// Checks the deck and builds it; `None` when it is not an object.
    fn deck(&mut self, value: Value) -> Option<Deck> {
        let root = Path::Root;
        let Value::Object(members) = value else {
            self.report(&root, type_error("an object (a deck)", &value));
            return None;
        };
        let mut deck = Deck::new(String::new(), Vec::new());
        let seen = self.walk(members, DECK_FIELDS, &root, &mut |c, name, v, p| match name {
            "version" => c.version(&v, p),
            "id" => deck.id = c.optional(v, p, MAX_ID),
            "title" => deck.title = c.required(v, p, MAX_TITLE).unwrap_or_default(),
            "language" => deck.language = c.language(v, p).unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned()),
            "description" => deck.description = c.optional(v, p, MAX_DESCRIPTION),
            "source" => deck.source = c.source(v, p),
            "facts" => deck.facts = c.facts(v, p),
            _ => {}
        });
        self.require(seen, DECK_FIELDS, &["version", "title", "facts"], &root);
        Some(deck)
    }

    /// Checks `version`: the number 1.
    fn version(&mut self, value: &Value, path: &Path) {
        match value {
            Value::Null => self.report(path, "is required".into()),
            Value::Number(n) if *n == f64::from(FORMAT_VERSION) => {}
            Value::Number(n) => {
                let message = ["unsupported version", &version_text(*n), "; expected ", &FORMAT_VERSION.to_string()];
                self.report(path, message.concat());
            }
            other => self.report(path, type_error("a number", other)),
        }
    }

    /// Checks `language`: a BCP 47 tag such as `en`, `en-GB` or `zh-Hant-TW`.
    fn language(&mut self, value: Value, path: &Path) -> Option<String> {
        let tag = self.optional(value, path, MAX_LANGUAGE)?;
        if !is_language_tag(&tag) {
            let message = ["must be a BCP 47 language tag such as \"en\" or \"en-GB\"; got ", &quote(&tag)];
            self.report(path, message.concat());
            return None;
        }
        Some(tag)
    }

    /// Checks `source`.
    fn source(&mut self, value: Value, path: &Path) -> Option<Source> {
        let members = match value {
            Value::Null => return None,
            Value::Object(members) => members,
            other => {
                self.report(path, type_error("an object (a source)", &other));
                return None;
            }
        };
        let mut source = Source::default();
        self.walk(members, SOURCE_FIELDS, path, &mut |c, name, v, p| match name {
            "url" => source.url = c.http_url(v, p),
            "published" => source.published = c.date(v, p),
            "publisher" => source.publisher = c.optional(v, p, MAX_SOURCE_FIELD),
            "headline" => source.headline = c.optional(v, p, MAX_SOURCE_FIELD),
            "author" => source.author = c.optional(v, p, MAX_SOURCE_FIELD),
            _ => source.editor = c.optional(v, p, MAX_SOURCE_FIELD),
        });
        Some(source)
    }

    /// Checks an optional http(s) URL (`source.url`).
    fn http_url(&mut self, value: Value, path: &Path) -> Option<String> {
        let url = self.optional(value, path, MAX_URL)?;
        if !is_http_url(&url) {
            self.report(path, "must be an http or https URL".into());
        }
        Some(url)
    }

    /// Checks an optional date (`source.published`): a real one, `YYYY-MM-DD`.
    fn date(&mut self, value: Value, path: &Path) -> Option<String> {
        let date = self.optional(value, path, usize::MAX)?;
        match check_date(&date) {
            DateCheck::Valid => {}
            DateCheck::NotADate => self.report(path, "must be a date as YYYY-MM-DD".into()),
            DateCheck::NoSuchDay => {
                let message = ["must be a real calendar date; ", &date, " does not exist"];
                self.report(path, message.concat());
            }
        }
        Some(date)
    }

    /// Checks `facts`.
    fn facts(&mut self, value: Value, path: &Path) -> Vec<Fact> {
        let items = match value {
            Value::Null => {
                self.report(path, "is required".into());
                return Vec::new();
            }
            Value::Array(items) => items,
            other => {
                self.report(path, type_error("an array of facts", &other));
                return Vec::new();
            }
        };
        if items.is_empty() || items.len() > MAX_FACTS {
            let message = ["must hold 1 to ", &MAX_FACTS.to_string(), " facts (has ", &items.len().to_string(), ")"];
            self.report(path, message.concat());
        }
        let firsts = first_uses(&items);
        let mut facts = Vec::with_capacity(items.len().min(MAX_FACTS));
        for (index, item) in items.into_iter().enumerate() {
            let first = firsts.get(index).copied().flatten();
            if let Some(fact) = self.fact(item, &Path::Index(path, index), index, first) {
                facts.push(fact);
            }
        }
        facts
    }

    /// Checks the fact at `index`, whose id was first used at `first` when an
    /// earlier fact has the same one (see [`first_uses`]).
    fn fact(&mut self, value: Value, path: &Path, index: usize, first: Option<Origin>) -> Option<Fact> {
        // The distractors are compared with the answer and the accepted
        // answers wherever those stand in the object, so key them up front.
        let distractors_given = value.get("distractors").is_some();
        let back_key = match value.get("back") {
            Some(Value::String(back)) if distractors_given && !is_blank(back) => Some(AnswerKey::new(back)),
            _ => None,
        };
        let accept_keys = value.get("accept").map(answer_keys).unwrap_or_default();
        let Value::Object(members) = value else {
            self.report(path, type_error("an object (a fact)", &value));
            return None;
        };

        let mut fact = Fact::new(String::new(), String::new(), String::new());
        let mut id = None;
        let mut id_given = false;
        let seen = self.walk(members, FACT_FIELDS, path, &mut |c, name, v, p| match name {
            "id" => {
                id_given = !matches!(v, Value::Null);
                id = c.optional(v, p, MAX_ID);
                if let Some(written) = &id {
                    c.claim_id(first, written, false, p);
                }
            }
            "front" => fact.front = c.required(v, p, MAX_SIDE).unwrap_or_default(),
            "back" => fact.back = c.required(v, p, MAX_SIDE).unwrap_or_default(),
            "topic" => fact.topic = c.optional(v, p, MAX_TOPIC),
            "kind" => fact.kind = c.kind(v, p),
            "detail" => fact.detail = c.optional(v, p, MAX_LONG_TEXT),
            "quote" => fact.quote = c.optional(v, p, MAX_LONG_TEXT),
            "accept" => fact.accept = c.accept(v, p),
            "distractors" => fact.distractors = c.distractors(v, p, back_key.as_ref(), &accept_keys),
            "image" => fact.image = c.image(v, p),
            _ => {}
        });
        self.require(seen, FACT_FIELDS, &["front", "back"], path);
        // A fact without an id gets `fact-N`, which may clash with a written one.
        if !id_given && first.is_some() {
            self.claim_id(first, &derived_id(index), true, path);
        }
        fact.id = id.unwrap_or_else(|| derived_id(index));
        Some(fact)
    }

    /// Reports the id of a fact as a duplicate when it was used before, at
    /// `first`. `path` is where the id is written, or the fact for a derived
    /// id.
    fn claim_id(&mut self, first: Option<Origin>, id: &str, derived: bool, path: &Path) {
        let Some(first) = first else {
            return;
        };
        let how = if derived { " (derived from its position)" } else { "" };
        let message =
            ["duplicate id ", &quote(id), how, "; ids must be unique (first used at ", &first.describe(), ")"];
        self.report(path, message.concat());
    }

    /// Checks `kind`: one of the names of [`Kind`]; [`Kind::Other`] when
    /// absent.
    fn kind(&mut self, value: Value, path: &Path) -> Kind {
        let Some(name) = self.optional(value, path, usize::MAX) else {
            return Kind::default();
        };
        Kind::parse(&name).unwrap_or_else(|| {
            let message = ["must be one of ", KIND_NAMES, "; got ", &quote(&name)];
            self.report(path, message.concat());
            Kind::default()
        })
    }

    /// Checks a list of strings (`accept` or `distractors`): an array of at
    /// most [`MAX_ENTRIES`] entries, each a string of at most [`MAX_ENTRY`]
    /// characters, not blank. Calls `compare` with each valid entry's
    /// position and text while the list is within the limit, so the entries
    /// may be checked against each other. Returns the valid entries.
    fn entries(
        &mut self,
        value: Value,
        path: &Path,
        compare: &mut dyn FnMut(&mut Self, usize, &str, &Path),
    ) -> Vec<String> {
        let items = match value {
            Value::Null => return Vec::new(),
            Value::Array(items) => items,
            other => {
                self.report(path, type_error("an array of strings", &other));
                return Vec::new();
            }
        };
        let within = items.len() <= MAX_ENTRIES;
        if !within {
            let message =
                ["must hold at most ", &MAX_ENTRIES.to_string(), " entries (has ", &items.len().to_string(), ")"];
            self.report(path, message.concat());
        }
        let mut valid = Vec::with_capacity(items.len().min(MAX_ENTRIES));
        for (index, item) in items.into_iter().enumerate() {
            let entry_path = Path::Index(path, index);
            if let Some(text) = self.string(item, &entry_path, MAX_ENTRY) {
                if within {
                    compare(self, index, &text, &entry_path);
                }
                valid.push(text);
            }
        }
        valid
    }

    /// Checks `accept`: besides the rules of every list, an entry may not
    /// repeat an earlier one, ignoring case and runs of white space. (Entries
    /// the matcher reads alike, `$160bn` and `160 billion`, are allowed: they
    /// cost the quiz nothing.)
    fn accept(&mut self, value: Value, path: &Path) -> Vec<String> {
        // The valid entries so far, folded, with their positions.
        let mut earlier: Vec<(usize, String)> = Vec::new();
        self.entries(value, path, &mut |c, index, text, p| {
            let this = fold_case_space(text);
            if let Some((first, _)) = earlier.iter().find(|(_, e)| *e == this) {
                c.report(p, repeats("accept", *first));
            }
            earlier.push((index, this));
        })
    }

    /// Checks `distractors`: besides the rules of every list, a distractor
    /// may not be the same answer ([`AnswerKey::same`]) as the `back` (its
    /// key in `back`), an accepted answer (their keys in `accept`), or an
    /// earlier distractor.
    fn distractors(
        &mut self,
        value: Value,
        path: &Path,
        back: Option<&AnswerKey>,
        accept: &[Option<AnswerKey>],
    ) -> Vec<String> {
        // The keys of the valid distractors so far, with their positions.
        let mut earlier: Vec<(usize, AnswerKey)> = Vec::new();
        self.entries(value, path, &mut |c, index, text, p| {
            let this = AnswerKey::new(text);
            if back.is_some_and(|b| b.same(&this)) {
                c.report(p, "must not equal the answer (back)".into());
            } else if let Some(i) = accept.iter().position(|a| a.as_ref().is_some_and(|a| a.same(&this))) {
                let message = ["must not equal an accepted answer (accept[", &i.to_string(), "])"];
                c.report(p, message.concat());
            } else if let Some((first, _)) = earlier.iter().find(|(_, e)| e.same(&this)) {
                c.report(p, repeats("distractors", *first));
            }
            earlier.push((index, this));
        })
    }

    /// Checks `image`; `None` when absent or invalid.
    fn image(&mut self, value: Value, path: &Path) -> Option<Image> {
        let members = match value {
            Value::Null => return None,
            Value::Object(members) => members,
            other => {
                self.report(path, type_error("an object (an image)", &other));
                return None;
            }
        };
        let (mut src, mut alt) = (None, None);
        let seen = self.walk(members, IMAGE_FIELDS, path, &mut |c, name, v, p| match name {
            "src" => src = c.image_src(v, p),
            _ => alt = c.required(v, p, MAX_ALT),
        });
        self.require(seen, IMAGE_FIELDS, &["src", "alt"], path);
        Some(Image { src: src?, alt: alt? })
    }

    /// Checks `image.src`: an http(s) URL or a relative path.
    fn image_src(&mut self, value: Value, path: &Path) -> Option<String> {
        let src = self.required(value, path, MAX_URL)?;
        if !is_http_url(&src) && !is_relative_path(&src) {
            self.report(path, "must be an http or https URL or a relative path".into());
        }
        Some(src)
    }
}

/// Largest integer a JSON number (an IEEE double) holds exactly, 2^53 − 1.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A version other than 1 in a message: ` 2` for a whole number within
/// ±[`MAX_SAFE_INTEGER`], else `: not a whole number` or `: out of range`.
fn version_text(n: f64) -> String {
    if n.is_nan() || (n.is_finite() && n.fract() != 0.0) {
        ": not a whole number".into()
    } else if n.abs() <= MAX_SAFE_INTEGER {
        // A whole number, so the cast is exact (and turns -0 into 0).
        [" ", &(n as i64).to_string()].concat()
    } else {
        ": out of range".into()
    }
}

/// The number of characters of `s`: its bytes that do not continue a
/// character. A plain loop, smaller in the wasm than `s.chars().count()`.
fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xc0 != 0x80).count()
}

/// Whether `key` can stand as the last step of a path such as
/// `facts[1].frnot`: not empty, at most [`MAX_QUOTED`] characters, and with no
/// `.`, `[`, `]` or control character, so the path reads back as it was.
fn names_a_step(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 4 * MAX_QUOTED
        && char_count(key) <= MAX_QUOTED
        && !key.chars().any(|c| matches!(c, '.' | '[' | ']') || c.is_control())
}

/// `must be EXPECTED, not TYPE`.
fn type_error(expected: &str, got: &Value) -> String {
    ["must be ", expected, ", not ", got.type_name()].concat()
}

/// `must be at most MAX characters (has CHARS)`.
fn too_long(max: usize, chars: usize) -> String {
    ["must be at most ", &max.to_string(), " characters (has ", &chars.to_string(), ")"].concat()
}

/// `must not repeat an earlier entry (FIELD[FIRST])`.
fn repeats(field: &str, first: usize) -> String {
    ["must not repeat an earlier entry (", field, "[", &first.to_string(), "])"].concat()
}

/// `s` in double quotes for a message: quotes, backslashes and control
/// characters escaped, and cut to [`MAX_QUOTED`] characters with `…`.
fn quote(s: &str) -> String {
    quote_up_to(s, MAX_QUOTED)
}

/// [`quote`], cut to `max` characters. (Not `{:?}`: its Unicode tables would
/// cost the wasm several KB.)
fn quote_up_to(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max.saturating_mul(4)) + 2);
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => push_control_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes control character `c` as `char::escape_default` does (`\t`, `\r`,
/// `\n`, else `\u{1b}`), without its generic escape iterator.
fn push_control_escape(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\n' => out.push_str("\\n"),
        c => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u{");
            let n = c as u32;
            let mut shift = 28;
            while shift > 0 && (n >> shift) & 0xf == 0 {
                shift -= 4;
            }
            loop {
                out.push(char::from(HEX[((n >> shift) & 0xf) as usize]));
                if shift == 0 {
                    break;
                }
                shift -= 4;
            }
            out.push('}');
        }
    }
}

/// The message for an unknown field `key` of an object with `fields`: the
/// nearest field when one is close, else the list of them.
fn unknown_field(key: &str, fields: &[&str]) -> String {
    let mut message = ["unknown field ", &quote(key)].concat();
    match suggest(key, fields) {
        Some(near) => {
            message.push_str("; did you mean \"");
            message.push_str(near);
            message.push_str("\"?");
        }
        None => {
            message.push_str("; known fields are ");
            message.push_str(&fields.join(", "));
        }
    }
    message
}

/// The field of `fields` nearest to `key`, if it is near enough to be the one
/// meant: at most one edit for keys of up to five characters, two for longer
/// ones, case ignored. An edit inserts, deletes or replaces a character, or
/// swaps two neighbours (`fornt` → `front`).
fn suggest<'f>(key: &str, fields: &[&'f str]) -> Option<&'f str> {
    let mut key = chars(key);
    for c in &mut key {
        *c = fold_char(*c);
    }
    if key.is_empty() || key.len() > MAX_SUGGEST {
        return None;
    }
    let allowed = if key.len() <= 5 { 1 } else { 2 };
    let mut best: Option<(usize, &'f str)> = None;
    for &field in fields {
        let distance = edit_distance(&key, &chars(field));
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, field));
        }
    }
    best.map(|(_, field)| field)
}

/// The [`AnswerKey`]s of the entries of a list, `None` for those that are
/// not valid strings. Empty when the list is not an array or is over
/// [`MAX_ENTRIES`], so no entry is compared.
fn answer_keys(list: &Value) -> Vec<Option<AnswerKey>> {
    match list {
        Value::Array(items) if items.len() <= MAX_ENTRIES => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items {
                keys.push(match item {
                    Value::String(s) if !is_blank(s) => Some(AnswerKey::new(s)),
                    _ => None,
                });
            }
            keys
        }
        _ => Vec::new(),
    }
}

/// Whether `tag` looks like a BCP 47 language tag: subtags of letters and
/// digits joined by hyphens, the first of two or three letters, the others of
/// one to eight characters. A loose check; it does not consult the registry.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags.all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `c` may appear in a URL or path as the format takes them: not
/// white space, not a control character, not a backslash (which browsers read
/// as a slash) and not a byte order mark.
fn url_char(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || c == '\\' || c == '\u{feff}')
}

/// `s` without `prefix`, compared ignoring ASCII case.
fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// Whether `s` is an absolute http or https URL with a host: the authority
/// (up to the first `/`, `?` or `#`), after any `user@`, neither empty nor
/// only a `:port`.
fn is_http_url(s: &str) -> bool {
    let rest = strip_prefix_ignore_case(s, "http://").or_else(|| strip_prefix_ignore_case(s, "https://"));
    let Some(rest) = rest else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    !host.is_empty() && !host.starts_with(':') && rest.chars().all(url_char)
}

/// Whether `s` is a relative path such as `images/a.png`, `../a.png` or
/// `/img/a.png`: no scheme (no `:` before the first `/`, `?` or `#`), and not
/// protocol-relative (`//host`).
fn is_relative_path(s: &str) -> bool {
    let first_segment = s.split(['/', '?', '#']).next().unwrap_or_default();
    !s.starts_with("//") && !first_segment.contains(':') && s.chars().all(url_char)
}

/// What [`check_date`] found.
enum DateCheck {
    /// A real date.
    Valid,
    /// Not of the form `YYYY-MM-DD`.
    NotADate,
    /// Of the form, but no such day (month 13, 30 February…).
    NoSuchDay,
}

/// Checks that `s` is a real date in the proleptic Gregorian calendar written
/// `YYYY-MM-DD`.
fn check_date(s: &str) -> DateCheck {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *s.as_bytes() else {
        return DateCheck::NotADate;
    };
    let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
    if !digits.iter().all(u8::is_ascii_digit) {
        return DateCheck::NotADate;
    }
    let number = |bytes: &[u8]| bytes.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    let year = number(&[y0, y1, y2, y3]);
    let month = number(&[m0, m1]);
    let day = number(&[d0, d1]);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if (1..=days).contains(&day) {
        DateCheck::Valid
    } else {
        DateCheck::NoSuchDay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_the_kinds() {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(KIND_NAMES, names.join(", "));
    }

    #[test]
    fn suggests_near_fields_only() {
        assert_eq!(suggest("fornt", FACT_FIELDS), Some("front"));
        assert_eq!(suggest("Front", FACT_FIELDS), Some("front"));
        assert_eq!(suggest("distractor", FACT_FIELDS), Some("distractors"));
        assert_eq!(suggest("acept", FACT_FIELDS), Some("accept"));
        assert_eq!(suggest("titel", DECK_FIELDS), Some("title"));
        assert_eq!(suggest("atl", IMAGE_FIELDS), Some("alt"));
        assert_eq!(suggest("x", FACT_FIELDS), None);
        assert_eq!(suggest("answer", FACT_FIELDS), None);
        assert_eq!(suggest("", FACT_FIELDS), None);
    }

    #[test]
    fn control_characters_are_escaped_as_escape_default_does() {
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|c| c.is_control()) {
            let mut out = String::new();
            push_control_escape(&mut out, c);
            assert_eq!(out, c.escape_default().to_string(), "{c:?}");
        }
        assert_eq!(quote("a\u{0}\u{1b}\t\u{9f}\"b"), "\"a\\u{0}\\u{1b}\\t\\u{9f}\\\"b\"");
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        let d = |a: &str, b: &str| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            edit_distance(&a, &b)
        };
        assert_eq!(d("fornt", "front"), 1);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("same", "same"), 0);
    }

    #[test]
    fn dates() {
        assert!(matches!(check_date("2021-12-09"), DateCheck::Valid));
        assert!(matches!(check_date("2024-02-29"), DateCheck::Valid));
        assert!(matches!(check_date("2000-02-29"), DateCheck::Valid));
        assert!(matches!(check_date("1900-02-29"), DateCheck::NoSuchDay));
        assert!(matches!(check_date("2021-02-29"), DateCheck::NoSuchDay));
        assert!(matches!(check_date("2021-13-01"), DateCheck::NoSuchDay));
        assert!(matches!(check_date("2021-04-31"), DateCheck::NoSuchDay));
        assert!(matches!(check_date("2021-01-00"), DateCheck::NoSuchDay));
        assert!(matches!(check_date("2021-1-09"), DateCheck::NotADate));
        assert!(matches!(check_date("09.12.2021"), DateCheck::NotADate));
        assert!(matches!(check_date("２０２１-12-09"), DateCheck::NotADate));
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "en-GB", "zh-Hant-TW", "ast", "es-419", "de-CH-1901", "x"] {
            assert_eq!(is_language_tag(ok), ok != "x", "{ok}");
        }
        for bad in ["english", "en_GB", "en-", "-en", "e1", "en--GB", "en-abcdefghi", "én"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn urls_and_paths() {
        for ok in ["http://a.example", "HTTPS://a.example/x?y#z", "https://a.example:8080/p"] {
            assert!(is_http_url(ok), "{ok}");
        }
        for ok in ["https://user@a.example/", "https://u:p@a.example:1/", "https://a@b@c/", "http://[::1]:8080/"] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in ["ftp://a", "https://", "https:///x", "https://a b", "http:/a", "https://a\\b"] {
            assert!(!is_http_url(bad), "{bad}");
        }
        for bad in ["https://@/", "https://@", "https://user@/x", "https://a@b@/", "https://:80/", "http://u@:80"] {
            assert!(!is_http_url(bad), "{bad}");
        }
        for ok in ["a.png", "img/a.png", "/img/a.png", "../a.png", "./a:b.png", "a.png?x=1:2", "/"] {
            assert!(is_relative_path(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AA",
            "//evil.example/a.png",
            "\\\\evil/a",
            "/\\evil",
            "a b.png",
            "file:///etc/passwd",
        ] {
            assert!(!is_relative_path(bad) && !is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn quotes_and_cuts() {
        assert_eq!(quote("a\"b\\c\n"), r#""a\"b\\c\n""#);
        let long = "x".repeat(100);
        assert_eq!(quote(&long), ["\"", &"x".repeat(MAX_QUOTED), "…\""].concat());
    }
}

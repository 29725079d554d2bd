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
use super::text::{
    char_distance as edit_distance, chars, concat, fold_case_space, fold_char, is_blank, push_uint, split_ascii,
    split_once_ascii, uint_text, AnswerKey,
};
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

impl Severity {
    /// The name JS sees: `"error"` or `"warning"` (as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
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
            concat(&[labelled_path(&self.path, self.fact_id.as_deref()).as_str(), ": ", self.message.as_str()])
        }
    }
}

/// `path` with the fact's `id` after its index: `facts[11] (id "nelson").back`.
/// `path` as it is when it is not inside a fact or there is no id. The one
/// way issues and article findings name a fact.
pub fn labelled_path(path: &str, id: Option<&str>) -> String {
    match (id, in_fact(path)) {
        (Some(id), Some((index, tail))) => {
            concat(&["facts[", index, "] (id ", &quote_up_to(id, usize::MAX), ")", tail])
        }
        _ => path.to_string(),
    }
}

/// A path inside a fact split after its index: `("11", ".back")` for
/// `facts[11].back`. (Checked slicing only: a slicing panic would bring
/// core's `{:?}` and its Unicode tables into the wasm.)
fn in_fact(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("facts[")?;
    split_once_ascii(rest, b']')
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
    let facts = Path::Key(&Path::Root, "facts");
    for (i, f) in deck.facts.iter().enumerate() {
        let fact = Path::Index(&facts, i);
        let mut warn = |field: &str, parts: &[&str]| {
            let path = Path::Key(&fact, field).render();
            out.push(Issue { path, message: concat(parts), severity: Severity::Warning, fact_id: Some(f.id.clone()) });
        };
        let kind = f.kind.as_str();
        if let Some(what) = unlike_kind(&f.back, f.kind) {
            warn("kind", &["is \"", kind, "\", but the answer has no ", what]);
        }
        let n = counts.get(i).copied().unwrap_or(0);
        if n < super::quiz::MIN_WRONG {
            let got = if n == 1 { "1 wrong option" } else { "no wrong option" };
            warn(
                "back",
                &["left out of multiple-choice quizzes: ", got, " (add distractors or facts of the same kind)"],
            );
        }
        if n < super::quiz::MAX_OPTIONS - 1 && !short_kinds.contains(&f.kind) {
            short_kinds.push(f.kind);
            warn("kind", &["kind \"", kind, "\" cannot give 3 wrong options to each of its facts"]);
        }
    }
    out
}

/// What `back` lacks to look like `kind`: `"amount"`, `"date"` or `"number"`.
fn unlike_kind(back: &str, kind: Kind) -> Option<&'static str> {
    // Months and weekdays come from the quiz's own tables (variants.rs).
    const DATE_WORDS: &[&str] =
        &["today", "yesterday", "tomorrow", "spring", "summer", "autumn", "winter", "century", "decade", "year"];
    let what = match kind {
        Kind::Money => "amount",
        Kind::Date => "date",
        Kind::Number => "number",
        _ => return None,
    };
    let fits = |w: &str| match kind {
        Kind::Date => DATE_WORDS.contains(&w) || variants::month(w).is_some() || variants::WEEKDAYS.contains(&w),
        _ => super::text::is_number_word(w),
    };
    let looks =
        back.chars().any(|c| c.is_ascii_digit()) || split_ascii(&super::text::normalize_answer(back), b' ').any(fits);
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
    let mut checker = Checker { issues: Vec::new(), fact_id: None, first: None, taken: Vec::new() };
    match checker.deck(value) {
        Some(deck) if checker.issues.is_empty() => Ok(deck),
        _ => Err(checker.issues),
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
        vec![Issue::error("", concat(&["not valid JSON: ", &reason]))]
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
                push_uint(out, *index as u64);
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
            concat(&[fact.render().as_str(), ", derived from its position"])
        } else {
            Path::Key(&fact, "id").render()
        }
    }
}

/// The id `fact-N` of the fact at `index` that has none written.
fn derived_id(index: usize) -> String {
    concat(&["fact-", &uint_text(index + 1)])
}

/// For the fact at each position of `items`, where its id was first used
/// when an earlier fact has the same one; `None` when its id is new, or it
/// has no valid id, or it is not an object; empty, comparing nothing, over
/// [`MAX_FACTS`] facts. A fact's id is the one the walk claims: its first
/// `id` member when that is a valid id, or `fact-N` when it has no `id` or a
/// `null` one.
///
/// One pass, numbering the ids as they come ([`Numbering`]): O(n) for n
/// facts.
fn first_uses(items: &[Value]) -> Vec<Option<Origin>> {
    // A deck over the limit is already an error; its ids are not compared.
    if items.len() > MAX_FACTS {
        return Vec::new();
    }
    // Each fact's id, by position: the written one when valid, or the
    // derived `fact-N` (made here, as the numbering borrows every id).
    let mut ids: Vec<Option<Cow<'_, str>>> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        ids.push(match (item, item.get("id")) {
            (Value::Object(_), None | Some(Value::Null)) => Some(Cow::Owned(derived_id(index))),
            (_, Some(Value::String(id))) if !is_blank(id) && char_count(id) <= MAX_ID => Some(Cow::Borrowed(id)),
            _ => None,
        });
    }
    let mut numbers = Numbering::with_capacity(items.len());
    // Where each distinct id was first used, by its number.
    let mut origins: Vec<Origin> = Vec::new();
    let mut firsts = Vec::with_capacity(items.len());
    for (index, id) in ids.iter().enumerate() {
        let mut first = None;
        if let Some(id) = id {
            let (n, new) = numbers.number(id);
            if new {
                origins.push(Origin { index, derived: matches!(id, Cow::Owned(_)) });
            } else {
                first = origins.get(n).copied();
            }
        }
        firsts.push(first);
    }
    firsts
}

/// What a field's value must be. A `null` is handled before any of these: it
/// is missing for a required field and absent for an optional one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    /// A string, not blank, within the field's `max` characters.
    Text,
    /// A [`Check::Text`] that is a BCP 47 tag; else the default language.
    Language,
    /// A [`Check::Text`] that is an http(s) URL.
    HttpUrl,
    /// A [`Check::Text`] that is an http(s) URL or a relative path.
    ImageSrc,
    /// A [`Check::Text`] that is a real date, `YYYY-MM-DD`.
    Date,
    /// A [`Check::Text`] naming a [`Kind`].
    Kind,
    /// A [`Check::Text`] that no earlier fact uses as its id.
    FactId,
    /// The number [`FORMAT_VERSION`].
    Version,
    /// The `source` object.
    Source,
    /// The array of facts.
    Facts,
    /// The `image` object.
    Image,
    /// The `accept` list.
    Accept,
    /// The `distractors` list.
    Distractors,
}

/// One field of an object: its name, whether it is required, what its value
/// must be and, for a string, its most characters.
struct Field {
    /// The name in JSON.
    name: &'static str,
    /// Whether a missing or `null` value is an error.
    required: bool,
    /// The check of its value.
    check: Check,
    /// Most characters of a string value.
    max: usize,
}

/// A [`Field`] (a `const fn`, so the tables below read as one line a field).
const fn field(name: &'static str, required: bool, check: Check, max: usize) -> Field {
    Field { name, required, check, max }
}

/// The fields of a deck, in the order the format lists them.
const DECK_FIELDS: &[Field] = &[
    field("version", true, Check::Version, 0),
    field("id", false, Check::Text, MAX_ID),
    field("title", true, Check::Text, MAX_TITLE),
    field("language", false, Check::Language, MAX_LANGUAGE),
    field("description", false, Check::Text, MAX_DESCRIPTION),
    field("source", false, Check::Source, 0),
    field("facts", true, Check::Facts, 0),
];
/// The fields of `source`.
const SOURCE_FIELDS: &[Field] = &[
    field("publisher", false, Check::Text, MAX_SOURCE_FIELD),
    field("headline", false, Check::Text, MAX_SOURCE_FIELD),
    field("url", false, Check::HttpUrl, MAX_URL),
    field("published", false, Check::Date, usize::MAX),
    field("author", false, Check::Text, MAX_SOURCE_FIELD),
    field("editor", false, Check::Text, MAX_SOURCE_FIELD),
];
/// The fields of a fact.
const FACT_FIELDS: &[Field] = &[
    field("id", false, Check::FactId, MAX_ID),
    field("front", true, Check::Text, MAX_SIDE),
    field("back", true, Check::Text, MAX_SIDE),
    field("topic", false, Check::Text, MAX_TOPIC),
    field("kind", false, Check::Kind, usize::MAX),
    field("detail", false, Check::Text, MAX_LONG_TEXT),
    field("quote", false, Check::Text, MAX_LONG_TEXT),
    field("accept", false, Check::Accept, 0),
    field("distractors", false, Check::Distractors, 0),
    field("image", false, Check::Image, 0),
];
/// The fields of an image.
const IMAGE_FIELDS: &[Field] =
    &[field("src", true, Check::ImageSrc, MAX_URL), field("alt", true, Check::Text, MAX_ALT)];
/// Most fields of an object: the fact's.
const MOST_FIELDS: usize = 10;
// Every table fits the slots an object walk indexes by field position.
const _: () = assert!(
    DECK_FIELDS.len() <= MOST_FIELDS
        && SOURCE_FIELDS.len() <= MOST_FIELDS
        && FACT_FIELDS.len() <= MOST_FIELDS
        && IMAGE_FIELDS.len() <= MOST_FIELDS
);

/// The checked value of one field, kept until its object is built.
#[derive(Default)]
enum Got {
    /// The field is absent (so far).
    #[default]
    Absent,
    /// Nothing usable: `null` or invalid.
    Nothing,
    /// A string.
    Text(String),
    /// A kind.
    Kind(Kind),
    /// The entries of a list.
    List(Vec<String>),
    /// The source.
    Source(Source),
    /// The facts.
    Facts(Vec<Fact>),
    /// The image.
    Image(Image),
}

impl Got {
    /// The string, if this is one.
    fn text(self) -> Option<String> {
        match self {
            Got::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The entries, if this is a list; else none.
    fn list(self) -> Vec<String> {
        match self {
            Got::List(entries) => entries,
            _ => Vec::new(),
        }
    }
}

/// What a distractor is compared with ([`Checker::taken`]).
#[derive(Clone, Copy)]
enum Taken {
    /// The fact's `back`.
    Back,
    /// The accepted answer at this position of `accept`.
    Accepted(usize),
    /// The distractor at this position of `distractors`.
    Earlier(usize),
}

/// The checked values of an object's fields, by position in its table.
type FieldSlots = [Got; MOST_FIELDS];

/// One walk over a deck value: checks it, collecting issues, and builds the
/// deck from it as it goes, moving its strings in. Once an issue is found the
/// deck is only kept until the walk ends, then dropped.
struct Checker {
    /// Every problem found so far, in document order.
    issues: Vec<Issue>,
    /// The id of the fact being checked, as written, for
    /// [`Issue::fact_id`]: its first `id` member, when a string not blank.
    fact_id: Option<String>,
    /// Where the id of the fact being checked was first used, when an
    /// earlier fact has the same one (see [`first_uses`]).
    first: Option<Origin>,
    /// The answers a distractor of the fact may not be, keyed, in the order
    /// they are compared: its `back`, its accepted answers, then the
    /// distractors so far.
    taken: Vec<(Taken, AnswerKey)>,
}

impl Checker {
    /// Records a problem at `path`: the message is `parts` joined. Inside a
    /// fact, the issue names the fact's id, except at the id itself (the
    /// message quotes it, or it is unusable).
    fn report(&mut self, path: &Path, parts: &[&str]) {
        let path = path.render();
        let at_id = in_fact(&path).is_some_and(|(_, tail)| tail.starts_with(".id"));
        let fact_id = if at_id { None } else { self.fact_id.clone() };
        self.issues.push(Issue { path, message: concat(parts), severity: Severity::Error, fact_id });
    }

    /// Walks the members of an object in document order, checking the first
    /// value of each field of `fields` into its slot. An unknown field is
    /// reported at its key (at `path` when the key would not read back as one
    /// step of a path, see [`names_a_step`]), a repeated one at `path`, and a
    /// required field that is missing at the end. `None`, reported as not
    /// being `what`, when `value` is not an object.
    fn object(&mut self, value: Value, what: &str, fields: &'static [Field], path: &Path) -> Option<FieldSlots> {
        let Value::Object(members) = value else {
            self.report(path, &["must be ", what, ", not ", value.type_name()]);
            return None;
        };
        let mut slots = FieldSlots::default();
        for (key, value) in members {
            match fields.iter().zip(slots.iter_mut()).find(|(f, _)| f.name == key) {
                None => {
                    let message = unknown_field(&key, fields);
                    let at = Path::Key(path, &key);
                    self.report(if names_a_step(&key) { &at } else { path }, &[&message]);
                }
                Some((_, slot)) if !matches!(slot, Got::Absent) => {
                    self.report(path, &["duplicate field ", &quote(&key), "; each field may appear only once"]);
                }
                Some((field, slot)) => *slot = self.check(field, value, &Path::Key(path, field.name)),
            }
        }
        for (field, slot) in fields.iter().zip(&slots) {
            if field.required && matches!(slot, Got::Absent) {
                self.report(&Path::Key(path, field.name), &["is required"]);
            }
        }
        Some(slots)
    }

    /// Checks the value of `field`.
    fn check(&mut self, field: &Field, value: Value, path: &Path) -> Got {
        if let Value::Null = value {
            if field.required {
                self.report(path, &["is required"]);
            }
            return Got::Nothing;
        }
        match field.check {
            Check::Version => self.version(&value, path),
            Check::Source => {
                if let Some(slots) = self.object(value, "an object (a source)", SOURCE_FIELDS, path) {
                    let [publisher, headline, url, published, author, editor, ..] = slots;
                    return Got::Source(Source {
                        publisher: publisher.text(),
                        headline: headline.text(),
                        url: url.text(),
                        published: published.text(),
                        author: author.text(),
                        editor: editor.text(),
                    });
                }
            }
            Check::Facts => return Got::Facts(self.facts(value, path)),
            Check::Image => {
                if let Some([src, alt, ..]) = self.object(value, "an object (an image)", IMAGE_FIELDS, path) {
                    if let (Some(src), Some(alt)) = (src.text(), alt.text()) {
                        return Got::Image(Image { src, alt });
                    }
                }
            }
            Check::Accept | Check::Distractors => {
                return Got::List(self.entries(value, path, field.check == Check::Distractors))
            }
            check => {
                let Some(s) = self.string(value, path, field.max) else { return Got::Nothing };
                match check {
                    Check::Language if !is_language_tag(&s) => {
                        let message = "must be a BCP 47 language tag such as \"en\" or \"en-GB\"; got ";
                        self.report(path, &[message, &quote(&s)]);
                        return Got::Nothing;
                    }
                    Check::HttpUrl if !is_http_url(&s) => self.report(path, &["must be an http or https URL"]),
                    Check::ImageSrc if !is_http_url(&s) && !is_relative_path(&s) => {
                        self.report(path, &["must be an http or https URL or a relative path"]);
                    }
                    Check::Date => match check_date(&s) {
                        DateCheck::Valid => {}
                        DateCheck::NotADate => self.report(path, &["must be a date as YYYY-MM-DD"]),
                        DateCheck::NoSuchDay => {
                            self.report(path, &["must be a real calendar date; ", &s, " does not exist"]);
                        }
                    },
                    Check::Kind => {
                        return match Kind::parse(&s) {
                            Some(kind) => Got::Kind(kind),
                            None => {
                                self.report(path, &["must be one of ", KIND_NAMES, "; got ", &quote(&s)]);
                                Got::Nothing
                            }
                        }
                    }
                    Check::FactId => self.claim_id(&s, false, path),
                    _ => {}
                }
                return Got::Text(s);
            }
        }
        Got::Nothing
    }

    /// A string that is not blank and has at most `max` characters. Anything
    /// else, `null` included, is reported.
    fn string(&mut self, value: Value, path: &Path, max: usize) -> Option<String> {
        let Value::String(s) = value else {
            self.report(path, &["must be a string, not ", value.type_name()]);
            return None;
        };
        if is_blank(&s) {
            self.report(path, &["must not be blank"]);
            return None;
        }
        // A string has at least as many bytes as characters.
        if s.len() > max {
            let chars = char_count(&s);
            if chars > max {
                self.report(path, &["must be at most ", &uint_text(max), " characters (has ", &uint_text(chars), ")"]);
                return None;
            }
        }
        Some(s)
    }

    /// Checks the deck and builds it; `None` when it is not an object.
    fn deck(&mut self, value: Value) -> Option<Deck> {
        let [_, id, title, language, description, source, facts, ..] =
            self.object(value, "an object (a deck)", DECK_FIELDS, &Path::Root)?;
        Some(Deck {
            version: FORMAT_VERSION,
            id: id.text(),
            title: title.text().unwrap_or_default(),
            language: language.text().unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned()),
            description: description.text(),
            source: match source {
                Got::Source(source) => Some(source),
                _ => None,
            },
            facts: match facts {
                Got::Facts(facts) => facts,
                _ => Vec::new(),
            },
        })
    }

    /// Checks `version` (not `null`): the number 1.
    fn version(&mut self, value: &Value, path: &Path) {
        match value {
            Value::Number(n) if *n == f64::from(FORMAT_VERSION) => {}
            Value::Number(n) => {
                self.report(
                    path,
                    &["unsupported version", &version_text(*n), "; expected ", &uint_text(FORMAT_VERSION as usize)],
                );
            }
            other => self.report(path, &["must be a number, not ", other.type_name()]),
        }
    }

    /// Checks `facts` (not `null`).
    fn facts(&mut self, value: Value, path: &Path) -> Vec<Fact> {
        let Value::Array(items) = value else {
            self.report(path, &["must be an array of facts, not ", value.type_name()]);
            return Vec::new();
        };
        if items.is_empty() || items.len() > MAX_FACTS {
            self.report(
                path,
                &["must hold 1 to ", &uint_text(MAX_FACTS), " facts (has ", &uint_text(items.len()), ")"],
            );
        }
        let firsts = first_uses(&items);
        let mut facts = Vec::with_capacity(items.len().min(MAX_FACTS));
        for (index, item) in items.into_iter().enumerate() {
            self.first = firsts.get(index).copied().flatten();
            self.fact_id = item.get("id").and_then(Value::as_str).filter(|id| !is_blank(id)).map(str::to_string);
            if let Some(fact) = self.fact(item, &Path::Index(path, index), index) {
                facts.push(fact);
            }
        }
        self.fact_id = None;
        facts
    }

    /// Checks the fact at `index`, whose id was first used at `self.first`
    /// when an earlier fact has the same one.
    fn fact(&mut self, value: Value, path: &Path, index: usize) -> Option<Fact> {
        // The distractors are compared with the answer and the accepted
        // answers wherever those stand in the object, so key them up front:
        // those that are strings not blank, the accepted answers only while
        // they are within the limit.
        self.taken.clear();
        if value.get("distractors").is_some() {
            if let Some(Value::String(back)) = value.get("back") {
                if !is_blank(back) {
                    self.taken.push((Taken::Back, AnswerKey::new(back)));
                }
            }
            if let Some(Value::Array(accept)) = value.get("accept") {
                if accept.len() <= MAX_ENTRIES {
                    for (i, entry) in accept.iter().enumerate() {
                        if let Value::String(entry) = entry {
                            if !is_blank(entry) {
                                self.taken.push((Taken::Accepted(i), AnswerKey::new(entry)));
                            }
                        }
                    }
                }
            }
        }
        let id_given = !matches!(value.get("id"), None | Some(Value::Null));
        let [id, front, back, topic, kind, detail, quote, accept, distractors, image] =
            self.object(value, "an object (a fact)", FACT_FIELDS, path)?;
        // A fact without an id gets `fact-N`, which may clash with a written one.
        if !id_given && self.first.is_some() {
            self.claim_id(&derived_id(index), true, path);
        }
        Some(Fact {
            id: id.text().unwrap_or_else(|| derived_id(index)),
            front: front.text().unwrap_or_default(),
            back: back.text().unwrap_or_default(),
            topic: topic.text(),
            kind: match kind {
                Got::Kind(kind) => kind,
                _ => Kind::default(),
            },
            detail: detail.text(),
            quote: quote.text(),
            accept: accept.list(),
            distractors: distractors.list(),
            image: match image {
                Got::Image(image) => Some(image),
                _ => None,
            },
        })
    }

    /// Reports the id of the fact being checked as a duplicate when it was
    /// used before, at `self.first`. `path` is where the id is written, or
    /// the fact for a derived id.
    fn claim_id(&mut self, id: &str, derived: bool, path: &Path) {
        let Some(first) = self.first else {
            return;
        };
        let how = if derived { " (derived from its position)" } else { "" };
        let first = first.describe();
        self.report(path, &["duplicate id ", &quote(id), how, "; ids must be unique (first used at ", &first, ")"]);
    }

    /// Checks a list of strings (`accept`, or `distractors` when
    /// `distractors`), not `null`: an array of at most [`MAX_ENTRIES`]
    /// entries, each a string of at most [`MAX_ENTRY`] characters, not
    /// blank. While the list is within the limit, an accepted answer may not
    /// repeat an earlier one, ignoring case and runs of white space (entries
    /// the matcher reads alike, `$160bn` and `160 billion`, are allowed: they
    /// cost the quiz nothing); a distractor may not be the same answer
    /// ([`AnswerKey::same`]) as the `back`, an accepted answer or an earlier
    /// distractor. Returns the valid entries.
    fn entries(&mut self, value: Value, path: &Path, distractors: bool) -> Vec<String> {
        let Value::Array(items) = value else {
            self.report(path, &["must be an array of strings, not ", value.type_name()]);
            return Vec::new();
        };
        let within = items.len() <= MAX_ENTRIES;
        if !within {
            self.report(
                path,
                &["must hold at most ", &uint_text(MAX_ENTRIES), " entries (has ", &uint_text(items.len()), ")"],
            );
        }
        let name = if distractors { "distractors" } else { "accept" };
        // The valid entries so far, with their positions: folded for
        // `accept`, keyed for `distractors`.
        let mut folded: Vec<(usize, String)> = Vec::new();
        let mut valid = Vec::with_capacity(items.len().min(MAX_ENTRIES));
        for (index, item) in items.into_iter().enumerate() {
            let p = Path::Index(path, index);
            let Some(text) = self.string(item, &p, MAX_ENTRY) else { continue };
            if within {
                // The position of the earlier entry this one repeats.
                let repeated = if distractors {
                    let this = AnswerKey::new(&text);
                    let hit = self.taken.iter().find(|(_, key)| key.same(&this)).map(|(taken, _)| *taken);
                    self.taken.push((Taken::Earlier(index), this));
                    match hit {
                        Some(Taken::Back) => {
                            self.report(&p, &["must not equal the answer (back)"]);
                            None
                        }
                        Some(Taken::Accepted(i)) => {
                            self.report(&p, &["must not equal an accepted answer (accept[", &uint_text(i), "])"]);
                            None
                        }
                        Some(Taken::Earlier(first)) => Some(first),
                        None => None,
                    }
                } else {
                    let this = fold_case_space(&text);
                    let repeated = folded.iter().find(|(_, e)| *e == this).map(|(i, _)| *i);
                    folded.push((index, this));
                    repeated
                };
                if let Some(first) = repeated {
                    self.report(&p, &["must not repeat an earlier entry (", name, "[", &uint_text(first), "])"]);
                }
            }
            valid.push(text);
        }
        valid
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
        let mut out = String::from(if n < 0.0 { " -" } else { " " });
        push_uint(&mut out, n.abs() as u64);
        out
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

/// `s` in double quotes for a message: quotes, backslashes and control
/// characters escaped, and cut to [`MAX_QUOTED`] characters with `…`.
fn quote(s: &str) -> String {
    quote_up_to(s, MAX_QUOTED)
}

/// [`quote`], cut to `max` characters. (Not `{:?}`: its Unicode tables would
/// cost the wasm several KB.)
fn quote_up_to(s: &str, max: usize) -> String {
    let mut out = String::new();
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
fn unknown_field(key: &str, fields: &'static [Field]) -> String {
    let mut message = concat(&["unknown field ", &quote(key)]);
    match suggest(key, fields) {
        Some(near) => {
            message.push_str("; did you mean \"");
            message.push_str(near);
            message.push_str("\"?");
        }
        None => {
            message.push_str("; known fields are ");
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    message.push_str(", ");
                }
                message.push_str(field.name);
            }
        }
    }
    message
}

/// The field of `fields` nearest to `key`, if it is near enough to be the one
/// meant: at most one edit for keys of up to five characters, two for longer
/// ones, case ignored. An edit inserts, deletes or replaces a character, or
/// swaps two neighbours (`fornt` → `front`).
fn suggest(key: &str, fields: &'static [Field]) -> Option<&'static str> {
    let mut key = chars(key);
    for c in &mut key {
        *c = fold_char(*c);
    }
    if key.is_empty() || key.len() > MAX_SUGGEST {
        return None;
    }
    let allowed = if key.len() <= 5 { 1 } else { 2 };
    let mut best: Option<(usize, &'static str)> = None;
    for field in fields {
        let distance = edit_distance(&key, &chars(field.name));
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, field.name));
        }
    }
    best.map(|(_, name)| name)
}

/// Whether `tag` looks like a BCP 47 language tag: subtags of letters and
/// digits joined by hyphens, the first of two or three letters, the others of
/// one to eight characters. A loose check; it does not consult the registry.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = split_ascii(tag, b'-');
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
    let authority = first_segment(rest);
    let host = match authority.bytes().rposition(|b| b == b'@') {
        Some(at) => authority.get(at + 1..).unwrap_or_default(),
        None => authority,
    };
    !host.is_empty() && !host.starts_with(':') && rest.chars().all(url_char)
}

/// Whether `s` is a relative path such as `images/a.png`, `../a.png` or
/// `/img/a.png`: no scheme (no `:` before the first `/`, `?` or `#`), and not
/// protocol-relative (`//host`).
fn is_relative_path(s: &str) -> bool {
    !s.starts_with("//") && !first_segment(s).bytes().any(|b| b == b':') && s.chars().all(url_char)
}

/// `s` up to its first `/`, `?` or `#`.
fn first_segment(s: &str) -> &str {
    let end = s.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(s.len());
    s.get(..end).unwrap_or_default()
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
    let bytes = s.as_bytes();
    if bytes.len() != 10 {
        return DateCheck::NotADate;
    }
    // Year, month and day, read digit by digit around the two hyphens.
    let mut parts = [0u32; 3];
    let mut part = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if i == 4 || i == 7 {
            if b != b'-' {
                return DateCheck::NotADate;
            }
            part += 1;
        } else if b.is_ascii_digit() {
            // `get_mut`, not an index: `part` is at most 2, and no bounds
            // check's panic (and its number formatting) is left in the wasm.
            if let Some(p) = parts.get_mut(part) {
                *p = *p * 10 + u32::from(b - b'0');
            }
        } else {
            return DateCheck::NotADate;
        }
    }
    let [year, month, day] = parts;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 => 28 + u32::from(leap),
        // 31 days for January, March, May, July, August, October, December.
        1..=12 => 30 + ((month + month / 8) & 1),
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
    #[cfg(not(target_arch = "wasm32"))] // serde_json is native only
    fn severity_names_are_what_serde_writes() {
        for s in [Severity::Error, Severity::Warning] {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.name()));
        }
    }

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
    fn every_month_has_its_length() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (month, days) in (1..=12).zip(lengths) {
            for day in 1..=32 {
                let date = format!("2023-{month:02}-{day:02}");
                let valid = matches!(check_date(&date), DateCheck::Valid);
                assert_eq!(valid, day <= days, "{date}");
            }
        }
        for bad in ["2023-00-01", "2023-13-01", "2023-99-01", "2023-01-1a", "2023/01/01", "2023-01-01 "] {
            assert!(!matches!(check_date(bad), DateCheck::Valid), "{bad}");
        }
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

//! A deck checked against the article it was made from.
//!
//! [`check`] finds every `quote` that is not in the article (an error, with
//! the closest passage of the article) and every number in a `back`, an
//! `accept` entry or a `detail`, with its unit or currency, that the article
//! does not contain (a warning). [`text_from_html`] reduces an HTML page to
//! the text that is checked; [`quantities`] is the number reader both checks
//! share with the suggestion engine.
//!
//! Quotes are compared after [`normalise`]: white space, typographic quotes
//! and apostrophes, and dashes are each folded to one form; letters and case
//! are compared as written.

use super::deck::Deck;
use super::text::concat;
/// The month named by `word`: in full, as three letters, or `Sept`.
pub(crate) use super::variants::month as month_of;
use super::variants::MONTHS;
use serde::Serialize;
use std::collections::HashMap;

/// How bad a [`Finding`] is: an error (the deck misquotes its article:
/// `validate --article` exits 1) or a warning (a number the article lacks;
/// the deck still passes). The same severity as a deck [`Issue`](super::validate::Issue)'s.
pub use super::validate::Severity;

/// One problem of a deck against its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Position of the fact in `facts`.
    pub fact: usize,
    /// The field at fault, e.g. `quote`, `back`, `accept[1]`, `detail`.
    pub field: String,
    /// The path, as the validator writes it: `facts[3].quote`.
    pub path: String,
    /// What is wrong, e.g. `not in the article; closest: "…"`.
    pub message: String,
    /// For a quote not found: the article's passage most like it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest: Option<String>,
}

impl Finding {
    /// The path with the fact's id, as the CLI prints it:
    /// `facts[3] (id "x").quote`.
    pub fn labelled_path(&self, deck: &Deck) -> String {
        super::validate::labelled_path(&self.path, deck.facts.get(self.fact).map(|f| f.id.as_str()))
    }
}

/// Longest closest passage quoted in full in a message, in characters.
const MAX_SHOWN: usize = 200;

/// Every quote of `deck` not found in `article` (errors, with the closest
/// passage), then every number of its answers and details the article does
/// not contain (warnings), in the order of the facts.
///
/// Linear in the article for each quote found; a quote not found costs one
/// more pass over the article's words.
pub fn check(deck: &Deck, article: &str) -> Vec<Finding> {
    let index = Article::new(article);
    let mut numbers = quantities(article);
    share_months(article, &mut numbers);
    let mut out = Vec::new();
    for (i, fact) in deck.facts.iter().enumerate() {
        let finding = |severity, field: &str, message: String, closest| Finding {
            severity,
            fact: i,
            field: field.to_string(),
            path: format!("facts[{i}].{field}"),
            message,
            closest,
        };
        if let Some(quote) = &fact.quote {
            if !index.contains(quote) {
                let closest = index.closest(quote);
                let message = match &closest {
                    Some(c) => format!("not in the article; closest: \"{}\"", shorten(c, MAX_SHOWN)),
                    None => "not in the article".to_string(),
                };
                out.push(finding(Severity::Error, "quote", message, closest));
            }
        }
        let mut fields: Vec<(String, &str)> = vec![("back".into(), fact.back.as_str())];
        fields.extend(fact.accept.iter().enumerate().map(|(j, a)| (format!("accept[{j}]"), a.as_str())));
        fields.extend(fact.detail.as_deref().map(|d| ("detail".to_string(), d)));
        for (field, text) in fields {
            let mut seen: Vec<&str> = Vec::new();
            for q in quantities(text) {
                let written = text.get(q.start..q.end).unwrap_or("");
                if seen.contains(&written) || numbers.iter().any(|a| q.found_in(a)) {
                    continue;
                }
                seen.push(written);
                let message = format!("number \"{written}\" is not in the article");
                out.push(finding(Severity::Warning, &field, message, None));
            }
        }
    }
    out
}

/// [`check`] as deck issues (`validateDeck(deck, { article })` in the
/// editor's package): the same paths, messages and severities, with each
/// fact's id for [`Issue::line`](super::validate::Issue::line).
pub fn issues(deck: &Deck, article: &str) -> Vec<super::validate::Issue> {
    check(deck, article)
        .into_iter()
        .map(|f| super::validate::Issue {
            fact_id: deck.facts.get(f.fact).map(|fact| fact.id.clone()),
            path: f.path,
            message: f.message,
            severity: f.severity,
        })
        .collect()
}

/// `s` cut to `max` characters, with `…` when it was longer.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => concat(&[s.get(..at).unwrap_or(s), "…"]),
        None => s.to_string(),
    }
}

/// `s` as quotes are compared (the one matcher, shared with the widget's
/// "Show in article").
pub use super::quote::normalise;

/// True when `quote` occurs in `article` after [`normalise`]. A blank quote
/// never does.
pub fn quote_in(article: &str, quote: &str) -> bool {
    Article::new(article).contains(quote)
}

/// An article ready for quote look-ups: its normalised text and its words.
struct Article {
    /// The text after [`normalise`].
    text: String,
    /// The text as given, for showing passages.
    source: String,
    /// Byte span of each word in `source`.
    spans: Vec<(usize, usize)>,
    /// Each word's number: equal words (after [`normalise`], ignoring case)
    /// get the same one.
    ids: Vec<u32>,
    /// The number of each distinct word.
    vocabulary: HashMap<String, u32>,
}

impl Article {
    fn new(article: &str) -> Article {
        let spans = word_spans(article);
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut ids = Vec::with_capacity(spans.len());
        for &(a, b) in &spans {
            let next = vocabulary.len() as u32;
            ids.push(*vocabulary.entry(word_key(article.get(a..b).unwrap_or(""))).or_insert(next));
        }
        Article { text: normalise(article), source: article.to_string(), spans, ids, vocabulary }
    }

    fn contains(&self, quote: &str) -> bool {
        let quote = normalise(quote);
        !quote.is_empty() && super::quote::find_whole(&self.text, &quote).is_some()
    }

    /// The passage of the article with as many words as `quote` that shares
    /// the most with it: each shared word (case ignored, counted with
    /// repeats) weighs the inverse of how often the article uses it, so
    /// names count for more than "the". Among equals, the one with the most
    /// words in the same places, then the first. `None` when the quote or the
    /// article has no words.
    fn closest(&self, quote: &str) -> Option<String> {
        let want: Vec<Option<u32>> =
            word_spans(quote).iter().map(|&(a, b)| self.vocabulary.get(&word_key(&quote[a..b])).copied()).collect();
        let n = want.len().min(self.ids.len());
        if n == 0 {
            return None;
        }
        // need[id]: how often the quote has word `id`; have[id]: how often
        // the current window has it.
        let mut need = vec![0i32; self.vocabulary.len()];
        for id in want.iter().flatten() {
            need[*id as usize] += 1;
        }
        // Integer weights keep the running sum exact.
        let mut weight = vec![0i64; self.vocabulary.len()];
        for &id in &self.ids {
            weight[id as usize] += 1;
        }
        for w in &mut weight {
            *w = 1_000_000 / (*w).max(1);
        }
        let mut have = vec![0i32; self.vocabulary.len()];
        let mut shared = 0i64;
        let (mut best, mut best_shared, mut best_aligned) = (0usize, -1i64, 0usize);
        for (end, &id) in self.ids.iter().enumerate() {
            let id = id as usize;
            if have[id] < need[id] {
                shared += weight[id];
            }
            have[id] += 1;
            if end >= n {
                let gone = self.ids[end - n] as usize;
                have[gone] -= 1;
                if have[gone] < need[gone] {
                    shared -= weight[gone];
                }
            }
            if end + 1 < n || shared < best_shared {
                continue;
            }
            let start = end + 1 - n;
            let aligned = want.iter().zip(&self.ids[start..=end]).filter(|(w, id)| **w == Some(**id)).count();
            if shared > best_shared || aligned > best_aligned {
                (best, best_shared, best_aligned) = (start, shared, aligned);
            }
        }
        let (a, _) = self.spans[best];
        let (_, b) = self.spans[best + n - 1];
        self.source.get(a..b).map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// `word` as words are compared: after [`normalise`], lower-cased.
fn word_key(word: &str) -> String {
    normalise(word).chars().map(super::text::fold_char).collect()
}

/// Byte spans of the words of `s`: runs of letters and digits, with the
/// apostrophes and hyphens inside them.
pub(crate) fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '\'' | '-' | '\u{2019}' | '\u{2010}' | '\u{2011}')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        match (start, c.is_alphanumeric() || inner) {
            (None, true) => start = Some(i),
            (Some(st), false) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

// ---------------------------------------------------------------------------
// Numbers with their units

/// A number as written in a text, with what it counts: `$160 billion`,
/// `25-26 November`, `3.5%`, `2,000 km`, `25th`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Where it starts in the text (byte offset), currency sign included.
    pub start: usize,
    /// Where it ends (byte offset), scale and unit included.
    pub end: usize,
    /// Where the number and its scale end, before a percent sign, a
    /// currency word, a month or a unit of measure.
    pub count_end: usize,
    /// The values: one, or two for a range (`25-26`, `$2-3 billion`).
    pub values: Vec<Amount>,
    /// ISO code of the currency, from a sign (`$`, `€`, `£`), a code or a word.
    pub currency: Option<&'static str>,
    /// What the number counts, if the text says.
    pub unit: Option<Unit>,
    /// Written with an ordinal suffix (`25th`).
    pub ordinal: bool,
}

/// An exact decimal: `mantissa × 10^exponent`, with no trailing zeros in the
/// mantissa, so equal values are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The digits, without trailing zeros.
    pub mantissa: u64,
    /// The power of ten they are multiplied by.
    pub exponent: i32,
}

impl Amount {
    fn new(mut mantissa: u64, mut exponent: i32) -> Amount {
        while mantissa != 0 && mantissa.is_multiple_of(10) {
            mantissa /= 10;
            exponent += 1;
        }
        if mantissa == 0 {
            exponent = 0;
        }
        Amount { mantissa, exponent }
    }

    /// The value when it is a whole number that fits.
    pub fn whole(self) -> Option<u64> {
        if self.exponent < 0 {
            return None;
        }
        10u64.checked_pow(self.exponent as u32).and_then(|p| self.mantissa.checked_mul(p))
    }
}

/// What a [`Quantity`] counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// `%`, `percent`, `per cent`.
    Percent,
    /// Days of a month (0-based): `25 November`, `Nov. 25`.
    Month(usize),
    /// A unit of measure, lower case, without a plural `s`: `km`, `tonne`.
    Measure(String),
}

/// Currency signs and the code each stands for (`$` and `US$` are dollars).
const SIGNS: [(&str, &str); 9] = [
    ("US$", "USD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₸", "KZT"),
    ("₽", "RUB"),
    ("₹", "INR"),
    ("₩", "KRW"),
];
/// Currency codes, and words (lower case, singular and plural) with their code.
const CURRENCY_WORDS: [(&str, &str); 30] = [
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("chf", "CHF"),
    ("cny", "CNY"),
    ("kzt", "KZT"),
    ("rub", "RUB"),
    ("inr", "INR"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("tenge", "KZT"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("won", "KRW"),
    ("cad", "CAD"),
];
/// Scale words and suffixes, with their power of ten. `m` and `k` count only
/// right after the digits or with a currency (`$5m`, `5k`).
const SCALES: [(&str, i32); 11] = [
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("mn", 6),
    ("mln", 6),
    ("bn", 9),
    ("bln", 9),
    ("tn", 12),
    ("trn", 12),
    ("k", 3),
];
/// Units of measure read after a number (compared without a plural `s`).
const MEASURES: [&str; 48] = [
    "km",
    "kilometre",
    "kilometer",
    "mile",
    "metre",
    "meter",
    "cm",
    "mm",
    "kg",
    "kilogram",
    "gram",
    "tonne",
    "ton",
    "litre",
    "liter",
    "barrel",
    "hectare",
    "acre",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "people",
    "person",
    "kw",
    "mw",
    "gw",
    "kwh",
    "mwh",
    "gwh",
    "twh",
    "degree",
    "°c",
    "°f",
    "job",
    "vote",
    "seat",
    "troop",
    "soldier",
    "student",
    "worker",
    "employee",
    "member",
    "country",
    "state",
];

/// Spellings of one unit of [`MEASURES`], and the one it is read as.
const SAME_UNITS: [(&str, &str); 6] = [
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("meter", "metre"),
    ("kilogram", "kg"),
    ("liter", "litre"),
    ("person", "people"),
];

impl Quantity {
    /// True when the article quantity `a` says the same: every value of this
    /// one is among `a`'s, with the same currency, percent or month where
    /// this one names one, and the same measure unless `a` names none ("65
    /// years" is in "Smith, 65,").
    pub fn found_in(&self, a: &Quantity) -> bool {
        let unit_ok = match (&self.unit, &a.unit) {
            (None, _) | (Some(Unit::Measure(_)), None) => true,
            (Some(u), Some(v)) => u == v,
            (Some(_), None) => false,
        };
        unit_ok
            && (self.currency.is_none() || self.currency == a.currency)
            && self.values.iter().all(|v| a.values.contains(v))
    }

    /// True when it is the days of a month.
    pub fn is_day(&self) -> bool {
        matches!(self.unit, Some(Unit::Month(_)))
    }
}

/// Gives days listed together their month: "25 and 26 November",
/// "November 8 and 9", "from 10 to 12 March", "8, 9 or 10 May".
fn share_months(text: &str, qs: &mut [Quantity]) {
    let bare = |q: &Quantity| {
        q.unit.is_none()
            && q.currency.is_none()
            && q.values.iter().all(|v| v.whole().is_some_and(|d| (1..=31).contains(&d)))
    };
    let listed = |a: &Quantity, b: &Quantity| {
        matches!(text.get(a.end..b.start), Some(" and " | " to " | ", " | " or " | ", and " | " & "))
    };
    // Back from a day with its month ("25 and 26 November"), then forward
    // ("November 8 and 9").
    for k in (1..qs.len()).rev().chain(1..qs.len()) {
        let (a, b) = (&qs[k - 1], &qs[k]);
        if !listed(a, b) {
            continue;
        }
        if bare(a) && b.is_day() {
            qs[k - 1].unit = qs[k].unit.clone();
        } else if a.is_day() && bare(b) {
            qs[k].unit = qs[k - 1].unit.clone();
        }
    }
}

/// Every number written with digits in `text`, with its currency, range,
/// scale and unit, in order. Digits glued to letters are part of a name and
/// skipped: `G20`, `COVID-19`, `A4`.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let Some((first, after)) = number_at(text, i) else {
            i = skip_digits(b, i);
            continue;
        };
        let q = read_quantity(text, i, first, after);
        i = q.end.max(i + 1);
        out.push(q);
    }
    out
}

/// The index after the run of digits, separators and letters at `i`.
fn skip_digits(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b',')) {
        i += 1;
    }
    i
}

/// A number at byte `i` (a digit) that is not glued to a word before it:
/// its value, ordinal flag and the index after it.
fn number_at(text: &str, i: usize) -> Option<((Amount, bool), usize)> {
    let b = text.as_bytes();
    let before = text.get(..i).unwrap_or("");
    let prev = before.chars().next_back();
    if prev.is_some_and(char::is_alphanumeric) || matches!(prev, Some('.' | ',')) && i >= 2 && b[i - 2].is_ascii_digit()
    {
        return None;
    }
    if matches!(prev, Some('-' | '\u{2010}' | '\u{2011}')) {
        let before_dash = before.get(..before.len() - prev.map_or(0, char::len_utf8)).unwrap_or("");
        // "COVID-19" is a name; "mid-2022", "pre-2008" are years.
        let word = before_dash.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
        let prefix = matches!(word.as_str(), "mid" | "pre" | "post" | "early" | "late" | "end" | "circa");
        if !word.is_empty() && !prefix {
            return None;
        }
    }
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    let mut mantissa: u64 = 0;
    let mut exponent = 0i32;
    let mut count = 0;
    let mut push = |d: u8, mantissa: &mut u64| {
        count += 1;
        *mantissa = mantissa.saturating_mul(10).saturating_add(u64::from(d - b'0'));
    };
    while digit(j) {
        push(b[j], &mut mantissa);
        j += 1;
    }
    while matches!(b.get(j), Some(b',')) && digit(j + 1) && digit(j + 2) && digit(j + 3) && !digit(j + 4) {
        for &d in &b[j + 1..j + 4] {
            push(d, &mut mantissa);
        }
        j += 4;
    }
    if b.get(j) == Some(&b'.') && digit(j + 1) {
        j += 1;
        while digit(j) {
            push(b[j], &mut mantissa);
            exponent -= 1;
            j += 1;
        }
    }
    if count > 18 {
        return None;
    }
    let suffix = text.get(j..j + 2).unwrap_or("").to_ascii_lowercase();
    let ordinal = exponent == 0
        && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
        && !b.get(j + 2).is_some_and(u8::is_ascii_alphanumeric);
    if ordinal {
        j += 2;
    }
    Some(((Amount::new(mantissa, exponent), ordinal), j))
}

/// The spaces that may stand between a number and its unit or currency.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// The word (letters, `°`, `$`) right after byte `at`, skipping one space
/// (or two ASCII ones): (start, end) of it.
fn next_word(text: &str, at: usize, spaced: bool) -> Option<(usize, usize)> {
    let rest = text.get(at..)?;
    let skip = if spaced { rest.len() - rest.trim_start_matches(SPACES).len() } else { 0 };
    let skipped = rest.get(..skip)?;
    if skipped != "  " && skipped.chars().count() > 1 {
        return None;
    }
    let start = at + skip;
    let word = text.get(start..)?;
    let len = word.find(|c: char| !(c.is_alphabetic() || c == '°')).unwrap_or(word.len());
    (len > 0).then_some((start, start + len))
}

/// Reads the rest of a quantity whose first number starts at `start`.
fn read_quantity(text: &str, start: usize, first: (Amount, bool), mut end: usize) -> Quantity {
    let b = text.as_bytes();
    let mut q =
        Quantity { start, end, count_end: end, values: vec![first.0], currency: None, unit: None, ordinal: first.1 };

    // A sign or code before: "$160", "US$ 3", "€5", "USD 40".
    let before = text.get(..start).unwrap_or("");
    let trimmed = before.trim_end_matches(SPACES);
    let spaced = trimmed.len() != before.len();
    if let Some((sign, code)) = SIGNS.iter().find(|(s, _)| trimmed.ends_with(s)) {
        // Glued, or one space of any kind: "€5", "€ 5", "€\u{a0}5".
        if !spaced || before.get(trimmed.len()..).is_some_and(|gap| gap.chars().count() == 1) {
            q.currency = Some(code);
            q.start = trimmed.len() - sign.len();
        }
    } else if spaced {
        let word_start = trimmed.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |k| k + 1);
        let word = trimmed.get(word_start..).unwrap_or("");
        if word.len() == 3 && word.bytes().all(|c| c.is_ascii_uppercase()) {
            if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
                q.currency = Some(code);
                q.start = word_start;
            }
        }
    }

    // A range: "25-26", "$2–3", "10 - 12", "$2-$3".
    let rest = text.get(end..).unwrap_or("");
    let after_space = rest.trim_start_matches(' ');
    if let Some(dash) = after_space.chars().next().filter(|c| matches!(c, '-' | '\u{2010}'..='\u{2015}')) {
        let mut k = end + (rest.len() - after_space.len()) + dash.len_utf8();
        k += text.get(k..).unwrap_or("").len() - text.get(k..).unwrap_or("").trim_start_matches(' ').len();
        if q.currency.is_some() {
            if let Some((sign, _)) = SIGNS.iter().find(|(s, _)| text.get(k..).is_some_and(|t| t.starts_with(s))) {
                k += sign.len();
            }
        }
        if b.get(k).is_some_and(u8::is_ascii_digit) {
            if let Some(((second, _), e)) = number_at(text, k) {
                q.values.push(second);
                end = e;
            }
        }
    }

    // A scale: "160 billion", "$5bn", "5m" (glued, or with a currency).
    let mut scale = 0;
    for spaced in [false, true] {
        if let Some((a, e)) = next_word(text, end, spaced) {
            let w = text.get(a..e).unwrap_or("").to_ascii_lowercase();
            let glued_or_money = !spaced || q.currency.is_some();
            let found = SCALES.iter().find(|(s, _)| *s == w).map(|&(_, p)| p).or_else(|| match w.as_str() {
                "m" | "b" if glued_or_money => Some(if w == "m" { 6 } else { 9 }),
                _ => None,
            });
            if let Some(p) = found.filter(|_| !matches!(w.as_str(), "k") || glued_or_money) {
                scale = p;
                end = e;
                break;
            }
        }
    }
    if scale != 0 {
        for v in &mut q.values {
            *v = Amount::new(v.mantissa, v.exponent + scale);
        }
    }

    q.count_end = end;

    // A percent, a currency word, a month or a unit after.
    let rest = text.get(end..).unwrap_or("");
    // "45%", "45 %", "45\u{a0}%" (French), "4.5 pct"; a unit also after a
    // hyphen: "a 30-year lease", "a 5-km stretch".
    if let Some(r) = rest.strip_prefix(SPACES).unwrap_or(rest).strip_prefix('%') {
        q.unit = Some(Unit::Percent);
        end = text.len() - r.len();
    } else if let Some((a, e)) =
        next_word(text, end, true).or_else(|| rest.strip_prefix('-').and_then(|_| next_word(text, end + 1, false)))
    {
        let w = text.get(a..e).unwrap_or("");
        let lower = w.to_ascii_lowercase();
        let next = next_word(text, e, true).and_then(|(c, d)| text.get(c..d)).unwrap_or("");
        let days = q.values.iter().all(|v| v.whole().is_some_and(|d| (1..=31).contains(&d)));
        if lower == "percent" || lower == "pct" || (lower == "per" && next.eq_ignore_ascii_case("cent")) {
            q.unit = Some(Unit::Percent);
            end = if lower == "per" { next_word(text, e, true).map_or(e, |(_, d)| d) } else { e };
        } else if w == "US" && matches!(next.to_ascii_lowercase().as_str(), "dollar" | "dollars") {
            // "160 billion US dollars".
            if q.currency.is_none() {
                q.currency = Some("USD");
                end = next_word(text, e, true).map_or(e, |(_, d)| d);
            }
        } else if let Some((_, code)) = CURRENCY_WORDS
            .iter()
            .find(|(c, _)| *c == lower && (c.len() > 3 || w.bytes().all(|x| x.is_ascii_uppercase())))
        {
            if q.currency.is_none() {
                q.currency = Some(code);
                end = e;
            }
        } else if let Some(m) = month_of(w).filter(|_| days && w.starts_with(|c: char| c.is_uppercase())) {
            q.unit = Some(Unit::Month(m));
            end = e;
            if text.get(e..).is_some_and(|t| t.starts_with('.')) && w.len() < MONTHS[m].len() {
                end = e + 1;
            }
        } else if let Some(m) = month_of(next)
            .filter(|_| days && q.ordinal && lower == "of" && next.starts_with(|c: char| c.is_uppercase()))
        {
            // "the 3rd of May".
            q.unit = Some(Unit::Month(m));
            end = next_word(text, e, true).map_or(e, |(_, d)| d);
        } else if q.currency.is_none() {
            let singular = lower.strip_suffix('s').filter(|s| s.len() > 1).unwrap_or(&lower);
            if MEASURES.contains(&singular) || MEASURES.contains(&lower.as_str()) {
                let unit = if MEASURES.contains(&lower.as_str()) { lower.as_str() } else { singular };
                // One spelling for each unit: "5 kilometres" is "5 km".
                let unit = SAME_UNITS.iter().find(|(u, _)| *u == unit).map_or(unit, |&(_, v)| v);
                q.unit = Some(Unit::Measure(unit.to_string()));
                end = e;
            }
        }
    }

    // A month before the days: "November 25", "Nov. 25".
    if q.unit.is_none()
        && q.currency.is_none()
        && q.values.iter().all(|v| v.whole().is_some_and(|d| (1..=31).contains(&d)))
    {
        let before = text.get(..q.start).unwrap_or("");
        let t = before.trim_end_matches(' ');
        if t.len() < before.len() {
            let t2 = t.strip_suffix('.').unwrap_or(t);
            let ws = t2.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| k + 1);
            let w = t2.get(ws..).unwrap_or("");
            if let Some(m) = month_of(w).filter(|_| w.starts_with(|c: char| c.is_uppercase())) {
                if t2.len() == t.len() || w.len() < MONTHS[m].len() {
                    q.unit = Some(Unit::Month(m));
                    q.start = ws;
                }
            }
        }
    }
    q.end = end;
    q
}

// ---------------------------------------------------------------------------
// HTML

/// Elements whose content is not text of the page. (Not `head`: its end tag
/// may be left out, and its other elements hold no text.)
const SKIPPED: [&str; 6] = ["script", "style", "noscript", "template", "svg", "title"];
/// Elements of the site around an article, not of the article: menus and
/// sidebars, dropped wherever they are.
const CHROME: [&str; 2] = ["nav", "aside"];
/// Elements that are the site's banner or footer outside an article
/// (`<body><header>Site</header><article>…`), and the article's own inside
/// one (`<article><header><h1>Headline</h1>`): dropped only outside every
/// `article` and `main` of a page that has one.
const SITE_CHROME: [&str; 2] = ["header", "footer"];
/// Elements that hold the article itself.
const ARTICLE: [&str; 2] = ["article", "main"];
/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "li",
    "ul",
    "ol",
    "menu",
    "dl",
    "dd",
    "dt",
    "table",
    "caption",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "address",
    "blockquote",
    "figure",
    "figcaption",
    "aside",
    "nav",
    "main",
    "pre",
    "hr",
    "details",
    "summary",
    "dialog",
    "fieldset",
    "legend",
    "form",
    "center",
    "title",
];
/// Named entities decoded by [`text_from_html`], besides [`LATIN1`]'s.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("trade", '™'),
    ("bull", '•'),
    ("euro", '€'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("hairsp", '\u{200a}'),
    ("numsp", '\u{2007}'),
    ("puncsp", '\u{2008}'),
    ("nnbsp", '\u{202f}'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("commat", '@'),
    ("num", '#'),
    ("excl", '!'),
    ("quest", '?'),
    ("lpar", '('),
    ("rpar", ')'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("sol", '/'),
    ("ast", '*'),
    ("plus", '+'),
    ("equals", '='),
    ("colon", ':'),
    ("comma", ','),
    ("period", '.'),
    ("hyphen", '‐'),
    ("half", '½'),
    ("star", '☆'),
    ("check", '✓'),
    ("infin", '∞'),
    ("asymp", '≈'),
    ("ne", '≠'),
    ("le", '≤'),
    ("ge", '≥'),
];

/// The names of the Latin-1 entities, U+00A0 to U+00FF in order (HTML 4's).
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// What a numeric reference to 0x80..=0x9F stands for, as HTML reads it
/// (Windows-1252; the five it leaves unassigned stay as they are).
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// How [`decode`] read an article file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, as they should be.
    Utf8,
    /// UTF-16, by its byte order mark.
    Utf16,
    /// Not UTF-8: read as Windows-1252 (ASCII, Latin-1 and the typographic
    /// marks of 0x80 to 0x9F), the encoding of most older news text.
    Windows1252,
    /// UTF-8 with this many stray byte sequences, each read as U+FFFD.
    Utf8WithStrayBytes(usize),
}

impl Encoding {
    /// What to tell the editor about text read this way: none for UTF-8 and
    /// UTF-16.
    pub fn warning(self) -> Option<String> {
        match self {
            Encoding::Utf8 | Encoding::Utf16 => None,
            Encoding::Windows1252 => {
                Some("not UTF-8: read as Windows-1252; check its accented letters and quotation marks".to_string())
            }
            Encoding::Utf8WithStrayBytes(n) => Some(format!(
                "not all UTF-8: {n} {} read as \u{fffd}; a quote across one is not found",
                if n == 1 { "stray byte sequence" } else { "stray byte sequences" }
            )),
        }
    }
}

/// The text of an article file's bytes (without a byte order mark), and how
/// they were read:
/// - UTF-16 after its byte order mark;
/// - UTF-8 when they are UTF-8, or start with its byte order mark;
/// - else Windows-1252 (`caf\xe9`), unless there are as many non-ASCII
///   UTF-8 characters as sequences that are not UTF-8, or more: then UTF-8
///   with each stray sequence as U+FFFD. (A few Windows-1252 bytes can make
///   a UTF-8 character by chance: `\xe9\xa0\xbb`, "é »", is one; so a very
///   short text can be misread.)
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let utf16 = |big: bool| {
        let units = bytes[2..].chunks(2).map(|p| match p {
            [a, b] if big => u16::from_be_bytes([*a, *b]),
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0xfffd,
        });
        (char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect(), Encoding::Utf16)
    };
    match bytes {
        [0xff, 0xfe, ..] => return utf16(false),
        [0xfe, 0xff, ..] => return utf16(true),
        _ => {}
    }
    let (bom, rest) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        return (text.to_string(), Encoding::Utf8);
    }
    let (stray, letters) = rest.utf8_chunks().fold((0, 0), |(stray, letters), c| {
        let found = c.valid().chars().filter(|&c| !c.is_ascii() && c != '\u{fffd}').count();
        (stray + usize::from(!c.invalid().is_empty()), letters + found)
    });
    if !bom && letters < stray {
        let text = rest
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect();
        return (text, Encoding::Windows1252);
    }
    (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8WithStrayBytes(stray))
}

/// True when `text` looks like an HTML document or fragment rather than
/// plain text: it starts (after white space) with `<` and a tag, a comment
/// or a doctype.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let mut cs = t.chars();
    cs.next() == Some('<') && cs.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '!')
}

/// Where [`text_from_html`] is in the page.
struct Page {
    /// The whole page in ASCII lower case (byte for byte as long as the
    /// page, so an offset in one is an offset in the other).
    lower: String,
    /// The page has an `article` or `main` element.
    has_article: bool,
    /// How many `article` and `main` elements are open.
    depth: usize,
}

/// The text of an HTML page: tags removed, the content of `script`, `style`,
/// `noscript`, `template`, `svg` and `title` dropped, the site's menus and
/// sidebars (`nav`, `aside`) dropped, its banner and footer (`header`,
/// `footer`) dropped when they are outside the page's `article` or `main`,
/// comments dropped,
/// entities decoded (the Latin-1 ones, typographic ones and every numeric
/// one, 0x80 to 0x9F as Windows-1252, as browsers do), white
/// space collapsed as a browser does, and a blank line where a paragraph,
/// heading, list item or other block ends.
pub fn text_from_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let has_article = ARTICLE.iter().any(|name| {
        lower
            .match_indices(&concat(&["<", name]))
            .any(|(k, m)| !lower[k + m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-'))
    });
    let mut page = Page { lower, has_article, depth: 0 };
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => rest = tag(rest, &mut out, &mut page),
            '&' => {
                let (decoded, len) = entity(rest);
                push_text(&mut out, decoded);
                rest = rest.get(len..).unwrap_or("");
            }
            c => {
                push_text(&mut out, c);
                rest = rest.get(c.len_utf8()..).unwrap_or("");
            }
        }
    }
    // Trim each line, and keep at most one blank line between paragraphs.
    let mut text = String::with_capacity(out.len());
    for para in out.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        text.push_str(&lines.join("\n"));
    }
    text
}

/// Appends one character of text, folding HTML white space as a browser does.
fn push_text(out: &mut String, c: char) {
    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
        if !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    } else {
        out.push(c);
    }
}

/// Handles the markup at the start of `s` (which starts with `<`): appends a
/// paragraph break for a block element, and returns what follows it (and the
/// content of a skipped element).
fn tag<'a>(s: &'a str, out: &mut String, page: &mut Page) -> &'a str {
    if let Some(r) = s.strip_prefix("<!--") {
        // `<!-->` and `<!--->` are empty comments, as browsers read them.
        if let Some(r) = r.strip_prefix('>').or_else(|| r.strip_prefix("->")) {
            return r;
        }
        return r.find("-->").map_or("", |k| &r[k + 3..]);
    }
    let after = &s[1..];
    let closing = after.starts_with('/');
    let name_at = usize::from(closing);
    let name_len = after[name_at..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(after.len() - name_at);
    let name = after[name_at..name_at + name_len].to_ascii_lowercase();
    if !after.starts_with(['!', '?']) && name.is_empty() {
        out.push('<');
        return after;
    }
    // The end of the tag, past quoted attribute values: a quote starts one
    // only right after `=` (`alt=Mayor's` is unquoted).
    let mut quote: Option<char> = None;
    let mut after_eq = false;
    let mut end = after.len();
    for (k, c) in after.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if after_eq => quote = Some(c),
            (None, '>') => {
                end = k + 1;
                break;
            }
            _ => {}
        }
        if quote.is_none() && !c.is_whitespace() {
            after_eq = c == '=';
        }
    }
    let rest = &after[end.min(after.len())..];
    if BLOCKS.contains(&name.as_str()) {
        let br = name == "br";
        while out.ends_with(' ') {
            out.pop();
        }
        if br {
            out.push('\n');
        } else if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
    }
    let self_closing = after[..end.min(after.len())].trim_end_matches('>').ends_with('/');
    let name = name.as_str();
    if ARTICLE.contains(&name) && !self_closing {
        page.depth = if closing { page.depth.saturating_sub(1) } else { page.depth + 1 };
    }
    let chrome = CHROME.contains(&name) || (SITE_CHROME.contains(&name) && page.has_article && page.depth == 0);
    if !closing && !self_closing && (SKIPPED.contains(&name) || chrome) {
        // Skip to the matching end tag, looked for in the page's lower case
        // from where `rest` starts.
        let lower = page.lower.get(page.lower.len() - rest.len()..).unwrap_or("");
        let close = concat(&["</", name]);
        let mut from = 0;
        while let Some(k) = lower[from..].find(&close) {
            let at = from + k + close.len();
            if !lower[at..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return lower[at..].find('>').map_or("", |g| &rest[at + g + 1..]);
            }
            from = at;
        }
        return "";
    }
    rest
}

/// The character an entity at the start of `s` (which starts with `&`)
/// stands for, and its length; `&` alone when it is no entity.
fn entity(s: &str) -> (char, usize) {
    let body = &s[1..];
    let Some(semi) = body.bytes().take(12).position(|b| b == b';') else {
        return legacy_entity(body);
    };
    let name = &body[..semi];
    let decoded = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        code.map(|c| match c {
            0 => '\u{fffd}',
            0x80..=0x9f => WINDOWS_1252.get(c as usize - 0x80).copied().unwrap_or('\u{fffd}'),
            c => char::from_u32(c).unwrap_or('\u{fffd}'),
        })
    } else {
        let latin1 = LATIN1.iter().position(|n| *n == name).and_then(|i| char::from_u32(0xa0 + i as u32));
        latin1.or_else(|| ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c))
    };
    match decoded {
        Some(c) => (c, semi + 2),
        None => legacy_entity(body),
    }
}

/// An entity written without its `;` at the start of `body` (after the
/// `&`), as browsers read one in text: the longest of the Latin-1 names and
/// `amp`, `lt`, `gt`, `quot` that `body` starts with (`&copy 2021`,
/// `&notit` is `¬it`); `&` alone when none.
fn legacy_entity(body: &str) -> (char, usize) {
    let basic = [("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"')];
    let latin1 = LATIN1.iter().enumerate().filter_map(|(i, n)| Some((*n, char::from_u32(0xa0 + i as u32)?)));
    basic
        .into_iter()
        .chain(latin1)
        .filter(|(n, _)| body.starts_with(n))
        .max_by_key(|(n, _)| n.len())
        .map_or(('&', 1), |(n, c)| (c, n.len() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_bytes_are_decoded_by_what_they_are() {
        let d = |b: &[u8]| decode(b);
        assert_eq!(d("café “x”".as_bytes()), ("café “x”".into(), Encoding::Utf8));
        assert_eq!(d(b"\xef\xbb\xbfcaf\xc3\xa9"), ("café".into(), Encoding::Utf8));
        assert_eq!(d(b"caf\xe9 \x93x\x94 \x80"), ("café “x” €".into(), Encoding::Windows1252));
        // "passé »" in Windows-1252 holds a UTF-8 letter by chance (頻).
        let french = b"Le pass\xe9\xa0\xbb, dit-il, co\xfbte \xab\xa0cher\xa0\xbb \xe0 la f\xeate.";
        assert_eq!(
            d(french),
            ("Le passé\u{a0}», dit-il, coûte «\u{a0}cher\u{a0}» à la fête.".into(), Encoding::Windows1252)
        );
        // UTF-8 with one stray byte; a byte order mark says UTF-8 whatever follows.
        assert_eq!(d(b"caf\xc3\xa9 \xff."), ("café \u{fffd}.".into(), Encoding::Utf8WithStrayBytes(1)));
        assert_eq!(d(b"\xef\xbb\xbfcaf\xe9"), ("caf\u{fffd}".into(), Encoding::Utf8WithStrayBytes(1)));
        assert_eq!(d(b"\xef\xbf\xbd caf\xe9"), ("ï¿½ café".into(), Encoding::Windows1252));
        // UTF-16 by its byte order mark, either order; an odd last byte is U+FFFD.
        assert_eq!(d(b"\xff\xfec\x00\xe9\x00"), ("cé".into(), Encoding::Utf16));
        assert_eq!(d(b"\xfe\xff\x00c\x00\xe9\x00"), ("cé\u{fffd}".into(), Encoding::Utf16));
    }

    /// A quantity as (text, values, currency, unit).
    type Read = (String, Vec<Amount>, Option<&'static str>, Option<Unit>);

    fn amounts(text: &str) -> Vec<Read> {
        quantities(text).into_iter().map(|q| (text[q.start..q.end].to_string(), q.values, q.currency, q.unit)).collect()
    }

    fn a(m: u64, e: i32) -> Amount {
        Amount::new(m, e)
    }

    #[test]
    fn normalises_space_quotes_and_dashes() {
        assert_eq!(normalise("  “Green  deal”\n– it’s\u{a0}25–26 …"), "\"Green deal\" - it's 25-26 ...");
        assert_eq!(normalise("co\u{ad}operation"), "cooperation");
        assert!(quote_in("He said: “we’ll go”.\n\nNext", "said: \"we'll go\". Next"));
        assert!(!quote_in("abc", "  "));
        assert!(!quote_in("He said", "he said"));
    }

    #[test]
    fn reads_money_ranges_percents_and_days() {
        assert_eq!(amounts("worth $160 billion."), [("$160 billion".into(), vec![a(16, 10)], Some("USD"), None)]);
        assert_eq!(amounts("US$ 3bn and €2.5m")[0].1, [a(3, 9)]);
        assert_eq!(amounts("US$ 3bn and €2.5m")[1], ("€2.5m".into(), vec![a(25, 5)], Some("EUR"), None));
        assert_eq!(
            amounts("160 billion dollars")[0],
            ("160 billion dollars".into(), vec![a(16, 10)], Some("USD"), None)
        );
        assert_eq!(
            amounts("(25-26 November)")[0],
            ("25-26 November".into(), vec![a(25, 0), a(26, 0)], None, Some(Unit::Month(10)))
        );
        assert_eq!(amounts("on Feb. 3, 2024")[0], ("Feb. 3".into(), vec![a(3, 0)], None, Some(Unit::Month(1))));
        assert_eq!(amounts("on Feb. 3, 2024")[1].1, [a(2024, 0)]);
        assert_eq!(
            amounts("up 3.5% or 10 per cent")[1],
            ("10 per cent".into(), vec![a(1, 1)], None, Some(Unit::Percent))
        );
        assert_eq!(
            amounts("2,000 troops")[0],
            ("2,000 troops".into(), vec![a(2, 3)], None, Some(Unit::Measure("troop".into())))
        );
        assert_eq!(amounts("the 25th").first().map(|q| q.1.clone()), Some(vec![a(25, 0)]));
        assert!(amounts("G20, COVID-19, A4 and F-16").is_empty());
        assert_eq!(amounts("in May 5 days")[0].3, Some(Unit::Measure("day".into())));
        assert_eq!(amounts("1.5 million people")[0].1, [a(15, 5)]);
        assert_eq!(amounts("99999999999999999999999").len(), 0);
        // Spaces of French and German typography; "pct"; units after a hyphen.
        assert_eq!(amounts("45\u{a0}% et 3\u{202f}%")[1].3, Some(Unit::Percent));
        assert_eq!(amounts("45\u{a0}%")[0].0, "45\u{a0}%");
        assert_eq!(amounts("4.5 pct")[0].3, Some(Unit::Percent));
        assert_eq!(amounts("€\u{a0}5 million")[0].1, [a(5, 6)]);
        assert_eq!(amounts("€\u{a0}5 million")[0].2, Some("EUR"));
        assert_eq!(amounts("a 30-year lease")[0].3, Some(Unit::Measure("year".into())));
        assert_eq!(amounts("a 5-km stretch")[0].3, Some(Unit::Measure("km".into())));
        assert_eq!(amounts("5\u{202f}km")[0].3, Some(Unit::Measure("km".into())));
        assert_eq!(amounts("45   %")[0].3, None, "one space, not three");
        assert_eq!(
            amounts("160 billion US dollars")[0],
            ("160 billion US dollars".into(), vec![a(16, 10)], Some("USD"), None)
        );
    }

    #[test]
    fn a_quantity_is_found_with_its_unit() {
        let article = quantities("$160 billion, 25-26 November, 3%");
        let found = |s: &str| quantities(s).iter().all(|q| article.iter().any(|a| q.found_in(a)));
        assert!(found("$160bn"));
        assert!(found("160 billion"));
        assert!(found("160 billion dollars"));
        assert!(!found("€160 billion"));
        assert!(!found("$16 billion"));
        assert!(found("25 November"));
        assert!(found("November 26"));
        assert!(!found("25 December"));
        assert!(found("3 percent"));
        assert!(!found("3 km"));
        assert!(!found("2021"));
    }

    #[test]
    fn html_becomes_its_text() {
        let html = "<!doctype html><html><head><title>T</title><style>p{x:1}</style></head>\
            <body><h1>Head&nbsp;line</h1><script>var a = '<p>no</p>';</script>\
            <p>Tom &amp; Jerry’s <b>big</b>\n   day &#8211; &#x201C;yes&#x201D; &bogus; &amp</p><!-- <p>gone</p> -->\
            <ul><li>one</li><li>two<br>three</li></ul><p>a < b</p></body></html>";
        assert!(looks_like_html(html));
        assert!(!looks_like_html("Plain <b> text"));
        assert_eq!(
            text_from_html(html),
            "Head\u{a0}line\n\nTom & Jerry’s big day – “yes” &bogus; &\n\none\n\ntwo\nthree\n\na < b"
        );
        assert_eq!(text_from_html("<SCRIPT>x</SCRIPT >ok<scripts>y"), "oky");
        assert_eq!(text_from_html("<p title='a>b'>x</p>"), "x");
        assert_eq!(text_from_html("unclosed <script>for ever"), "unclosed");
        assert_eq!(text_from_html("&#0;&#xD800;&#99999999;"), "\u{fffd}\u{fffd}\u{fffd}");
        // `</head>` left out, as HTML allows: the body is still read.
        let no_head_end = "<!doctype html><html><head><meta charset=utf-8><title>T</title><body><p>Hello world.</p>";
        assert_eq!(text_from_html(no_head_end), "Hello world.");
        // Entities as browsers read them: Latin-1 letters, Windows-1252 numbers.
        assert_eq!(text_from_html("&Uuml;ber &szlig; &Oslash;&aring; &AElig;&yuml;"), "Über ß Øå Æÿ");
        assert_eq!(text_from_html("&times;&divide;&THORN;&iquest;&ETH;&frac34;&Ntilde;&sup1;"), "×÷Þ¿Ð¾Ñ¹");
        assert_eq!(text_from_html("It&#146;s 2019&#150;2021 &#128;5 &#x9c;"), "It’s 2019–2021 €5 œ");
        // A quote inside an unquoted value starts nothing.
        assert_eq!(
            text_from_html("<p><img alt=Mayor's src=a.jpg>The council met.</p><p>It was late</p>"),
            "The council met.\n\nIt was late"
        );
        assert_eq!(text_from_html("<p title = 'a>b' data-x=\"'\">x</p>"), "x");
        // Elements that break a line; empty comments; entities without `;`.
        assert_eq!(text_from_html("<details><summary>More</summary>Text</details>"), "More\n\nText");
        assert_eq!(
            text_from_html("<p>Body.</p><address>By Jane Roe</address>Source"),
            "Body.\n\nBy Jane Roe\n\nSource"
        );
        assert_eq!(text_from_html("<fieldset><legend>Poll</legend>Vote</fieldset>"), "Poll\n\nVote");
        assert_eq!(text_from_html("<!-->visible<p>more</p><!--->too"), "visible\n\nmore\n\ntoo");
        assert_eq!(
            text_from_html("<p>&copy 2021 Acme&nbspLtd &notit &ampx &bogus &lt3</p>"),
            "© 2021 Acme\u{a0}Ltd ¬it &x &bogus <3"
        );
        assert_eq!(text_from_html("<p>A &rarr; B&hairsp;C&lrm; &dollar;5</p>"), "A → B\u{200a}C\u{200e} $5");
    }

    #[test]
    fn the_sites_menus_banner_and_footer_are_left_out() {
        let page = "<body><header><a href=/>Euractiv</a></header><nav>Home | World | Europe</nav>\
            <main><article><header><p>EUROPE</p><h1>Kazakhstan president visits Brussels</h1></header>\
            <p>The visit took place.</p><aside>Read more: other news</aside>\
            <footer>Edited by Jane Roe</footer></article></main>\
            <aside>Most read</aside><footer>&copy; 2021 Euractiv</footer></body>";
        assert_eq!(
            text_from_html(page),
            "EUROPE\n\nKazakhstan president visits Brussels\n\nThe visit took place.\n\nEdited by Jane Roe"
        );
        // Without an article or main element, a header may hold the headline: kept.
        assert_eq!(
            text_from_html("<header><h1>Bridge vote</h1></header><p>It passed.</p><nav>Next</nav>"),
            "Bridge vote\n\nIt passed."
        );
        // `<mainframe>` is not `<main>`.
        assert_eq!(text_from_html("<mainframe>x</mainframe><header>Top</header>"), "x\n\nTop");
    }

    #[test]
    fn numbers_as_news_writes_them_are_found() {
        let found = |article: &str, back: &str| {
            let article = {
                let mut qs = quantities(article);
                share_months(article, &mut qs);
                qs
            };
            quantities(back).iter().all(|q| article.iter().any(|a| q.found_in(a)))
        };
        // Days listed together share their month.
        assert!(found("The summit runs on 25 and 26 November.", "25 November"));
        assert!(found("The meeting on November 8 and 9 ended.", "9 November"));
        assert!(found("It runs from 10 to 12 March.", "10 March"));
        assert!(found("On 8, 9 or 10 May.", "8 May"));
        assert!(!found("On 8 or 9 June, and 10 May.", "8 May"));
        // Years after a prefix; "COVID-19" is still a name.
        assert!(found("Elections are due by mid-2022.", "2022"));
        assert!(found("It follows a pre-2008 rule.", "2008"));
        assert!(!found("COVID-19 spread.", "19"));
        // "the 3rd of May"; unit spellings; a measure against a bare number.
        assert!(found("It opened on the 3rd of May.", "3 May"));
        assert!(!found("It opened on the 3rd of June.", "3 May"));
        assert!(found("The road is 5 km long.", "5 kilometres"));
        assert!(found("The road is 5 kilometres long.", "5 kilometers"));
        assert!(found("John Smith, 65, said so.", "65 years old"));
        assert!(!found("It took 65 days.", "65 years"));
        assert!(!found("About 45 people.", "45%"), "a percent is never a bare number");
    }

    #[test]
    fn closest_passage_is_the_most_alike_window() {
        let article = Article::new("The EU is the largest investor in Kazakhstan’s economy, with a total investment of $160 billion. In turn, trade is worth $24 billion.");
        assert_eq!(
            article.closest("The EU is the biggest investor in Kazakhstan's economy").as_deref(),
            Some("The EU is the largest investor in Kazakhstan’s economy")
        );
        // "trade" and "worth" are rarer in the article than "billion".
        assert_eq!(article.closest("trade worth $42 billion").as_deref(), Some("trade is worth $24"));
        assert_eq!(article.closest("…"), None);
        assert_eq!(Article::new("").closest("a b"), None);
    }
}

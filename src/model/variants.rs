//! Generated wrong options for numbers, sums of money and dates: the number
//! changes and the format stays.
//!
//! - An amount moves by about a quarter of itself, rounded to two significant
//!   figures: `$160 billion` gives `$120 billion`, `$200 billion`, …; decimals,
//!   thousands separators and ordinal suffixes are kept (`1,000` → `1,250`).
//! - A day of the month moves by whole weeks and stays in its month:
//!   `25–26 November` gives `18–19 November`, `11–12 November`, ….
//! - A year moves by one to four years: `2021` gives `2019`, `2023`, ….
//! - Number words from one to twenty and first to twentieth move by one or
//!   two: `ninth` gives `seventh`, `eleventh`, ….
//! - For a date without digits, a month or a weekday moves by one to three:
//!   `November` gives `September`, …; `Thursday` gives `Tuesday`, ….
//!
//! A range (`25–26`, `10-12%`) moves as a whole. Only the first number of the
//! text changes; every result is positive and no two are the same.

use super::deck::Kind;
use super::text::push_uint;
use super::unicode::is_alphabetic;

/// Most variants [`generate`] returns.
pub const MAX_VARIANTS: usize = 6;

/// Ordinal words in English, "first" to "twentieth".
pub(crate) const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];
/// Cardinal words in English, "one" to "twenty".
pub(crate) const CARDINALS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
/// Month names in English.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Weekday names in English.
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Longest month, leap years included, so a day never becomes impossible.
const MONTH_DAYS: [i64; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// Moves of a day of the month, in order of preference.
const DAY_MOVES: [i64; 8] = [-7, 7, -14, 14, -21, 21, -28, 28];
/// Moves of a year.
const YEAR_MOVES: [i64; 8] = [-2, 2, -1, 1, -3, 3, -4, 4];
/// Moves of an amount, in steps of about a quarter of it.
const AMOUNT_STEPS: [i64; 6] = [-1, 1, -2, 2, 3, 4];
/// Moves of a number word or a month.
const WORD_MOVES: [i64; 7] = [-2, 2, -1, 1, 3, -3, 4];

/// A number written with digits: `160`, `1,000`, `1.5`, `25th`.
#[derive(Debug, Clone, Copy)]
struct Num {
    /// Byte range in the text, ordinal suffix included.
    start: usize,
    end: usize,
    /// The value in units of its last decimal place (`1.5` → 15).
    units: i64,
    decimals: u32,
    /// Written with thousands separators.
    grouped: bool,
    /// Followed by `st`, `nd`, `rd` or `th`.
    ordinal: bool,
}

/// Wrong options made from `back`, a `kind` answer, best first: at most
/// [`MAX_VARIANTS`], all different from `back` and from each other; empty
/// when `back` has no number, number word or (for dates) month to change.
pub fn generate(back: &str, kind: Kind) -> Vec<String> {
    if let Some(first) = scan(back, 0) {
        return from_digits(back, kind, first);
    }
    // The word to move: the first number word, or for a date the first
    // weekday or month. Found first, then moved by one loop for all three.
    let words = words(back);
    let mut found: Option<(usize, &str, &[&str], usize, bool)> = None;
    'words: for &(at, word) in &words {
        for table in [&ORDINALS[..], &CARDINALS[..]] {
            if let Some(i) = table.iter().position(|w| w.eq_ignore_ascii_case(word)) {
                found = Some((at, word, table, i, false));
                break 'words;
            }
        }
    }
    if found.is_none() && kind == Kind::Date {
        for &(at, word) in &words {
            if let Some(d) = WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word)) {
                found = Some((at, word, &WEEKDAYS[..], d, true));
                break;
            }
            if let Some(m) = month(word) {
                found = Some((at, word, &MONTHS[..], m, true));
                break;
            }
        }
    }
    let Some((at, word, table, i, wrap)) = found else {
        return Vec::new();
    };
    // A month written short (`Nov`, `Sept`) moves to short names; a weekday
    // or number word matched a name in full.
    let short = wrap && word.len() <= 4 && word.len() < table.get(i).map_or(0, |n| n.len());
    moved(i, &WORD_MOVES, table.len() as i64, wrap, |j| {
        let name = table.get(j)?;
        let name = if short { name.get(..3)? } else { name };
        Some(splice(back, at, at + word.len(), &styled(name, word)))
    })
}

/// The variants of a text whose first number is `first`.
fn from_digits(back: &str, kind: Kind, first: Num) -> Vec<String> {
    let is_year = |n: &Num| !n.grouped && n.end - n.start == 4 && (1000..3000).contains(&n.units);
    // A decade ("the 1990s") is a year, and moves by decades: the text
    // after its digits, without the "s".
    let decade_rest = |n: &Num| {
        let after = back.get(n.end..).unwrap_or("");
        let rest = ["s", "'s", "\u{2019}s"].iter().find_map(|s| after.strip_prefix(s));
        rest.filter(|_| is_year(n) && n.units % 10 == 0)
    };
    // A range such as "25–26", "10 - 12" or "1960s–1970s" moves as a whole.
    let rest = skip_spaces(decade_rest(&first).unwrap_or_else(|| back.get(first.end..).unwrap_or("")));
    let dash = rest.chars().next().filter(|&c| matches!(c, '-' | '\u{2010}'..='\u{2015}'));
    let second = dash
        .and_then(|c| rest.get(c.len_utf8()..))
        .map(skip_spaces)
        .and_then(|t| scan(back, back.len() - t.len()).filter(|n| n.start + t.len() == back.len()));
    // One or two numbers, borrowed from the stack (no `Vec` for these).
    let pair;
    let mut nums: &[Num] = match second {
        Some(second) => {
            pair = [first, second];
            &pair
        }
        None => std::slice::from_ref(&first),
    };
    let month = month_near(back, first.start, nums.last().map_or(first.end, |n| n.end));
    // A date with no month by its numbers ("2021-11-25", "25/11/2021", "25
    // novembre 2021") moves its first year alone.
    let year;
    if kind == Kind::Date && month.is_none() && !nums.iter().all(is_year) {
        let mut n = Some(first);
        while let Some(m) = n {
            if is_year(&m) {
                year = m;
                nums = std::slice::from_ref(&year);
                break;
            }
            n = scan(back, m.end);
        }
    }
    let whole = nums.iter().all(|n| n.decimals == 0);
    let decades = nums.iter().all(|n| decade_rest(n).is_some());

    // The moves are `steps` times `step`.
    let (steps, step, top): (&[i64], i64, i64) = match month {
        // A day of a month, or a date's day with no month it knows ("25
        // novembre"): it stays within the shortest month.
        m if whole && (m.is_some() || kind == Kind::Date) && nums.iter().all(|n| (1..=31).contains(&n.units)) => {
            (&DAY_MOVES, 1, m.and_then(|m| MONTH_DAYS.get(m).copied()).unwrap_or(28))
        }
        _ if nums.iter().all(is_year)
            && (kind == Kind::Date || decades || month.is_some() || back.trim().len() == first.end - first.start) =>
        {
            (&YEAR_MOVES, if decades { 10 } else { 1 }, i64::MAX)
        }
        _ => {
            let step = nice_step(first.units);
            let percent = back.bytes().any(|b| b == b'%')
                || contains_ignore_ascii_case(back, "percent")
                || contains_ignore_ascii_case(back, "per cent");
            let top = if percent { 100 * 10i64.pow(first.decimals) } else { i64::MAX };
            (&AMOUNT_STEPS, step, top)
        }
    };

    let mut out = Vec::new();
    for &k in steps {
        let d = k * step;
        if out.len() >= MAX_VARIANTS {
            break;
        }
        if d == 0 || !nums.iter().all(|n| (1..=top).contains(&(n.units + d))) {
            continue;
        }
        // Replace from the last number back, so earlier offsets stay valid.
        let mut text = back.to_string();
        for n in nums.iter().rev() {
            text = splice(&text, n.start, n.end, &format_num(n, n.units + d));
        }
        out.push(text);
    }
    out
}

/// About a quarter of `units`, rounded to two significant figures, at least 1.
fn nice_step(units: i64) -> i64 {
    let raw = ((units + 2) / 4).max(1);
    let mut p: i64 = 1;
    // `max(1)`: p is never 0, and the division needs no panic path.
    while raw / p.max(1) >= 100 {
        p *= 10;
    }
    let p = p.max(1);
    ((raw + p / 2) / p * p).max(1)
}

/// Variants of item `i` of a table of `len` items (number words; or months
/// and weekdays, which `wrap` round), made by `make`.
fn moved(i: usize, moves: &[i64], len: i64, wrap: bool, make: impl Fn(usize) -> Option<String>) -> Vec<String> {
    let i = i as i64;
    let mut out: Vec<String> = Vec::new();
    for d in moves {
        let j = if wrap { (i + d).rem_euclid(len) } else { i + d };
        if j == i || !(0..len).contains(&j) || out.len() >= MAX_VARIANTS {
            continue;
        }
        if let Some(v) = make(j as usize).filter(|v| !out.contains(v)) {
            out.push(v);
        }
    }
    out
}

/// The first number written with digits at or after byte `from`, skipping
/// digits glued to a letter before them ("G20", "COP26").
fn scan(s: &str, from: usize) -> Option<Num> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = from;
    loop {
        while !digit(i) {
            b.get(i)?;
            i += 1;
        }
        let start = i;
        let glued = start > 0 && b.get(start - 1).is_some_and(u8::is_ascii_alphabetic);
        let (mut units, mut grouped, mut decimals) = (0i64, false, 0u32);
        let mut count = digits(b, &mut i, &mut units);
        while b.get(i) == Some(&b',') && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) {
            grouped = true;
            i += 1;
            count += digits(b, &mut i, &mut units);
        }
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            i += 1;
            decimals = digits(b, &mut i, &mut units);
            count += decimals;
        }
        let lower = |at: usize| b.get(at).map(u8::to_ascii_lowercase);
        let ordinal = decimals == 0
            && matches!(
                (lower(i), lower(i + 1)),
                (Some(b's'), Some(b't')) | (Some(b'n' | b'r'), Some(b'd')) | (Some(b't'), Some(b'h'))
            )
            && !b.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
        if glued || count > 15 {
            continue;
        }
        let end = if ordinal { i + 2 } else { i };
        return Some(Num { start, end, units, decimals, grouped, ordinal });
    }
}

/// Reads the ASCII digits at `*i` onto `units`; returns how many there were.
fn digits(b: &[u8], i: &mut usize, units: &mut i64) -> u32 {
    let mut n = 0;
    while let Some(d) = b.get(*i).filter(|d| d.is_ascii_digit()) {
        *units = units.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        n += 1;
        *i += 1;
    }
    n
}

/// `n` written as `like` was written, with the value `units`.
fn format_num(like: &Num, units: i64) -> String {
    // At least 1, which the compiler cannot see from `pow`: no panic paths.
    let scale = 10i64.pow(like.decimals).max(1);
    // `units` is positive: the callers keep it in 1..=top.
    let mut digits = String::new();
    push_uint(&mut digits, (units / scale).unsigned_abs());
    let mut out = String::with_capacity(digits.len() + 8);
    for (i, &c) in digits.as_bytes().iter().enumerate() {
        if like.grouped && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(char::from(c));
    }
    if like.decimals > 0 {
        let mut frac = String::new();
        push_uint(&mut frac, (units % scale + scale).unsigned_abs());
        out.push('.');
        out.push_str(frac.get(1..).unwrap_or(""));
    }
    if like.ordinal {
        let n = units / scale;
        out.push_str(match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        });
    }
    out
}

/// `s` with bytes `start..end` replaced by `with`.
fn splice(s: &str, start: usize, end: usize, with: &str) -> String {
    let mut out = String::with_capacity(s.len() + with.len());
    out.push_str(s.get(..start).unwrap_or(""));
    out.push_str(with);
    out.push_str(s.get(end..).unwrap_or(""));
    out
}

/// The words of `s` (runs of letters) with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_alphabetic(c) {
            start = start.or(Some(i));
        } else if let Some(w) = start.take().and_then(|st| s.get(st..i)) {
            out.push((i - w.len(), w));
        }
    }
    if let Some(w) = start.and_then(|st| s.get(st..)) {
        out.push((s.len() - w.len(), w));
    }
    out
}

/// The month (0-based) that `word` names in English, in full or as
/// `Nov`/`Sept`.
pub(crate) fn month(word: &str) -> Option<usize> {
    // The names are lower-case ASCII: compared ignoring ASCII case, with no
    // lower-cased copy of `word`.
    let short = |m: &str| word.len() == 3 && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(word));
    MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(word) || short(m) || (*m == "september" && word.eq_ignore_ascii_case("sept"))
    })
}

/// The month named right before byte `start` or right after byte `end`.
fn month_near(s: &str, start: usize, end: usize) -> Option<usize> {
    // The run of letters right after, and the one right before (plain
    // loops: no `split`/`rsplit` searcher for this one use).
    // `trim`, not `trim_start`/`trim_end`: the far end makes no difference
    // to the run of letters next to the number, and `trim` is in the wasm
    // anyway.
    let after = s.get(end..).unwrap_or("").trim();
    let mut to = 0;
    for (i, c) in after.char_indices() {
        if !is_alphabetic(c) {
            break;
        }
        to = i + c.len_utf8();
    }
    let before = s.get(..start).unwrap_or("").trim();
    let mut cut = before.len();
    while cut > 0 && before.as_bytes().get(cut - 1) == Some(&b',') {
        cut -= 1;
    }
    let before = before.get(..cut).unwrap_or("");
    let mut from = before.len();
    for (i, c) in before.char_indices().rev() {
        if !is_alphabetic(c) {
            break;
        }
        from = i;
    }
    month(after.get(..to).unwrap_or("")).or_else(|| month(before.get(from..).unwrap_or("")))
}

/// `s` without its leading U+0020 spaces.
fn skip_spaces(s: &str) -> &str {
    let mut i = 0;
    while s.as_bytes().get(i) == Some(&b' ') {
        i += 1;
    }
    s.get(i..).unwrap_or("")
}

/// Whether `needle` (ASCII) occurs in `hay`, ASCII case ignored.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `word` with the capitals of `like`: `Ninth` → `Seventh`, `NOV` → `SEP`.
/// Both are ASCII: `like` matched a word of the English tables, compared
/// ignoring ASCII case.
fn styled(word: &str, like: &str) -> String {
    let like = like.as_bytes();
    let first_upper = like.first().is_some_and(u8::is_ascii_uppercase);
    let mut all_upper = first_upper && like.len() > 1;
    for b in like {
        all_upper &= !b.is_ascii_lowercase();
    }
    // One byte loop: all capitals, or the first only.
    let mut out = String::with_capacity(word.len());
    for (i, &b) in word.as_bytes().iter().enumerate() {
        let upper = all_upper || (first_upper && i == 0);
        out.push(char::from(if upper { b.to_ascii_uppercase() } else { b }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `month_near` as it was written with `split`/`rsplit`: the loops must
    /// find the same words.
    fn month_near_by_split(s: &str, start: usize, end: usize) -> Option<usize> {
        // `trim`, not `trim_start`/`trim_end`: the far end makes no difference
        // to the run of letters next to the number, and `trim` is in the wasm
        // anyway.
        let after = s.get(end..).unwrap_or("").trim();
        let after = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let before = s.get(..start).unwrap_or("").trim_end().trim_end_matches(',');
        let before = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        month(after).or_else(|| month(before))
    }

    #[test]
    fn month_near_finds_the_words_split_finds() {
        let texts = [
            "25 November",
            "November 25",
            "Nov 25, 2021",
            "on 25 Nov.",
            "Sept 3",
            "3 Sept",
            "von 3 März",
            "3 décembre",
            "3 ноября",
            "x3 may",
            "may3",
            "25",
            "",
            "Mayday 3",
            "3 junexyz",
            "é3é",
            "3\u{301}June",
        ];
        for t in texts {
            for cut in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for end in (cut..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    assert_eq!(month_near(t, cut, end), month_near_by_split(t, cut, end), "{t:?} {cut} {end}");
                }
            }
        }
    }

    /// `month` as it was written, on a lower-cased copy of the word.
    fn month_by_lowercase(word: &str) -> Option<usize> {
        let w = word.to_ascii_lowercase();
        MONTHS.iter().position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && *m == "september"))
    }

    #[test]
    fn months_are_read_as_the_lower_cased_copy_read_them() {
        let words = [
            "",
            "n",
            "no",
            "nov",
            "NOV",
            "Nov",
            "nove",
            "november",
            "NOVEMBER",
            "NoVeMbEr",
            "novembre",
            "sep",
            "sept",
            "SEPT",
            "Sept.",
            "septe",
            "september",
            "may",
            "MAY",
            "mai",
            "maÿ",
            "mäy",
            "jun",
            "june",
            "juni",
            "dec",
            "déc",
            "İan",
            "jan",
            "ja",
            "feb",
            "février",
        ];
        for w in words {
            assert_eq!(month(w), month_by_lowercase(w), "{w:?}");
        }
    }

    #[test]
    fn ordinal_suffixes_are_read_in_any_case() {
        for (s, ordinal) in [
            ("1st", true),
            ("1ST", true),
            ("2Nd", true),
            ("3rD", true),
            ("4TH", true),
            ("4th.", true),
            ("5s", false),
            ("5sth", false),
            ("5ths", false),
            ("5thé", true),
            ("5t", false),
            ("5rt", false),
            ("5é", false),
            ("1.5th", false),
            ("5", false),
        ] {
            let n = scan(s, 0).expect("a number");
            assert_eq!(n.ordinal, ordinal, "{s:?}");
            let suffix = s.get(n.end.saturating_sub(2)..n.end).unwrap_or("");
            assert!(!ordinal || ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str()), "{s:?}");
        }
    }

    /// `styled` as it was written with `to_ascii_uppercase`.
    fn styled_by_std(word: &str, like: &str) -> String {
        let mut cs = like.bytes();
        let first_upper = cs.next().is_some_and(|b| b.is_ascii_uppercase());
        if first_upper && cs.len() > 0 && cs.all(|b| !b.is_ascii_lowercase()) {
            return word.to_ascii_uppercase();
        }
        let mut out = word.to_owned();
        if first_upper {
            if let Some(first) = out.get_mut(..1) {
                first.make_ascii_uppercase();
            }
        }
        out
    }

    #[test]
    fn words_are_styled_as_the_std_version_styled_them() {
        for like in
            ["", "n", "N", "no", "No", "NO", "nO", "NOv", "Nov", "N1", "N.", "É", "Éx", "ÉX", "x", "X-", "Sept."]
        {
            for word in ["", "september", "nov", "x"] {
                assert_eq!(styled(word, like), styled_by_std(word, like), "{word:?} like {like:?}");
            }
        }
    }

    /// `words` as it was written, with a chained end marker.
    fn words_by_chain(s: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            match (start, c.is_alphabetic()) {
                (None, true) => start = Some(i),
                (Some(st), false) => {
                    out.push((st, &s[st..i]));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn words_are_the_runs_of_letters() {
        for s in ["", " ", "a", "ab cd", " ab  cd ", "the 3rd, ninth", "é-ü中x", "a\u{301}b", "9th", "x9y"] {
            assert_eq!(words(s), words_by_chain(s), "{s:?}");
        }
    }

    fn gen(s: &str, kind: Kind) -> Vec<String> {
        generate(s, kind)
    }

    #[test]
    fn amounts_keep_their_format() {
        assert_eq!(
            gen("$160 billion", Kind::Money),
            ["$120 billion", "$200 billion", "$80 billion", "$240 billion", "$280 billion", "$320 billion"]
        );
        assert_eq!(gen("$24 billion", Kind::Money)[..2], ["$18 billion", "$30 billion"]);
        assert_eq!(gen("24", Kind::Number)[..2], ["18", "30"]);
        assert_eq!(gen("1,000", Kind::Number)[..2], ["750", "1,250"]);
        assert_eq!(gen("€1,234,567", Kind::Money)[..2], ["€924,567", "€1,544,567"]);
        assert_eq!(gen("1.5 million", Kind::Number)[..2], ["1.1 million", "1.9 million"]);
        assert_eq!(gen("0.05", Kind::Number)[..3], ["0.04", "0.06", "0.03"]);
        assert_eq!(gen("1", Kind::Number), ["2", "3", "4", "5"]);
        assert_eq!(gen("80%", Kind::Number), ["60%", "100%", "40%"]);
        assert_eq!(gen("10–12 per cent", Kind::Number)[..2], ["7–9 per cent", "13–15 per cent"]);
        assert_eq!(gen("the 3rd summit", Kind::Number)[..2], ["the 2nd summit", "the 4th summit"]);
        assert_eq!(gen("G20 of 2 days", Kind::Number)[..1], ["G20 of 1 days"]);
    }

    #[test]
    fn dates_move_by_weeks_or_years() {
        assert_eq!(gen("25–26 November", Kind::Date), ["18–19 November", "11–12 November", "4–5 November"]);
        assert_eq!(gen("November 25, 2021", Kind::Date)[..2], ["November 18, 2021", "November 11, 2021"]);
        assert_eq!(gen("9 Dec 2021", Kind::Date)[..3], ["2 Dec 2021", "16 Dec 2021", "23 Dec 2021"]);
        assert_eq!(gen("2021", Kind::Date)[..4], ["2019", "2023", "2020", "2022"]);
        assert_eq!(gen("2021", Kind::Number)[..2], ["2019", "2023"]);
        assert_eq!(gen("November 2021", Kind::Date)[..2], ["November 2019", "November 2023"]);
        assert_eq!(gen("2000 troops", Kind::Number)[..2], ["1500 troops", "2500 troops"]);
        assert_eq!(gen("the 1990s", Kind::Date)[..4], ["the 1970s", "the 2010s", "the 1980s", "the 2000s"]);
        assert_eq!(gen("the 1980’s", Kind::Number)[..2], ["the 1960’s", "the 2000’s"]);
        // A range of decades moves as a whole, as a range of years does.
        assert_eq!(gen("1960s–1970s", Kind::Date)[..2], ["1940s–1950s", "1980s–1990s"]);
        assert_eq!(gen("the 1960s - 1970s", Kind::Number)[..2], ["the 1940s - 1950s", "the 1980s - 1990s"]);
        assert_eq!(gen("November", Kind::Date)[..3], ["September", "January", "October"]);
        // Numeric dates and months it does not know: the year moves, or
        // else the day, never the month or an impossible day.
        assert_eq!(gen("2021-11-25", Kind::Date)[..2], ["2019-11-25", "2023-11-25"]);
        assert_eq!(gen("25/11/2021", Kind::Date)[..2], ["25/11/2019", "25/11/2023"]);
        assert_eq!(gen("25.11.2021", Kind::Date)[..2], ["25.11.2019", "25.11.2023"]);
        assert_eq!(gen("25 ноября 2021", Kind::Date)[..2], ["25 ноября 2019", "25 ноября 2023"]);
        assert_eq!(gen("25 novembre", Kind::Date), ["18 novembre", "11 novembre", "4 novembre"]);
        assert_eq!(gen("25–26 novembre", Kind::Date), ["18–19 novembre", "11–12 novembre", "4–5 novembre"]);
        // Not a date: the amount moves as before.
        assert_eq!(
            gen("25/11", Kind::Number)[..1],
            gen("25", Kind::Number)[..1].iter().map(|v| format!("{v}/11")).collect::<Vec<_>>()
        );
        assert_eq!(gen("late nov", Kind::Date)[..2], ["late sep", "late jan"]);
        assert!(gen("November", Kind::Number).is_empty());
        assert_eq!(gen("Thursday", Kind::Date), ["Tuesday", "Saturday", "Wednesday", "Friday", "Sunday", "Monday"]);
        assert_eq!(gen("on a sunday in May", Kind::Date)[..2], ["on a friday in May", "on a tuesday in May"]);
    }

    #[test]
    fn number_words_move() {
        assert_eq!(gen("ninth", Kind::Number)[..4], ["seventh", "eleventh", "eighth", "tenth"]);
        assert_eq!(gen("first", Kind::Number), ["third", "second", "fourth", "fifth"]);
        assert_eq!(gen("The Twentieth", Kind::Number)[..2], ["The Eighteenth", "The Nineteenth"]);
        assert_eq!(gen("THREE times", Kind::Number)[..2], ["ONE times", "FIVE times"]);
        assert!(gen("Charles Michel", Kind::Number).is_empty());
        assert!(gen("", Kind::Money).is_empty());
    }

    #[test]
    fn number_words_come_before_weekdays_and_weekdays_before_months() {
        // As built before the three tables shared one loop (same results).
        assert_eq!(gen("one Monday", Kind::Date), ["three Monday", "two Monday", "four Monday", "five Monday"]);
        assert_eq!(gen("nov twenty", Kind::Date)[..1], ["nov eighteen"]);
        assert_eq!(gen("Tuesday, June", Kind::Date)[..1], ["Sunday, June"]);
        assert_eq!(gen("june tuesday", Kind::Date)[..1], ["april tuesday"]);
        assert_eq!(gen("sept", Kind::Date)[..2], ["jul", "nov"]);
        assert_eq!(gen("MAY", Kind::Date)[..2], ["MARCH", "JULY"]);
        assert_eq!(gen("MaRcH", Kind::Date)[..2], ["January", "May"]);
        assert_eq!(gen("JUN", Kind::Date)[..2], ["APR", "AUG"]);
        assert!(gen("Saturday", Kind::Number).is_empty() && gen("Sat", Kind::Date).is_empty());
    }

    #[test]
    fn results_are_distinct_positive_and_differ_from_the_input() {
        for s in ["1", "2", "3", "0", "0.1", "$160bn", "99%", "31 December", "1 January", "first", "9,999", "x"] {
            let v = gen(s, Kind::Number);
            for (i, a) in v.iter().enumerate() {
                assert_ne!(a, s);
                assert!(!a.contains('-') && !a.starts_with('0') || a.starts_with("0."), "{s} → {a}");
                assert!(v.iter().skip(i + 1).all(|b| b != a), "{s}: {v:?}");
            }
        }
        assert!(gen("0", Kind::Number).iter().all(|a| a != "0"));
        assert_eq!(gen("99999999999999999999", Kind::Number), Vec::<String>::new());
    }

    #[test]
    fn ranges_with_spaces_and_dashes_move_as_a_whole() {
        assert_eq!(gen("10 - 12", Kind::Number)[..2], ["7 - 9", "13 - 15"]);
        assert_eq!(gen("10  —  12 km", Kind::Number)[..2], ["7  —  9 km", "13  —  15 km"]);
        assert_eq!(gen("10 -12", Kind::Number)[..2], ["7 -9", "13 -15"]);
        assert_eq!(gen("10 ‐ 12", Kind::Number)[..2], ["7 ‐ 9", "13 ‐ 15"]);
        assert_eq!(gen("10 - x", Kind::Number)[..2], ["7 - x", "13 - x"]);
        // Commas between the month and the day are skipped.
        assert_eq!(gen("November,, 25", Kind::Date), ["November,, 18", "November,, 11", "November,, 4"]);
    }
}

//! Text normalisation shared by validation and answer matching.

/// True when `s` is empty or white space only.
pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Lower-cases `s`, trims it and folds every run of white space to one space.
/// Two texts that are equal after this are "the same option".
pub fn fold_case_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// True when `a` and `b` are equal after [`fold_case_space`].
pub fn same_text(a: &str, b: &str) -> bool {
    fold_case_space(a) == fold_case_space(b)
}

/// Base letters of U+00E0..=U+00FF after lower-casing; `_` marks the ones
/// handled apart (æ, ÷, þ).
const LATIN1: &str = "aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";
/// Base letters of Latin Extended-A, U+0100..=U+017F; `_` marks ĳ and œ.
const LATIN_EXT_A: &str = concat!(
    "aaaaaaccccccccdd",
    "ddeeeeeeeeeegggg",
    "gggghhhhiiiiiiii",
    "ii__jjkkklllllll",
    "lllnnnnnnnnnoooo",
    "oo__rrrrrrssssss",
    "ssttttttuuuuuuuu",
    "uuuuwwyyyzzzzzzs",
);

/// Pushes lower-case letter `c` without its diacritics: é→e, ł→l, ß→ss, æ→ae.
/// Letters of other scripts are kept as they are (but ё becomes е).
fn push_folded(out: &mut String, c: char) {
    let base = |table: &str, first: char| {
        let at = (c as u32).wrapping_sub(first as u32) as usize;
        table.as_bytes().get(at).copied().unwrap_or(b'_')
    };
    let b = match c {
        'ß' => return out.push_str("ss"),
        'æ' => return out.push_str("ae"),
        'œ' | 'Œ' => return out.push_str("oe"),
        'þ' => return out.push_str("th"),
        'ĳ' | 'Ĳ' => return out.push_str("ij"),
        'ё' => return out.push('е'),
        'ș' => b's',
        'ț' => b't',
        '\u{e0}'..='\u{ff}' => base(LATIN1, '\u{e0}'),
        '\u{100}'..='\u{17f}' => base(LATIN_EXT_A, '\u{100}'),
        _ => b'_',
    };
    if b.is_ascii_lowercase() {
        out.push(char::from(b));
    } else {
        out.push(c);
    }
}

/// True when `chars[at..]` starts with exactly three ASCII digits, as after a
/// thousands separator.
fn group_of_three(chars: &[char], at: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    digit(at) && digit(at + 1) && digit(at + 2) && !digit(at + 3)
}

/// True when `t` is a number token such as `160`, `1.5` or `2021`.
fn is_number(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Currency words dropped next to a number.
const CURRENCY: [&str; 17] = [
    "dollar", "dollars", "usd", "us", "eur", "euro", "euros", "gbp", "pound", "pounds", "kzt",
    "tenge", "rub", "ruble", "rubles", "rouble", "roubles",
];
/// The scale words a number may carry.
const SCALES: [&str; 4] = ["thousand", "million", "billion", "trillion"];

/// Normalises a typed answer for matching: lower case, no diacritics, no
/// punctuation (hyphens, dashes and slashes count as spaces), single spaces,
/// and one spelling for amounts: currency signs and words next to a number
/// dropped, `bn`/`m`/`k` spelt `billion`/`million`/`thousand`, thousands
/// separators removed, `%` and `per cent` spelt `percent`, and an ordinal
/// suffix after digits (`25th`) dropped.
///
/// `"US$ 160bn"`, `"$160 billion"` and `"160 billion dollars"` all become
/// `"160 billion"`; `"Tokaïev"` becomes `"tokaiev"`; Cyrillic and other
/// scripts are only lower-cased.
pub fn normalize_answer(s: &str) -> String {
    let chars: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
    let mut flat = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let digit_at = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(char::is_ascii_digit)
        };
        let between_digits = digit_at(i.checked_sub(1)) && digit_at(Some(i + 1));
        match c {
            '\u{300}'..='\u{36f}' => {}
            c if c.is_alphanumeric() => push_folded(&mut flat, c),
            '.' if between_digits => flat.push('.'),
            ',' | '\u{a0}' | '\u{2009}' | '\u{202f}'
                if between_digits && group_of_three(&chars, i + 1) => {}
            '\'' | '\u{2019}' | '\u{2bc}' | '.' => {}
            '%' => flat.push_str(" percent "),
            _ => flat.push(' '),
        }
    }

    // Split "160bn" into "160 bn" and drop the suffix of "25th".
    let mut tokens: Vec<&str> = Vec::new();
    for t in flat.split_whitespace() {
        let cut = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        match t.split_at(cut) {
            (num, rest) if is_number(num) && !rest.is_empty() => {
                tokens.push(num);
                if !matches!(rest, "st" | "nd" | "rd" | "th") {
                    tokens.push(rest);
                }
            }
            _ => tokens.push(t),
        }
    }

    let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while let Some(&t) = tokens.get(i) {
        i += 1;
        let after_number = out.last().is_some_and(|p| is_number(p));
        let after_amount = out
            .last()
            .is_some_and(|p| is_number(p) || SCALES.contains(p));
        let before_number = tokens.get(i).is_some_and(|n| is_number(n));
        let word = match t {
            "per" if tokens.get(i) == Some(&"cent") => {
                i += 1;
                "percent"
            }
            "k" if after_number => "thousand",
            "m" | "mn" | "mln" if after_number => "million",
            "b" | "bn" | "bln" if after_number => "billion",
            "tn" | "trn" if after_number => "trillion",
            _ if CURRENCY.contains(&t) && (after_amount || before_number) => continue,
            _ => t,
        };
        out.push(word);
    }
    out.join(" ")
}

/// True when the typed answer `given` matches `expected` after
/// [`normalize_answer`]. A blank answer (or one of punctuation only) never
/// matches.
pub fn answers_match(given: &str, expected: &str) -> bool {
    let given = normalize_answer(given);
    !given.is_empty() && given == normalize_answer(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_space() {
        assert_eq!(fold_case_space("  Charles\t MICHEL \n"), "charles michel");
        assert!(same_text("$24 Billion", " $24  billion"));
        assert!(is_blank(" \t\n"));
        assert!(!is_blank(" x "));
    }

    #[test]
    fn folds_latin_letters() {
        assert_eq!(LATIN1.len(), 32);
        assert_eq!(LATIN_EXT_A.len(), 128);
        assert_eq!(normalize_answer("ŧũŵźčđħĸŉ"), "tuwzcdhkn");
        assert_eq!(
            normalize_answer("Ærøskøbing Łódź Straße Ĳssel Œuvre"),
            "aeroskobing lodz strasse ijssel oeuvre"
        );
        assert_eq!(
            normalize_answer("ÀÉÎÕÜÇÑÝÿ þorn Ğ İstanbul ſ"),
            "aeioucnyy thorn g istanbul s"
        );
        assert_eq!(normalize_answer("Tokaïev"), "tokaiev");
        assert_eq!(normalize_answer("Toka\u{0308}iev"), "tokaiev");
        assert_eq!(normalize_answer("Ёлка ТОКАЕВ"), "елка токаев");
        assert_eq!(normalize_answer("中国"), "中国");
    }

    #[test]
    fn spells_amounts_one_way() {
        for s in [
            "$160 billion",
            "160 billion",
            "$160bn",
            "160 billion dollars",
            "US$ 160 billion",
            "USD 160bn",
            "$160B",
        ] {
            assert_eq!(normalize_answer(s), "160 billion", "{s}");
        }
        assert_eq!(normalize_answer("1,000,000"), "1000000");
        assert_eq!(normalize_answer("1.5%"), "1.5 percent");
        assert_eq!(normalize_answer("25–26 November"), "25 26 november");
        assert_eq!(normalize_answer("25,26"), "25 26");
        assert_eq!(normalize_answer("the US"), "the us");
        assert_eq!(normalize_answer("euro"), "euro");
        assert!(!answers_match(" $ ", "$"));
        assert!(!answers_match("", ""));
    }
}

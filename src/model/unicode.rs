//! Which characters are letters and digits, as `char::is_alphabetic` and
//! `char::is_alphanumeric` say (Unicode's Alphabetic property and its Number
//! category).
//!
//! Natively the answers come from std. In the wasm, ASCII and the runs of
//! letters of the common scripts ([`in_letter_runs`]) are answered here, and
//! the rest is asked of the browser, whose `RegExp` knows the same
//! properties (`\p{Alphabetic}`, `\p{N}`): std's copy of those tables is
//! 1.9 KB gzip of the download (measured). The
//! browser may know an older Unicode version than std; the difference is
//! only in characters added since, which its fonts cannot show either.

/// Whether `c` is a letter: Unicode's Alphabetic property, as
/// `char::is_alphabetic`.
#[inline(always)] // ASCII, most text, costs no call (3 ms in 10,000 facts)
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    class(c) == Class::Letter
}

/// Whether `c` is a letter or a digit (any Unicode Number), as
/// `char::is_alphanumeric`.
#[inline(always)]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    class(c) != Class::Other
}

/// The class of `c`, outside ASCII.
fn class(c: char) -> Class {
    if in_letter_runs(c) {
        Class::Letter
    } else {
        platform::class(c)
    }
}

/// A character's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Alphabetic.
    Letter,
    /// A Number (Nd, Nl or No) that is not alphabetic.
    Digit,
    /// Anything else.
    Other,
}

/// Whether `c` is in one of the runs of letters of the scripts most text is
/// in: Latin (to Latin Extended-B), Greek, Cyrillic, Hebrew, Arabic,
/// Devanagari, kana, CJK ideographs and Hangul syllables. Every character of
/// these runs is alphabetic; one outside them may be too.
fn in_letter_runs(c: char) -> bool {
    matches!(
        c,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}'
            | '\u{386}' | '\u{388}'..='\u{38a}' | '\u{38c}' | '\u{38e}'..='\u{3a1}' | '\u{3a3}'..='\u{3f5}' | '\u{3f7}'..='\u{3ff}'
            | '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}'
            | '\u{5d0}'..='\u{5ea}'
            | '\u{621}'..='\u{63a}' | '\u{641}'..='\u{64a}'
            | '\u{905}'..='\u{939}'
            | '\u{3041}'..='\u{3096}' | '\u{30a1}'..='\u{30fa}'
            | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
            | '\u{ac00}'..='\u{d7a3}'
    )
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::Class;

    /// The class of `c`, from std's tables.
    pub fn class(c: char) -> Class {
        if c.is_alphabetic() {
            Class::Letter
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::Class;
    use wasm_bindgen::prelude::wasm_bindgen;

    // In the snippet of src/dom, with what else the wasm asks of the browser.
    #[wasm_bindgen(module = "/src/dom/host.min.js")]
    extern "C" {
        /// 1 for a letter, 2 for a number, 0 for anything else.
        #[wasm_bindgen(js_name = unicodeClass)]
        fn unicode_class(c: u32) -> u32;
    }

    /// The class of `c`, from the browser's tables.
    pub fn class(c: char) -> Class {
        match unicode_class(u32::from(c)) {
            1 => Class::Letter,
            2 => Class::Digit,
            _ => Class::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_runs_hold_only_letters() {
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| in_letter_runs(c)) {
            assert!(c.is_alphabetic(), "{c:?} U+{:04X}", u32::from(c));
        }
        for c in ['é', 'ß', 'ő', 'ɏ', 'Ά', 'ω', 'Ё', 'Қ', 'ә', 'ԯ', 'א', 'ب', 'क', 'あ', 'ア', '中', '鿿', '한']
        {
            assert!(in_letter_runs(c), "{c:?}");
        }
        // Left to the platform: letters outside the runs, digits, marks.
        for c in ['ª', '²', '×', '΅', '϶', '҂', '\u{483}', 'ְ', '٣', 'ـ', '\u{64b}', 'ं', 'ー', '・', '\u{1f600}']
        {
            assert!(!in_letter_runs(c), "{c:?}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn natively_every_character_is_classed_as_std_classes_it() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}

//! Which characters are letters and digits, as `char::is_alphabetic` and
//! `char::is_alphanumeric` say (Unicode's Alphabetic property and its Number
//! category).
//!
//! Natively the answers come from std. In the wasm, characters outside
//! ASCII and the Latin and Cyrillic letter blocks are asked of the browser,
//! whose `RegExp` knows the same properties (`\p{Alphabetic}`, `\p{N}`):
//! std's copy of those tables is 2 KB gzip of the download (measured). The
//! browser may know an older Unicode version than std; the difference is
//! only in characters added since, which its fonts cannot show either.

/// Whether `c` is a letter: Unicode's Alphabetic property, as
/// `char::is_alphabetic`.
pub fn is_alphabetic(c: char) -> bool {
    match common(c) {
        Some(class) => class == Class::Letter,
        None => platform::class(c) == Class::Letter,
    }
}

/// Whether `c` is a letter or a digit (any Unicode Number), as
/// `char::is_alphanumeric`.
pub fn is_alphanumeric(c: char) -> bool {
    match common(c) {
        Some(class) => class != Class::Other,
        None => platform::class(c) != Class::Other,
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

/// The class of `c` when it is in ASCII, or in a block whose every
/// character is a letter: Latin-1's letters, Latin Extended-A and -B, and
/// Cyrillic's letters. `None` for the rest.
fn common(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else {
            Class::Other
        });
    }
    let letter = matches!(c, '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}')
        || matches!(c, '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}');
    letter.then_some(Class::Letter)
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

    #[wasm_bindgen(
        inline_js = "const A=/\\p{Alphabetic}/u,N=/\\p{N}/u;export function unicodeClass(c){const s=String.fromCodePoint(c);return A.test(s)?1:N.test(s)?2:0}"
    )]
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

    /// std's class of `c`.
    fn std_class(c: char) -> Class {
        if c.is_alphabetic() {
            Class::Letter
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        }
    }

    #[test]
    fn the_common_blocks_agree_with_std() {
        for c in (0..=0x52f).filter_map(char::from_u32) {
            if let Some(class) = common(c) {
                assert_eq!(class, std_class(c), "{c:?} U+{:04X}", u32::from(c));
            }
        }
        // Every letter of Latin-1, Latin Extended-A/B and Cyrillic is there.
        for c in ['é', 'ß', 'ÿ', 'ő', 'ǆ', 'ɏ', 'Ё', 'ж', 'ѳ', 'Қ', 'ә', 'ү', 'ұ', 'ԯ'] {
            assert_eq!(common(c), Some(Class::Letter), "{c:?}");
        }
        for c in ['×', '÷', '²', 'ª', '҂', '\u{483}', 'α', '中'] {
            assert_eq!(common(c), None, "{c:?}");
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

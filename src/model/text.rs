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
}

//! The two minifiers of `build.rs`, in a file of their own so that
//! `tests/minify.rs` can test them: `build.rs` and the test both include it
//! with `#[path]`. Small state machines that copy strings (and CSS `url(…)`)
//! exactly as written.

/// JSON without the white space between tokens; strings are kept as written.
pub fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// CSS without comments, with each run of white space cut to one space, and
/// none at all at the start and end, around `{`, `}`, `;` and `,`, or after
/// `:` (a space before `:` can matter in a selector: `a :hover`). The `;`
/// before a `}` goes too. Strings and `url(…)` are kept as written.
pub fn minify_css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut star = false;
            for d in chars.by_ref() {
                if star && d == '/' {
                    break;
                }
                star = d == '*';
            }
            // A comment separates tokens as white space does.
            space = true;
            continue;
        }
        if c.is_ascii_whitespace() {
            space = true;
            continue;
        }
        let after_separator = out.is_empty() || out.ends_with(['{', '}', ';', ',', ':']);
        if space && !after_separator && !matches!(c, '{' | '}' | ';' | ',') {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        let quote = matches!(c, '"' | '\'').then_some(c);
        let url = c == '(' && out.get(out.len().saturating_sub(4)..).is_some_and(|s| s.eq_ignore_ascii_case("url("));
        if quote.is_some() || url {
            // Copy up to the closing quote or parenthesis, escapes included.
            let close = quote.unwrap_or(')');
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    out.extend(chars.next());
                } else if d == close {
                    break;
                }
            }
        }
    }
    out
}

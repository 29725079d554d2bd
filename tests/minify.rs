#![cfg(not(target_arch = "wasm32"))]
//! The minifiers `build.rs` runs on the embedded style sheet and deck
//! (`build/minify.rs`, included here as it is there).

#[path = "../build/minify.rs"]
mod minify;

use minify::{minify_css, minify_json};
use std::path::Path;

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("file")
}

#[test]
fn css_loses_comments_and_the_white_space_css_ignores() {
    for (css, want) in [
        ("a { color: red; }", "a{color:red}"),
        ("a{color:red;;}", "a{color:red;}"),
        ("  a ,  b  >  c  {  margin : 0  auto ;  }  ", "a,b > c{margin :0 auto}"),
        ("/* one */ a { /* two */ color: red /* three */ ; }", "a{color:red}"),
        ("a/**/b{}", "a b{}"),
        ("a /* * / */ {}", "a{}"),
        ("@media (min-width: 30rem) {\n  .x { top: 0 }\n}\n", "@media (min-width:30rem){.x{top:0}}"),
        ("a\t\n\r :hover {}", "a :hover{}"),
        ("a { width: calc(100% - 2rem); }", "a{width:calc(100% - 2rem)}"),
    ] {
        assert_eq!(minify_css(css), want, "{css:?}");
    }
}

#[test]
fn css_strings_and_urls_are_kept_as_written() {
    for (css, want) in [
        (
            r#"a::before { content: "  two  spaces /* not a comment */ "; }"#,
            r#"a::before{content:"  two  spaces /* not a comment */ "}"#,
        ),
        (r#"a { content: "a \" b  ;}" }"#, r#"a{content:"a \" b  ;}"}"#),
        ("a { content: '  x  '; }", "a{content:'  x  '}"),
        ("a { background: url( a  b.png ) }", "a{background:url( a  b.png )}"),
        ("a { background: URL(/*x*/ ) }", "a{background:URL(/*x*/ )}"),
        (r"a { background: url(a\)  b) }", r"a{background:url(a\)  b)}"),
        ("a { content: \"unclosed", "a{content:\"unclosed"),
    ] {
        assert_eq!(minify_css(css), want, "{css:?}");
    }
}

#[test]
fn the_widget_style_sheet_minifies_to_the_same_rules() {
    let css = read("src/dom/style.css");
    let min = minify_css(&css);
    assert!(min.len() * 10 < css.len() * 9, "{} of {} bytes", min.len(), css.len());
    assert!(!min.contains("/*") && !min.contains('\n') && !min.contains("  "));
    assert_eq!(minify_css(&min), min, "minifying twice changes nothing");
    // The same tokens: only white space, comments and a `;` before `}` go.
    let tokens = |s: &str| {
        let mut out = String::new();
        let mut rest = s;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
        }
        out.push_str(rest);
        out.split_whitespace().collect::<String>().replace(";}", "}")
    };
    assert_eq!(tokens(&min), tokens(&css));
    for brace in ['{', '}', '(', ')', ':', ','] {
        assert_eq!(min.matches(brace).count(), tokens(&css).matches(brace).count(), "{brace}");
    }
}

#[test]
fn json_loses_only_the_white_space_between_tokens() {
    assert_eq!(minify_json("{ \"a b\" : [ 1 , \"x \\\" y\" ,\n\t true ] }\r\n"), r#"{"a b":[1,"x \" y",true]}"#);
    assert_eq!(minify_json(r#"["\\", " "]"#), r#"["\\"," "]"#);
    let deck = read("www/decks/tokayev-brussels-2021.json");
    let min = minify_json(&deck);
    let parsed = |s: &str| serde_json::from_str::<serde_json::Value>(s).expect("JSON");
    assert_eq!(parsed(&min), parsed(&deck));
    assert!(min.len() < deck.len() && !min.contains('\n'));
}

#![cfg(not(target_arch = "wasm32"))]
//! The `factcards` binary: `validate` on every invalid fixture (exit 1, one
//! `FILE: path: message` line per issue), on the article's deck (exit 0), on
//! files it cannot read, and the usage errors (exit 2); `validate --article`
//! against the seed article (tests/fixtures/article.txt).

use factcards::model::validate::parse_deck_text;
use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with `args` in the crate directory, so file names in its
/// output are the relative ones given.
fn factcards(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcards"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run factcards")
}

/// Stdout as text.
fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

/// Stderr as text.
fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

/// The invalid fixtures, as paths relative to the crate, sorted.
fn invalid_fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8 name"))
        .filter(|n| n.ends_with(".json"))
        .map(|n| format!("tests/fixtures/invalid/{n}"))
        .collect();
    files.sort();
    files
}

/// The lines `validate` must print for `file`: one per issue the library
/// finds, `FILE: path: message`, or `FILE: message` for the deck itself; a
/// path inside a fact with a string id names it (`facts[1] (id "x").back`),
/// except a path at the id itself.
fn expected_lines(file: &str) -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("fixture");
    let issues = parse_deck_text(&text).expect_err("an invalid fixture");
    let json: Option<serde_json::Value> = serde_json::from_str(&text).ok();
    issues
        .iter()
        .map(|i| {
            if i.path.is_empty() {
                return format!("{file}: {}\n", i.message);
            }
            let id = i.path.strip_prefix("facts[").and_then(|rest| {
                let (n, field) = rest.split_once("].")?;
                let id = json.as_ref()?.get("facts")?.get(n.parse::<usize>().ok()?)?.get("id")?.as_str()?;
                (!field.starts_with("id") && !id.trim().is_empty()).then(|| (n.to_string(), field.to_string(), id))
            });
            match id {
                Some((n, field, id)) => format!("{file}: facts[{n}] (id {id:?}).{field}: {}\n", i.message),
                None => format!("{file}: {}: {}\n", i.path, i.message),
            }
        })
        .collect()
}

#[test]
fn every_invalid_fixture_fails_with_its_issues() {
    let files = invalid_fixtures();
    assert!(files.len() >= 50, "{} invalid fixtures", files.len());
    for file in files {
        let output = factcards(&["validate", &file]);
        assert_eq!(output.status.code(), Some(1), "{file}: {}", stderr(&output));
        assert_eq!(stdout(&output), expected_lines(&file), "{file}");
        assert_eq!(stderr(&output), "", "{file}");
    }
}

#[test]
fn problems_read_file_path_message() {
    let file = "tests/fixtures/invalid/fact-back-blank.json";
    let output = factcards(&["validate", file]);
    assert_eq!(stdout(&output), "tests/fixtures/invalid/fact-back-blank.json: facts[0].back: must not be blank\n");
    let file = "tests/fixtures/invalid/deck-not-object.json";
    let output = factcards(&["validate", file]);
    assert_eq!(
        stdout(&output),
        "tests/fixtures/invalid/deck-not-object.json: must be an object (a deck), not an array\n"
    );
    let output = factcards(&["validate", "tests/fixtures/invalid/multiple-errors.json"]);
    assert_eq!(stdout(&output).lines().count(), 16);
}

#[test]
fn the_article_deck_is_valid() {
    let file = "www/decks/tokayev-brussels-2021.json";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("deck");
    let n = parse_deck_text(&text).expect("a valid deck").facts.len();
    let output = factcards(&["validate", file]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let facts = if n == 1 { "fact" } else { "facts" };
    assert_eq!(stdout(&output), format!("{file}: ok ({n} {facts})\n"));
}

#[test]
fn several_files_are_reported_in_order() {
    let output = factcards(&[
        "validate",
        "tests/fixtures/valid/full.json",
        "tests/fixtures/invalid/fact-back-blank.json",
        "tests/fixtures/valid/minimal.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        without_warnings(&stdout(&output)),
        "tests/fixtures/valid/full.json: ok (9 facts, 10 warnings)\n\
         tests/fixtures/invalid/fact-back-blank.json: facts[0].back: must not be blank\n\
         tests/fixtures/valid/minimal.json: ok (1 fact, 2 warnings)\n"
    );
    let output = factcards(&["validate", "--", "tests/fixtures/valid/minimal.json"]);
    assert_eq!(output.status.code(), Some(0));
}

/// `out` without its `warning:` lines.
fn without_warnings(out: &str) -> String {
    out.lines().filter(|l| !l.contains(": warning: ")).map(|l| format!("{l}\n")).collect()
}

#[test]
fn warnings_name_the_fact_and_do_not_fail_the_deck() {
    let file = "tests/fixtures/valid/minimal.json";
    let output = factcards(&["validate", file]);
    assert_eq!(output.status.code(), Some(0), "warnings alone pass");
    assert_eq!(
        stdout(&output),
        "tests/fixtures/valid/minimal.json: warning: facts[0] (id \"fact-1\").back: left out of multiple-choice \
         quizzes: no wrong option (add distractors or facts of the same kind)\n\
         tests/fixtures/valid/minimal.json: warning: facts[0] (id \"fact-1\").kind: kind \"other\" cannot give 3 \
         wrong options to each of its facts\n\
         tests/fixtures/valid/minimal.json: ok (1 fact, 2 warnings)\n"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn an_unreadable_file_is_an_error() {
    let output = factcards(&["validate", "tests/fixtures/valid/minimal.json", "no/such/deck.json"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        without_warnings(&out).starts_with("tests/fixtures/valid/minimal.json: ok (1 fact, 2 warnings)\n"),
        "{out}"
    );
    assert!(out.contains("no/such/deck.json: cannot read: "), "{out}");
    let output = factcards(&["validate", "tests/fixtures"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("tests/fixtures: cannot read: "));
}

#[test]
fn text_that_is_not_json_is_reported() {
    let path = std::env::temp_dir().join(format!("factcards-cli-{}.json", std::process::id()));
    std::fs::write(&path, "{\"version\": 1,\n\"title\": }").expect("temp file");
    let name = path.to_str().expect("UTF-8 temp path");
    let output = factcards(&["validate", name]);
    std::fs::remove_file(&path).ok();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), format!("{name}: not valid JSON: expected value at line 2 column 10\n"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["validate"][..],
        &["check", "deck.json"][..],
        &["validate", "--strict", "deck.json"][..],
        &["render"][..],
        &["render", "a.json", "b.json"][..],
        &["validate", "--article"][..],
        &["validate", "--article", "tests/fixtures/article.txt"][..],
        &["validate", "--article", "a.txt", "--article=b.txt", "deck.json"][..],
        &["suggest"][..],
        &["suggest", "a.txt", "b.txt"][..],
        &["suggest", "--deck"][..],
        &["suggest", "--strict", "a.txt"][..],
    ] {
        let output = factcards(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("usage: factcards"), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
    }
}

#[test]
fn help_prints_the_usage() {
    for flag in ["help", "--help", "-h"] {
        let output = factcards(&[flag]);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).starts_with("usage: factcards"));
        assert!(stdout(&output).contains("validate [--article ARTICLE] FILE..."));
        assert!(stdout(&output).contains("suggest [--deck DECK] ARTICLE"));
    }
}

/// Splits HTML into its tags, in order; panics on a `<` that starts no tag.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let end = after.find('>').expect("every < opens a tag that closes");
        out.push(after[..end].to_string());
        rest = &after[end + 1..];
    }
    out
}

#[test]
fn render_writes_balanced_escaped_html_of_every_fact() {
    let dir = std::env::temp_dir().join(format!("factcards-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hostile.json");
    let payload = r#"<img src=x onerror="alert(1)"> & 'q'"#;
    let deck = serde_json::json!({
        "version": 1, "title": payload, "description": payload,
        "source": {"publisher": payload, "headline": payload, "url": "https://example.com/?a=1&b=\"2\"", "editor": payload},
        "facts": [{"id": "x\"y", "front": payload, "back": payload, "detail": payload, "quote": payload}]
    });
    std::fs::write(&file, deck.to_string()).unwrap();
    let out = factcards(&["render", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("<img"), "markup from the deck stays text:\n{html}");
    assert_eq!(html.matches("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;").count(), 9, "{html}");
    // Parsing it back: every tag is one of ours, and every element closes in order.
    let mut open: Vec<String> = Vec::new();
    for tag in tags(&html) {
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "tags nest in {html}");
        } else {
            let name = tag.split(' ').next().unwrap().to_string();
            assert!(
                ["section", "h2", "p", "dl", "dt", "dd", "strong", "span", "blockquote", "a", "cite"]
                    .contains(&name.as_str()),
                "unexpected tag <{name}>"
            );
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed {open:?}");
    assert!(html.contains(r#"href="https://example.com/?a=1&amp;b=&quot;2&quot;""#));
    assert!(html.contains(r#"id="fact-x&quot;y""#));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn render_the_article_deck_lists_every_fact() {
    let out = factcards(&["render", "www/decks/tokayev-brussels-2021.json"]);
    assert!(out.status.success());
    let html = stdout(&out);
    let deck = parse_deck_text(&std::fs::read_to_string("www/decks/tokayev-brussels-2021.json").unwrap()).unwrap();
    assert_eq!(html.matches("<dt ").count(), deck.facts.len());
    assert!(html.contains("Source: Euractiv"));
    assert!(html.contains("(ed. Zoran Radosavljevic)"));
}

#[test]
fn render_refuses_an_invalid_deck() {
    let out = factcards(&["render", "tests/fixtures/invalid/fact-back-blank.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("facts[0].back: must not be blank"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

/// The seed article, as tests/article_deck.rs reads it.
const ARTICLE: &str = "tests/fixtures/article.txt";

#[test]
fn the_article_deck_passes_against_its_article() {
    let file = "www/decks/tokayev-brussels-2021.json";
    for args in
        [&["validate", "--article", ARTICLE, file][..], &["validate", &format!("--article={ARTICLE}"), file][..]]
    {
        let output = factcards(args);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        assert_eq!(
            stdout(&output),
            "www/decks/tokayev-brussels-2021.json: warning: facts[2] (id \"visit-dates\").detail: number \"2021\" is not in the article\n\
             www/decks/tokayev-brussels-2021.json: ok (31 facts, 1 warning)\n"
        );
        assert_eq!(stderr(&output), "");
    }
}

#[test]
fn an_invented_quote_fails_with_its_path() {
    let file = "tests/fixtures/article/invented-quote.json";
    let output = factcards(&["validate", "--article", ARTICLE, file]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        without_warnings(&stdout(&output)),
        "tests/fixtures/article/invented-quote.json: facts[1] (id \"michel-praise\").quote: not in the article; \
         closest: \"Tokayev’s meeting with European Council President Charles Michel on Thursday. In a\"\n"
    );
    // Without the article, the same deck is valid.
    assert_eq!(factcards(&["validate", file]).status.code(), Some(0));
}

#[test]
fn a_number_missing_from_the_article_is_a_warning() {
    let file = "tests/fixtures/article/missing-number.json";
    let output = factcards(&["validate", "--article", ARTICLE, file, "tests/fixtures/article/invented-quote.json"]);
    assert_eq!(output.status.code(), Some(1), "the second deck has an error");
    let out = stdout(&output);
    assert!(
        out.starts_with(
            "tests/fixtures/article/missing-number.json: warning: facts[0] (id \"bilateral-trade\").detail: number \"€21 billion\" is not in the article\n\
             tests/fixtures/article/missing-number.json: ok (2 facts, 1 warning)\n\
             tests/fixtures/article/invented-quote.json: facts[1] (id \"michel-praise\").quote: not in the article; "
        ),
        "{out}"
    );
    let output = factcards(&["validate", "--article", ARTICLE, file]);
    assert_eq!(output.status.code(), Some(0), "warnings alone pass");
}

#[test]
fn an_html_article_is_reduced_to_its_text() {
    let dir = std::env::temp_dir().join(format!("factcards-article-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let body: String = text.split("\n\n").map(|p| format!("<p>{}</p>\n", p.replace('’', "&#8217;"))).collect();
    let html = dir.join("article.html");
    std::fs::write(&html, format!("<html><head><style>p {{}}</style></head><body>{body}</body></html>")).unwrap();
    let output = factcards(&["validate", "--article", html.to_str().unwrap(), "www/decks/tokayev-brussels-2021.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("ok (31 facts, 1 warning)\n"));
    // An unreadable article: exit 1, no deck checked.
    let output = factcards(&["validate", "--article", "no/such/article.txt", "www/decks/tokayev-brussels-2021.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("no/such/article.txt: cannot read: "), "{}", stdout(&output));
    assert_eq!(stdout(&output).lines().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_article_not_in_utf8_is_read_with_a_warning() {
    let dir = std::env::temp_dir().join(format!("factcards-encoding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    // The seed article in Windows-1252: curly quotes, dashes and accents as
    // single bytes (0x92 for ’, 0x96 for –, …).
    let legacy: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            '€' => 0x80,
            '…' => 0x85,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 character"),
        })
        .collect();
    assert!(std::str::from_utf8(&legacy).is_err());
    let file = dir.join("article-1252.txt");
    std::fs::write(&file, &legacy).unwrap();
    let path = file.to_str().unwrap();
    let output = factcards(&["validate", "--article", path, "www/decks/tokayev-brussels-2021.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!(
            "{path}: warning: not UTF-8: read as Windows-1252; check its accented letters and quotation marks\n"
        )),
        "{out}"
    );
    assert!(out.ends_with("ok (31 facts, 1 warning)\n"), "every quote is found: {out}");
    let output = factcards(&["suggest", path]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).starts_with(&format!("{path}: warning: not UTF-8")), "{}", stderr(&output));
    assert!(stdout(&output).contains("Central Asian country’s relations"), "’ read as itself");
    // UTF-8 with one stray byte: read as UTF-8, the byte as U+FFFD.
    let mut stray = text.clone().into_bytes();
    stray.extend_from_slice(b"\nA stray \xff byte.\n");
    std::fs::write(&file, &stray).unwrap();
    let output = factcards(&["validate", "--article", path, "www/decks/tokayev-brussels-2021.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with(&format!(
            "{path}: warning: not all UTF-8: 1 stray byte sequence read as \u{fffd}; a quote across one is not found\n"
        )),
        "{}",
        stdout(&output)
    );
    // UTF-16 by its byte order mark: no warning.
    let wide: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&file, &wide).unwrap();
    let output = factcards(&["validate", "--article", path, "www/decks/tokayev-brussels-2021.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(!stdout(&output).contains(&format!("{path}: warning")), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("ok (31 facts, 1 warning)\n"), "{}", stdout(&output));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_structural_error_is_reported_before_the_article_check() {
    let output = factcards(&["validate", "--article", ARTICLE, "tests/fixtures/invalid/fact-back-blank.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), expected_lines("tests/fixtures/invalid/fact-back-blank.json"));
}

#[test]
fn suggest_writes_draft_facts_that_validate_against_the_article() {
    let dir = std::env::temp_dir().join(format!("factcards-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = factcards(&["suggest", ARTICLE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let drafts = dir.join("drafts.json");
    std::fs::write(&drafts, &output.stdout).unwrap();
    let deck = parse_deck_text(&stdout(&output)).expect("the drafts are a valid deck");
    assert_eq!(deck.title, "Kazakhstan president visits Brussels in effort to deepen relations");
    assert!(deck.facts.len() >= 20, "{}", deck.facts.len());
    let name = drafts.to_str().unwrap();
    let checked = factcards(&["validate", "--article", ARTICLE, name]);
    // Warnings (drafts of a kind with few facts) but no error.
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    let n = deck.facts.len();
    let report = without_warnings(&stdout(&checked));
    assert!(report.starts_with(&format!("{name}: ok ({n} facts")) && report.lines().count() == 1, "{report}");

    // With --deck, only facts the deck does not have, with ids of their own.
    let builtin = "www/decks/tokayev-brussels-2021.json";
    let output = factcards(&["suggest", "--deck", builtin, ARTICLE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let new = parse_deck_text(&stdout(&output)).expect("a valid deck");
    assert!(!new.facts.is_empty() && new.facts.len() < deck.facts.len());
    let old = parse_deck_text(&std::fs::read_to_string(builtin).unwrap()).unwrap();
    assert!(new.facts.iter().all(|f| old.facts.iter().all(|o| o.id != f.id)));
    assert!(!new.facts.iter().any(|f| f.back == "$160 billion"));

    // An HTML article, and one with nothing to draft.
    let html = dir.join("report.html");
    std::fs::write(
        &html,
        "<html><body><h1>Report</h1><p>Sales rose 12% to $4.5&nbsp;billion in 2023.</p></body></html>",
    )
    .unwrap();
    let output = factcards(&["suggest", html.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let backs: Vec<String> = parse_deck_text(&stdout(&output)).unwrap().facts.into_iter().map(|f| f.back).collect();
    assert_eq!(backs, ["12%", "$4.5 billion", "2023"]);
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "nothing here.").unwrap();
    let output = factcards(&["suggest", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).ends_with("empty.txt: no new facts found\n"), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let output = factcards(&["suggest", "no/such/article.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("no/such/article.txt: cannot read: "));
    std::fs::remove_dir_all(&dir).ok();
}

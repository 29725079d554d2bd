#![cfg(not(target_arch = "wasm32"))]
//! The option names and the label names are written down in the model once
//! ([`options::NAMES`], [`Key::ALL`]) and repeated where the model cannot
//! reach: the `<fact-cards>` attributes (`src/dom/element.js`), the d.ts in
//! `src/api.rs` and `docs/api.md`. Each copy must name exactly the same ones.

use factcards::model::locale::Key;
use factcards::model::options;
use std::path::Path;

/// The text of `file` in the crate.
fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of `text` from `start` (which must occur once) up to the first
/// `end` after it.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    assert_eq!(text.matches(start).count(), 1, "{start:?} should occur once");
    let from = text.find(start).map(|i| i + start.len()).expect("start");
    let rest = &text[from..];
    &rest[..rest.find(end).unwrap_or_else(|| panic!("no {end:?} after {start:?}"))]
}

/// The strings in double quotes in `text`, in order.
fn quoted(text: &str) -> Vec<String> {
    text.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The names in the first column of the Markdown table that starts after
/// `heading`: the `code` of each row.
fn table_names(text: &str, heading: &str) -> Vec<String> {
    let rest = between(text, heading, "\n\n#");
    rest.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|line| line.split('`').next())
        .map(str::to_owned)
        .collect()
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

fn model_options() -> Vec<String> {
    options::NAMES.iter().map(|n| n.to_string()).collect()
}

#[test]
fn the_element_observes_every_option_as_an_attribute() {
    let js = read("src/dom/element.js");
    assert_eq!(quoted(between(&js, "const ATTRS = [", "]")), model_options());
}

#[test]
fn the_dts_declares_every_option() {
    let api = read("src/api.rs");
    let body = between(&api, "export interface MountOptions {", "\n}");
    let declared: Vec<String> =
        body.lines().filter_map(|line| line.trim().split_once("?:")).map(|(name, _)| name.to_owned()).collect();
    assert_eq!(declared, model_options());
}

#[test]
fn the_docs_list_every_option_and_attribute() {
    let docs = read("docs/api.md");
    assert_eq!(table_names(&docs, "### `MountOptions`"), model_options());
    let mut attributes = vec!["src".to_owned(), "loading".to_owned(), "timeout".to_owned()];
    attributes.extend(model_options());
    let heading = docs.lines().find(|l| l.starts_with("##") && l.contains("<fact-cards>")).expect("element heading");
    assert_eq!(table_names(&docs, heading), attributes);
}

#[test]
fn the_dts_and_the_docs_name_every_label() {
    let labels = sorted(Key::ALL.iter().map(|k| k.name().to_owned()).collect());
    let api = read("src/api.rs");
    assert_eq!(sorted(quoted(between(&api, "export type LabelName =", ";"))), labels, "LabelName in the d.ts");
    let docs = read("docs/api.md");
    let listed = between(&docs, "Names: `", "`").split_whitespace().map(str::to_owned).collect();
    assert_eq!(sorted(listed), labels, "the labels row of docs/api.md");
}

/// Every `part` name in the first cell of a Markdown table row: each
/// `` `name` `` of the cell.
fn table_cells(text: &str, heading: &str) -> Vec<String> {
    let rest = between(text, heading, "\n\n#");
    rest.lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|line| line.split(" |").next())
        .flat_map(|cell| cell.split('`').skip(1).step_by(2).map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn the_docs_list_every_part() {
    // `part="name"` in the markup, raw (`r#"…"#`) or escaped (`\"`).
    let mut parts: Vec<String> = Vec::new();
    for file in ["src/dom/template.rs", "src/dom/shell.rs"] {
        let text = read(file).replace("\\\"", "\"");
        parts.extend(text.split("part=\"").skip(1).filter_map(|p| p.split('"').next()).map(str::to_owned));
    }
    parts.sort();
    parts.dedup();
    let mut docs = table_cells(&read("docs/api.md"), "### Parts");
    docs.sort();
    docs.dedup();
    assert_eq!(parts, docs);
}

#![cfg(not(target_arch = "wasm32"))]
//! `<fact-cards>` draws its loading and failure panels in JS until the wasm
//! has started (src/dom/element.js): its words must be the widget's own
//! (src/model/locale.rs), in every built-in language, in the source and in
//! the minified copy the package ships (written in UTF-8, not escaped:
//! scripts/minify-snippets.mjs sets esbuild's `charset`).

use factcards::model::locale::{Key, Lang, Strings};
use std::path::Path;

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("file")
}

#[test]
fn the_elements_own_panels_say_what_the_widget_says() {
    for file in ["src/dom/element.js", "src/dom/element.min.js"] {
        let js = read(file);
        for (tag, lang) in [("en", Lang::En), ("fr", Lang::Fr), ("ru", Lang::Ru)] {
            let strings = Strings::new(lang);
            let entry = format!("{tag}:[\"{}\",\"{}\"]", strings.get(Key::Loading), strings.get(Key::Failed));
            let compact: String = js.split_whitespace().collect::<Vec<_>>().join("");
            let want: String = entry.split_whitespace().collect::<Vec<_>>().join("");
            assert!(compact.contains(&want), "{file}: no {entry}");
        }
    }
}

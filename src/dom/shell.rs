//! The parts around the two panels: the tabs and the source credit.

use super::template::{find, find_all, set_attr, set_hidden, set_text};
use crate::model::app::{App, Modes};
use crate::model::locale::{Key, Strings};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, HtmlElement};

/// Labels the Cards and Quiz tabs, hiding the tab list when only one view is
/// offered. Returns the two tabs.
pub fn build_tabs(root: &DocumentFragment, app: &App, s: &Strings) -> Result<[HtmlElement; 2], JsValue> {
    let list = find(root, "[role=tablist]")?;
    set_attr(&list, "aria-label", s.get(Key::Modes));
    set_hidden(&list, app.settings.modes != Modes::Both);
    let tabs: Vec<HtmlElement> = find_all(root, "[role=tab]")?.into_iter().map(JsCast::unchecked_into).collect();
    let [cards, quiz]: [HtmlElement; 2] =
        tabs.try_into().map_err(|_| JsValue::from_str("factcards: template lacks the two tabs"))?;
    set_text(&cards, s.get(Key::Cards));
    set_text(&quiz, s.get(Key::Quiz));
    Ok([cards, quiz])
}

/// Writes the source credit under the widget: publisher, linked when the deck
/// gives an http(s) URL, and the headline.
pub fn build_credit(root: &DocumentFragment, app: &App, s: &Strings) -> Result<(), JsValue> {
    let credit = find(root, ".credit")?;
    let Some(source) = &app.deck.source else { return Ok(()) };
    let name = source.publisher.as_deref().or(source.url.as_deref());
    let Some(name) = name else { return Ok(()) };
    set_text(&find(root, ".l-source")?, &[s.get(Key::Source), s.get(Key::LabelEnd)].concat());
    let link = find(root, ".credit a")?;
    let mut rest = String::new();
    match &source.url {
        // Validated as http or https before it gets here.
        Some(url) => {
            set_text(&link, name);
            set_attr(&link, "href", url);
        }
        None => {
            set_hidden(&link, true);
            rest.push_str(name);
        }
    }
    if let Some(h) = &source.headline {
        rest.push_str(", “");
        rest.push_str(h);
        rest.push('”');
    }
    if let Some(a) = &source.author {
        rest.push_str(", ");
        rest.push_str(a);
    }
    if let Some(e) = &source.editor {
        rest.push(' ');
        rest.push_str(&s.with_name(Key::Edited, e));
    }
    let text = find(root, ".c-text")?;
    set_text(&text, &rest);
    set_attr(&credit, "lang", &app.deck.language);
    set_attr(&find(root, ".l-source")?, "lang", s.lang().tag());
    set_hidden(&credit, false);
    Ok(())
}

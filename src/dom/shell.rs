//! The parts around the two panels: the tabs and the source credit.

use super::template::{set_attr, set_hidden, set_text, Refs};
use crate::model::app::{App, Modes};
use crate::model::locale::{Key, Strings};
use web_sys::HtmlElement;

/// Labels the Cards and Quiz tabs, hiding the tab list when only one view is
/// offered. Returns the two tabs.
pub fn build_tabs(r: &Refs, app: &App, s: &Strings) -> [HtmlElement; 2] {
    let list = r.find("[role=tablist]");
    set_attr(&list, "aria-label", s.get(Key::Modes));
    set_hidden(&list, app.settings.modes != Modes::Both);
    let [cards, quiz] = r.all::<2>("[role=tab]");
    set_text(&cards, s.get(Key::Cards));
    set_text(&quiz, s.get(Key::Quiz));
    [cards, quiz]
}

/// Writes the source credit under the widget: publisher, linked when the deck
/// gives an http(s) URL, and the headline.
pub fn build_credit(r: &Refs, app: &App, s: &Strings) {
    let credit = r.find(".credit");
    let Some(source) = &app.deck.source else { return };
    let name = source.publisher.as_deref().or(source.url.as_deref());
    let Some(name) = name else { return };
    set_text(&r.find(".l-source"), &[s.get(Key::Source), s.get(Key::LabelEnd)].concat());
    let link = r.find(".credit a");
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
        rest.push_str(", ");
        rest.push_str(&s.with_name(Key::Headline, h));
    }
    if let Some(a) = &source.author {
        rest.push_str(", ");
        rest.push_str(a);
    }
    if let Some(e) = &source.editor {
        rest.push(' ');
        rest.push_str(&s.with_name(Key::Edited, e));
    }
    let text = r.find(".c-text");
    set_text(&text, &rest);
    set_attr(&credit, "lang", &app.deck.language);
    set_attr(&r.find(".l-source"), "lang", s.lang().tag());
    set_hidden(&credit, false);
}
